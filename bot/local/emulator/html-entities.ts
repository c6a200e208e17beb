import type { MessageEntity } from 'grammy/types'

export class EntityParseError extends Error {}

const simpleTags: Record<string, MessageEntity['type']> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  code: 'code',
  pre: 'pre',
  'tg-spoiler': 'spoiler',
  blockquote: 'blockquote',
}

const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' }

function decodeEntity(name: string, offset: number): string {
  const numeric = /^#(x[0-9a-f]+|\d+)$/i.exec(name)
  if (numeric !== null) {
    const body = numeric[1] ?? ''
    return String.fromCodePoint(body[0] === 'x' || body[0] === 'X' ? parseInt(body.slice(1), 16) : Number(body))
  }
  const value = named[name]
  if (value === undefined) throw new EntityParseError(`can't parse entities: Unsupported HTML entity "&${name};" at byte offset ${offset}`)
  return value
}

type Open = { tag: string; start: number; entity: MessageEntity | undefined }

/**
 * Parses the HTML subset Telegram accepts (parse_mode "HTML") into plain text and entities with
 * UTF-16 offsets, throwing the error Telegram gives for unsupported or unbalanced tags.
 */
export function parseHtml(html: string): { text: string; entities: MessageEntity[] } {
  let text = ''
  const entities: MessageEntity[] = []
  const stack: Open[] = []
  let i = 0
  while (i < html.length) {
    const char = html[i]
    if (char === '&') {
      const end = html.indexOf(';', i)
      if (end === -1 || end - i > 10) {
        text += '&'
        i++
        continue
      }
      text += decodeEntity(html.slice(i + 1, end), Buffer.byteLength(html.slice(0, i)))
      i = end + 1
      continue
    }
    if (char !== '<') {
      text += char
      i++
      continue
    }
    const end = html.indexOf('>', i)
    const at = Buffer.byteLength(html.slice(0, i))
    if (end === -1) throw new EntityParseError(`can't parse entities: Unclosed start tag at byte offset ${at}`)
    const raw = html.slice(i + 1, end).trim()
    i = end + 1
    if (raw.startsWith('/')) {
      const tag = raw.slice(1).trim().toLowerCase()
      const open = stack.pop()
      if (open === undefined || open.tag !== tag) {
        throw new EntityParseError(`can't parse entities: Can't find end tag corresponding to start tag "${open?.tag ?? tag}"`)
      }
      if (open.entity !== undefined && text.length > open.start) {
        entities.push({ ...open.entity, offset: open.start, length: text.length - open.start } as MessageEntity)
      }
      continue
    }
    const match = /^([a-z-]+)\s*(.*)$/is.exec(raw)
    const tag = match?.[1]?.toLowerCase() ?? ''
    const attributes = match?.[2] ?? ''
    const attribute = (name: string) => new RegExp(`${name}\\s*=\\s*"([^"]*)"|${name}\\s*=\\s*'([^']*)'`, 'i').exec(attributes)
    let entity: MessageEntity | undefined
    if (tag === 'a') {
      const href = attribute('href')
      const url = (href?.[1] ?? href?.[2] ?? '').replace(/&amp;/g, '&')
      entity = url === '' ? undefined : ({ type: 'text_link', url } as MessageEntity)
    } else if (tag === 'span' && /tg-spoiler/.test(attributes)) {
      entity = { type: 'spoiler' } as MessageEntity
    } else if (tag === 'tg-emoji') {
      entity = undefined
    } else if (tag in simpleTags) {
      entity = { type: simpleTags[tag] } as MessageEntity
      const language = /^code$/.test(tag) && stack.at(-1)?.tag === 'pre' ? attribute('class')?.[1]?.replace(/^language-/, '') : undefined
      const pre = stack.at(-1)
      if (language !== undefined && pre?.entity !== undefined) (pre.entity as { language?: string }).language = language
      if (tag === 'blockquote' && /expandable/.test(attributes)) entity = { type: 'expandable_blockquote' } as MessageEntity
    } else {
      throw new EntityParseError(`can't parse entities: Unsupported start tag "${tag}" at byte offset ${at}`)
    }
    stack.push({ tag: tag === 'span' ? 'span' : tag, start: text.length, entity })
  }
  const unclosed = stack.pop()
  if (unclosed !== undefined)
    throw new EntityParseError(`can't parse entities: Can't find end tag corresponding to start tag "${unclosed.tag}"`)
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length)
  return { text, entities }
}
