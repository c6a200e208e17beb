// Several instances on one PostgreSQL, as `npm start` runs them behind a load balancer.
//   npm run bench:instances [-- --trials 10 --pairs 20 --recipients 1000 --json]
// Needs DATABASE_URL (PostgreSQL); each part uses a temporary database next to it, dropped after.
// 1. start-up: two instances started at the same moment on an empty database, `trials` times;
//    startup_failures counts instances that exited instead of becoming ready (/healthz 200).
// 2. pairs: two webhook instances; a user walks a form step by step, the steps spread over both,
//    and the last step (the one that creates something) reaches both at once. The pairs take turns
//    over five forms: file a 我有话说 ticket, tap 报名, confirm a broadcast, tap 发布 at the end of
//    /newevent, answer the last question of a registration form (instances-pairs.ts);
//    duplicate_effects counts extra tickets, registrations, broadcasts and events.
// 3. broadcast: `recipients` outbox rows sent by both instances; one is killed with SIGKILL
//    midway. delivered / lost / duplicates come from the fake Bot API's record of sendMessage.
// With --json the last line printed is one JSON object with the figures.
import { parseArgs } from 'node:util'
import { count, inArray } from 'drizzle-orm'
import { openDatabase, type Database } from '../../db/client.js'
import { enqueueMessages } from '../../db/repositories/outbox.js'
import { outbox, users } from '../../db/schema/index.js'
import { createEmptyPostgresDatabase } from '../helpers/db.js'
import { positiveInteger } from './args.js'
import { effectsOf, pairKinds, preparePairs, walkPair, type PairKind } from './instances-pairs.js'
import { startInstance } from './instances-process.js'
import { startBenchTelegram, type BenchTelegram } from './instances-telegram.js'

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    trials: { type: 'string' },
    pairs: { type: 'string' },
    recipients: { type: 'string' },
  },
})
const trials = positiveInteger(args.trials, 10, 'trials')
const pairCount = positiveInteger(args.pairs, 20, 'pairs')
const recipients = positiveInteger(args.recipients, 1000, 'recipients')
const baseUrl = process.env.DATABASE_URL
if (baseUrl === undefined || baseUrl === '') throw new Error('bench:instances needs DATABASE_URL (PostgreSQL)')
const log = (line = '') => console.log(line)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const empty = await createEmptyPostgresDatabase(baseUrl ?? '', 'nuanxin_bench')
  try {
    return await work(empty.url)
  } finally {
    await empty.drop()
  }
}

async function startupTrials(telegram: BenchTelegram): Promise<number> {
  let failures = 0
  for (let trial = 0; trial < trials; trial++) {
    await withDatabase(async (url) => {
      const pair = [startInstance('a', url, telegram), startInstance('b', url, telegram)]
      const results = await Promise.all(pair.map((instance) => instance.ready))
      for (const [index, result] of results.entries()) {
        if (result.kind === 'exited') {
          failures++
          log(`  trial ${trial + 1}: instance ${index === 0 ? 'a' : 'b'} exited: ${result.output.trim().split('\n').at(-1) ?? ''}`)
        }
      }
      await Promise.all(pair.map((instance) => instance.stop()))
    })
  }
  return failures
}

type PairFigures = { duplicates: number; effects: number; byKind: Record<PairKind, { pairs: number; effects: number; duplicates: number }> }

async function pairs(telegram: BenchTelegram): Promise<PairFigures> {
  return withDatabase(async (url) => {
    const [a, b] = [startInstance('a', url, telegram), startInstance('b', url, telegram)]
    const handle = await openDatabase({ databaseUrl: url, maxConnections: 2 })
    try {
      for (const instance of [a, b]) if ((await instance.ready).kind !== 'ready') throw new Error('an instance did not start')
      const fixtures = await preparePairs(handle.db)
      const walkers = Array.from({ length: pairCount }, (_, index) => ({
        kind: pairKinds[index % pairKinds.length] ?? 'ticket',
        worker: { id: 800_000 + index, first_name: `并发${index}`, language_code: 'zh-hans' },
        index,
      }))
      await Promise.all(walkers.map(({ kind, worker, index }) => walkPair(handle.db, [a, b], kind, worker, index, fixtures)))
      const byKind = Object.fromEntries(pairKinds.map((kind) => [kind, { pairs: 0, effects: 0, duplicates: 0 }])) as PairFigures['byKind']
      for (const { kind, worker } of walkers) {
        const made = await effectsOf(handle.db, worker.id)
        byKind[kind].pairs++
        byKind[kind].effects += Math.min(made, 1)
        byKind[kind].duplicates += Math.max(0, made - 1)
      }
      const figures = Object.values(byKind)
      return {
        byKind,
        effects: figures.reduce((sum, f) => sum + f.effects, 0),
        duplicates: figures.reduce((sum, f) => sum + f.duplicates, 0),
      }
    } finally {
      await handle.close()
      await Promise.all([a.stop(), b.stop()])
    }
  })
}

