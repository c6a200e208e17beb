import { parseMultipart } from './multipart.js'

export type ApiCall = { method: string; payload: Record<string, unknown> }
type Responder = (call: ApiCall) => { ok: true; result: unknown } | { ok: false; error_code: number; description: string; parameters?: Record<string, unknown> } | undefined

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
        return { message_id: ++messageId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, text: call.payload.text }
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
    const answer = responders.map((respond) => respond(call)).find((result) => result !== undefined) ?? {
      ok: true,
      result: defaultResult(call),
    }
    return new Response(JSON.stringify(answer), { status: answer.ok ? 200 : answer.error_code, headers: { 'content-type': 'application/json' } })
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
  }
}

export type FakeTelegram = ReturnType<typeof createFakeTelegram>
