// Whole-bot throughput: a crowd of riders through the production path, against grammY's ceiling.
//   npm run bench:bot [-- --json] [-- --users 1000 --updates 5000 --stations 100000 --flood 200]
// Needs DATABASE_URL (PostgreSQL); uses a temporary database next to it, dropped at the end.
// The app runs as `npm start` does (startApp, long polling with the runner) against the emulator
// standing in for api.telegram.org. `users` riders each send updates/users updates (a location,
// a tap on a filter of the list, /events, a typed place, …), each after the answer to the one
// before. The same harness then drives a bare grammY bot that answers every update with a fixed
// text: its rate is the framework's (and harness') own ceiling; ratio = per_second / bare_per_second.
// Then the crowd runs again next to one user sending `flood` typed places in 1.1 s: the others'
// p99 with the flood guard (p99_ms_with_flood) and with it effectively off (…_unguarded).
// With --json the last line printed is one JSON object with the figures.
import { parseArgs } from 'node:util'
import { run } from '@grammyjs/runner'
import { sql } from 'drizzle-orm'
import { Bot } from 'grammy'
import pino from 'pino'
import { startApp } from '../../bot/app.js'
import { parseConfig } from '../../bot/config.js'
import { openDatabase } from '../../db/client.js'
import { upsertStations } from '../../db/repositories/stations.js'
import { createEmptyPostgresDatabase } from '../helpers/db.js'
import { createTestEvent } from '../helpers/events.js'
import { positiveInteger } from './args.js'
import { benchToken, flood, percentile, ride, startWorld, type Sample, type World } from './bot-riders.js'
import { generateQueryPoints, generateStations } from './nearest-data.js'

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    users: { type: 'string' },
    updates: { type: 'string' },
    stations: { type: 'string' },
    flood: { type: 'string' },
  },
})
const userCount = positiveInteger(args.users, 1_000, 'users')
const updateCount = positiveInteger(args.updates, 5_000, 'updates')
const stationCount = positiveInteger(args.stations, 100_000, 'stations')
const floodCount = positiveInteger(args.flood, 200, 'flood')
const perUser = Math.max(1, Math.round(updateCount / userCount))
const baseUrl = process.env.DATABASE_URL
if (baseUrl === undefined || baseUrl === '') throw new Error('bench:bot needs DATABASE_URL (PostgreSQL)')
const log = (line = '') => console.log(line)
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits
const firstRider = 5_000_000
const flooderId = 4_999_999

type Figures = {
  updates: number
  seconds: number
  perSecond: number
  p50: number
  p99: number
  errors: number
  /** How many errors of each kind (no answer within 60 s, an apology). */
  errorKinds: Record<string, number>
  byStep: Record<string, number>
}

function figures(samples: readonly Sample[], seconds: number): Figures {
  const times = samples.map((sample) => sample.ms)
  const byStep: Record<string, number[]> = {}
  for (const sample of samples) (byStep[sample.step] ??= []).push(sample.ms)
  return {
    updates: samples.length,
    seconds,
    perSecond: samples.length / seconds,
    p50: percentile(times, 0.5),
    p99: percentile(times, 0.99),
    errors: samples.filter((sample) => sample.error !== undefined).length,
    errorKinds: samples.reduce<Record<string, number>>(
      (kinds, { error }) => (error === undefined ? kinds : { ...kinds, [error]: (kinds[error] ?? 0) + 1 }),
      {},
    ),
    byStep: Object.fromEntries(Object.entries(byStep).map(([step, values]) => [step, round(percentile(values, 0.5))])),
  }
}

/** The crowd against whatever bot polls the world now; with `withFlood`, one user floods meanwhile. */
async function crowd(world: World, withFlood: boolean): Promise<Figures> {
  const points = generateQueryPoints(997, 20_261_204)
  const started = performance.now()
  const riders = Array.from({ length: userCount }, (_, index) => ride(world.state, firstRider + index, perUser, points))
  // The flood starts once the crowd is under way, and lasts 1.1 s.
  const flooding = withFlood
    ? new Promise((resolve) => setTimeout(resolve, 1_000)).then(() => flood(world.state, flooderId, floodCount, 1_100))
    : undefined
  const samples = (await Promise.all(riders)).flat()
  await flooding
  return figures(samples, (performance.now() - started) / 1000)
}

