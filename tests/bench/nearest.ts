// Nearest-station search: the KNN index against a full scan on the same data, in one run, and
// open-now (the nearest open stations within the radius, from the stored open intervals) against
// evaluating opening_hours and closures on every station inside the radius.
//   npm run bench:nearest [-- --json] [-- --stations N --queries Q --scan-queries S]
// PostgreSQL when DATABASE_URL is set (in a temporary database, dropped at the end), else
// in-memory PGlite. With --json the last line printed is one JSON object with the figures.
// The scan baseline runs on the first S query points: all of them on PostgreSQL, 100 on PGlite,
// where one scan of 100k stations takes about a second (the scan's time hardly varies by point).
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import type postgres from 'postgres'
import { openDatabase, type Database, type DatabaseHandle } from '../../db/client.js'
import { findNearestOpenStations } from '../../db/repositories/station-open.js'
import {
  findNearestStations,
  upsertStations,
  type NearestOptions,
  type Point,
  type StationWithDistance,
} from '../../db/repositories/stations.js'
import * as schema from '../../db/schema/index.js'
import { createEmptyPostgresDatabase } from '../helpers/db.js'
import { positiveInteger } from './args.js'
import { generateQueryPoints, generateStations } from './nearest-data.js'
import { addClosuresAndReports, findNearestOpenByEvaluating, OPEN_NOW_AT, openShare } from './nearest-open.js'
import { findNearestStationsByScan } from './nearest-scan.js'

type Search = (db: Database, point: Point, options: NearestOptions) => Promise<StationWithDistance[]>
type Run = { times: number[]; ids: number[][] }

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    stations: { type: 'string' },
    queries: { type: 'string' },
    'scan-queries': { type: 'string' },
  },
})
const stationCount = positiveInteger(args.stations, 100_000, 'stations')
const queryCount = positiveInteger(args.queries, 1_000, 'queries')
const scanQueryCount = (driver: string) =>
  Math.min(queryCount, positiveInteger(args['scan-queries'], driver === 'pglite' ? 100 : queryCount, 'scan-queries'))
if (args['scan-queries'] !== undefined) scanQueryCount('')
const LIMIT = 5
const RARE = ['truck_parking'] as const
const GIST_INDEX = 'stations_earth_gist'
const INTERVALS_INDEX = 'station_open_intervals_closes'
/** The bot's default NEARBY_RADIUS_KM. */
const RADIUS_METRES = 20_000
const targets = { indexedP50Ms: 1.5, openNowP50Ms: 3, speedup: 15, rssMb: 250 }

const log = (line = '') => console.log(line)
const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits
const percentile = (times: readonly number[], p: number) => {
  const sorted = [...times].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN
}

/** In-memory PGlite, or a fresh PostgreSQL database that close() drops again. */
async function openBenchDatabase(): Promise<DatabaseHandle> {
  const baseUrl = process.env.DATABASE_URL
  if (baseUrl === undefined || baseUrl === '') return openDatabase({ dataDir: undefined })
  const empty = await createEmptyPostgresDatabase(baseUrl, 'nuanxin_bench')
  // Ctrl-C must not leave a 100k-station database behind.
  process.once('SIGINT', () => void empty.drop().finally(() => process.exit(130)))
  const handle = await openDatabase({ databaseUrl: empty.url }).catch(async (error: unknown) => {
    await empty.drop()
    throw error
  })
  return { ...handle, close: () => handle.close().finally(empty.drop) }
}

async function measure(db: Database, search: Search, points: readonly Point[], amenities?: readonly string[]) {
  const run: Run = { times: [], ids: [] }
  for (const point of points) {
    const start = performance.now()
    const rows = await search(db, point, { limit: LIMIT, ...(amenities ? { amenities } : {}) })
    run.times.push(performance.now() - start)
    run.ids.push(rows.map((row) => row.id))
  }
  return run
}

/** How many of the queries both runs answered got different ids (or order) from the two. */
const mismatches = (a: Run, b: Run) => b.ids.filter((ids, i) => ids.join() !== (a.ids[i] ?? []).join()).length

/**
 * EXPLAIN ANALYZE of the exact SQL a repository function sends: the call goes once through a
 * second drizzle instance on the same connection whose logger keeps the statement and its params.
 */