/** Rows still to send, including those the killed instance had claimed until they are settled. */
async function openRows(db: Database): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(outbox)
    .where(inArray(outbox.status, ['pending', 'sending']))
  return row?.n ?? 0
}

async function broadcastWithKill(telegram: BenchTelegram) {
  return withDatabase(async (url) => {
    const [a, b] = [startInstance('a', url, telegram), startInstance('b', url, telegram)]
    const handle = await openDatabase({ databaseUrl: url, maxConnections: 2 })
    try {
      for (const instance of [a, b]) if ((await instance.ready).kind !== 'ready') throw new Error('an instance did not start')
      const ids = Array.from({ length: recipients }, (_, index) => 900_000 + index)
      await handle.db.insert(users).values(ids.map((id) => ({ id, firstName: `收件人${id}`, languageCode: 'zh-hans' })))
      const text = (id: number) => `bench broadcast ${id}`
      const before = telegram.deliveries.length
      await enqueueMessages(
        handle.db,
        ids.map((id) => ({ userId: id, kind: 'broadcast', payload: { method: 'sendMessage' as const, text: text(id) }, urgent: true })),
      )
      const ours = () => telegram.deliveries.slice(before).filter((d) => d.text.startsWith('bench broadcast '))
      while (ours().length < recipients / 3) await sleep(100)
      a.kill()
      log(`  killed instance a (SIGKILL) after ${ours().length} deliveries`)
      let last = -1
      for (let waited = 0; waited < 300_000; waited += 2000) {
        const now = ours().length
        if (now === last && (await openRows(handle.db)) === 0) break
        last = now
        await sleep(2000)
      }
      const delivered = ours()
      const chats = new Set(delivered.map((d) => d.chatId))
      const byInstance = { a: delivered.filter((d) => d.instance === 'a').length, b: delivered.filter((d) => d.instance === 'b').length }
      return { delivered: chats.size, lost: recipients - chats.size, duplicates: delivered.length - chats.size, byInstance }
    } finally {
      await handle.close()
      await Promise.all([a.stop(), b.stop()])
    }
  })
}

const telegram = await startBenchTelegram()
try {
  log(`bench:instances on PostgreSQL: ${trials} start-up trials, ${pairCount} pairs, ${recipients} recipients`)
  const startupFailures = await startupTrials(telegram)
  log(`start-up: ${trials} trials of two instances at once on an empty database, ${startupFailures} failed`)
  const paired = await pairs(telegram)
  log(
    `pairs: ${pairCount} simultaneous last steps on two instances, ${paired.effects} users got what they asked for, ${paired.duplicates} duplicates`,
  )
  for (const [kind, figures] of Object.entries(paired.byKind))
    log(`  ${kind}: ${figures.pairs} pairs, ${figures.effects} done, ${figures.duplicates} duplicates`)
  const sent = await broadcastWithKill(telegram)
  log(
    `broadcast: ${sent.delivered} delivered (a ${sent.byInstance.a}, b ${sent.byInstance.b}), ${sent.lost} lost, ${sent.duplicates} duplicates`,
  )
  if (args.json) {
    console.log(
      JSON.stringify({
        instances: 2,
        pairs: pairCount,
        startup_failures: startupFailures,
        duplicate_effects: paired.duplicates,
        duplicate_effects_by_kind: Object.fromEntries(Object.entries(paired.byKind).map(([kind, figures]) => [kind, figures.duplicates])),
        delivered: sent.delivered,
        lost: sent.lost,
        duplicates: sent.duplicates,
      }),
    )
  }
} finally {
  await telegram.close()
}
