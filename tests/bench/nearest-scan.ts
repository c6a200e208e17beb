import { and, eq, sql } from 'drizzle-orm'
import type { Database } from '../../db/client.js'
import type { NearestOptions, Point, StationWithDistance } from '../../db/repositories/stations.js'
import { stationRecordColumns as stationColumns, stations } from '../../db/schema/index.js'

/**
 * The same answer as findNearestStations computed without the index (every row's distance, then a
 * sort): the baseline the benchmark measures the index against, and what the repository tests
 * compare its answers with. Kept out of db/ because the bot never runs it.
 */
export async function findNearestStationsByScan(db: Database, point: Point, options: NearestOptions): Promise<StationWithDistance[]> {
  const distance = sql<number>`public.earth_distance(public.ll_to_earth(${stations.lat}, ${stations.lng}), public.ll_to_earth(${point.lat}, ${point.lng}))`
  const amenities = options.amenities ?? []
  return db
    .select({ ...stationColumns, distance: distance.mapWith(Number) })
    .from(stations)
    .where(
      and(
        eq(stations.active, true),
        amenities.length > 0 ? sql`${stations.amenities} @> ${sql.param([...amenities])}::text[]` : undefined,
        options.withinMetres === undefined ? undefined : sql`${distance} <= ${options.withinMetres}`,
      ),
    )
    .orderBy(distance)
    .limit(options.limit)
    .offset(options.offset ?? 0)
}