async function explain(handle: DatabaseHandle, call: (db: Database) => Promise<unknown>): Promise<string[]> {
  let captured = { query: '', params: [] as unknown[] }
  const logger = { logQuery: (query: string, params: unknown[]) => void (captured = { query, params }) }
  const config = { schema, casing: 'snake_case' as const, logger }
  const client = (handle.db as unknown as { $client: unknown }).$client
  const statement = () => `EXPLAIN (ANALYZE, COSTS OFF) ${captured.query}`
  if (handle.driver === 'postgres') {
    const pg = client as postgres.Sql
    await call(drizzlePostgres(pg, config) as unknown as Database)
    const rows = await pg.unsafe<{ 'QUERY PLAN': string }[]>(statement(), captured.params as never[])
    return rows.map((row) => row['QUERY PLAN'])
  }
  const lite = client as PGlite
  await call(drizzlePglite(lite, config) as unknown as Database)
  const { rows } = await lite.query<{ 'QUERY PLAN': string }>(statement(), captured.params)
  return rows.map((row) => row['QUERY PLAN'])
}

/** The bot's resident memory after start-up on PGlite, measured in a process of its own. */
function startupMemory(dataDir: string): Promise<{ rssMb: number; rssAfterGcMb: number } | { error: string }> {
  const script = fileURLToPath(new URL('./startup-memory.ts', import.meta.url))
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').at(-1) ?? ''
      try {
        if (code !== 0) throw new Error(`exit code ${code}`)
        const figures = JSON.parse(last) as { rss_mb: number; rss_after_gc_mb: number }
        resolve({ rssMb: figures.rss_mb, rssAfterGcMb: figures.rss_after_gc_mb })
      } catch (error) {
        const reason =
          stderr
            .trim()
            .split('\n')
            .find((line) => /Error/.test(line)) ?? String(error)
        resolve({ error: reason.trim() })
      }
    })
  })
}

async function main() {
  const started = performance.now()
  const handle = await openBenchDatabase()
  const { db, driver } = handle
  log(
    `nearest-station benchmark — driver: ${driver}, ${stationCount.toLocaleString('en')} stations, ${queryCount.toLocaleString('en')} queries, top ${LIMIT}`,
  )
  try {
    const clock = performance.now()
    const rows = generateStations(stationCount, 20_261_125)
    for (let start = 0; start < rows.length; start += 10_000) await upsertStations(db, rows.slice(start, start + 10_000), OPEN_NOW_AT)
    const flagged = await addClosuresAndReports(db, OPEN_NOW_AT)
    await db.execute(sql`ANALYZE stations`)
    await db.execute(sql`ANALYZE station_open_intervals`)
    await db.execute(sql`ANALYZE station_open_horizon`)
    const insertSeconds = (performance.now() - clock) / 1000
    const share = await openShare(db, OPEN_NOW_AT)
    log(
      `inserted (with open intervals), ${flagged.toLocaleString('en')} closures and reports, analyzed in ${insertSeconds.toFixed(1)} s; ` +
        `open at ${OPEN_NOW_AT.toISOString()}: ${share.open.toLocaleString('en')} of ${share.active.toLocaleString('en')} active`,
    )

    const points = generateQueryPoints(queryCount, 7)
    const warmUp = generateQueryPoints(10, 99)
    for (const amenities of [undefined, RARE]) {
      await measure(db, findNearestStations, warmUp, amenities)
      await measure(db, findNearestStationsByScan, warmUp.slice(0, 3), amenities)
    }
    const openNow: Search = (target, point, options) =>
      findNearestOpenStations(target, point, { ...options, withinMetres: RADIUS_METRES, now: OPEN_NOW_AT })
    await measure(db, openNow, warmUp)
    const scanPoints = points.slice(0, scanQueryCount(driver))
    const timed = async (label: string, search: Search, searched: readonly Point[], amenities?: readonly string[]) => {
      const begun = performance.now()
      const run = await measure(db, search, searched, amenities)
      log(`  ${label}: ${searched.length} queries in ${((performance.now() - begun) / 1000).toFixed(1)} s`)
      return run
    }
    const runs = {
      indexed: await timed('indexed', findNearestStations, points),
      scan: await timed('scan', findNearestStationsByScan, scanPoints),
      filteredIndexed: await timed('indexed + truck_parking', findNearestStations, points, RARE),
      filteredScan: await timed('scan + truck_parking', findNearestStationsByScan, scanPoints, RARE),
      openNow: await timed('open now within 20 km', openNow, points),
    }
    // Checked on the scan's points: evaluating every station inside 20 km takes a while on PGlite.
    const begun = performance.now()
    let openDiffering = 0
    for (const [i, point] of scanPoints.entries()) {
      const expected = await findNearestOpenByEvaluating(db, point, LIMIT, RADIUS_METRES, OPEN_NOW_AT)
      if (expected.join() !== (runs.openNow.ids[i] ?? []).join()) openDiffering += 1
    }
    log(
      `  open now by evaluating every station within 20 km: ${scanPoints.length} queries in ${((performance.now() - begun) / 1000).toFixed(1)} s`,
    )

    const origin = points[0] ?? { lat: 30.66, lng: 104.07 }
    const plans = {
      indexed: await explain(handle, (target) => findNearestStations(target, origin, { limit: LIMIT })),
      filteredIndexed: await explain(handle, (target) => findNearestStations(target, origin, { limit: LIMIT, amenities: RARE })),
      scan: await explain(handle, (target) => findNearestStationsByScan(target, origin, { limit: LIMIT })),
      filteredScan: await explain(handle, (target) => findNearestStationsByScan(target, origin, { limit: LIMIT, amenities: RARE })),
      openNow: await explain(handle, (target) => openNow(target, origin, { limit: LIMIT })),
    }
    return { driver, runs, plans, insertSeconds, started, scanCount: scanPoints.length, openDiffering }
  } finally {
    await handle.close()
  }
}

