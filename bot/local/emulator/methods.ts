import { randomBytes } from 'node:crypto'
import type { InlineKeyboardMarkup, Message, MessageEntity, ReplyKeyboardMarkup } from 'grammy/types'
import { EntityParseError, parseHtml } from './html-entities.js'
import { ApiError, type EmulatorState, type StoredFile } from './state.js'

export type Params = Record<string, unknown>
export type Upload = { bytes: Buffer; mimeType: string; name: string }
type Method = (state: EmulatorState, params: Params, uploads: Map<string, Upload>, signal: AbortSignal) => unknown

const bad = (description: string) => new ApiError(400, `Bad Request: ${description}`)

function required(params: Params, name: string): unknown {
  const value = params[name]
  if (value === undefined || value === null || value === '') throw bad(`${name} is empty`)
  return value
}

const integer = (params: Params, name: string): number | undefined => {
  const value = params[name]
  if (value === undefined) return undefined
  const number = Number(value)
  if (!Number.isInteger(number)) throw bad(`field "${name}" must be an Integer`)
  return number
}

const float = (params: Params, name: string): number => {
  const number = Number(required(params, name))
  if (!Number.isFinite(number)) throw bad(`field "${name}" must be a Float`)
  return number
}

/** Text with its parse mode applied, checked against Telegram's limits. */
function formatted(params: Params, textField: 'text' | 'caption', max: number): { text: string; entities?: MessageEntity[] } {
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

const entityTypes = new Set(['mention', 'hashtag', 'cashtag', 'bot_command', 'url', 'email', 'phone_number', 'bold', 'italic', 'underline', 'strikethrough', 'spoiler', 'blockquote', 'expandable_blockquote', 'code', 'pre', 'text_link', 'text_mention', 'custom_emoji'])

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
    if ((offset as number) + (length as number) > text.length) throw bad(`can't parse entities: entity ${index} ends beyond the end of the text`)
    if (type === 'text_link' && (typeof entity.url !== 'string' || !/^(https?|tg):\/\/\S+$/.test(entity.url))) throw bad(`can't parse entities: wrong URL of entity ${index}`)
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
function replyMarkup(params: Params): InlineKeyboardMarkup | ReplyKeyboardMarkup | { remove_keyboard: true } | undefined {
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
          throw bad("can't find field \"callback_data\" or \"url\" in the inline keyboard button")
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

function send(state: EmulatorState, params: Params, content: Partial<Message>): Message {
  const { user } = state.botChat(params.chat_id)
  const markup = replyMarkup(params)
  const message = {
    message_id: state.newMessageId(),
    from: state.bot,
    chat: { id: user.id, type: 'private', first_name: user.first_name },
    date: state.unixTime(),
    ...content,
    ...(markup !== undefined && 'inline_keyboard' in markup ? { reply_markup: markup } : {}),
  } as Message
  state.storeMessage(user.id, message)
  if (markup !== undefined && 'keyboard' in markup) state.setKeyboard(user.id, markup)
  if (markup !== undefined && 'remove_keyboard' in markup) state.setKeyboard(user.id, null)
  return message
}

function storeUpload(state: EmulatorState, upload: Upload): StoredFile {
  const file: StoredFile = { fileId: `local-${randomBytes(12).toString('hex')}`, uniqueId: randomBytes(6).toString('hex'), ...upload }
  state.files.set(file.fileId, file)
  return file
}

/** A file sent by file_id, or uploaded in the request ("attach://name" or the field itself). */
function inputFile(state: EmulatorState, params: Params, uploads: Map<string, Upload>, field: string): StoredFile {
  const value = params[field]
  const attached = typeof value === 'string' && value.startsWith('attach://') ? uploads.get(value.slice(9)) : uploads.get(field)
  if (attached !== undefined) return storeUpload(state, attached)
  const known = typeof value === 'string' ? state.files.get(value) : undefined
  if (known === undefined) throw bad('wrong file identifier/HTTP URL specified')
  return known
}

function editTarget(state: EmulatorState, params: Params): { chatId: number; message: Message } {
  if (params.inline_message_id !== undefined) throw bad('inline messages are not supported in the local emulator')
  const { user } = state.botChat(params.chat_id)
  const message = state.findMessage(user.id, integer(params, 'message_id') ?? 0)
  if (message === undefined) throw bad('message to edit not found')
  if (message.from?.id !== state.bot.id) throw bad("message can't be edited")
  return { chatId: user.id, message }
}

/**
 * Menus are kept per scope and language as Telegram keeps them: the default scope under the bare
 * language code ('' for all languages), others under `<scope type>[:<chat id>]|<language>`.
 */
function commandsKey(params: Record<string, unknown>): string {
  const language = String(params.language_code ?? '')
  const scope = params.scope as { type?: unknown; chat_id?: unknown } | undefined
  if (scope === undefined || scope.type === 'default') return language
  const chat = scope.chat_id === undefined ? '' : `:${String(scope.chat_id)}`
  return `${String(scope.type)}${chat}|${language}`
}

export const methods: Record<string, Method> = {
  getMe: (state) => state.bot,
  logOut: () => true,
  close: () => true,
  setWebhook: (state, params) => {
    const url = String(required(params, 'url'))
    if (!/^https:\/\/\S+$/.test(url)) throw bad('bad webhook: An HTTPS URL must be provided for webhook')
    state.webhook = { url, secretToken: params.secret_token === undefined ? undefined : String(params.secret_token) }
    return true
  },
  deleteWebhook: (state) => {
    state.webhook = undefined
    return true
  },
  getWebhookInfo: (state) => ({ url: state.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: 0 }),
  getUpdates: (state, params, _uploads, signal) => {
    if (state.webhook !== undefined) throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first")
    return state.getUpdates(integer(params, 'offset'), Math.min(100, Math.max(1, integer(params, 'limit') ?? 100)), Math.min(50, Math.max(0, integer(params, 'timeout') ?? 0)), signal)
  },
  setMyCommands: (state, params) => {
    const commands = params.commands
    if (!Array.isArray(commands) || commands.length > 100) throw bad('commands must be an array of at most 100 commands')
    for (const command of commands as { command?: unknown; description?: unknown }[]) {
      if (typeof command.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(command.command)) throw bad('BOT_COMMAND_INVALID')
      if (typeof command.description !== 'string' || command.description.length < 1 || command.description.length > 256) throw bad('BOT_COMMAND_DESCRIPTION_INVALID')
    }
    state.commands.set(commandsKey(params), commands as never)
    return true
  },
  getMyCommands: (state, params) => state.commands.get(commandsKey(params)) ?? [],
  deleteMyCommands: (state, params) => state.commands.delete(commandsKey(params)) || true,
  sendMessage: (state, params) => {
    const content = formatted(params, 'text', 4096)
    return send(state, params, content)
  },
  editMessageText: (state, params) => {
    const { chatId, message } = editTarget(state, params)
    const content = formatted(params, 'text', 4096)
    const markup = replyMarkup(params)
    if (markup !== undefined && !('inline_keyboard' in markup)) throw bad('only inline keyboards can be edited')
    const edited = { ...message, ...content, edit_date: state.unixTime() } as Message & { entities?: unknown; reply_markup?: unknown }
    if (content.entities === undefined) delete edited.entities
    if (markup === undefined) delete edited.reply_markup
    else edited.reply_markup = markup
    if (JSON.stringify({ ...edited, edit_date: undefined }) === JSON.stringify({ ...message, edit_date: undefined })) {
      throw bad('message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message')
    }
    state.replaceMessage(chatId, edited)
    return edited
  },
  editMessageReplyMarkup: (state, params) => {
    const { chatId, message } = editTarget(state, params)
    const markup = replyMarkup(params)
    if (markup !== undefined && !('inline_keyboard' in markup)) throw bad('only inline keyboards can be edited')
    const edited = { ...message, edit_date: state.unixTime() } as Message & { reply_markup?: unknown }
    if (markup === undefined) delete edited.reply_markup
    else edited.reply_markup = markup
    if (JSON.stringify(edited.reply_markup) === JSON.stringify(message.reply_markup)) {
      throw bad('message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message')
    }
    state.replaceMessage(chatId, edited)
    return edited
  },
  deleteMessage: (state, params) => {
    const { user } = state.botChat(params.chat_id)
    if (!state.deleteMessage(user.id, integer(params, 'message_id') ?? 0)) throw bad('message to delete not found')
    return true
  },
  answerCallbackQuery: (state, params) => {
    const query = state.takeCallback(params.callback_query_id)
    if (query === undefined) throw bad('query is too old and response timeout expired or query ID is invalid')
    const text = params.text === undefined ? undefined : String(params.text)
    if (text !== undefined && text.length > 200) throw bad('MESSAGE_TOO_LONG')
    state.emit(query.userId, {
      type: 'callback_answer',
      callback_query_id: String(params.callback_query_id),
      ...(text === undefined ? {} : { text }),
      show_alert: params.show_alert === true || params.show_alert === 'true',
    })
    return true
  },
  sendChatAction: (state, params) => {
    const { user } = state.botChat(params.chat_id)
    state.emit(user.id, { type: 'chat_action', action: String(required(params, 'action')) })
    return true
  },
  sendLocation: (state, params) => send(state, params, { location: { latitude: float(params, 'latitude'), longitude: float(params, 'longitude') } }),
  sendVenue: (state, params) => {
    const location = { latitude: float(params, 'latitude'), longitude: float(params, 'longitude') }
    const venue = { location, title: String(required(params, 'title')), address: String(required(params, 'address')) }
    return send(state, params, { location, venue } as Partial<Message>)
  },
  sendPhoto: (state, params, uploads) => {
    const caption = formatted(params, 'caption', 1024)
    const file = inputFile(state, params, uploads, 'photo')
    const photo = [{ file_id: file.fileId, file_unique_id: file.uniqueId, width: 0, height: 0, file_size: file.bytes.length }]
    return send(state, params, { photo, ...(caption.text === '' ? {} : { caption: caption.text, caption_entities: caption.entities }) } as Partial<Message>)
  },
  sendDocument: (state, params, uploads) => {
    const caption = formatted(params, 'caption', 1024)
    const file = inputFile(state, params, uploads, 'document')
    const document = { file_id: file.fileId, file_unique_id: file.uniqueId, file_name: file.name, mime_type: file.mimeType, file_size: file.bytes.length }
    return send(state, params, { document, ...(caption.text === '' ? {} : { caption: caption.text, caption_entities: caption.entities }) } as Partial<Message>)
  },
  sendVoice: (state, params, uploads) => {
    const caption = formatted(params, 'caption', 1024)
    const file = inputFile(state, params, uploads, 'voice')
    const voice = { file_id: file.fileId, file_unique_id: file.uniqueId, duration: integer(params, 'duration') ?? 0, mime_type: file.mimeType, file_size: file.bytes.length }
    return send(state, params, { voice, ...(caption.text === '' ? {} : { caption: caption.text, caption_entities: caption.entities }) } as Partial<Message>)
  },
  copyMessage: (state, params) => {
    const from = state.botChat(params.from_chat_id)
    const original = state.findMessage(from.user.id, integer(params, 'message_id') ?? 0)
    if (original === undefined) throw bad('message to copy not found')
    const content: Record<string, unknown> = {}
    for (const key of ['text', 'entities', 'photo', 'voice', 'document', 'location', 'venue', 'caption', 'caption_entities'] as const) {
      if (original[key] !== undefined) content[key] = original[key]
    }
    if (params.caption !== undefined) Object.assign(content, formatted(params, 'caption', 1024))
    const copy = send(state, params, content as Partial<Message>)
    return { message_id: copy.message_id }
  },
  getFile: (state, params) => {
    const file = state.files.get(String(required(params, 'file_id')))
    if (file === undefined) throw bad('invalid file_id')
    return { file_id: file.fileId, file_unique_id: file.uniqueId, file_size: file.bytes.length, file_path: `files/${file.fileId}` }
  },
}