function addUsers(world: World) {
  for (let index = 0; index < userCount; index++) {
    world.state.addUser({ id: firstRider + index, is_bot: false, first_name: `骑手${index}`, language_code: 'zh-hans' })
  }
  world.state.addUser({ id: flooderId, is_bot: false, first_name: '刷屏的人', language_code: 'zh-hans' })
}

/** The framework's ceiling: a bot with no middleware but one fixed reply, polled the same way. */
async function bare(world: World): Promise<Figures> {
  const bot = new Bot(benchToken, { botInfo: world.state.bot, client: { apiRoot: world.apiRoot } })
  bot.on(['message', 'callback_query'], (ctx) => ctx.reply('好的'))
  const runner = run(bot, { runner: { silent: true } })
  try {
    return await crowd(world, false)
  } finally {
    await runner.stop()
  }
}

async function realBot(world: World, url: string, env: Record<string, string>, withFlood: boolean): Promise<Figures> {
  const config = parseConfig({
    BOT_TOKEN: benchToken,
    TELEGRAM_API_ROOT: world.apiRoot,
    DATABASE_URL: url,
    UPDATES_MODE: 'polling',
    LOG_LEVEL: 'silent',
    ...env,
  })
  const app = await startApp(config, pino({ level: 'silent' }))
  try {
    return await crowd(world, withFlood)
  } finally {
    await app.stop()
  }
}

const print = (name: string, f: Figures) =>
  log(
    `${name.padEnd(26)}${String(f.updates).padStart(6)} updates in ${f.seconds.toFixed(1)} s: ${f.perSecond.toFixed(0)}/s, ` +
      `p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms, ${f.errors} errors${f.errors > 0 ? ` ${JSON.stringify(f.errorKinds)}` : ''}  (p50 by kind: ${JSON.stringify(f.byStep)})`,
  )

const database = await createEmptyPostgresDatabase(baseUrl, 'nuanxin_bench')
process.once('SIGINT', () => void database.drop().finally(() => process.exit(130)))
const world = await startWorld()
try {
  const setup = await openDatabase({ databaseUrl: database.url })
  const clock = performance.now()
  const rows = generateStations(stationCount, 20_261_125)
  for (let start = 0; start < rows.length; start += 10_000) await upsertStations(setup.db, rows.slice(start, start + 10_000))
  const cities = ['成都', '上海', '北京', '深圳', '广州', '杭州', '武汉', '西安', '南京', '重庆', '漯河', '肥城']
  for (const [index, city] of cities.entries()) {
    await createTestEvent(setup.db, { city, title: `${city}暖心午餐会`, startsAt: new Date(Date.now() + (index + 2) * 86_400_000) })
  }
  // As a running database is: statistics taken, and the new rows' index entries merged (GIN pending lists).
  await setup.db.execute(sql`VACUUM ANALYZE`)
  await setup.close()
  log(
    `bench:bot on PostgreSQL: ${stationCount} stations, ${userCount} riders × ${perUser} updates (seeded in ${((performance.now() - clock) / 1000).toFixed(1)} s)`,
  )
  addUsers(world)

  const ceiling = await bare(world)
  print('bare grammY', ceiling)
  // A first pass warms the database's caches and the users' rows, as a running bot's are.
  print('bot (warm-up)', await realBot(world, database.url, {}, false))
  const calm = await realBot(world, database.url, {}, false)
  print('bot', calm)
  const flooded = await realBot(world, database.url, {}, true)
  print(`bot + 1 flooding user`, flooded)
  const unguarded = await realBot(world, database.url, { FLOOD_MAX_UPDATES: '1000' }, true)
  print('… with the guard off', unguarded)
  const ratio = calm.perSecond / ceiling.perSecond
  log(
    `ratio ${ratio.toFixed(2)} (target ≥ 0.5); others' p99 ${calm.p99.toFixed(1)} ms calm, ${flooded.p99.toFixed(1)} ms with a flood (${unguarded.p99.toFixed(1)} ms unguarded)`,
  )
  if (args.json) {
    console.log(
      JSON.stringify({
        updates: calm.updates,
        per_second: round(calm.perSecond),
        p50_ms: round(calm.p50),
        p99_ms: round(calm.p99),
        errors: calm.errors,
        bare_per_second: round(ceiling.perSecond),
        bare_p99_ms: round(ceiling.p99),
        ratio: round(ratio, 2),
        p99_ms_with_flood: round(flooded.p99),
        errors_with_flood: flooded.errors,
        p99_ms_with_flood_unguarded: round(unguarded.p99),
      }),
    )
  }
} finally {
  await world.close()
  await database.drop()
}
