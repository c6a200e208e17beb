// Telegram message text + entities → DOM nodes. Offsets and lengths are UTF-16 code units, which is
// what JavaScript strings index by, so slicing the text directly is exact. Message text only ever
// becomes text nodes; no HTML is parsed.

const SAFE_LINK = /^(https?:\/\/|mailto:|tel:)/i

/** Telegram allows nesting but not partial overlap; clip anything malformed instead of failing. */
function byStart(a, b) {
  return a.offset - b.offset || b.length - a.length
}

/**
 * @param {string} text
 * @param {Array<{type: string, offset: number, length: number, url?: string, language?: string}>|undefined} entities
 * @param {{ onCommand?: (command: string) => void }} handlers
 */
export function renderFormatted(text, entities, handlers = {}) {
  const fragment = document.createDocumentFragment()
  const valid = (entities ?? [])
    .filter((e) => Number.isInteger(e.offset) && Number.isInteger(e.length) && e.length > 0 && e.offset >= 0 && e.offset < text.length)
    .sort(byStart)
  build(fragment, text, valid, 0, text.length, handlers)
  return fragment
}

function build(parent, text, entities, start, end, handlers) {
  let position = start
  let index = 0
  while (index < entities.length) {
    const entity = entities[index]
    const entityEnd = entity.offset + entity.length
    // Entities starting inside this one are its children.
    let next = index + 1
    while (next < entities.length && entities[next].offset < entityEnd) next++
    const from = Math.max(entity.offset, position)
    const to = Math.min(entityEnd, end)
    if (from > position) parent.append(text.slice(position, from))
    if (to > from) {
      const { outer, inner } = wrap(entity, text.slice(entity.offset, entityEnd), handlers)
      build(inner, text, entities.slice(index + 1, next), from, to, handlers)
      parent.append(outer)
      position = to
    }
    index = next
  }
  if (position < end) parent.append(text.slice(position, end))
}

function element(tag, className) {
  const node = document.createElement(tag)
  if (className) node.className = className
  return node
}

function link(href) {
  const a = element('a')
  a.href = href
  a.target = '_blank'
  a.rel = 'noopener noreferrer'
  return a
}

function wrap(entity, covered, handlers) {
  const same = (node) => ({ outer: node, inner: node })
  switch (entity.type) {
    case 'bold':
      return same(element('strong'))
    case 'italic':
      return same(element('em'))
    case 'underline':
      return same(element('u'))
    case 'strikethrough':
      return same(element('s'))
    case 'code':
      return same(element('code'))
    case 'pre': {
      const pre = element('pre')
      const code = element('code')
      if (entity.language) code.dataset.language = entity.language
      pre.append(code)
      return { outer: pre, inner: code }
    }
    case 'blockquote':
    case 'expandable_blockquote':
      return same(element('blockquote'))
    case 'spoiler': {
      const span = element('span', 'spoiler')
      span.tabIndex = 0
      span.dataset.testid = 'spoiler'
      const reveal = () => span.classList.add('revealed')
      span.addEventListener('click', reveal)
      span.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') reveal()
      })
      return same(span)
    }
    case 'text_link':
      return same(SAFE_LINK.test(entity.url ?? '') ? link(entity.url) : element('span', 'link-unsafe'))
    case 'url':
      return same(link(/^[a-z][\w+.-]*:\/\//i.test(covered) ? covered : `https://${covered}`))
    case 'email':
      return same(link(`mailto:${covered}`))
    case 'phone_number':
      return same(link(`tel:${covered.replace(/[^\d+]/g, '')}`))
    case 'bot_command': {
      const a = element('a', 'command')
      a.href = '#'
      a.addEventListener('click', (event) => {
        event.preventDefault()
        handlers.onCommand?.(covered)
      })
      return same(a)
    }
    case 'mention':
    case 'hashtag':
    case 'cashtag':
    case 'text_mention':
      return same(element('span', 'mention'))
    default:
      return same(element('span'))
  }
}
