// The open-now part of the nearest-station benchmark: temporary closures and riders' reports on
// top of the generated stations, and the answer computed the slow way to check the fast one.
import { and, eq, sql } from 'drizzle-orm'
import type { Database } from '../../db/client.js'
import { refreshOpenIntervals } from '../../db/repositories/station-open.js'
import type { Point } from '../../db/repositories/stations.js'
import { stationReports, stations } from '../../db/schema/index.js'
import { openingState } from '../../domain/opening-hours.js'

/** Wed 2026-11-25 21:30 in Shanghai: day hours have just closed, night and 24/7 hours are open. */
export const OPEN_NOW_AT = new Date('2026-11-25T13:30:00Z')

/**
 * Gives 5% of the stations a temporary closure ending within the next two days (their intervals
 * recomputed, as an organizer's edit does) and another 5% an open "现在没开门" or "没有热水" report.
 * Returns how many stations have either.
 */
export async function addClosuresAndReports(db: Database, now: Date): Promise<number> {
  const closed = await db
    .update(stations)
    .set({ closedUntil: sql`${now.toISOString()}::timestamptz + ((${stations.id} % 48) + 1) * interval '1 hour'`, closedReason: '装修' })
    .where(sql`${stations.id} % 20 = 3`)
    .returning({ id: stations.id })
  const ids = closed.map((row) => row.id)
  for (let start = 0; start < ids.length; start += 1_000) {
    await db.transaction((tx) => refreshOpenIntervals(tx, ids.slice(start, start + 1_000), now))
  }
  const reported = await db
    .select({ id: stations.id })
    .from(stations)
    .where(sql`${stations.id} % 20 = 13`)
  for (let start = 0; start < reported.length; start += 5_000) {
    await db.insert(stationReports).values(
      reported.slice(start, start + 5_000).map((row) => ({
        stationId: row.id,
        userId: 1_000 + (row.id % 500),
        kind: row.id % 2 === 0 ? ('closed' as const) : ('no_hot_water' as const),
        createdAt: new Date(now.getTime() - (row.id % 90) * 60_000),
      })),
    )
  }
  return ids.length + reported.length
}

/**
 * The nearest open stations by evaluating opening_hours (and the temporary closure) on every
 * active station inside the radius: the answer findNearestOpenStations must equal.
 */
export async function findNearestOpenByEvaluating(
  db: Database,
  point: Point,
  limit: number,
  withinMetres: number,
  now: Date,
): Promise<number[]> {
  const origin = sql`public.station_earth(${point.lat}::float8, ${point.lng}::float8)`
  const earth = sql`public.station_earth(${stations.lat}, ${stations.lng})`
  const distance = sql<number>`public.earth_distance(${earth}, ${origin})`.mapWith(Number)
  const inside = await db
    .select({ id: stations.id, openingHours: stations.openingHours, closedUntil: stations.closedUntil, distance })
    .from(stations)
    .where(
      and(
        eq(stations.active, true),
        sql`public.earth_box(${origin}, ${withinMetres}::float8) OPERATOR(public.@>) ${earth}`,
        sql`${distance} <= ${withinMetres}::float8`,
      ),
    )
  return inside
    .filter((row) => openingState(row.openingHours, now).kind === 'open' && !(row.closedUntil !== null && row.closedUntil > now))
    .sort((a, b) => a.distance - b.distance || a.id - b.id)
    .slice(0, limit)
    .map((row) => row.id)
}

/** How many stations are open at `now` by their stored intervals, and how many are active. */
export async function openShare(db: Database, now: Date): Promise<{ open: number; active: number }> {
  const [row] = await db
    .select({
      active: sql<number>`count(*)`.mapWith(Number),
      open: sql<number>`count(*) FILTER (WHERE EXISTS (SELECT 1 FROM station_open_intervals i WHERE i.station_id = ${stations.id} AND i.opens_at <= ${now.toISOString()}::timestamptz AND i.closes_at > ${now.toISOString()}::timestamptz))`.mapWith(
        Number,
      ),
    })
    .from(stations)
    .where(eq(stations.active, true))
  return row ?? { open: 0, active: 0 }
}