const { driver, runs, plans, insertSeconds, started, scanCount, openDiffering } = await main()
// The first start on an empty data dir (initdb, migrations, sample seed), then a restart on it,
// which is what a running deployment sees after every restart.
const memoryDir = await mkdtemp(path.join(tmpdir(), 'nuanxin-bench-memory-'))
const firstStart = await startupMemory(memoryDir)
const memory = await startupMemory(memoryDir)
await rm(memoryDir, { recursive: true, force: true })
const firstStartMb = 'rssMb' in firstStart ? firstStart.rssMb : undefined

const p50 = (run: Run) => percentile(run.times, 0.5)
const p99 = (run: Run) => percentile(run.times, 0.99)
const speedup = p50(runs.scan) / p50(runs.indexed)
const filteredSpeedup = p50(runs.filteredScan) / p50(runs.filteredIndexed)
const differing = mismatches(runs.indexed, runs.scan)
const filteredDiffering = mismatches(runs.filteredIndexed, runs.filteredScan)
const usesIndex = (plan: string[], index = GIST_INDEX) => plan.some((line) => line.includes(index))
const openUsesIndexes = usesIndex(plans.openNow) && usesIndex(plans.openNow, INTERVALS_INDEX)
const rssMb = 'rssMb' in memory ? memory.rssMb : undefined
const rssAfterGcMb = 'rssMb' in memory ? memory.rssAfterGcMb : undefined

log()
log('search                       queries     p50 ms     p99 ms')
for (const [label, run] of [
  ['indexed (KNN)', runs.indexed],
  ['scan baseline', runs.scan],
  ['indexed + truck_parking', runs.filteredIndexed],
  ['scan + truck_parking', runs.filteredScan],
  ['open now within 20 km', runs.openNow],
] as const) {
  log(`${label.padEnd(28)}${String(run.times.length).padStart(8)}${p50(run).toFixed(3).padStart(11)}${p99(run).toFixed(3).padStart(11)}`)
}
log()
log(`speedup (scan p50 / indexed p50): ${speedup.toFixed(1)}×   with truck_parking: ${filteredSpeedup.toFixed(1)}×`)
log(
  `identical top-${LIMIT} ids: ${scanCount - differing}/${scanCount} queries, with truck_parking ${scanCount - filteredDiffering}/${scanCount}`,
)
for (const [label, plan] of [
  ['indexed', plans.indexed],
  ['indexed + truck_parking', plans.filteredIndexed],
  ['scan baseline', plans.scan],
  ['scan + truck_parking', plans.filteredScan],
  ['open now within 20 km', plans.openNow],
] as const) {
  log()
  log(`plan, ${label} — ${usesIndex(plan) ? `uses ${GIST_INDEX}` : `does NOT use ${GIST_INDEX}`}:`)
  // The long cube expressions and the planner's own buffer counts would only bury the plan's shape.
  plan.forEach((line, i) => {
    const planningBuffers = /^\s*Buffers:/.test(line) && /^\s*Planning:/.test(plan[i - 1] ?? '')
    if (!/^\s*(Order By|Sort Key|Planning:)/.test(line) && !planningBuffers) log(`  ${line}`)
  })
}

