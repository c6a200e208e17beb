import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, lte, ne, or, sql } from 'drizzle-orm'
import type { Database } from '../client.js'
import { broadcasts, leases, outbox, outboxChats, outboxPacing, users, type OutboxPayload } from '../schema/index.js'

/** A row this instance may send, at `slot` (a moment in its share of the global rate). */
export type ClaimedRow = { id: number; userId: number; kind: string; payload: OutboxPayload; attempts: number; slot: Date }

export type ClaimResult = {
  claimed: ClaimedRow[]
  /** Set while every instance pauses after a 429. */
  pausedUntil?: Date
  /** Rows settled without sending in this pass (expired, recipient blocked, broadcast cancelled). */
  dropped: number
}

export type ClaimOptions = {
  now: Date
  /** Messages per second over all instances. */
  rate: number
  /** At most this many rows (the caller's free in-flight capacity). */
  limit: number
  instanceId: string
  /** How far ahead slots are handed out; also bounds how long a claimed row waits. */
  horizonMs?: number
}

/** Gap kept between two messages to one chat: Telegram allows about one a second, plus margin for jitter. */
const CHAT_GAP_MS = 1200
const PACING_ID = 1
const CLOCK_JUMP_MS = 60_000
const SHANGHAI_OFFSET_MINUTES = 8 * 60

/** Minutes after midnight in Asia/Shanghai (UTC+8 all year, no daylight saving). */
export const shanghaiMinutes = (now: Date): number => (Math.floor(now.getTime() / 60_000) + SHANGHAI_OFFSET_MINUTES) % 1440

/** Whether the joined recipient (users) is in their quiet hours at `minutes` after midnight, Shanghai time. */
export const inQuietHours = (minutes: number) => sql`(${users.quietStart} is not null and ${users.quietEnd} is not null and (
      (${users.quietStart} < ${users.quietEnd} and ${minutes} >= ${users.quietStart} and ${minutes} < ${users.quietEnd})
      or (${users.quietStart} > ${users.quietEnd} and (${minutes} >= ${users.quietStart} or ${minutes} < ${users.quietEnd}))))`

/**
 * Claims the rows to send next, in one transaction. The single outbox_pacing row is locked first,
 * so concurrent instances take turns and hand out slots of one shared rate; rows are locked with
 * SKIP LOCKED so an instance never waits for another's rows. A claimed row is 'sending' with
 * attempts + 1 before anything goes out, which is what makes sending at most once: a row that is
 * 'sending' is never claimed again (markStarted then marks the moment its own request begins).
 * Rows that must not be sent any more are settled in the same pass: past expiresAt → expired,
 * recipient blocked → blocked, broadcast cancelled → cancelled. Rows in their recipient's quiet
 * hours (unless urgent), of a paused broadcast, or for a chat that got a message less than
 * CHAT_GAP_MS ago stay pending.
 */
