import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../../db/client.js'
import {
  findNearestStations,
  upsertStations,
  type NearestOptions,
  type Point,
  type StationWithDistance,
} from '../../../db/repositories/stations.js'
import * as schema from '../../../db/schema/index.js'
import type { NewStation } from '../../../db/schema/index.js'
import { amenities } from '../../../domain/vocabulary.js'
import { findNearestStationsByScan } from '../../bench/nearest-scan.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { createRandom } from '../../helpers/random.js'

const run = promisify(execFile)

const cities: (Point & { name: string })[] = [
  { name: '成都', lat: 30.66, lng: 104.07 },
  { name: '西安', lat: 34.26, lng: 108.94 },
  { name: '北京', lat: 39.9, lng: 116.4 },
  { name: '广州', lat: 23.13, lng: 113.26 },
  { name: '哈尔滨', lat: 45.8, lng: 126.53 },
  { name: '乌鲁木齐', lat: 43.83, lng: 87.62 },
]

const next = createRandom(20_261_125).next
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
/** Somewhere within about `spread` degrees of a city. */
const near = (city: Point, spread: number): Point => ({
  lat: city.lat + (next() - 0.5) * 2 * spread,
  lng: city.lng + (next() - 0.5) * 2 * spread,
})

const fixture: NewStation[] = Array.from({ length: 2_000 }, (_, index) => {
  const city = pick(cities)
  const point = near(city, 0.4)
  return {
    externalId: `knn-${index}`,
    name: `${city.name}驿站${index}`,
    kind: 'union',
    city: city.name,
    lat: point.lat,
    lng: point.lng,
    amenities: amenities.filter(() => next() < 0.3),
    active: next() >= 0.1,
  }
})

// Mostly riders in a city, some between cities, where the ten nearest are hundreds of kilometres away.
const queries: Point[] = Array.from({ length: 50 }, (_, index) =>
  index % 5 === 4 ? { lat: 22 + next() * 24, lng: 88 + next() * 38 } : near(pick(cities), 0.5),
)
const filters: readonly (readonly string[])[] = [['hot_water'], ['phone_charging', 'toilet'], ['wifi', 'microwave', 'rest_seats']]

const EARTH_RADIUS = 6_378_168 // metres: earthdistance's earth()

function haversine(a: Point, b: Point): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)))
}

