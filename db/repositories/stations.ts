import { and, asc, count, eq, sql } from 'drizzle-orm'
import type { Database } from '../client.js'
import {
  stationRecordColumns as stationColumns,
  stationEarth,
  stations,
  stationUses,
  type NewStation,
  type Station,
  type StationBookkeeping,
} from '../schema/index.js'
import { refreshOpenIntervals } from './station-open.js'
import { wantedAmenitiesNotOut } from './station-outages.js'

export type Point = { lat: number; lng: number }
/** A station as the bot and the import/export see it (without bookkeeping columns). */
export type StationRecord = Omit<Station, StationBookkeeping>
export type StationWithDistance = StationRecord & { distance: number }

export type NearestOptions = {
  /** Every listed amenity must be offered. */
  amenities?: readonly string[]
  limit: number
  offset?: number
  /** Only stations at most this many metres away (great-circle); unset: anywhere on earth. */
  withinMetres?: number
  /** When a wanted amenity that is out (热水没了) stops matching; default: the current time. */
  now?: Date
}

/** The KNN walk: active stations with the amenities, nearest first, `limit` of them after `offset`. */
function nearestWalk(db: Database, outages: boolean) {
  const origin = stationEarth(sql`${sql.placeholder('lat')}::float8`, sql`${sql.placeholder('lng')}::float8`)
  const earth = stationEarth(sql`${stations.lat}`, sql`${stations.lng}`)
  return db
    .select({ ...stationColumns, distance: sql<number>`public.earth_distance(${earth}, ${origin})`.mapWith(Number).as('distance') })
    .from(stations)
    .where(
      and(
        eq(stations.active, true),
        sql`${stations.amenities} @> ${sql.placeholder('amenities')}::text[]`,
        outages
          ? wantedAmenitiesNotOut(sql`${sql.placeholder('amenities')}::text[]`, sql`${sql.placeholder('now')}::timestamptz`)
          : undefined,
      ),
    )
    .orderBy(sql`${earth} OPERATOR(public.<->) ${origin}`)
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
}

const statementName = (name: string, outages: boolean) => (outages ? `${name}_amenities` : name)
const prepareNearest = (db: Database, outages: boolean) => nearestWalk(db, outages).prepare(statementName('nearest_stations', outages))

/**
 * The radius is a cut-off on the limited KNN walk, not a condition inside it: as a plain filter the
 * walk would go on through every station of the country whenever fewer than `limit` lie inside
 * (an origin at 0,0), and as an earth_box index condition the planner trades the ordered walk for a
 * bitmap scan and a sort of everything in the box. The outer sort orders at most `limit` rows.
 */
function prepareNearestWithin(db: Database, outages: boolean) {
  const walk = nearestWalk(db, outages).as('nearest')
  return db
    .select()
    .from(walk)
    .where(sql`${walk.distance} <= ${sql.placeholder('radius')}::float8`)
    .orderBy(walk.distance)
    .prepare(statementName('nearest_stations_within', outages))
}

type Prepared = { anywhere: ReturnType<typeof prepareNearest>; within: ReturnType<typeof prepareNearestWithin> }
/** Per database: without an amenity filter, and with one (which also skips stations whose wanted amenity is out). */
const preparedNearest = new WeakMap<Database, Record<'plain' | 'amenities', Prepared>>()

/**
 * Active stations nearest to `point`, nearest first, with the great-circle distance in metres.
 * Ordered by the cube `<->` operator on the GiST index (KNN): the chord distance it sorts by is
 * monotonic in the great-circle distance, so the order is exact and no station is loaded that is
 * not returned. A prepared statement: planning the inlined earth expressions costs more than
 * running the index scan. With `withinMetres`, of those `limit` stations only the ones inside the
 * radius are returned, so fewer than `limit` means there are no more inside it.
 */
export async function findNearestStations(db: Database, point: Point, options: NearestOptions): Promise<StationWithDistance[]> {
  let statements = preparedNearest.get(db)
  if (statements === undefined) {
    statements = {
      plain: { anywhere: prepareNearest(db, false), within: prepareNearestWithin(db, false) },
      amenities: { anywhere: prepareNearest(db, true), within: prepareNearestWithin(db, true) },
    }
    preparedNearest.set(db, statements)
  }
  // An empty array is contained in every array, so "no amenity filter" is the plain statement.
  const prepared = (options.amenities ?? []).length === 0 ? statements.plain : statements.amenities
  const values = {
    lat: point.lat,
    lng: point.lng,
    amenities: [...(options.amenities ?? [])],
    limit: options.limit,
    offset: options.offset ?? 0,
    now: (options.now ?? new Date()).toISOString(),
  }
  if (options.withinMetres === undefined) return prepared.anywhere.execute(values)
  return prepared.within.execute({ ...values, radius: options.withinMetres })
}

export async function findStation(db: Database, id: number): Promise<StationRecord | undefined> {
  const [station] = await db.select(stationColumns).from(stations).where(eq(stations.id, id))
  return station
}

export async function countStations(db: Database): Promise<number> {
  const [row] = await db.select({ value: count() }).from(stations)
  return row?.value ?? 0
}

export async function listStations(db: Database): Promise<StationRecord[]> {
  return db.select(stationColumns).from(stations).orderBy(asc(stations.externalId))
}

/**
 * Inserts or updates (by external id) every station in one transaction: all land or none do, with
 * their stored open intervals recomputed from `now`. Returns how many were new and how many were updated.
 */
export async function upsertStations(
  db: Database,
  rows: readonly NewStation[],
  now = new Date(),
): Promise<{ inserted: number; updated: number }> {
  let inserted = 0
  return db.transaction(async (tx) => {
    for (let start = 0; start < rows.length; start += 500) {
      const chunk = rows.slice(start, start + 500)
      const result = await tx
        .insert(stations)
        .values(chunk)
        .onConflictDoUpdate({
          target: stations.externalId,
          set: {
            name: sql`excluded.name`,
            kind: sql`excluded.kind`,
            address: sql`excluded.address`,
            city: sql`excluded.city`,
            district: sql`excluded.district`,
            lat: sql`excluded.lat`,
            lng: sql`excluded.lng`,
            amenities: sql`excluded.amenities`,
            openingHours: sql`excluded.opening_hours`,
            phone: sql`excluded.phone`,
            active: sql`excluded.active`,
            lastVerified: sql`excluded.last_verified`,
            updatedAt: sql`now()`,
          },
        })
        // xmax is 0 only on a freshly inserted row version.
        .returning({ id: stations.id, inserted: sql<boolean>`(xmax = 0)` })
      inserted += result.filter((row) => row.inserted).length
      await refreshOpenIntervals(
        tx,
        result.map((row) => row.id),
        now,
      )
    }
    return { inserted, updated: rows.length - inserted }
  })
}

/** Remembers that a worker used a station (asked the way there), for "workers of a city" broadcasts. */
export async function recordStationUse(db: Database, userId: number, stationId: number): Promise<void> {
  await db
    .insert(stationUses)
    .values({ userId, stationId })
    .onConflictDoUpdate({ target: [stationUses.userId, stationUses.stationId], set: { usedAt: sql`now()` } })
}
