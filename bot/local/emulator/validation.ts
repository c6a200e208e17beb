import type { InlineKeyboardMarkup, MessageEntity, ReplyKeyboardMarkup } from 'grammy/types'
import { EntityParseError, parseHtml } from './html-entities.js'
import { ApiError } from './state.js'

// What Telegram checks in a request before it looks at any chat: text and caption length, parse
// mode and entities, reply markup. The emulator's methods use these, and so does the tests' fake
// Telegram, so a message the emulator would refuse fails a test too.

export type Params = Record<string, unknown>

export const bad = (description: string) => new ApiError(400, `Bad Request: ${description}`)

/** Text with its parse mode applied, checked against Telegram's limits. */
export function formatted(params: Params, textField: 'text' | 'caption', max: number): { text: string; entities?: MessageEntity[] } {
  const raw = params[textField]
  if (raw === undefined && textField === 'caption') return { text: '' }
  const source = String(raw ?? '')
  let text = source
  let entities: MessageEntity[] | undefined
  const mode = params.parse_mode
  if (mode === 'HTML') {
    try {
      ;({ text, entities } = parseHtml(source))
    } catch (error) {
      if (error instanceof EntityParseError) throw bad(error.message)
      throw error
    }
  } else if (mode !== undefined && mode !== '') {
    throw bad(`unsupported parse_mode "${String(mode)}" in the local emulator (use HTML)`)
  }
  // Explicit entities (entities / caption_entities) take the place of parse_mode, as on Telegram.
  const given = params[textField === 'text' ? 'entities' : 'caption_entities']
  if (given !== undefined) entities = explicitEntities(given, text)
  entities = detectEntities(text, entities ?? [])
  if (textField === 'text' && text.trim() === '') throw bad('message text is empty')
  if (text.length > max) throw bad(textField === 'text' ? 'message is too long' : 'message caption is too long')
  return entities === undefined || entities.length === 0 ? { text } : { text, entities }
}

const entityTypes = new Set([
  'mention',
  'hashtag',
  'cashtag',
  'bot_command',
  'url',
  'email',
  'phone_number',
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'spoiler',
  'blockquote',
  'expandable_blockquote',
  'code',
  'pre',
  'text_link',
  'text_mention',
  'custom_emoji',
])

/** Checks entities sent with a message: known types, UTF-16 offsets inside the text. */
function explicitEntities(value: unknown, text: string): MessageEntity[] {
  if (!Array.isArray(value)) throw bad("can't parse entities JSON object")
  return value.map((item: unknown, index) => {
    const entity = item as Record<string, unknown>
    const { type, offset, length } = entity
    if (typeof type !== 'string' || !entityTypes.has(type)) throw bad(`can't parse entities: unsupported entity type at index ${index}`)
    if (!Number.isInteger(offset) || !Number.isInteger(length) || (offset as number) < 0 || (length as number) < 1) {
      throw bad(`can't parse entities: wrong offset or length of entity ${index}`)
    }
    if ((offset as number) + (length as number) > text.length)
      throw bad(`can't parse entities: entity ${index} ends beyond the end of the text`)
    if (type === 'text_link' && (typeof entity.url !== 'string' || !/^(https?|tg):\/\/\S+$/.test(entity.url)))
      throw bad(`can't parse entities: wrong URL of entity ${index}`)
    return entity as unknown as MessageEntity
  })
}

