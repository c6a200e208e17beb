import { randomBytes } from 'node:crypto'
import { setMaxListeners } from 'node:events'
import { hostname } from 'node:os'
import type { Api } from 'grammy'
import type { Logger } from 'pino'
import type { Database } from '../../db/client.js'
import { releaseLease, takeLease } from '../../db/repositories/leases.js'
import {
  claimDue,
  markStarted,
  recordFailure,
  recordSent,
  recoverInterrupted,
  refreshOutboxStatistics,
  releaseClaims,
  senderHeartbeatKey,
  settleDeadSenders,
  type ClaimedRow,
  type Failure,
} from '../../db/repositories/outbox-sender.js'
import { backoffMs, classifySendError } from './errors.js'
import { send } from './send.js'

export type OutboxSenderOptions = {
  db: Database
  /** An API object without auto-retry: the sender decides itself what may be retried. */
  api: Api
  logger: Logger
  /** The clock; it must advance (slots are handed out relative to it). */
  now: () => Date
  /** Messages per second over all instances. */
  rate: number
  /** Names this sender in outbox.claimed_by and its heartbeat lease; default hostname:pid:random. */
  instanceId?: string
  /** How often an idle sender looks for due rows. */
  pollMs?: number
  /**
   * Fallback for senders not proven dead: rows 'sending' for longer than this are failed (see
   * recoverInterrupted). A sender whose heartbeat lapsed is settled at once (settleDeadSenders).
   */
  leaseMs?: number
  /** A send whose answer takes longer is abandoned as uncertain. */
  sendTimeoutMs?: number
  /** Retry delay after the n-th failed attempt (tests shorten it). */
  backoff?: (attempts: number) => number
  /** Test hooks; a hook that throws acts like the process dying at that point. */
  hooks?: {
    afterClaim?: (rows: readonly ClaimedRow[]) => void | Promise<void>
    beforeRecord?: (row: ClaimedRow, outcome: Outcome) => void | Promise<void>
  }
}

type Outcome = { kind: 'sent'; messageId: number } | Failure

export type OutboxSender = {
  /** Claims once, sends what it claimed and records the results. */
  runOnce: () => Promise<{ claimed: number; dropped: number; pausedUntil?: Date }>
  /** runOnce until nothing has been claimable for `idleMs` (default 1.5 s, longer than a chat's gap). */
  drain: (idleMs?: number) => Promise<void>
  start: () => void
  /** Look for work now instead of at the next poll (e.g. right after queueing). */
  wake: () => void
  /**
   * Stops claiming, gives back rows still waiting for their slot, waits for sends in flight to be
   * recorded, and ends the heartbeat.
   */
  stop: () => Promise<void>
}

const RECOVERY_EVERY_MS = 60_000
/**
 * A sender renews its heartbeat lease every HEARTBEAT_EVERY_MS for HEARTBEAT_SECONDS; the others
 * look for senders whose heartbeat lapsed every DEAD_CHECK_EVERY_MS. So the rows of a sender killed
 * on PostgreSQL are settled within about 15 s (on PGlite at once: the restart clears the leases).
 * A longer stall of a live sender only costs it the rows it had claimed; it cannot cause a duplicate.
 */
const HEARTBEAT_SECONDS = 10
const HEARTBEAT_EVERY_MS = 2_000
const DEAD_CHECK_EVERY_MS = 5_000
const LATE_MS = 300
const STATISTICS_EVERY_MS = 10 * 60_000

const defaultInstanceId = (): string => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true) return resolve()
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, Math.max(0, ms))
    signal?.addEventListener('abort', done, { once: true })
  })
}

/**
 * The outbox sender: claims due rows (claimDue keeps the shared rate and per-chat spacing), sends
 * each at its slot through an API without auto-retry, and records every outcome. Several
 * instances, in one process or many, may run against the same database.
 */
