import { randomBytes } from 'node:crypto'
import type { Message } from 'grammy/types'
import { ApiError, type EmulatorState, type StoredFile } from './state.js'
import { bad, callbackAnswerText, CAPTION_MAX, formatted, inlineOnly, replyMarkup, TEXT_MAX, type Params } from './validation.js'

export type Upload = { bytes: Buffer; mimeType: string; name: string }
type Method = (state: EmulatorState, params: Params, uploads: Map<string, Upload>, signal: AbortSignal) => unknown

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
    if (state.webhook !== undefined)
      throw new ApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      )
    return state.getUpdates(
      integer(params, 'offset'),
      Math.min(100, Math.max(1, integer(params, 'limit') ?? 100)),
      Math.min(50, Math.max(0, integer(params, 'timeout') ?? 0)),
      signal,
    )
  },
  setMyCommands: (state, params) => {
    const commands = params.commands
    if (!Array.isArray(commands) || commands.length > 100) throw bad('commands must be an array of at most 100 commands')
    for (const command of commands as { command?: unknown; description?: unknown }[]) {
      if (typeof command.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(command.command)) throw bad('BOT_COMMAND_INVALID')
      if (typeof command.description !== 'string' || command.description.length < 1 || command.description.length > 256)
        throw bad('BOT_COMMAND_DESCRIPTION_INVALID')
    }
    state.commands.set(commandsKey(params), commands as never)
    return true
  },
  getMyCommands: (state, params) => state.commands.get(commandsKey(params)) ?? [],
  deleteMyCommands: (state, params) => state.commands.delete(commandsKey(params)) || true,
  sendMessage: (state, params) => {
    const content = formatted(params, 'text', TEXT_MAX)
    return send(state, params, content)
  },
  editMessageText: (state, params) => {
    const { chatId, message } = editTarget(state, params)
    const content = formatted(params, 'text', TEXT_MAX)
    const markup = inlineOnly(replyMarkup(params))
    const edited = { ...message, ...content, edit_date: state.unixTime() } as Message & { entities?: unknown; reply_markup?: unknown }
    if (content.entities === undefined) delete edited.entities
    if (markup === undefined) delete edited.reply_markup
    else edited.reply_markup = markup
    if (JSON.stringify({ ...edited, edit_date: undefined }) === JSON.stringify({ ...message, edit_date: undefined })) {
      throw bad(
        'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      )
    }
    state.replaceMessage(chatId, edited)
    return edited
  },
  editMessageReplyMarkup: (state, params) => {
    const { chatId, message } = editTarget(state, params)
    const markup = inlineOnly(replyMarkup(params))
    const edited = { ...message, edit_date: state.unixTime() } as Message & { reply_markup?: unknown }
    if (markup === undefined) delete edited.reply_markup
    else edited.reply_markup = markup
    if (JSON.stringify(edited.reply_markup) === JSON.stringify(message.reply_markup)) {
      throw bad(
        'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      )
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
    const text = callbackAnswerText(params)
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
  sendLocation: (state, params) =>
    send(state, params, { location: { latitude: float(params, 'latitude'), longitude: float(params, 'longitude') } }),
  sendVenue: (state, params) => {
    const location = { latitude: float(params, 'latitude'), longitude: float(params, 'longitude') }
    const venue = { location, title: String(required(params, 'title')), address: String(required(params, 'address')) }
    return send(state, params, { location, venue } as Partial<Message>)
  },
  sendPhoto: (state, params, uploads) => {
    const caption = formatted(params, 'caption', CAPTION_MAX)
    const file = inputFile(state, params, uploads, 'photo')
    const photo = [{ file_id: file.fileId, file_unique_id: file.uniqueId, width: 0, height: 0, file_size: file.bytes.length }]
    return send(state, params, {
      photo,
      ...(caption.text === '' ? {} : { caption: caption.text, caption_entities: caption.entities }),
    } as Partial<Message>)
  },
  sendDocument: (state, params, uploads) => {
    const caption = formatted(params, 'caption', CAPTION_MAX)
    const file = inputFile(state, params, uploads, 'document')
    const document = {
      file_id: file.fileId,
      file_unique_id: file.uniqueId,
      file_name: file.name,
      mime_type: file.mimeType,
      file_size: file.bytes.length,
    }
    return send(state, params, {
      document,
      ...(caption.text === '' ? {} : { caption: caption.text, caption_entities: caption.entities }),
    } as Partial<Message>)
  },
  sendVoice: (state, params, uploads) => {
    const caption = formatted(params, 'caption', CAPTION_MAX)
    const file = inputFile(state, params, uploads, 'voice')
    const voice = {
      file_id: file.fileId,
      file_unique_id: file.uniqueId,
      duration: integer(params, 'duration') ?? 0,
      mime_type: file.mimeType,
      file_size: file.bytes.length,
    }
    return send(state, params, {
      voice,
      ...(caption.text === '' ? {} : { caption: caption.text, caption_entities: caption.entities }),
    } as Partial<Message>)
  },
  copyMessage: (state, params) => {
    const from = state.botChat(params.from_chat_id)
    const original = state.findMessage(from.user.id, integer(params, 'message_id') ?? 0)
    if (original === undefined) throw bad('message to copy not found')
    const content: Record<string, unknown> = {}
    for (const key of ['text', 'entities', 'photo', 'voice', 'document', 'location', 'venue', 'caption', 'caption_entities'] as const) {
      if (original[key] !== undefined) content[key] = original[key]
    }
    if (params.caption !== undefined) Object.assign(content, formatted(params, 'caption', CAPTION_MAX))
    const copy = send(state, params, content as Partial<Message>)
    return { message_id: copy.message_id }
  },
  getFile: (state, params) => {
    const file = state.files.get(String(required(params, 'file_id')))
    if (file === undefined) throw bad('invalid file_id')
    return { file_id: file.fileId, file_unique_id: file.uniqueId, file_size: file.bytes.length, file_path: `files/${file.fileId}` }
  },
}