/** Telegram marks commands and URLs in any message by itself, outside entities the sender set. */
function detectEntities(text: string, given: MessageEntity[]): MessageEntity[] {
  const found: MessageEntity[] = []
  for (const match of text.matchAll(/(?<![\w/])\/[A-Za-z0-9_]{1,32}(?:@\w+)?(?![\w/])|https?:\/\/[^\s<>"，。）]+/g)) {
    const offset = match.index
    const length = match[0].length
    const overlaps = given.some((entity) => offset < entity.offset + entity.length && entity.offset < offset + length)
    if (!overlaps) found.push({ type: match[0].startsWith('/') ? 'bot_command' : 'url', offset, length })
  }
  return [...given, ...found].sort((a, b) => a.offset - b.offset || b.length - a.length)
}

/** Validates reply_markup like Telegram: button texts, 1–64-byte callback data, URLs. */
export function replyMarkup(params: Params): InlineKeyboardMarkup | ReplyKeyboardMarkup | { remove_keyboard: true } | undefined {
  const markup = params.reply_markup as Record<string, unknown> | undefined
  if (markup === undefined) return undefined
  if (typeof markup !== 'object' || markup === null) throw bad("can't parse reply keyboard markup JSON object")
  if (Array.isArray(markup.inline_keyboard)) {
    for (const row of markup.inline_keyboard as unknown[]) {
      if (!Array.isArray(row)) throw bad("can't parse inline keyboard button: InlineKeyboardButton must be an Object")
      for (const button of row as Record<string, unknown>[]) {
        if (typeof button.text !== 'string' || button.text === '') throw bad('inline keyboard button text is empty')
        if ('callback_data' in button) {
          const bytes = Buffer.byteLength(String(button.callback_data))
          if (bytes < 1 || bytes > 64) throw bad('BUTTON_DATA_INVALID')
        } else if ('url' in button) {
          if (!/^(https?|tg):\/\/\S+$/.test(String(button.url))) throw bad(`inline keyboard button URL '${String(button.url)}' is invalid`)
        } else if (!('switch_inline_query' in button || 'copy_text' in button || 'web_app' in button)) {
          throw bad('can\'t find field "callback_data" or "url" in the inline keyboard button')
        }
      }
    }
    return markup as unknown as InlineKeyboardMarkup
  }
  if (Array.isArray(markup.keyboard)) {
    const keyboard = (markup.keyboard as unknown[][]).map((row) =>
      row.map((button) => (typeof button === 'string' ? { text: button } : (button as { text: string }))),
    )
    if (keyboard.flat().some((button) => typeof button.text !== 'string' || button.text === '')) throw bad('keyboard button text is empty')
    return { ...(markup as unknown as ReplyKeyboardMarkup), keyboard }
  }
  if (markup.remove_keyboard === true) return { remove_keyboard: true }
  if (markup.force_reply === true) return undefined
  throw bad('unsupported reply_markup in the local emulator')
}

/** Bot API parameters that arrive as JSON strings in form-encoded and multipart requests. */
export const objectParams = new Set([
  'reply_markup',
  'entities',
  'caption_entities',
  'reply_parameters',
  'link_preview_options',
  'commands',
  'scope',
  'allowed_updates',
  'media',
])

/** Telegram's lengths, in UTF-16 code units as it counts them. */
export const TEXT_MAX = 4096
export const CAPTION_MAX = 1024
const CALLBACK_ANSWER_MAX = 200

/** Only inline keyboards can be edited. */
export function inlineOnly(markup: ReturnType<typeof replyMarkup>): InlineKeyboardMarkup | undefined {
  if (markup !== undefined && !('inline_keyboard' in markup)) throw bad('only inline keyboards can be edited')
  return markup
}

/** The text of a callback answer (a toast or an alert), at most 200 characters. */
export function callbackAnswerText(params: Params): string | undefined {
  const text = params.text === undefined ? undefined : String(params.text)
  if (text !== undefined && text.length > CALLBACK_ANSWER_MAX) throw bad('MESSAGE_TOO_LONG')
  return text
}

/**
 * The checks Telegram makes on a request before it looks at any chat or message, for the methods
 * that carry text, captions or buttons; throws the ApiError Telegram would answer with.
 */
export function checkRequest(method: string, params: Params): void {
  switch (method) {
    case 'sendMessage':
      formatted(params, 'text', TEXT_MAX)
      replyMarkup(params)
      return
    case 'editMessageText':
      formatted(params, 'text', TEXT_MAX)
      inlineOnly(replyMarkup(params))
      return
    case 'sendPhoto':
    case 'sendDocument':
    case 'sendVoice':
      formatted(params, 'caption', CAPTION_MAX)
      replyMarkup(params)
      return
    case 'editMessageCaption':
      formatted(params, 'caption', CAPTION_MAX)
      inlineOnly(replyMarkup(params))
      return
    case 'copyMessage':
      if (params.caption !== undefined) formatted(params, 'caption', CAPTION_MAX)
      replyMarkup(params)
      return
    case 'sendLocation':
    case 'sendVenue':
      replyMarkup(params)
      return
    case 'editMessageReplyMarkup':
      inlineOnly(replyMarkup(params))
      return
    case 'answerCallbackQuery':
      callbackAnswerText(params)
      return
  }
}
