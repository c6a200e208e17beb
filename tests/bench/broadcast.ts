// Broadcast throughput: N recipients through the outbox sender against the local Bot API emulator
// over HTTP (grammY's real client), with the emulator enforcing Telegram-like flood limits at the
// sender's rate. Reports the achieved rate as a ratio to the limit, HTTP 429s and duplicates.
//   npm run bench:broadcast [-- --json] [-- --driver pglite|postgres --recipients N --rate R --instances K]
// postgres needs DATABASE_URL (a temporary database is created and dropped); K instances each get
// their own connection pool there, on PGlite they share the one in-process database.
import type { AddressInfo } from 'node:net'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { inArray, sql } from 'drizzle-orm'
import { Api } from 'grammy'
import pino from 'pino'
import { RateLimiter } from '../../bot/local/emulator/rate-limits.js'
import { createEmulatorServer } from '../../bot/local/emulator/server.js'
import { EmulatorState } from '../../bot/local/emulator/state.js'
import { createOutboxSender } from '../../bot/outbox/sender.js'
import { openDatabase, type DatabaseHandle } from '../../db/client.js'
import { enqueueMessages } from '../../db/repositories/outbox.js'
import { broadcasts, outbox, users } from '../../db/schema/index.js'
import { createEmptyPostgresDatabase } from '../helpers/db.js'
import { positiveInteger, positiveNumber } from './args.js'

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    driver: { type: 'string' },
    recipients: { type: 'string' },
    rate: { type: 'string' },
    instances: { type: 'string' },
  },
})
const recipients = positiveInteger(args.recipients, 10_000, 'recipients')
const rate = positiveNumber(args.rate, 25, 'rate')
const instances = positiveInteger(args.instances, 1, 'instances')
const baseUrl = process.env.DATABASE_URL
const driver = args.driver ?? (baseUrl ? 'postgres' : 'pglite')
if (driver !== 'pglite' && driver !== 'postgres') throw new Error('--driver must be pglite or postgres')
if (driver === 'postgres' && !baseUrl) throw new Error('--driver postgres needs DATABASE_URL')
const targets = { rateRatio: 0.9, http429: 0, duplicates: 0 }
const BOT_ID = 1_000_000_009
const TOKEN = `${BOT_ID}:BENCH`
const FIRST_USER = 5_000_000

const log = (line = '') => console.log(line)
const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits

/** One handle per instance: separate pools on PostgreSQL, the same in-process database on PGlite. */
async function openHandles(): Promise<{ handles: DatabaseHandle[]; close: () => Promise<void> }> {
  if (driver === 'pglite') {
    const handle = await openDatabase({ dataDir: undefined })
    return { handles: Array.from({ length: instances }, () => handle), close: handle.close }
  }
  const empty = await createEmptyPostgresDatabase(baseUrl ?? '', 'nuanxin_bench')
  process.once('SIGINT', () => void empty.drop().finally(() => process.exit(130)))
  const handles: DatabaseHandle[] = []
  try {
    for (let i = 0; i < instances; i++) handles.push(await openDatabase({ databaseUrl: empty.url, maxConnections: 4 }))
  } catch (error) {
    await Promise.all(handles.map((handle) => handle.close()))
    await empty.drop()
    throw error
  }
  return { handles, close: () => Promise.all(handles.map((handle) => handle.close())).then(empty.drop) }
}

const { handles, close } = await openHandles()
const [main] = handles
if (main === undefined) throw new Error('no database')
const state = new EmulatorState(BOT_ID)
state.rateLimiter = new RateLimiter({ perSecond: rate })
const server = createEmulatorServer(state, TOKEN, { session: () => ({}), addUser: () => 0, onError: (error) => console.error(error) })
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