export async function claimDue(db: Database, options: ClaimOptions): Promise<ClaimResult> {
  const { now, rate, instanceId } = options
  const interval = 1000 / rate
  const horizon = options.horizonMs ?? 1000
  return db.transaction(async (tx) => {
    await tx.insert(outboxPacing).values({ id: PACING_ID, nextSlotAt: now }).onConflictDoNothing()
    const [pacing] = await tx.select().from(outboxPacing).where(eq(outboxPacing.id, PACING_ID)).for('update')
    if (pacing === undefined) throw new Error('outbox_pacing row missing after insert')
    if (pacing.pausedUntil !== null && pacing.pausedUntil > now) return { claimed: [], pausedUntil: pacing.pausedUntil, dropped: 0 }

    // A next slot far ahead means the clock was set back (or a test's pinned clock): start afresh.
    const next = pacing.nextSlotAt.getTime()
    const start = next > now.getTime() + CLOCK_JUMP_MS ? now.getTime() : Math.max(now.getTime(), next)
    const fit = Math.floor((now.getTime() + horizon - start) / interval)
    const wanted = Math.min(options.limit, fit)
    if (wanted <= 0) return { claimed: [], dropped: 0 }

    const quiet = inQuietHours(shanghaiMinutes(now))
    const candidates = await tx
      .select({
        id: outbox.id,
        userId: outbox.userId,
        kind: outbox.kind,
        payload: outbox.payload,
        attempts: outbox.attempts,
        expiresAt: outbox.expiresAt,
        blockedAt: users.blockedAt,
        broadcastStatus: broadcasts.status,
      })
      .from(outbox)
      .leftJoin(users, eq(users.id, outbox.userId))
      .leftJoin(broadcasts, eq(broadcasts.id, outbox.broadcastId))
      .leftJoin(outboxChats, eq(outboxChats.userId, outbox.userId))
      .where(
        and(
          eq(outbox.status, 'pending'),
          lte(outbox.notBefore, now),
          or(isNull(broadcasts.status), ne(broadcasts.status, 'paused')),
          or(isNull(outboxChats.nextAt), lte(outboxChats.nextAt, now), gt(outboxChats.nextAt, new Date(now.getTime() + CLOCK_JUMP_MS))),
          or(eq(outbox.urgent, true), sql`not ${quiet}`, isNull(users.id)),
        ),
      )
      .orderBy(asc(outbox.notBefore), asc(outbox.id))
      // Extra rows: some are settled without sending, and only one per chat is taken.
      .limit(wanted * 2 + 20)
      .for('update', { of: outbox, skipLocked: true })

    const settle: Record<'expired' | 'blocked' | 'cancelled', number[]> = { expired: [], blocked: [], cancelled: [] }
    const chosen: typeof candidates = []
    const chats = new Set<number>()
    for (const row of candidates) {
      if (row.expiresAt !== null && row.expiresAt <= now) settle.expired.push(row.id)
      else if (row.blockedAt !== null) settle.blocked.push(row.id)
      else if (row.broadcastStatus === 'cancelled') settle.cancelled.push(row.id)
      else if (chosen.length < wanted && !chats.has(row.userId)) {
        chats.add(row.userId)
        chosen.push(row)
      }
    }
    for (const status of ['expired', 'blocked', 'cancelled'] as const) {
      if (settle[status].length > 0) await tx.update(outbox).set({ status }).where(inArray(outbox.id, settle[status]))
    }
    const dropped = settle.expired.length + settle.blocked.length + settle.cancelled.length
    if (chosen.length === 0) return { claimed: [], dropped }

    const claimed = chosen.map((row, index) => ({
      id: row.id,
      userId: row.userId,
      kind: row.kind,
      payload: row.payload,
      attempts: row.attempts + 1,
      slot: new Date(Math.ceil(start + index * interval)),
    }))
    await tx
      .update(outbox)
      .set({ status: 'sending', claimedAt: now, claimedBy: instanceId, startedAt: null, attempts: sql`${outbox.attempts} + 1` })
      .where(
        inArray(
          outbox.id,
          claimed.map((row) => row.id),
        ),
      )
    await tx
      .update(outboxPacing)
      .set({ nextSlotAt: new Date(start + claimed.length * interval) })
      .where(eq(outboxPacing.id, PACING_ID))
    await tx
      .insert(outboxChats)
      .values(claimed.map((row) => ({ userId: row.userId, nextAt: new Date(row.slot.getTime() + CHAT_GAP_MS) })))
      .onConflictDoUpdate({ target: outboxChats.userId, set: { nextAt: sql`excluded.next_at` } })
    return { claimed, dropped }
  })
}

/** Records a delivered row. Also over 'failed' from recoverInterrupted: it did go out. */
export async function recordSent(db: Database, id: number, result: { messageId: number; now: Date }): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'sent', sentAt: result.now, telegramMessageId: result.messageId, lastError: null })
    .where(eq(outbox.id, id))
}

export type Failure =
  /** Provably not delivered (5xx, connection refused, 429): pending again from `retryAt`. */
  | { kind: 'retry'; error: string; retryAt: Date }
  /** 429: like retry, and every instance pauses until `retryAt`. */
  | { kind: 'rate-limited'; error: string; retryAt: Date }
  /** 403: the user blocked the bot; their other pending rows are withdrawn too. */
  | { kind: 'blocked'; error: string; userId: number; now: Date }
  /** Final: a bad request, too many attempts, or an outcome that is unknown (never retried). */
  | { kind: 'failed'; error: string }

/** Records an unsuccessful attempt; see Failure for what each kind does. */
export async function recordFailure(db: Database, id: number, failure: Failure): Promise<void> {
  const lastError = failure.error.slice(0, 500)
  switch (failure.kind) {
    case 'rate-limited':
      await db
        .update(outboxPacing)
        .set({ pausedUntil: failure.retryAt })
        .where(and(eq(outboxPacing.id, PACING_ID), or(isNull(outboxPacing.pausedUntil), lt(outboxPacing.pausedUntil, failure.retryAt))))
      await db.update(outbox).set({ status: 'pending', notBefore: failure.retryAt, lastError }).where(eq(outbox.id, id))
      return
    case 'retry':
      await db.update(outbox).set({ status: 'pending', notBefore: failure.retryAt, lastError }).where(eq(outbox.id, id))
      return
    case 'blocked':
      await db.transaction(async (tx) => {
        await tx.update(outbox).set({ status: 'blocked', lastError }).where(eq(outbox.id, id))
        await tx.update(users).set({ blockedAt: failure.now }).where(eq(users.id, failure.userId))
        await tx
          .update(outbox)
          .set({ status: 'blocked' })
          .where(and(eq(outbox.userId, failure.userId), eq(outbox.status, 'pending')))
      })
      return
    case 'failed':
      await db.update(outbox).set({ status: 'failed', lastError }).where(eq(outbox.id, id))
      return
  }
}

