// Crash safety of the outbox: a broadcast to N recipients sent by `npm start` (bot/main.ts) in a
// child process on PostgreSQL, killed with SIGKILL at three points of its send cycle and restarted
// at once each time, against a fake Bot API that records what reached it:
//   1. during-request: a sendMessage has reached Telegram and no answer comes back;
//   2. after-answer: Telegram answered, the process dies before recording the answer;
//   3. between-sends: the last answer is recorded, the next rows are claimed and wait for their slot.
// delivered / lost / duplicates: recipients that got the message, that never did, extra copies.
// max_lost_per_crash: the most rows one crash left undelivered (marked failed as interrupted).
// settled_after_restart_s: the longest time from a restart until no row of the killed process is
// still 'sending' (the uncertain ones settled, the rest back in the queue); until then the
// organizer's report cannot be final.
//   npm run bench:crash [-- --json] [-- --recipients 3000]
// Needs DATABASE_URL (PostgreSQL); a temporary database is created next to it and dropped after.
import { parseArgs } from 'node:util'
import { and, eq, inArray, like, sql } from 'drizzle-orm'
import { openDatabase } from '../../db/client.js'
import { enqueueMessages } from '../../db/repositories/outbox.js'
import { broadcasts, outbox, users } from '../../db/schema/index.js'
import { createEmptyPostgresDatabase } from '../helpers/db.js'
import { positiveInteger } from './args.js'
import { startInstance, type Instance } from './instances-process.js'
import { startBenchTelegram, type OnSendMessage } from './instances-telegram.js'

const { values: args } = parseArgs({ options: { json: { type: 'boolean', default: false }, recipients: { type: 'string' } } })
const recipients = positiveInteger(args.recipients, 3000, 'recipients')
const baseUrl = process.env.DATABASE_URL
if (baseUrl === undefined || baseUrl === '') throw new Error('bench:crash needs DATABASE_URL (PostgreSQL)')
const log = (line = '') => console.log(line)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const seconds = (ms: number) => Math.round(ms / 100) / 10

const ORGANIZER = 1
const FIRST_USER = 700_000
const MARK = 'bench crash '
/** When each kill happens, as a share of the recipients already reached. */
const points = [
  { name: 'during-request', at: 0.2 },
  { name: 'after-answer', at: 0.45 },
  { name: 'between-sends', at: 0.7 },
] as const
type Crash = { point: string; pid: number; restartedAt: number; readyAfterMs?: number; settledAfterMs?: number }

const empty = await createEmptyPostgresDatabase(baseUrl, 'nuanxin_bench')
process.once('SIGINT', () => void empty.drop().finally(() => process.exit(130)))
const handle = await openDatabase({ databaseUrl: empty.url, maxConnections: 2 })
const crashes: Crash[] = []
let current: Instance | undefined
let generation = 0
let reached = 0
/** Points already triggered (a kill may wait a few milliseconds after its trigger). */
let triggered = 0

const start = () => startInstance(`run${generation++}`, empty.url, telegram)
function crash(point: string): void {
  if (current === undefined) return
  current.kill()
  const pid = current.pid
  current = start()
  const entry: Crash = { point, pid, restartedAt: performance.now() }
  crashes.push(entry)
  void current.ready.then(() => (entry.readyAfterMs = performance.now() - entry.restartedAt))
  log(`  ${point}: killed pid ${pid} (SIGKILL) after ${reached} messages reached Telegram; restarted`)
}

const onSendMessage: OnSendMessage = (delivery, answer) => {
  if (!delivery.text.startsWith(MARK)) return answer()
  reached++
  const point = points[triggered]
  if (point === undefined || reached < Math.round(recipients * point.at)) return answer()
  triggered++
  if (point.name === 'during-request') {
    crash(point.name)
    setTimeout(answer, 100)
  } else if (point.name === 'after-answer') {
    answer()
    crash(point.name)
  } else {
    answer()
    // At 25/s the next send is 40 ms away: by then this answer is recorded and the next rows claimed.
    setTimeout(() => crash(point.name), 20)
  }
}
const telegram = await startBenchTelegram({ onSendMessage })

