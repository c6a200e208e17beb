import { and, asc, count, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm'
import { cellOf } from '../../domain/grid.js'
import type { Database } from '../client.js'
import { searchCells, stations, type User } from '../schema/index.js'
import { isAdmin, listScopes } from './roles.js'

type Point = { lat: number; lng: number }

/** How long an anonymous location search is kept (the README and /mydata promise 90 days). */
export const SEARCH_RETENTION_DAYS = 90

/**
 * Records one location search as its grid cell (never the point itself, never who searched), with
 * the city of the nearest station ('' when none is near) and the metres to the nearest station open
 * at that moment (null when none was open within the search radius).
 */
export async function recordSearch(db: Database, point: Point, nearestOpen: number | null, city: string, now: Date): Promise<void> {
  const { row, col } = cellOf(point)
  await db.insert(searchCells).values({ row, col, city, nearestOpenMetres: nearestOpen, searchedAt: now })
}

/** Deletes searches made before `cutoff` (the 90-day retention); returns how many. */
export async function deleteSearchesBefore(db: Database, cutoff: Date): Promise<number> {
  const rows = await db.delete(searchCells).where(lt(searchCells.searchedAt, cutoff)).returning({ id: searchCells.id })
  return rows.length
}

/**
 * The cities whose searches `user` may see, or 'all': admins, and organizers without any scope
 * (who manage everywhere, as in `canManage`); otherwise the cities of their city scopes and the
 * cities of their stations.
 */
export async function coverageCities(db: Database, user: Pick<User, 'id' | 'role'>): Promise<readonly string[] | 'all'> {
  if (isAdmin(user)) return 'all'
  const scopes = await listScopes(db, user.id)
  if (scopes.length === 0) return 'all'
  const cities = new Set(scopes.flatMap((scope) => (scope.city === null ? [] : [scope.city])))
  const stationIds = scopes.flatMap((scope) => (scope.stationId === null ? [] : [scope.stationId]))
  if (stationIds.length > 0) {
    const rows = await db.select({ city: stations.city }).from(stations).where(inArray(stations.id, stationIds))
    for (const { city } of rows) if (city !== '') cities.add(city)
  }
  return [...cities].sort()
}

/** Cities (of `cities`, or all, '' included for searches far from every station) with searches since `since`, most searched first. */
export async function citiesWithSearches(
  db: Database,
  cities: readonly string[] | 'all',
  since: Date,
): Promise<{ city: string; searches: number }[]> {
  if (cities !== 'all' && cities.length === 0) return []
  return db
    .select({ city: searchCells.city, searches: count() })
    .from(searchCells)
    .where(and(gte(searchCells.searchedAt, since), cities === 'all' ? undefined : inArray(searchCells.city, [...cities])))
    .groupBy(searchCells.city)
    .orderBy(desc(count()), asc(searchCells.city))
}

export type CellDemand = {
  row: number
  col: number
  searches: number
  /** The median metres to the nearest open station over those searches; null when that median search found none open. */
  medianMetres: number | null
}

/**
 * The cells searched in `city` since `since`, most searched first, with the median distance to
 * the nearest open station. A search that found none open counts as farther than any distance, so
 * a cell where most searches found nothing has no median distance.
 */
export async function cellDemand(db: Database, city: string, since: Date): Promise<CellDemand[]> {
  const nearest = sql`coalesce(${searchCells.nearestOpenMetres}, 'Infinity'::float8)`
  const median = sql<number | null>`nullif(percentile_disc(0.5) within group (order by ${nearest}), 'Infinity'::float8)`
  const rows = await db
    .select({ row: searchCells.row, col: searchCells.col, searches: count(), medianMetres: median })
    .from(searchCells)
    .where(and(eq(searchCells.city, city), gte(searchCells.searchedAt, since)))
    .groupBy(searchCells.row, searchCells.col)
    .orderBy(desc(count()), asc(searchCells.row), asc(searchCells.col))
  // Drivers differ in how they hand over a float8 from raw SQL (number or text).
  return rows.map((row) => ({ ...row, medianMetres: row.medianMetres === null ? null : Number(row.medianMetres) }))
}

/** The active stations of a city, for the coverage map. */
export async function cityStations(db: Database, city: string): Promise<{ id: number; name: string; lat: number; lng: number }[]> {
  if (city === '') return []
  return db
    .select({ id: stations.id, name: stations.name, lat: stations.lat, lng: stations.lng })
    .from(stations)
    .where(and(eq(stations.city, city), eq(stations.active, true)))
    .orderBy(asc(stations.id))
}
