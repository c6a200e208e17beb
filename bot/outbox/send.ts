import type { Api } from 'grammy'
import type { Message } from 'grammy/types'
import type { OutboxPayload } from '../../db/schema/index.js'

/** grammY types its signal with the abort-controller polyfill's AbortSignal; the native one works the same. */
type ApiSignal = Parameters<Api['raw']['sendMessage']>[1]

/** One outbox payload as the Bot API call it stands for, to the recipient's private chat. */
export function send(api: Api, chatId: number, payload: OutboxPayload, nativeSignal: AbortSignal): Promise<Message> {
  const signal = nativeSignal as unknown as ApiSignal
  const markup = payload.replyMarkup === undefined ? {} : { reply_markup: payload.replyMarkup }
  const parseMode = payload.parseMode === undefined ? {} : { parse_mode: payload.parseMode }
  if (payload.method === 'sendPhoto') {
    return api.raw.sendPhoto(
      {
        chat_id: chatId,
        photo: payload.photo,
        ...(payload.caption === undefined ? {} : { caption: payload.caption }),
        ...(payload.captionEntities === undefined ? {} : { caption_entities: payload.captionEntities }),
        ...parseMode,
        ...markup,
      },
      signal,
    )
  }
  return api.raw.sendMessage(
    {
      chat_id: chatId,
      text: payload.text,
      ...(payload.entities === undefined ? {} : { entities: payload.entities }),
      ...parseMode,
      ...markup,
    },
    signal,
  )
}
