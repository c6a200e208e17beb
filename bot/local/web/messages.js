// One Telegram Message → one chat row: the bubble (media, text with entities, time, "edited")
// and, for bot messages, its inline keyboard underneath.

import { renderFormatted } from './entities.js'
import { amapLink, osmLink } from './geo.js'

function el(tag, className, text) {
  const node = document.createElement(tag)
  if (className) node.className = className
  if (text !== undefined) node.textContent = text
  return node
}

const icon = (name) => document.getElementById(`icon-${name}`).content.cloneNode(true)

const fileUrl = (fileId) => `/api/files/${encodeURIComponent(fileId)}`

function newTab(a) {
  a.target = '_blank'
  a.rel = 'noopener noreferrer'
  return a
}

/**
 * @param {{
 *   t: (key: string, vars?: Record<string, string>) => string,
 *   locale: string,
 *   onCommand: (command: string) => void,
 *   onCallback: (messageId: number, data: string, button: HTMLButtonElement) => void,
 *   onCopy: (text: string) => void,
 *   onUnsupported: () => void,
 *   onMediaLoad: () => void,
 * }} options
 */
export function createMessageRenderer(options) {
  const { t, locale } = options
  const language = locale === 'zh' ? 'zh-CN' : locale
  // People see Asia/Shanghai time (see DESIGN.md), wherever the browser is.
  const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' })
  const kilobytes = new Intl.NumberFormat(language, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 })
  const megabytes = new Intl.NumberFormat(language, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 })
  const size = (bytes) => (bytes >= 1024 * 1024 ? megabytes.format(bytes / 1024 / 1024) : kilobytes.format(Math.max(1, bytes / 1024)))

  function placeCard(location, venue) {
    const card = el('div', 'place-card')
    card.dataset.testid = venue ? 'venue' : 'location'
    const map = el('div', 'place-map')
    map.setAttribute('aria-hidden', 'true')
    map.append(icon('pin'))
    const info = el('div', 'place-info')
    const title = el('div', 'place-title', venue ? venue.title : t('webchat-location-label'))
    title.dataset.testid = 'place-title'
    info.append(title)
    if (venue?.address) info.append(el('div', 'place-address', venue.address))
    const coordinates = el('div', 'place-coordinates', `${location.latitude.toFixed(5)}, ${location.longitude.toFixed(5)}`)
    coordinates.dataset.testid = 'coordinates'
    info.append(coordinates)
    const links = el('div', 'place-links')
    links.append(el('span', 'place-links-label', t('webchat-open-map')))
    const amap = newTab(el('a', 'place-link', t('webchat-map-amap')))
    amap.href = amapLink(location.latitude, location.longitude, venue?.title)
    amap.dataset.testid = 'map-amap'
    const osm = newTab(el('a', 'place-link', t('webchat-map-osm')))
    osm.href = osmLink(location.latitude, location.longitude)
    osm.dataset.testid = 'map-osm'
    links.append(amap, osm)
    info.append(links)
    card.append(map, info)
    return card
  }

  function photo(sizes) {
    const largest = sizes[sizes.length - 1]
    const a = newTab(el('a', 'photo'))
    a.href = fileUrl(largest.file_id)
    const img = el('img')
    img.src = a.href
    img.alt = t('webchat-photo')
    img.dataset.testid = 'photo'
    img.addEventListener('load', options.onMediaLoad)
    a.append(img)
    return a
  }

  function documentLink(file) {
    const a = el('a', 'document')
    a.href = fileUrl(file.file_id)
    a.download = file.file_name || t('webchat-file')
    a.dataset.testid = 'document'
    const badge = el('span', 'document-icon')
    badge.append(icon('file'))
    const text = el('span', 'document-text')
    text.append(el('span', 'document-name', file.file_name || t('webchat-file')))
    if (typeof file.file_size === 'number') text.append(el('span', 'document-size', size(file.file_size)))
    a.append(badge, text)
    return a
  }

  /** A voice message (in local mode: an uploaded audio file), played in the page. */
  function voicePlayer(voice) {
    const audio = el('audio', 'voice')
    audio.controls = true
    audio.preload = 'none'
    audio.src = fileUrl(voice.file_id)
    audio.title = t('webchat-voice')
    audio.dataset.testid = 'voice'
    return audio
  }

  function contactCard(contact) {
    const card = el('div', 'contact-card')
    card.dataset.testid = 'contact'
    const badge = el('span', 'contact-icon')
    badge.append(icon('phone'))
    const text = el('span', 'contact-text')
    text.append(el('span', 'contact-label', t('webchat-contact-label')))
    const name = [contact.first_name, contact.last_name].filter(Boolean).join(' ')
    if (name) text.append(el('span', 'contact-name', name))
    text.append(el('span', 'contact-phone', contact.phone_number))
    card.append(badge, text)
    return card
  }

  function inlineKeyboard(message) {
    const keyboard = el('div', 'inline-keyboard')
    keyboard.dataset.testid = 'inline-keyboard'
    for (const row of message.reply_markup.inline_keyboard) {
      const line = el('div', 'inline-row')
      for (const button of row) {
        let node
        if (typeof button.url === 'string' || typeof button.login_url?.url === 'string') {
          node = newTab(el('a', 'inline-button is-link'))
          node.href = button.url ?? button.login_url.url
          node.append(el('span', 'inline-button-text', button.text), icon('external'))
        } else {
          node = el('button', 'inline-button')
          node.type = 'button'
          node.append(el('span', 'inline-button-text', button.text))
          if (typeof button.callback_data === 'string') {
            node.dataset.callback = button.callback_data
            node.addEventListener('click', () => options.onCallback(message.message_id, button.callback_data, node))
          } else if (button.copy_text) {
            node.addEventListener('click', () => options.onCopy(button.copy_text.text))
          } else {
            node.classList.add('is-unsupported')
            node.addEventListener('click', options.onUnsupported)
          }
        }
        node.dataset.testid = 'inline-button'
        line.append(node)
      }
      keyboard.append(line)
    }
    return keyboard
  }

  /** @param {any} message a Telegram Message */
  return function renderMessage(message) {
    const fromBot = message.from?.is_bot === true
    const row = el('div', `message-row ${fromBot ? 'from-bot' : 'from-user'}`)
    row.dataset.testid = 'message'
    row.dataset.from = fromBot ? 'bot' : 'user'
    row.dataset.messageId = String(message.message_id)

    const bubble = el('div', 'bubble')
    if (Array.isArray(message.photo) && message.photo.length > 0) bubble.append(photo(message.photo))
    if (message.document) bubble.append(documentLink(message.document))
    if (message.voice) bubble.append(voicePlayer(message.voice))
    if (message.location) bubble.append(placeCard(message.location, message.venue))
    if (message.contact) bubble.append(contactCard(message.contact))

    const text = message.text ?? message.caption
    if (typeof text === 'string' && text !== '') {
      const body = el('div', 'text')
      body.dataset.testid = 'message-text'
      body.append(
        renderFormatted(text, message.text !== undefined ? message.entities : message.caption_entities, { onCommand: options.onCommand }),
      )
      bubble.append(body)
    } else {
      bubble.classList.add('media-only')
    }

    const meta = el('div', 'meta')
    if (message.edit_date) {
      row.dataset.edited = 'true'
      const edited = el('span', 'edited', t('webchat-edited'))
      edited.dataset.testid = 'edited'
      meta.append(edited)
    }
    const stamp = el('time', '', time.format(new Date(message.date * 1000)))
    stamp.dateTime = new Date(message.date * 1000).toISOString()
    meta.append(stamp)
    bubble.append(meta)
    row.append(bubble)

    if (fromBot && Array.isArray(message.reply_markup?.inline_keyboard) && message.reply_markup.inline_keyboard.length > 0) {
      row.classList.add('has-keyboard')
      row.append(inlineKeyboard(message))
    }
    return row
  }
}
