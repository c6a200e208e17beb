import { RateLimiter } from '../../bot/local/emulator/rate-limits.js'
import { createRandom } from './random.js'
import { refusal } from './telegram-checks.js'

export type LimitedTelegramOptions = {
  /** Global messages per second (per chat it is always 1/s). */
  rate: number
  /** Chats that blocked the bot: 403. */
  blocked?: Iterable<number>
  /** Share of sends answered with a random 5xx (not delivered), drawn from a seeded RNG. */
  serverErrorRate?: number
  seed?: number
}

/** One-off behaviours for the next send requests, in order. */
type Scripted = '429' | '5xx' | 'refused' | 'lost'
type Answer = { ok: true; result: unknown } | { ok: false; error_code: number; description: string; parameters?: Record<string, unknown> }

/**
 * A fake Telegram at the fetch level that enforces the flood limits: 429 with retry_after when the
 * global rate or a chat's 1/s is exceeded, 403 for blocked chats, random 5xx. It counts deliveries
 * per (chat, content), so a message delivered twice shows up in duplicates(). Requests Telegram would
 * refuse outright (text too long, bad HTML, callback data over 64 bytes) get its 400 and fail the test.
 */
export function createLimitedTelegram(options: LimitedTelegramOptions) {
  const limiter = new RateLimiter({ perSecond: options.rate })
  const blocked = new Set(options.blocked ?? [])
  const random = createRandom(options.seed ?? 1).next
  const delivered = new Map<string, number>()
  const stats = { calls: 0, tooManyRequests: 0, serverErrors: 0, forbidden: 0 }
  const scripted: Scripted[] = []
  let messageId = 0

  const deliver = (chatId: number, payload: Record<string, unknown>): Answer => {
    const key = `${chatId}\u0000${String(payload.text ?? payload.caption ?? payload.photo)}`
    delivered.set(key, (delivered.get(key) ?? 0) + 1)
    return { ok: true, result: { message_id: ++messageId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' } } }
  }

  const answer = (chatId: number, payload: Record<string, unknown>): Answer => {
    const next = scripted[0] === '429' || scripted[0] === '5xx' ? scripted.shift() : undefined
    if (next === '5xx') {
      stats.serverErrors++
      return { ok: false, error_code: 500, description: 'Internal Server Error' }
    }
    const wait = next === '429' ? 1 : limiter.take(chatId)
    if (wait > 0) {
      stats.tooManyRequests++
      return { ok: false, error_code: 429, description: `Too Many Requests: retry after ${wait}`, parameters: { retry_after: wait } }
    }
    if (blocked.has(chatId)) {
      stats.forbidden++
      return { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' }
    }
    if (random() < (options.serverErrorRate ?? 0)) {
      stats.serverErrors++
      return { ok: false, error_code: 502, description: 'Bad Gateway' }
    }
    return deliver(chatId, payload)
  }

  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const method = url.slice(url.lastIndexOf('/') + 1)
    const payload = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as Record<string, unknown>
    stats.calls++
    if (scripted[0] === 'refused') {
      scripted.shift()
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' })
    }
    const result: Answer =
      refusal(method, payload) ?? (method.startsWith('send') ? answer(Number(payload.chat_id), payload) : { ok: true, result: true })
    if (result.ok && scripted[0] === 'lost') {
      scripted.shift()
      throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })
    }
    return new Response(JSON.stringify(result), {
      status: result.ok ? 200 : result.error_code,
      headers: { 'content-type': 'application/json' },
    })
  }

  return {
    fetch: fetch as typeof globalThis.fetch,
    stats,
    /** Queues a one-off behaviour for the next send request. */
    script(...behaviours: Scripted[]) {
      scripted.push(...behaviours)
    },
    block(chatId: number) {
      blocked.add(chatId)
    },
    /** How often this chat received this text (or caption, or photo). */
    count(chatId: number, text: string): number {
      return delivered.get(`${chatId}\u0000${text}`) ?? 0
    },
    deliveredTotal(): number {
      return [...delivered.values()].reduce((sum, count) => sum + count, 0)
    },
    /** (chat, content) pairs delivered more than once. */
    duplicates(): number {
      return [...delivered.values()].filter((count) => count > 1).length
    },
  }
}

export type LimitedTelegram = ReturnType<typeof createLimitedTelegram>
