import { and, asc, eq, gt, gte, inArray, lte, sql, type SQL } from 'drizzle-orm'
import { openIntervals, shanghaiDay, shanghaiDayStart, type HoursException } from '../../domain/open-intervals.js'
import type { Database } from '../client.js'
import {
  stationRecordColumns as stationColumns,
  stationEarth,
  stationHoursExceptions,
  stationOpenHorizon,
  stationOpenIntervals,
  stations,
} from '../schema/index.js'
import { wantedAmenitiesNotOut } from './station-outages.js'
import type { NearestOptions, Point, StationWithDistance } from './stations.js'

export type OpenExecutor = Pick<Database, 'select' | 'insert' | 'delete'>

const DAY_MS = 24 * 60 * 60 * 1000
/** How many Shanghai days ahead intervals are kept, from the start of today. */
const OPEN_DAYS = 3
/** A horizon that ends sooner than this is refreshed by the job. */
const REFRESH_AHEAD_MS = DAY_MS
const BATCH = 1_000

/** The window a refresh at `now` computes: today in Shanghai from midnight, and the days after it. */
function openWindow(now: Date) {
  const day = shanghaiDay(now)
  const from = shanghaiDayStart(day)
  const until = new Date(from.getTime() + OPEN_DAYS * DAY_MS)
  return { day, from, until, lastDay: shanghaiDay(new Date(until.getTime() - 1)) }
}

/**
 * Recomputes the stored open intervals (and their horizon) of these stations for the days from
 * `now`: from their opening hours, hours exceptions and temporary closure; inactive and unknown
 * stations get a horizon and no intervals. Call it in the transaction that changes any of those
 * (station fields, hours exceptions), so open-now never sees a half-applied change. Stations are
 * locked in id order, the same lock a station edit takes first.
 */
export async function refreshOpenIntervals(executor: OpenExecutor, stationIds: readonly number[], now: Date): Promise<void> {
  const { day, from, until, lastDay } = openWindow(now)
  const ids = [...new Set(stationIds)].sort((a, b) => a - b)
  for (let start = 0; start < ids.length; start += BATCH) {
    const chunk = ids.slice(start, start + BATCH)
    const rows = await executor
      .select({ id: stations.id, openingHours: stations.openingHours, active: stations.active, closedUntil: stations.closedUntil })
      .from(stations)
      .where(inArray(stations.id, chunk))
      .orderBy(asc(stations.id))
      .for('update')
    if (rows.length === 0) continue
    const exceptions = await executor
      .select({
        stationId: stationHoursExceptions.stationId,
        startsOn: stationHoursExceptions.startsOn,
        endsOn: stationHoursExceptions.endsOn,
        openingHours: stationHoursExceptions.openingHours,
      })
      .from(stationHoursExceptions)
      .where(
        and(
          inArray(stationHoursExceptions.stationId, chunk),
          gte(stationHoursExceptions.endsOn, day),
          lte(stationHoursExceptions.startsOn, lastDay),
        ),
      )
    const byStation = new Map<number, HoursException[]>()
    for (const exception of exceptions) byStation.set(exception.stationId, [...(byStation.get(exception.stationId) ?? []), exception])
    const intervals = rows.flatMap((row) =>
      openIntervals(row, byStation.get(row.id) ?? [], from, until).map((interval) => ({ stationId: row.id, ...interval })),
    )
    const found = rows.map((row) => row.id)
    await executor.delete(stationOpenIntervals).where(inArray(stationOpenIntervals.stationId, found))
    for (let offset = 0; offset < intervals.length; offset += 5_000) {
      await executor.insert(stationOpenIntervals).values(intervals.slice(offset, offset + 5_000))
    }
    await executor
      .insert(stationOpenHorizon)
      .values(found.map((stationId) => ({ stationId, computedFrom: from, computedUntil: until, computedOn: day })))
      .onConflictDoUpdate({
        target: stationOpenHorizon.stationId,
        set: { computedFrom: from, computedUntil: until, computedOn: day },
      })
  }
}

/**
 * The job's refresh: every station without a horizon, or whose horizon does not cover `now` or
 * ends within a day, in batches of their own transaction (so 100,000 stations do not hold one
 * long transaction). Returns how many stations were refreshed.
 */
export async function refreshDueOpenIntervals(db: Database, now: Date): Promise<number> {
  const dueBefore = new Date(now.getTime() + REFRESH_AHEAD_MS)
  let refreshed = 0
  let after = 0
  for (;;) {
    const due = await db
      .select({ id: stations.id })
      .from(stations)
      .leftJoin(stationOpenHorizon, eq(stationOpenHorizon.stationId, stations.id))
      .where(
        and(
          gt(stations.id, after),
          sql`(${stationOpenHorizon.stationId} IS NULL OR ${stationOpenHorizon.computedUntil} < ${dueBefore.toISOString()}::timestamptz OR ${stationOpenHorizon.computedFrom} > ${now.toISOString()}::timestamptz)`,
        ),
      )
      .orderBy(asc(stations.id))
      .limit(BATCH)
    if (due.length === 0) return refreshed
    const ids = due.map((row) => row.id)
    await db.transaction((tx) => refreshOpenIntervals(tx, ids, now))
    refreshed += ids.length
    after = ids.at(-1)!
  }
}