try {
  log(`broadcast benchmark — driver: ${driver}, ${recipients.toLocaleString('en')} recipients, limit ${rate}/s, ${instances} instance(s)`)
  const ids = Array.from({ length: recipients }, (_, i) => FIRST_USER + i)
  for (const id of ids) state.addUser({ id, is_bot: false, first_name: `骑手${id}` })
  for (let start = 0; start < ids.length; start += 1000) {
    await main.db.insert(users).values(ids.slice(start, start + 1000).map((id) => ({ id, firstName: `骑手${id}` })))
  }
  const [broadcast] = await main.db
    .insert(broadcasts)
    .values({ createdBy: 1, audience: { type: 'everyone' }, text: '今晚驿站有热汤', recipientCount: recipients })
    .returning()
  await enqueueMessages(
    main.db,
    ids.map((id) => ({
      userId: id,
      kind: 'broadcast',
      broadcastId: broadcast?.id,
      payload: { method: 'sendMessage' as const, text: `<b>今晚驿站有热汤</b> #${id}`, parseMode: 'HTML' as const },
    })),
  )

  // info: every 429 or 5xx the sender meets is printed.
  const logger = pino({ level: 'info' })
  const senders = handles.map((handle, index) =>
    createOutboxSender({
      db: handle.db,
      api: new Api(TOKEN, { apiRoot }),
      logger,
      now: () => new Date(),
      rate,
      instanceId: `bench-${index}`,
    }),
  )
  // Senders, emulator and (on PGlite) the database share this event loop: a stall delays sends.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 })
  loopDelay.enable()
  const begun = performance.now()
  const startedAt = Date.now()
  for (const sender of senders) sender.start()
  let lastProgress = begun
  let lastDone = -1
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const [open] = await main.db
      .select({ count: sql<number>`count(*)::int` })
      .from(outbox)
      .where(inArray(outbox.status, ['pending', 'sending']))
    const remaining = Number(open?.count ?? 0)
    if (remaining === 0) break
    const done = recipients - remaining
    if (done !== lastDone) lastProgress = performance.now()
    if (performance.now() - lastProgress > 60_000) throw new Error(`no progress for a minute, ${remaining} rows open`)
    const step = Math.max(100, Math.round(recipients / 5))
    if (lastDone >= 0 && Math.floor(done / step) !== Math.floor(lastDone / step)) {
      log(`  ${done.toLocaleString('en')} settled after ${((performance.now() - begun) / 1000).toFixed(0)} s`)
    }
    lastDone = done
  }
  // From the start to the last recorded send (the progress poll above only ticks once a second).
  const [last] = await main.db.select({ ms: sql<number | null>`(extract(epoch from max(${outbox.sentAt})) * 1000)::float8` }).from(outbox)
  const seconds = last?.ms == null ? (performance.now() - begun) / 1000 : (Number(last.ms) - startedAt) / 1000
  await Promise.all(senders.map((sender) => sender.stop()))

  const statuses = await main.db
    .select({ status: outbox.status, count: sql<number>`count(*)::int` })
    .from(outbox)
    .groupBy(outbox.status)
  const count = (status: string) => Number(statuses.find((row) => row.status === status)?.count ?? 0)
  let delivered = 0
  let duplicates = 0
  for (const id of ids) {
    const received = state.history(id).messages.length
    delivered += Math.min(received, 1)
    duplicates += Math.max(0, received - 1)
  }
  // The ideal is the first message at once and each next one 1/rate later.
  const ideal = (recipients - 1) / rate
  const achieved = recipients / seconds
  const ratio = round(ideal / seconds)
  log(
    `delivered ${delivered.toLocaleString('en')} of ${recipients.toLocaleString('en')} in ${seconds.toFixed(1)} s (ideal ${ideal.toFixed(1)} s)`,
  )
  log(`achieved ${achieved.toFixed(2)} messages/s = ${ratio} of the ${rate}/s limit (target ≥ ${targets.rateRatio})`)
  log(`HTTP 429: ${state.tooManyRequests} (target ${targets.http429}), duplicates: ${duplicates} (target ${targets.duplicates})`)
  log(`event-loop delay: p99 ${(loopDelay.percentile(99) / 1e6).toFixed(0)} ms, max ${(loopDelay.max / 1e6).toFixed(0)} ms`)
  log(`rows: sent ${count('sent')}, failed ${count('failed')}, blocked ${count('blocked')}, expired ${count('expired')}`)
  if (args.json) {
    console.log(JSON.stringify({ recipients, delivered, rate_ratio: ratio, http_429: state.tooManyRequests, duplicates, driver }))
  }
} finally {
  await new Promise((resolve) => server.close(resolve))
  server.closeAllConnections()
  await close()
}
