import type { KeyboardButton } from 'grammy/types'
import { parseMultipart } from './multipart.js'
import { refusal } from './telegram-checks.js'

export type ApiCall = { method: string; payload: Record<string, unknown> }
type Responder = (
  call: ApiCall,
) =>
  { ok: true; result: unknown } | { ok: false; error_code: number; description: string; parameters?: Record<string, unknown> } | undefined

/** An inline button as the bot sent it (the fields the tests look at). */
export type InlineButton = { text: string; callback_data?: string; url?: string }

/** Which calls a query looks at: messages to one chat, of some methods, or only those with a keyboard. */
export type CallFilter = { chatId?: number; method?: string | readonly string[]; withMarkup?: boolean }

/** Messages and edits with text, leaving out captions (photos, documents). */
export const textMessages: CallFilter = { method: ['sendMessage', 'editMessageText'] }

/** Calls that put a message in a chat or change one: sends, edits and copies. */
const isMessage = (call: ApiCall) => call.method.startsWith('send') || call.method.startsWith('edit') || call.method === 'copyMessage'

const matches = (call: ApiCall, filter: CallFilter) =>
  isMessage(call) &&
  (filter.chatId === undefined || call.payload.chat_id === filter.chatId) &&
  (filter.method === undefined || (typeof filter.method === 'string' ? [filter.method] : filter.method).includes(call.method)) &&
  (filter.withMarkup !== true || call.payload.reply_markup !== undefined)

/** What a message call shows: its text, or its caption. */
const shownText = (call: ApiCall): string | undefined => {
  const shown = call.payload.text ?? call.payload.caption
  return shown === undefined ? undefined : String(shown)
}

const markupOf = (payload: Record<string, unknown> | undefined) => {
  const markup = payload?.reply_markup
  // Uploads (multipart) carry the markup as a JSON string.
  return (typeof markup === 'string' ? JSON.parse(markup) : markup) as
    { inline_keyboard?: InlineButton[][]; keyboard?: (KeyboardButton | string)[][] } | undefined
}

/** The inline buttons of a call (or of its payload), row after row. */
export const inlineButtons = (call: ApiCall | Record<string, unknown> | undefined): InlineButton[] =>
  (markupOf(call !== undefined && 'payload' in call && 'method' in call ? (call as ApiCall).payload : call)?.inline_keyboard ?? []).flat()

/** The labels of a call's reply keyboard (the keys under the input field). */
export const replyKeys = (call: ApiCall | undefined): string[] =>
  (markupOf(call?.payload)?.keyboard ?? []).flat().map((key) => (typeof key === 'string' ? key : key.text))

/**
 * A fake Telegram Bot API at the HTTP `fetch` level: it records every call the bot makes (also
 * those of API objects the bot builds itself) and answers like Telegram does.
 */
export function createFakeTelegram() {
  const calls: ApiCall[] = []
  const responders: Responder[] = []
  let messageId = 1000

  const defaultResult = (call: ApiCall): unknown => {
    const chatId = call.payload.chat_id
    switch (call.method) {
      case 'sendMessage':
      case 'sendVenue':
      case 'sendLocation':
      case 'sendPhoto':
      case 'sendDocument':
        return {
          message_id: ++messageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: chatId, type: 'private' },
          text: call.payload.text,
        }
      case 'editMessageText':
        return { message_id: call.payload.message_id, date: 0, chat: { id: chatId, type: 'private' }, text: call.payload.text }
      default:
        return true
    }
  }

  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const method = url.slice(url.lastIndexOf('/') + 1)
    const contentType = new Headers(init?.headers).get('content-type') ?? ''
    // Uploads (InputFile) arrive as a multipart stream instead of JSON.
    const payload = contentType.startsWith('multipart/form-data')
      ? await parseMultipart(init?.body, contentType)
      : (JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as Record<string, unknown>)
    const call: ApiCall = { method, payload }
    calls.push(call)
    const answer = refusal(method, payload) ??
      responders.map((respond) => respond(call)).find((result) => result !== undefined) ?? {
        ok: true,
        result: defaultResult(call),
      }
    return new Response(JSON.stringify(answer), {
      status: answer.ok ? 200 : answer.error_code,
      headers: { 'content-type': 'application/json' },
    })
  }

  return {
    fetch: fetch as typeof globalThis.fetch,
    calls,
    /** Answers matching calls differently (errors, special results); first match wins. */
    respond(responder: Responder) {
      responders.push(responder)
    },
    /** Calls of one method, in order. */
    callsOf(method: string): ApiCall[] {
      return calls.filter((call) => call.method === method)
    },
    /** Calls that put something in front of the user (messages, edits, venues, alerts). */
    visible(): ApiCall[] {
      return calls.filter((call) => call.method !== 'answerCallbackQuery' || call.payload.text !== undefined)
    },
    clear() {
      calls.length = 0
    },
    /** Message calls (sends, edits, copies) matching the filter, in order. */
    messages(filter: CallFilter = {}): ApiCall[] {
      return calls.filter((call) => matches(call, filter))
    },
    /** The last message call matching the filter. */
    lastMessage(filter: CallFilter = {}): ApiCall | undefined {
      return calls.findLast((call) => matches(call, filter))
    },
    /** The texts (or captions) of the messages and edits matching the filter, in order. */
    texts(filter: CallFilter = {}): string[] {
      return calls.filter((call) => matches(call, filter)).flatMap((call) => shownText(call) ?? [])
    },
    /** The last text (or caption) the bot sent or edited in, '' when there is none. */
    lastText(filter: CallFilter = {}): string {
      return this.texts(filter).at(-1) ?? ''
    },
    /** The inline buttons of the last message call matching the filter ([] when it has none). */
    buttons(filter: CallFilter = {}): InlineButton[] {
      return inlineButtons(this.lastMessage(filter))
    },
    /** The callback data of the last matching message's buttons (URL buttons left out). */
    callbackData(filter: CallFilter = {}): string[] {
      return this.buttons(filter).flatMap((button) => button.callback_data ?? [])
    },
    /** The inline buttons of every message call matching the filter, oldest first. */
    allButtons(filter: CallFilter = {}): InlineButton[] {
      return this.messages(filter).flatMap((call) => inlineButtons(call))
    },
    /** The reply-keyboard keys of the last message call matching the filter. */
    keys(filter: CallFilter = {}): string[] {
      return replyKeys(this.lastMessage(filter))
    },
    /** The texts of the bot's callback answers (toasts and alerts), '' for a silent answer. */
    alerts(): string[] {
      return calls.filter((call) => call.method === 'answerCallbackQuery').map((call) => String(call.payload.text ?? ''))
    },
  }
}

export type FakeTelegram = ReturnType<typeof createFakeTelegram>
