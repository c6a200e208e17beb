import type { Update } from 'grammy/types'

let nextUpdateId = 1
let nextMessageId = 1

export type Sender = { id: number; first_name?: string; language_code?: string }
type Chat = { id: number; type: 'private' | 'group' | 'supergroup'; title?: string }

const privateChat = (from: Sender): Chat => ({ id: from.id, type: 'private' })

function message(from: Sender, content: Record<string, unknown>, chat: Chat = privateChat(from)): Update {
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat,
      from: { is_bot: false, first_name: 'Rider', ...from },
      ...content,
    },
  } as Update
}

export const textUpdate = (from: Sender, text: string, chat?: Chat) => {
  const command = /^\/\w+/.exec(text)
  return message(from, { text, ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}) }, chat)
}

export const locationUpdate = (from: Sender, lat: number, lng: number) => message(from, { location: { latitude: lat, longitude: lng } })

export const stickerUpdate = (from: Sender) =>
  message(from, {
    sticker: { file_id: 'sticker-1', file_unique_id: 's1', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false },
  })

export const voiceUpdate = (from: Sender) => message(from, { voice: { file_id: 'voice-1', file_unique_id: 'v1', duration: 3 } })

export const photoUpdate = (from: Sender) => message(from, { photo: [{ file_id: 'photo-1', file_unique_id: 'p1', width: 90, height: 90 }] })

export function callbackUpdate(from: Sender, data: string, messageId = 1): Update {
  return {
    update_id: nextUpdateId++,
    callback_query: {
      id: `cq-${nextUpdateId}`,
      from: { is_bot: false, first_name: 'Rider', ...from },
      chat_instance: 'ci',
      data,
      message: { message_id: messageId, date: 0, chat: { id: from.id, type: 'private' }, text: 'list' },
    },
  } as Update
}