try {
  log(`bench:crash on PostgreSQL: ${recipients.toLocaleString('en')} recipients, SIGKILL at ${points.map((p) => p.name).join(', ')}`)
  const ids = Array.from({ length: recipients }, (_, index) => FIRST_USER + index)
  await handle.db.insert(users).values({ id: ORGANIZER, firstName: '组织者', languageCode: 'zh-hans' })
  for (let from = 0; from < ids.length; from += 1000) {
    await handle.db
      .insert(users)
      .values(ids.slice(from, from + 1000).map((id) => ({ id, firstName: `骑手${id}`, languageCode: 'zh-hans' })))
  }
  const [broadcast] = await handle.db
    .insert(broadcasts)
    .values({ createdBy: ORGANIZER, audience: { type: 'everyone' }, text: '今晚驿站有热汤', recipientCount: recipients })
    .returning()
  if (broadcast === undefined) throw new Error('no broadcast')
  await enqueueMessages(
    handle.db,
    ids.map((id) => ({
      userId: id,
      kind: 'broadcast',
      broadcastId: broadcast.id,
      urgent: true,
      payload: { method: 'sendMessage' as const, text: `${MARK}${id}` },
    })),
  )
  current = start()
  if ((await current.ready).kind !== 'ready') throw new Error('the first instance did not start')

  const deadline = performance.now() + 20 * 60_000
  for (;;) {
    for (const entry of crashes.filter((c) => c.settledAfterMs === undefined)) {
      const [row] = await handle.db
        .select({ n: sql<number>`count(*)::int` })
        .from(outbox)
        .where(and(eq(outbox.status, 'sending'), like(outbox.claimedBy, `%:${entry.pid}:%`)))
      if (Number(row?.n ?? 0) === 0) entry.settledAfterMs = performance.now() - entry.restartedAt
    }
    const [state] = await handle.db.select({ status: broadcasts.status }).from(broadcasts).where(eq(broadcasts.id, broadcast.id))
    if (crashes.length === points.length && crashes.every((c) => c.settledAfterMs !== undefined) && state?.status === 'done') break
    if (performance.now() > deadline)
      throw new Error(`not finished after 20 minutes: ${crashes.length} crashes, broadcast ${state?.status}`)
    await sleep(200)
  }

  const ours = telegram.deliveries.filter((d) => d.text.startsWith(MARK))
  const chats = new Set(ours.map((d) => d.chatId))
  const perCrash = []
  for (const entry of crashes) {
    const uncertain = await handle.db
      .select({ userId: outbox.userId })
      .from(outbox)
      .where(and(eq(outbox.broadcastId, broadcast.id), inArray(outbox.status, ['failed']), like(outbox.claimedBy, `%:${entry.pid}:%`)))
    const lost = uncertain.filter((row) => !chats.has(row.userId)).length
    perCrash.push({ ...entry, uncertain: uncertain.length, lost })
    log(
      `  ${entry.point}: ${uncertain.length} rows left uncertain, ${lost} of them lost; settled ${seconds(entry.settledAfterMs ?? 0)} s after the restart (up after ${seconds(entry.readyAfterMs ?? 0)} s)`,
    )
  }
  const delivered = chats.size
  const figures = {
    recipients,
    delivered,
    lost: recipients - delivered,
    duplicates: ours.length - delivered,
    crashes: crashes.length,
    max_lost_per_crash: Math.max(0, ...perCrash.map((entry) => entry.lost)),
    settled_after_restart_s: seconds(Math.max(0, ...crashes.map((entry) => entry.settledAfterMs ?? 0))),
  }
  log(`delivered ${delivered} of ${recipients}, lost ${figures.lost}, duplicates ${figures.duplicates}; the broadcast report is final`)
  if (args.json) console.log(JSON.stringify(figures))
} finally {
  await current?.stop()
  await handle.close()
  await telegram.close()
  await empty.drop()
}
