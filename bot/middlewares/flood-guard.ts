import type { I18n } from '@grammyjs/i18n'
import { limit } from '@grammyjs/ratelimiter'
import type { MiddlewareFn } from 'grammy'
import type { Database } from '../../db/client.js'
import { expireFloodCounter, incrementFloodCounter } from '../../db/repositories/flood-counters.js'
import { isOrganizer } from '../../db/repositories/roles.js'
import { findUser } from '../../db/repositories/users.js'
import type { BotContext, BotDeps } from '../context.js'
import { negotiateLocale, type Locale } from '../i18n.js'

/** Where the counts live: the shape of the plugin's Redis store (INCR, PEXPIRE). */
export type FloodCounter = {
  incr: (key: string) => Promise<number>
  pexpire: (key: string, milliseconds: number) => Promise<number>
}

/**
 * Counts in this process, each key in a fixed window from its first hit. The plugin's own memory
 * store clears every key at once on a timer, so a flood that straddles the tick would get twice
 * the limit and two notices; per-key expiry on an injectable clock also keeps the tests exact.
 */
export function memoryFloodCounter(ttlMs: number, clock: () => number = Date.now): FloodCounter {
  const counts = new Map<string, { hits: number; expiresAt: number }>()
  return {
    incr: async (key) => {
      const now = clock()
      const entry = counts.get(key)
      if (entry !== undefined && entry.expiresAt > now) return ++entry.hits
      // Expired entries are worth nothing: sweep them when the map grows, so it stays small.
      if (counts.size > 10_000) for (const [stale, value] of counts) if (value.expiresAt <= now) counts.delete(stale)
      counts.set(key, { hits: 1, expiresAt: now + ttlMs })
      return 1
    },
    pexpire: async (key, milliseconds) => {
      const entry = counts.get(key)
      if (entry === undefined) return 0
      entry.expiresAt = clock() + milliseconds
      return 1
    },
  }
}

/** Counts in PostgreSQL, shared by every instance on the database (webhook instances behind a balancer). */
export function databaseFloodCounter(db: Database, ttlMs: number): FloodCounter {
  return {
    incr: (key) => incrementFloodCounter(db, key, ttlMs),
    pexpire: (key, milliseconds) => expireFloodCounter(db, key, milliseconds),
  }
}

type Sender = { exempt: boolean; locale: Locale }

export type FloodGuardOptions = {
  counter: FloodCounter
  /** Milliseconds now, for how long a sender's role and language are remembered (tests drive it). */
  clock?: () => number
}

/**
 * Lets each worker send `floodMaxUpdates` messages and button taps per `floodWindowSeconds`.
 * Beyond that, the first extra update gets one 「慢一点」 message and the rest of the window is
 * dropped before anything costly runs (no user row, no chat lock, no search): one person sending
 * 200 places in a second costs 20 searches, not 200, and their queue never holds the others up.
 * A dropped button tap is still answered with a short toast, so its spinner stops.
 *
 * Organizers and admins are never throttled: typing check-in codes at the door is a burst by
 * design, and they are trusted. Only a sender already over the limit is looked up (once per
 * window), so a worker within it costs one counter increment. Updates without a sender and
 * membership changes (blocking the bot) are not counted.
 */
export function floodGuard(deps: BotDeps, i18n: I18n<BotContext>, options: FloodGuardOptions): MiddlewareFn<BotContext> {
  const { floodMaxUpdates, floodWindowSeconds } = deps.config
  const windowMs = floodWindowSeconds * 1000
  const clock = options.clock ?? Date.now
  const senders = new Map<number, Sender & { until: number }>()

  const lookUp = async (ctx: BotContext, id: number): Promise<Sender> => {
    const now = clock()
    const known = senders.get(id)
    if (known !== undefined && known.until > now) return known
    const user = await findUser(deps.db, id)
    const sender = {
      exempt: deps.config.adminIds.has(id) || isOrganizer(user),
      locale: negotiateLocale(user?.locale, ctx.from?.language_code),
      until: now + windowMs,
    }
    if (senders.size > 10_000) for (const [stale, value] of senders) if (value.until <= now) senders.delete(stale)
    senders.set(id, sender)
    return sender
  }

  return limit<BotContext, FloodCounter>({
    timeFrame: windowMs,
    limit: floodMaxUpdates,
    storageClient: options.counter,
    keyPrefix: 'flood:',
    // Every update past the limit reaches onLimitExceeded, which decides: organizers go on.
    alwaysReply: true,
    keyGenerator: (ctx) => (ctx.message !== undefined || ctx.callbackQuery !== undefined ? ctx.from?.id.toString() : undefined),
    onLimitExceeded: async (ctx, next) => {
      const id = ctx.from?.id
      if (id === undefined) return
      const sender = await lookUp(ctx, id)
      if (sender.exempt) return next()
      const seconds = floodWindowSeconds
      if (ctx.callbackQuery !== undefined) {
        await ctx.answerCallbackQuery({ text: i18n.t(sender.locale, 'flood-slow-down-toast', { seconds }) })
      }
      // One notice per window over every instance: the counter of notices is shared like the other.
      const notices = await options.counter.incr(`flood-notice:${id}`)
      if (notices === 1 && ctx.chat?.type === 'private') await ctx.reply(i18n.t(sender.locale, 'flood-slow-down', { seconds }))
    },
  })
}