/** Refreshes those of `stationIds` whose stored intervals do not cover `now` (none yet, or from another day). */
async function ensureOpenIntervals(db: Database, stationIds: readonly number[], now: Date): Promise<void> {
  if (stationIds.length === 0) return
  const covered = await db
    .select({ stationId: stationOpenHorizon.stationId })
    .from(stationOpenHorizon)
    .where(
      and(
        inArray(stationOpenHorizon.stationId, [...stationIds]),
        lte(stationOpenHorizon.computedFrom, now),
        gt(stationOpenHorizon.computedUntil, now),
      ),
    )
  const done = new Set(covered.map((row) => row.stationId))
  const stale = stationIds.filter((id) => !done.has(id))
  if (stale.length > 0) await db.transaction((tx) => refreshOpenIntervals(tx, stale, now))
}

/** Active stations within `metres` of `point` whose stored intervals do not cover `now`. */
async function staleStationsWithin(db: Database, point: { lat: number; lng: number }, metres: number, now: Date): Promise<number[]> {
  const origin = stationEarth(point.lat, point.lng)
  const earth = stationEarth(sql`${stations.lat}`, sql`${stations.lng}`)
  const at = sql`${now.toISOString()}::timestamptz`
  const rows = await db
    .select({ id: stations.id })
    .from(stations)
    .where(
      and(
        eq(stations.active, true),
        sql`public.earth_box(${origin}, ${metres}) OPERATOR(public.@>) ${earth}`,
        sql`public.earth_distance(${earth}, ${origin}) <= ${metres}`,
        sql`NOT EXISTS (SELECT 1 FROM ${stationOpenHorizon} WHERE ${stationOpenHorizon.stationId} = ${stations.id} AND ${stationOpenHorizon.computedFrom} <= ${at} AND ${stationOpenHorizon.computedUntil} > ${at})`,
      ),
    )
  return rows.map((row) => row.id)
}

/** What the stored intervals say of a station at a moment: open until when, or closed until when (undefined: not within the horizon). */
export type StoredOpening = { kind: 'open'; closesAt: Date | undefined } | { kind: 'closed'; opensAt: Date | undefined }

/** Open or closed at `now` by the stored intervals, for each of `stationIds` (refreshed first where they do not cover `now`). */
export async function storedOpenings(db: Database, stationIds: readonly number[], now: Date): Promise<Map<number, StoredOpening>> {
  await ensureOpenIntervals(db, stationIds, now)
  const openings = new Map<number, StoredOpening>(stationIds.map((id) => [id, { kind: 'closed', opensAt: undefined }]))
  if (stationIds.length === 0) return openings
  const rows = await db
    .select({
      stationId: stationOpenIntervals.stationId,
      opensAt: stationOpenIntervals.opensAt,
      closesAt: stationOpenIntervals.closesAt,
      horizon: stationOpenHorizon.computedUntil,
    })
    .from(stationOpenIntervals)
    .innerJoin(stationOpenHorizon, eq(stationOpenHorizon.stationId, stationOpenIntervals.stationId))
    .where(and(inArray(stationOpenIntervals.stationId, [...stationIds]), gt(stationOpenIntervals.closesAt, now)))
    .orderBy(asc(stationOpenIntervals.stationId), asc(stationOpenIntervals.closesAt))
  const seen = new Set<number>()
  for (const row of rows) {
    if (seen.has(row.stationId)) continue
    seen.add(row.stationId)
    openings.set(
      row.stationId,
      row.opensAt <= now
        ? { kind: 'open', closesAt: row.closesAt < row.horizon ? row.closesAt : undefined }
        : { kind: 'closed', opensAt: row.opensAt },
    )
  }
  return openings
}

export type OpenStationWithDistance = StationWithDistance & { closesAt: Date | undefined }
export type NearestOpenOptions = Omit<NearestOptions, 'offset'> & { now: Date }

/**
 * The KNN walk over active stations with the amenities that are open at `now` by their stored
 * intervals, or whose intervals do not cover `now` yet (`horizon` null: the caller refreshes
 * them and asks again). Each station the walk passes costs one probe of the intervals index
 * (station_id, closes_at): the first interval closing after `now` is the only one that can hold it.
 */