let database: TestDatabase
/** The same database through a drizzle instance that records each query it sends. */
let recording: Database
const recorded: { query: string; params: unknown[] }[] = []
/** Runs SQL text with $n parameters on the raw client; both drivers answer with rows. */
let rawQuery: (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>

beforeAll(async () => {
  database = await createTestDatabase()
  await upsertStations(database.db, fixture)
  await database.db.execute(sql`ANALYZE stations`)
  const logger = { logQuery: (query: string, params: unknown[]) => void recorded.push({ query, params }) }
  const client = (database.db as unknown as { $client: PGlite | postgres.Sql }).$client
  if (database.driver === 'pglite') {
    const pglite = client as PGlite
    recording = drizzlePglite(pglite, { schema, casing: 'snake_case', logger }) as unknown as Database
    rawQuery = async (text, params) => (await pglite.query<Record<string, unknown>>(text, params)).rows
  } else {
    const sqlClient = client as postgres.Sql
    recording = drizzlePostgres(sqlClient, { schema, casing: 'snake_case', logger }) as unknown as Database
    rawQuery = async (text, params) => [...(await sqlClient.unsafe(text, params as never[]))]
  }
}, 120_000)
afterAll(async () => database.close())

const summary = (rows: StationWithDistance[]) => rows.map((row) => ({ id: row.id, distance: row.distance }))

function expectSameAnswer(indexed: StationWithDistance[], scanned: StationWithDistance[]) {
  expect(indexed.map((row) => row.id)).toEqual(scanned.map((row) => row.id))
  indexed.forEach((row, index) => expect(Math.abs(row.distance - scanned[index]!.distance)).toBeLessThan(1e-6))
}

function expectTrueDistancesInOrder(origin: Point, rows: StationWithDistance[]) {
  for (const [index, row] of rows.entries()) {
    const expected = haversine(origin, row)
    expect(Math.abs(row.distance - expected), `station ${row.id}: ${row.distance} m vs ${expected} m`).toBeLessThanOrEqual(
      expected * 0.005 + 0.5,
    )
    if (index > 0) expect(row.distance).toBeGreaterThanOrEqual(rows[index - 1]!.distance)
  }
}

describe('findNearestStations', () => {
  it('returns the same ten stations as a full scan, nearest first, for 50 places', async () => {
    for (const origin of queries) {
      const options: NearestOptions = { limit: 10 }
      const indexed = await findNearestStations(database.db, origin, options)
      expect(indexed).toHaveLength(10)
      expectSameAnswer(indexed, await findNearestStationsByScan(database.db, origin, options))
      expectTrueDistancesInOrder(origin, indexed)
      expect(indexed.every((row) => row.active)).toBe(true)
    }
  })

  it('returns the same page as a full scan further down the list (offset)', async () => {
    for (const origin of queries) {
      const firstPage = await findNearestStations(database.db, origin, { limit: 10 })
      const options: NearestOptions = { limit: 10, offset: 10 }
      const secondPage = await findNearestStations(database.db, origin, options)
      expectSameAnswer(secondPage, await findNearestStationsByScan(database.db, origin, options))
      expect(secondPage[0]!.distance).toBeGreaterThanOrEqual(firstPage.at(-1)!.distance)
      expect(secondPage.map((row) => row.id)).not.toContain(firstPage[0]!.id)
    }
  })

  it('returns the same stations as a full scan when amenities are required, each offering all of them', async () => {
    for (const [index, origin] of queries.entries()) {
      const required = filters[index % filters.length]!
      for (const options of [
        { limit: 10, amenities: required },
        { limit: 10, offset: 5, amenities: required },
      ] satisfies NearestOptions[]) {
        const indexed = await findNearestStations(database.db, origin, options)
        expect(indexed.length).toBeGreaterThan(0)
        expectSameAnswer(indexed, await findNearestStationsByScan(database.db, origin, options))
        expectTrueDistancesInOrder(origin, indexed)
        for (const row of indexed) expect(row.amenities).toEqual(expect.arrayContaining([...required]))
      }
    }
  })

  it('keeps within a radius: the same stations as a full scan inside it, and none far from every station', async () => {
    let found = 0
    for (const origin of queries) {
      const within = 30_000
      for (const options of [
        { limit: 10, withinMetres: within },
        { limit: 10, offset: 5, withinMetres: within, amenities: ['hot_water'] },
      ] satisfies NearestOptions[]) {
        const indexed = await findNearestStations(database.db, origin, options)
        expectSameAnswer(indexed, await findNearestStationsByScan(database.db, origin, options))
        expectTrueDistancesInOrder(origin, indexed)
        for (const row of indexed) expect(row.distance).toBeLessThanOrEqual(within)
        found += indexed.length
      }
    }
    expect(found).toBeGreaterThan(100)
    for (const far of [
      { lat: 0, lng: 0 },
      { lat: 90, lng: 180 },
    ]) {
      expect(await findNearestStations(database.db, far, { limit: 40, withinMetres: 20_000 })).toEqual([])
    }
  })

  it('never returns an inactive station, even one standing right at the rider', async () => {
    const inactive = fixture.find((station) => station.active === false)!
    const rows = await findNearestStations(database.db, { lat: inactive.lat, lng: inactive.lng }, { limit: 10 })
    expect(rows.map((row) => row.externalId)).not.toContain(inactive.externalId)
    expect(summary(rows)).toEqual(
      summary(await findNearestStationsByScan(database.db, { lat: inactive.lat, lng: inactive.lng }, { limit: 10 })),
    )
  })
})

/** The query findNearestStations really sends, captured from drizzle. */
async function nearestQuery(origin: Point, options: NearestOptions = { limit: 10 }) {
  recorded.length = 0
  await findNearestStations(recording, origin, options)
  const [query] = recorded
  if (query === undefined) throw new Error('findNearestStations sent no query')
  return query
}

async function plan(query: { query: string; params: unknown[] }, runRaw = rawQuery): Promise<string> {
  const rows = await runRaw(`EXPLAIN ${query.query}`, query.params)
  return rows.map((row) => String(Object.values(row)[0])).join('\n')
}

describe('the nearest-stations query', () => {
  it('walks the stations_earth_gist index in distance order instead of sorting every station', async () => {
    const text = await plan(await nearestQuery(cities[0]!))
    expect(text).toMatch(/Index Scan using stations_earth_gist/)
    expect(text).toMatch(/Order By:/)
    expect(text).not.toMatch(/Sort Key/)
  })

  it('with a radius, cuts off the same limited walk of the index: no bitmap scan of a box, no sort of the table', async () => {
    const text = await plan(await nearestQuery(cities[0]!, { limit: 40, withinMetres: 20_000 }))
    expect(text).toMatch(/Index Scan using stations_earth_gist/)
    expect(text).toMatch(/Order By:/)
    expect(text).not.toMatch(/Bitmap|Seq Scan/)
    // The one sort orders the rows the Limit let through, above it in the plan.
    expect(text.indexOf('Limit')).toBeGreaterThan(text.indexOf('Sort Key'))
  })

  it.skipIf(!process.env.DATABASE_URL)(
    'still uses its index after the database is dumped with pg_dump and restored with pg_restore',
    { timeout: 120_000 },
    async () => {
      const source = database.url!
      const folder = await mkdtemp(path.join(tmpdir(), 'nuanxin-dump-'))
      const dump = path.join(folder, 'nuanxin.dump')
      const target = new URL(source)
      target.pathname = `${target.pathname}_restored`
      const restoredName = target.pathname.slice(1)
      const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} })
      let restored: postgres.Sql | undefined
      try {
        await run('pg_dump', ['--format=custom', '--no-owner', `--file=${dump}`, `--dbname=${source}`])
        await admin.unsafe(`CREATE DATABASE ${restoredName}`)
        // --exit-on-error: an index that cannot be rebuilt must fail the restore, not be skipped.
        await run('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${target.toString()}`, dump])

        restored = postgres(target.toString(), { max: 1, onnotice: () => {} })
        const indexes = await restored`SELECT indexname FROM pg_indexes WHERE tablename = 'stations'`
        expect(indexes.map((row) => row.indexname)).toContain('stations_earth_gist')

        const client = restored
        const query = await nearestQuery(cities[1]!)
        await client.unsafe('ANALYZE stations')
        const text = await plan(query, async (sqlText, params) => [...(await client.unsafe(sqlText, params as never[]))])
        expect(text).toMatch(/Index Scan using stations_earth_gist/)

        const restoredDb = drizzlePostgres(client, { schema, casing: 'snake_case' }) as unknown as Database
        const origin = queries[0]!
        expect(summary(await findNearestStations(restoredDb, origin, { limit: 10 }))).toEqual(
          summary(await findNearestStations(database.db, origin, { limit: 10 })),
        )
      } finally {
        await restored?.end({ timeout: 5 })
        await admin.unsafe(`DROP DATABASE IF EXISTS ${restoredName} WITH (FORCE)`)
        await admin.end()
        await rm(folder, { recursive: true, force: true })
      }
    },
  )
})