const mark = (ok: boolean) => (ok ? 'PASS' : 'MISS')
const onPostgres = driver === 'postgres' ? '' : '  (PostgreSQL target; informational on PGlite)'
log()
log('targets:')
log(
  `  [${mark(p50(runs.indexed) < targets.indexedP50Ms)}] indexed p50 < ${targets.indexedP50Ms} ms: ${p50(runs.indexed).toFixed(3)} ms${onPostgres}`,
)
log(`  [${mark(speedup >= targets.speedup)}] speedup ≥ ${targets.speedup}×: ${speedup.toFixed(1)}×${onPostgres}`)
log(`  [${mark(usesIndex(plans.indexed))}] indexed query uses ${GIST_INDEX}`)
log(`  [${mark(differing + filteredDiffering === 0)}] identical top-${LIMIT} for every query`)
log(
  `  [${mark(p50(runs.openNow) < targets.openNowP50Ms)}] open-now p50 < ${targets.openNowP50Ms} ms: ${p50(runs.openNow).toFixed(3)} ms${onPostgres}`,
)
log(`  [${mark(openUsesIndexes)}] open-now query uses ${GIST_INDEX} and ${INTERVALS_INDEX}`)
log(
  `  [${mark(openDiffering === 0)}] open-now equals evaluating opening_hours and closures on every station within 20 km: ${scanCount - openDiffering}/${scanCount} queries`,
)
log(
  rssMb === undefined
    ? `  [MISS] bot RSS after start-up on PGlite < ${targets.rssMb} MB: could not measure (${'error' in memory ? memory.error : ''})`
    : `  [${mark(rssMb < targets.rssMb)}] bot RSS after (re)start on PGlite < ${targets.rssMb} MB: ${rssMb} MB (${rssAfterGcMb} MB after a full GC; first start with initdb: ${firstStartMb ?? '?'} MB)`,
)
log(`total ${((performance.now() - started) / 1000).toFixed(0)} s`)

if (args.json) {
  log(
    JSON.stringify({
      indexed_p50_ms: round(p50(runs.indexed)),
      indexed_p99_ms: round(p99(runs.indexed)),
      scan_p50_ms: round(p50(runs.scan)),
      speedup: round(speedup, 1),
      identical_top5: differing + filteredDiffering === 0,
      open_now_p50_ms: round(p50(runs.openNow)),
      open_now_identical: openDiffering === 0,
      driver,
      open_now_p99_ms: round(p99(runs.openNow)),
      open_now_mismatches: openDiffering,
      open_now_uses_indexes: openUsesIndexes,
      scan_p99_ms: round(p99(runs.scan)),
      filtered_indexed_p50_ms: round(p50(runs.filteredIndexed)),
      filtered_indexed_p99_ms: round(p99(runs.filteredIndexed)),
      filtered_scan_p50_ms: round(p50(runs.filteredScan)),
      filtered_speedup: round(filteredSpeedup, 1),
      top5_mismatches: differing,
      filtered_top5_mismatches: filteredDiffering,
      uses_gist_index: usesIndex(plans.indexed),
      startup_rss_mb: rssMb ?? null,
      startup_rss_after_gc_mb: rssAfterGcMb ?? null,
      first_start_rss_mb: firstStartMb ?? null,
      stations: stationCount,
      queries: queryCount,
      scan_queries: scanCount,
      insert_s: round(insertSeconds, 1),
    }),
  )
}
