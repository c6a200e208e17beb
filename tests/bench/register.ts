// A burst of registrations: N workers tap 报名 at once for S seats.
//   npm run bench:register [-- --workers 500 --seats 70 --driver pglite|postgres --json]
// 1. Through the real bot handlers (fake Telegram at the fetch level), with the capacity lock, as a
//    long-polling bot runs them, after 100 warm-up taps on another event: registrations per second,
//    p50/p99 latency of one tap, confirmed/waitlisted/duplicates. On PostgreSQL also once with the
//    cross-instance chat lock of webhook instances, and the ratio of the two.
// 2. The same burst straight against the repository, with the lock and with the same seat decision
//    without it (register-unlocked.ts, bench only): how many were confirmed there, and the speed
//    ratio; that unlocked speed is the limit the locked path is compared against.
// With DATABASE_URL set (or --driver postgres) it uses a temporary database next to DATABASE_URL's, dropped at the end.
// With --json the last line printed is one JSON object with the figures of part 1.
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { eq } from 'drizzle-orm'
import { eventCallbacks } from '../../bot/callbacks/events.js'
import { openDatabase, type Database, type DatabaseHandle } from '../../db/client.js'
import { register } from '../../db/repositories/registrations.js'
import { touchUser } from '../../db/repositories/users.js'
import { registrations } from '../../db/schema/index.js'
import { createTestBot } from '../helpers/bot.js'
import { createEmptyPostgresDatabase } from '../helpers/db.js'
import { createTestEvent } from '../helpers/events.js'
import { callbackUpdate } from '../helpers/updates.js'
import { positiveInteger } from './args.js'
import { installUnlockedRegistration, registerWithoutLock } from './register-unlocked.js'

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    workers: { type: 'string' },
    seats: { type: 'string' },
    driver: { type: 'string' },
  },
})
const workerCount = positiveInteger(args.workers, 500, 'workers')
const seats = positiveInteger(args.seats, 70, 'seats')
// Like the other benchmarks: PostgreSQL when DATABASE_URL is set, unless --driver says otherwise.
const driver = args.driver ?? (process.env.DATABASE_URL ? 'postgres' : 'pglite')
if (driver !== 'pglite' && driver !== 'postgres') throw new Error('--driver must be pglite or postgres')

const clock = new Date('2026-11-25T02:00:00Z')
const log = (line = '') => console.log(line)
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits
const percentile = (times: readonly number[], p: number) => {
  const sorted = [...times].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN
}

async function openBenchDatabase(): Promise<DatabaseHandle> {
  if (driver === 'pglite') return openDatabase({ dataDir: undefined })
  const baseUrl = process.env.DATABASE_URL
  if (baseUrl === undefined || baseUrl === '') throw new Error('--driver postgres needs DATABASE_URL')
  const empty = await createEmptyPostgresDatabase(baseUrl, 'nuanxin_bench')
  process.once('SIGINT', () => void empty.drop().finally(() => process.exit(130)))
  const handle = await openDatabase({ databaseUrl: empty.url }).catch(async (error: unknown) => {
    await empty.drop()
    throw error
  })
  return { ...handle, close: () => handle.close().finally(empty.drop) }
}

type Burst = { confirmed: number; waitlisted: number; duplicates: number; seconds: number; times: number[] }

async function tally(db: Database, eventId: number, seconds: number, times: number[]): Promise<Burst> {
  const rows = await db.select().from(registrations).where(eq(registrations.eventId, eventId))
  const users = new Set(rows.map((row) => row.userId))
  return {
    confirmed: rows.filter((row) => row.status === 'confirmed').length,
    waitlisted: rows.filter((row) => row.status === 'waitlisted').length,
    duplicates: rows.length - users.size,
    seconds,
    times,
  }
}

async function timed(tasks: readonly (() => Promise<unknown>)[]): Promise<{ seconds: number; times: number[] }> {
  const times: number[] = []
  const started = performance.now()
  await Promise.all(
    tasks.map(async (task) => {
      const begin = performance.now()
      await task()
      times.push(performance.now() - begin)
    }),
  )
  return { seconds: (performance.now() - started) / 1000, times }
}

const workerIds = (offset: number) => Array.from({ length: workerCount }, (_, index) => offset + index)

/** Taps of a running bot before the burst, on another event, so the burst does not time the JIT compiling the handlers. */
const WARM_UP_TAPS = 100

/**
 * Through the bot. `lockChats`: the cross-instance chat lock of webhook instances on PostgreSQL;
 * without it, as a long-polling bot (the default deployment) runs.
 */