export function createOutboxSender(options: OutboxSenderOptions): OutboxSender {
  const { db, api, logger, now, rate } = options
  const instanceId = options.instanceId ?? defaultInstanceId()
  const pollMs = options.pollMs ?? 400
  const leaseMs = options.leaseMs ?? 5 * 60_000
  const sendTimeoutMs = options.sendTimeoutMs ?? 60_000
  const backoff = options.backoff ?? backoffMs
  // Rows waiting for their slot or being sent: about two seconds' worth at the configured rate.
  const capacity = Math.max(4, Math.ceil(rate * 2))
  const inFlight = new Set<Promise<void>>()
  const batches = new Set<Promise<void>>()
  /** After a 429 seen here: rows still waiting for a slot in this window are given back, not sent late in a burst. */
  let pausedUntil = 0
  const stopping = new AbortController()
  // Every row waiting for its slot listens for stop(): dozens of listeners are expected here.
  setMaxListeners(0, stopping.signal)
  let wakeUp = new AbortController()
  let loop: Promise<void> | undefined
  let nextRecoveryAt = 0
  let nextDeadCheckAt = 0
  let nextStatisticsAt = 0
  let nextHeartbeatAt = 0
  const heartbeatKey = senderHeartbeatKey(instanceId)

  /** Renews this sender's heartbeat when due; before every claim, so no row is claimed without one. */
  async function beat(): Promise<void> {
    if (Date.now() < nextHeartbeatAt) return
    if (!(await takeLease(db, heartbeatKey, instanceId, HEARTBEAT_SECONDS)))
      throw new Error(`heartbeat lease ${heartbeatKey} is held by another sender`)
    nextHeartbeatAt = Date.now() + HEARTBEAT_EVERY_MS
  }

  async function settle(row: ClaimedRow, outcome: Outcome): Promise<void> {
    if (outcome.kind === 'sent') {
      await recordSent(db, row.id, { messageId: outcome.messageId, now: now() })
      logger.debug({ outboxId: row.id, kind: row.kind, messageId: outcome.messageId }, 'outbox message sent')
      return
    }
    const failure: Failure = outcome.kind === 'retry' ? { ...outcome, retryAt: new Date(now().getTime() + backoff(row.attempts)) } : outcome
    await recordFailure(db, row.id, failure)
    const level = failure.kind === 'failed' ? 'warn' : 'info'
    logger[level](
      { outboxId: row.id, kind: row.kind, attempts: row.attempts, result: failure.kind, error: failure.error },
      'outbox message not sent',
    )
    if (failure.kind === 'rate-limited') {
      pausedUntil = Math.max(pausedUntil, failure.retryAt.getTime())
      wakeUp.abort()
    }
  }

  async function deliver(row: ClaimedRow, released: number[]): Promise<void> {
    await sleep(row.slot.getTime() - now().getTime(), stopping.signal)
    const at = now().getTime()
    // Given back unsent: on stop; during a 429 pause; and when this process stalled past the slot,
    // since catching up would send a burst above the rate (the next claim hands out fresh slots).
    if (stopping.signal.aborted || at < pausedUntil || at - row.slot.getTime() > LATE_MS) {
      released.push(row.id)
      return
    }
    let started: boolean
    try {
      started = await markStarted(db, row.id, { instanceId, now: now() })
    } catch (error) {
      logger.error({ err: error, outboxId: row.id }, 'could not mark an outbox row as going out; not sent')
      released.push(row.id)
      return
    }
    if (!started) {
      logger.warn({ outboxId: row.id }, 'outbox row taken back by another sender (this one was presumed dead); not sent')
      return
    }
    let outcome: Outcome
    try {
      const message = await send(api, row.userId, row.payload, AbortSignal.timeout(sendTimeoutMs))
      outcome = { kind: 'sent', messageId: message.message_id }
    } catch (error) {
      outcome = classifySendError(error, { now: now(), attempts: row.attempts, userId: row.userId })
    }
    try {
      await options.hooks?.beforeRecord?.(row, outcome)
      await settle(row, outcome)
    } catch (error) {
      // Left 'sending' and started: settled as interrupted after this sender stops; never sent again.
      logger.error({ err: error, outboxId: row.id }, 'could not record an outbox result')
    }
  }

  async function claimAndLaunch(limit: number): Promise<{ claimed: number; dropped: number; pausedUntil?: Date; done: Promise<void> }> {
    const at = now()
    if (Date.now() >= nextDeadCheckAt) {
      nextDeadCheckAt = Date.now() + DEAD_CHECK_EVERY_MS
      const settled = await settleDeadSenders(db)
      if (settled.interrupted > 0)
        logger.warn({ rows: settled.interrupted }, 'outbox rows of a stopped sender were mid-send: marked failed (not resent)')
      if (settled.requeued > 0)
        logger.info({ rows: settled.requeued }, 'outbox rows claimed by a stopped sender but never sent: queued again')
    }
    if (at.getTime() >= nextRecoveryAt) {
      nextRecoveryAt = at.getTime() + RECOVERY_EVERY_MS
      const recovered = await recoverInterrupted(db, { now: at, leaseMs })
      if (recovered > 0) logger.warn({ rows: recovered }, 'outbox rows interrupted mid-send marked failed (not resent)')
    }
    if (Date.now() >= nextStatisticsAt) {
      nextStatisticsAt = Date.now() + STATISTICS_EVERY_MS
      await refreshOutboxStatistics(db).catch((error: unknown) => logger.warn({ err: error }, 'could not analyze the outbox tables'))
    }
    const result = await claimDue(db, { now: at, rate, limit, instanceId })
    const summary = {
      claimed: result.claimed.length,
      dropped: result.dropped,
      ...(result.pausedUntil ? { pausedUntil: result.pausedUntil } : {}),
    }
    if (result.claimed.length === 0) return { ...summary, done: Promise.resolve() }
    try {
      await options.hooks?.afterClaim?.(result.claimed)
    } catch (error) {
      logger.error({ err: error }, 'outbox sender interrupted after claiming')
      return { ...summary, done: Promise.resolve() }
    }
    const released: number[] = []
    const sends = result.claimed.map((row) => {
      const promise = deliver(row, released).finally(() => inFlight.delete(promise))
      inFlight.add(promise)
      return promise
    })
    const done = Promise.all(sends)
      .then(async () => {
        if (released.length === 0) return
        await releaseClaims(db, released, { instanceId })
        logger.info({ rows: released.length }, 'outbox rows given back unsent (stopping, paused after a 429, or past their slot)')
      })
      .finally(() => batches.delete(done))
    batches.add(done)
    return { ...summary, done }
  }

  async function runOnce() {
    await beat()
    const { done, ...summary } = await claimAndLaunch(capacity)
    await done
    return summary
  }

  async function run(): Promise<void> {
    while (!stopping.signal.aborted) {
      let delay = pollMs
      try {
        await beat()
        const free = capacity - inFlight.size
        if (free > 0) {
          const result = await claimAndLaunch(free)
          result.done.catch((error: unknown) => logger.error({ err: error }, 'could not release outbox claims'))
          if (result.pausedUntil !== undefined) delay = Math.min(Math.max(result.pausedUntil.getTime() - now().getTime(), 20), pollMs * 4)
          // Slots reach one second ahead: claim again halfway so the next ones are ready in time.
          else if (result.claimed > 0) delay = 250
        } else delay = 50
      } catch (error) {
        logger.error({ err: error }, 'outbox sender could not claim')
        delay = pollMs * 5
      }
      if (wakeUp.signal.aborted) wakeUp = new AbortController()
      await sleep(delay, AbortSignal.any([wakeUp.signal, stopping.signal]))
    }
  }

  return {
    runOnce,
    async drain(idleMs = 1500) {
      let idleSince = Date.now()
      while (Date.now() - idleSince < idleMs) {
        const result = await runOnce()
        if (result.claimed > 0 || result.dropped > 0 || result.pausedUntil !== undefined) idleSince = Date.now()
        if (result.claimed === 0) await sleep(result.pausedUntil ? Math.max(20, result.pausedUntil.getTime() - now().getTime()) : 50)
      }
    },
    start() {
      loop ??= run()
    },
    wake() {
      wakeUp.abort()
    },
    async stop() {
      stopping.abort()
      await loop
      while (batches.size > 0) await Promise.allSettled([...batches])
      // Whatever is still 'sending' now is uncertain: the other instances may settle it at once.
      await releaseLease(db, heartbeatKey, instanceId).catch((error: unknown) =>
        logger.warn({ err: error }, 'could not end the outbox sender heartbeat'),
      )
    },
  }
}

/** Starts the sender loop of this process (see createOutboxSender). */
export function startOutboxSender(options: OutboxSenderOptions): { stop: () => Promise<void>; wake: () => void } {
  const sender = createOutboxSender(options)
  sender.start()
  options.logger.info({ rate: options.rate }, 'outbox sender started')
  return { stop: sender.stop, wake: sender.wake }
}