/**
 * Marks a claimed row as going out now, right before its request: from here on a crash leaves it
 * uncertain. False when the row is no longer this instance's to send (another instance took it
 * back, presuming this one dead): then it must not be sent. The update commits before the request
 * starts, which is what lets a crash lose only rows whose request had begun.
 */
export async function markStarted(db: Database, id: number, options: { instanceId: string; now: Date }): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ startedAt: options.now })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'sending'), eq(outbox.claimedBy, options.instanceId), isNull(outbox.startedAt)))
    .returning({ id: outbox.id })
  return rows.length > 0
}

/**
 * Gives back claimed rows that provably were not sent (the sender stopped while they waited for
 * their slot), undoing the attempt. Only rows whose request never started, and with `instanceId`
 * only rows still claimed by it (another instance may have taken them back and claimed them anew).
 */
export async function releaseClaims(db: Database, ids: readonly number[], options: { instanceId?: string } = {}): Promise<void> {
  if (ids.length === 0) return
  await db
    .update(outbox)
    .set({ status: 'pending', claimedAt: null, claimedBy: null, attempts: sql`greatest(${outbox.attempts} - 1, 0)` })
    .where(
      and(
        inArray(outbox.id, [...ids]),
        eq(outbox.status, 'sending'),
        isNull(outbox.startedAt),
        options.instanceId === undefined ? undefined : eq(outbox.claimedBy, options.instanceId),
      ),
    )
}

/**
 * Refreshes the planner statistics of the outbox tables. Without any (PGlite has no autovacuum),
 * the planner expects a handful of due rows and sorts all of a 10,000-row broadcast on every claim
 * (~70 ms of blocked event loop on PGlite) instead of walking the outbox_due index (~1 ms).
 */
export async function refreshOutboxStatistics(db: Database): Promise<void> {
  await db.execute(sql`analyze outbox, outbox_chats, outbox_pacing, broadcasts`)
}

export const INTERRUPTED_ERROR = 'interrupted: the sender stopped between claiming and recording; not retried, it may have been delivered'

/** The lease a running sender renews as its heartbeat; outbox.claimed_by names the same instance. */
export const senderHeartbeatKey = (instanceId: string): string => `outbox-sender:${instanceId}`

/**
 * Settles the rows of senders that are gone: 'sending' rows whose claimer has no live heartbeat
 * lease (it expired, or the PGlite data-dir lock proved the previous process dead and its leases
 * were cleared). A row whose request had started may have reached Telegram: failed as interrupted,
 * never resent. A row only claimed never left: pending again, its attempt undone. The lease's
 * expiry is compared on the database's clock, like takeLease sets it. If the claimer was alive
 * after all (a stall longer than its heartbeat), markStarted refuses it the rows given back here.
 */
export async function settleDeadSenders(db: Database): Promise<{ requeued: number; interrupted: number }> {
  const gone = sql`not exists (select 1 from ${leases} where ${leases.key} = ${senderHeartbeatKey('')} || ${outbox.claimedBy} and ${leases.expiresAt} > now())`
  const interrupted = await db
    .update(outbox)
    .set({ status: 'failed', lastError: INTERRUPTED_ERROR })
    .where(and(eq(outbox.status, 'sending'), isNotNull(outbox.startedAt), gone))
    .returning({ id: outbox.id })
  const requeued = await db
    .update(outbox)
    .set({ status: 'pending', claimedAt: null, claimedBy: null, attempts: sql`greatest(${outbox.attempts} - 1, 0)` })
    .where(and(eq(outbox.status, 'sending'), isNull(outbox.startedAt), gone))
    .returning({ id: outbox.id })
  return { requeued: requeued.length, interrupted: interrupted.length }
}

/**
 * The fallback when no death is proven: rows still 'sending' long after their claim belong to a
 * process that died between claiming and recording, or is stuck. They may or may not have reached Telegram, so they become 'failed', never pending
 * again: sending one twice is worse than losing it. Returns how many.
 */
export async function recoverInterrupted(db: Database, options: { now: Date; leaseMs: number }): Promise<number> {
  const rows = await db
    .update(outbox)
    .set({ status: 'failed', lastError: INTERRUPTED_ERROR })
    .where(and(eq(outbox.status, 'sending'), lt(outbox.claimedAt, new Date(options.now.getTime() - options.leaseMs))))
    .returning({ id: outbox.id })
  return rows.length
}