async function handlerBurst(db: Database, offset: number, lockChats: boolean): Promise<Burst> {
  const { bot } = createTestBot(db, { now: () => clock, lockChats })
  const warmUp = await createTestEvent(db, { title: `bench warm-up ${offset}`, capacity: seats })
  await Promise.all(
    Array.from({ length: WARM_UP_TAPS }, (_, index) =>
      bot.handleUpdate(
        callbackUpdate({ id: offset + 900_000 + index, first_name: 'bench' }, eventCallbacks.register.pack({ eventId: warmUp.id })),
      ),
    ),
  )
  const event = await createTestEvent(db, { title: `bench handlers ${offset}`, capacity: seats })
  const { seconds, times } = await timed(
    workerIds(offset).map(
      (id) => () => bot.handleUpdate(callbackUpdate({ id, first_name: 'bench' }, eventCallbacks.register.pack({ eventId: event.id }))),
    ),
  )
  return tally(db, event.id, seconds, times)
}

async function repositoryBurst(db: Database, locked: boolean, offset: number): Promise<Burst> {
  const event = await createTestEvent(db, { title: `bench ${locked ? 'locked' : 'unlocked'}`, capacity: seats })
  const ids = workerIds(offset)
  for (const id of ids) await touchUser(db, { id, languageCode: 'zh', isAdmin: false })
  const registerOne = locked ? register : registerWithoutLock
  const { seconds, times } = await timed(
    ids.map((userId) => () => registerOne(db, { eventId: event.id, userId, consent: false, now: clock })),
  )
  return tally(db, event.id, seconds, times)
}

const perSecond = (burst: Burst) => workerCount / burst.seconds
const describe = (burst: Burst) =>
  `${burst.confirmed} confirmed, ${burst.waitlisted} waitlisted, ${burst.duplicates} duplicates · ` +
  `${round(perSecond(burst))} registrations/s · p50 ${round(percentile(burst.times, 0.5))} ms · p99 ${round(percentile(burst.times, 0.99))} ms`

const handle = await openBenchDatabase()
try {
  log(`register burst: ${workerCount} workers, ${seats} seats, ${handle.driver}`)
  const handlers = await handlerBurst(handle.db, 1_000_000, false)
  log(`through the bot handlers, with the lock:  ${describe(handlers)}`)
  // Webhook instances on PostgreSQL also take a chat lock per update (two short statements, no
  // connection held while the update runs): the cost of running several instances behind a load balancer.
  const withChatLock = handle.driver === 'postgres' ? await handlerBurst(handle.db, 4_000_000, true) : undefined
  if (withChatLock !== undefined) {
    log(`the same with the chat lock of webhook instances: ${describe(withChatLock)}`)
    log(`chat lock/no chat lock registrations per second: ${round(perSecond(withChatLock) / perSecond(handlers), 2)}`)
  }
  const locked = await repositoryBurst(handle.db, true, 2_000_000)
  log(`repository, with the lock (FOR UPDATE):   ${describe(locked)}`)
  await installUnlockedRegistration(handle.db)
  const unlocked = await repositoryBurst(handle.db, false, 3_000_000)
  log(`repository, without the lock:             ${describe(unlocked)}`)
  const overbooked = Math.max(0, unlocked.confirmed - seats)
  log(
    `lock/no-lock registrations per second: ${round(perSecond(locked) / perSecond(unlocked), 2)}` +
      ` · without the lock ${overbooked === 0 ? 'nothing was overbooked this time' : `${overbooked} ${overbooked === 1 ? 'seat was' : 'seats were'} overbooked`}` +
      (handle.driver === 'pglite' ? ' (PGlite runs one transaction at a time, so it cannot overbook either way)' : ''),
  )
  if (args.json) {
    console.log(
      JSON.stringify({
        confirmed: handlers.confirmed,
        waitlisted: handlers.waitlisted,
        duplicates: handlers.duplicates,
        per_second: round(perSecond(handlers)),
        p50_ms: round(percentile(handlers.times, 0.5)),
        p99_ms: round(percentile(handlers.times, 0.99)),
        driver: handle.driver,
        unlocked_confirmed: unlocked.confirmed,
        lock_vs_unlock_per_second: round(perSecond(locked) / perSecond(unlocked), 2),
        repo_unlocked_per_second: round(perSecond(unlocked)),
        ...(withChatLock === undefined
          ? {}
          : {
              chat_lock_per_second: round(perSecond(withChatLock)),
              chat_lock_p99_ms: round(percentile(withChatLock.times, 0.99)),
              chat_lock_vs_none_per_second: round(perSecond(withChatLock) / perSecond(handlers), 2),
            }),
      }),
    )
  }
} finally {
  await handle.close()
}
