import type { Message, User } from 'grammy/types'
import type { Upload } from './methods.js'
import { ApiError, type EmulatorState } from './state.js'

const bad = (description: string) => new ApiError(400, `Bad Request: ${description}`)

function userMessage(state: EmulatorState, userId: number, content: Partial<Message>): Message {
  const user = state.users.get(userId)
  if (user === undefined) throw bad('chat not found')
  const { blocked: _blocked, ...from } = user
  const message = {
    message_id: state.newMessageId(),
    from,
    chat: { id: user.id, type: 'private', first_name: user.first_name },
    date: state.unixTime(),
    ...content,
  } as Message
  state.storeMessage(user.id, message)
  state.pushUpdate({ message })
  return message
}

export type UserInput =
  | { text: string }
  | { location: { latitude: number; longitude: number } }
  | { contact: { phone_number: string; first_name?: string } }
  | { photo: Upload; caption?: string }
  | { document: Upload; caption?: string }
  | { voice: Upload; caption?: string }

/** What a simulated user sends, turned into the Message (and update) Telegram would produce. */
export function sendAsUser(state: EmulatorState, userId: number, input: UserInput): Message {
  if ('text' in input) {
    const text = String(input.text)
    if (text.trim() === '' || text.length > 4096) throw bad('text must be 1–4096 characters')
    const command = /^\/[A-Za-z0-9_]{1,32}(@\w+)?/.exec(text)
    return userMessage(state, userId, {
      text,
      ...(command === null ? {} : { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] }),
    })
  }
  if ('location' in input) {
    const { latitude, longitude } = input.location
    if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180)) throw bad('invalid location')
    return userMessage(state, userId, { location: { latitude: Number(latitude), longitude: Number(longitude) } })
  }
  if ('contact' in input) {
    const user = state.users.get(userId)
    const phone = String(input.contact.phone_number).replace(/[^\d+]/g, '')
    if (!/^\+?\d{5,20}$/.test(phone)) throw bad('invalid phone number')
    return userMessage(state, userId, {
      contact: { phone_number: phone, first_name: input.contact.first_name ?? user?.first_name ?? '', user_id: userId },
    })
  }
  const upload = 'photo' in input ? input.photo : 'voice' in input ? input.voice : input.document
  const fileId = `local-u${state.newMessageId()}-${Date.now().toString(36)}`
  state.files.set(fileId, { fileId, uniqueId: fileId.slice(-10), ...upload })
  const caption = input.caption === undefined || input.caption === '' ? {} : { caption: input.caption.slice(0, 1024) }
  if ('photo' in input) {
    return userMessage(state, userId, {
      photo: [{ file_id: fileId, file_unique_id: fileId.slice(-10), width: 0, height: 0, file_size: upload.bytes.length }],
      ...caption,
    })
  }
  if ('voice' in input) {
    // The length of an uploaded audio file is not known without decoding it; Telegram's clients measure it.
    return userMessage(state, userId, {
      voice: {
        file_id: fileId,
        file_unique_id: fileId.slice(-10),
        duration: 0,
        mime_type: upload.mimeType,
        file_size: upload.bytes.length,
      },
      ...caption,
    })
  }
  return userMessage(state, userId, {
    document: {
      file_id: fileId,
      file_unique_id: fileId.slice(-10),
      file_name: upload.name,
      mime_type: upload.mimeType,
      file_size: upload.bytes.length,
    },
    ...caption,
  })
}

/** A tap on an inline button: only buttons that exist on a bot message in this chat can be pressed. */
export function pressButton(state: EmulatorState, userId: number, messageId: number, data: string): string {
  const user = state.users.get(userId)
  if (user === undefined) throw bad('chat not found')
  const message = state.findMessage(userId, messageId)
  const buttons = (message?.reply_markup?.inline_keyboard ?? []).flat()
  if (message === undefined || !buttons.some((button) => 'callback_data' in button && button.callback_data === data)) {
    throw bad('no such button')
  }
  const { blocked: _blocked, ...from } = user
  const id = state.newCallbackQueryId(userId)
  state.pushUpdate({ callback_query: { id, from, message, chat_instance: String(userId), data } })
  return id
}

export const defaultUsers = (names: { rider: string; courier: string; organizer: string }): User[] => [
  { id: 10001, is_bot: false, first_name: names.rider, language_code: 'zh-hans' },
  { id: 10002, is_bot: false, first_name: names.courier, language_code: 'zh-hans' },
  { id: 10003, is_bot: false, first_name: names.organizer, language_code: 'zh-hans' },
]