function openWalk(db: Database, outages: boolean) {
  const now = sql`${sql.placeholder('now')}::timestamptz`
  const origin = stationEarth(sql`${sql.placeholder('lat')}::float8`, sql`${sql.placeholder('lng')}::float8`)
  const earth = stationEarth(sql`${stations.lat}`, sql`${stations.lng}`)
  const intervals = stationOpenIntervals
  const horizon = stationOpenHorizon
  // Intervals of a station do not overlap, so the first one closing after `now` is the only one
  // that can hold it. Scalar subqueries with LIMIT, not EXISTS: inside an OR the planner would
  // hash an EXISTS over the whole table (a scan per query) instead of probing per station.
  const current = (column: SQL) =>
    sql`(SELECT ${column} FROM ${intervals} WHERE ${intervals.stationId} = ${stations.id} AND ${intervals.closesAt} > ${now} ORDER BY ${intervals.closesAt} LIMIT 1)`
  const covered = (column: SQL) => sql`(SELECT ${column} FROM ${horizon} WHERE ${horizon.stationId} = ${stations.id})`
  const opened = current(sql`${intervals.opensAt} <= ${now}`)
  const covers = covered(sql`${horizon.computedFrom} <= ${now} AND ${horizon.computedUntil} > ${now}`)
  return db
    .select({
      ...stationColumns,
      distance: sql<number>`public.earth_distance(${earth}, ${origin})`.mapWith(Number).as('distance'),
      openUntil: sql<Date | null>`${current(sql`CASE WHEN ${intervals.opensAt} <= ${now} THEN ${intervals.closesAt} END`)}`
        .mapWith(intervals.closesAt)
        .as('open_until'),
      horizon:
        sql<Date | null>`${covered(sql`CASE WHEN ${horizon.computedFrom} <= ${now} AND ${horizon.computedUntil} > ${now} THEN ${horizon.computedUntil} END`)}`
          .mapWith(horizon.computedUntil)
          .as('horizon'),
    })
    .from(stations)
    .where(
      and(
        eq(stations.active, true),
        sql`${stations.amenities} @> ${sql.placeholder('amenities')}::text[]`,
        outages ? wantedAmenitiesNotOut(sql`${sql.placeholder('amenities')}::text[]`, now) : undefined,
        sql`(${opened} IS TRUE OR ${covers} IS NOT TRUE)`,
      ),
    )
    .orderBy(sql`${earth} OPERATOR(public.<->) ${origin}`)
    .limit(sql.placeholder('limit'))
}

const statementName = (name: string, outages: boolean) => (outages ? `${name}_amenities` : name)
const prepareOpen = (db: Database, outages: boolean) => openWalk(db, outages).prepare(statementName('nearest_open_stations', outages))

/** The walk cut at the radius, as in findNearestStations. */
function prepareOpenWithin(db: Database, outages: boolean) {
  const walk = openWalk(db, outages).as('nearest_open')
  return db
    .select()
    .from(walk)
    .where(sql`${walk.distance} <= ${sql.placeholder('radius')}::float8`)
    .orderBy(walk.distance)
    .prepare(statementName('nearest_open_stations_within', outages))
}

type PreparedOpen = { anywhere: ReturnType<typeof prepareOpen>; within: ReturnType<typeof prepareOpenWithin> }
/** Per database: without an amenity filter, and with one (which also skips stations whose wanted amenity is out). */
const preparedOpen = new WeakMap<Database, Record<'plain' | 'amenities', PreparedOpen>>()

/**
 * The `limit` active stations nearest to `point` that are open at `now` (opening hours, holiday
 * hours and temporary closures, from the stored intervals), nearest first, with when each closes
 * (undefined: not within the stored days, as for 24/7). One indexed query: the KNN walk on the
 * earth GiST index, checking each station against the intervals index. Stations whose intervals
 * do not cover `now` (just imported, or a clock far from today's) are refreshed on the way and the
 * query is asked again, so the answer is always exact. With `withinMetres`, as findNearestStations.
 */
export async function findNearestOpenStations(db: Database, point: Point, options: NearestOpenOptions): Promise<OpenStationWithDistance[]> {
  let statements = preparedOpen.get(db)
  if (statements === undefined) {
    statements = {
      plain: { anywhere: prepareOpen(db, false), within: prepareOpenWithin(db, false) },
      amenities: { anywhere: prepareOpen(db, true), within: prepareOpenWithin(db, true) },
    }
    preparedOpen.set(db, statements)
  }
  const prepared = (options.amenities ?? []).length === 0 ? statements.plain : statements.amenities
  const values = {
    lat: point.lat,
    lng: point.lng,
    amenities: [...(options.amenities ?? [])],
    limit: options.limit,
    now: options.now.toISOString(),
  }
  for (let attempt = 0; ; attempt += 1) {
    const rows =
      options.withinMetres === undefined
        ? await prepared.anywhere.execute(values)
        : await prepared.within.execute({ ...values, radius: options.withinMetres })
    const stale = rows.filter((row) => row.horizon === null).map((row) => row.id)
    if (stale.length === 0 || attempt === 5) {
      return rows
        .filter((row) => row.openUntil !== null)
        .map(({ openUntil, horizon, ...station }) => ({
          ...station,
          closesAt: openUntil !== null && horizon !== null && openUntil < horizon ? openUntil : undefined,
        }))
    }
    const inRadius = options.withinMetres === undefined ? [] : await staleStationsWithin(db, point, options.withinMetres, options.now)
    await db.transaction((tx) => refreshOpenIntervals(tx, [...stale, ...inRadius], options.now))
  }
}
