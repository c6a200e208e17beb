import { and, asc, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm'
import { shanghaiDate } from '../../domain/time.js'
import type { Database } from '../client.js'
import { organizerScopes, stationReports, stations, users, type User } from '../schema/index.js'
import { isAdmin, listScopes } from './roles.js'

const DAY = 86_400_000
/** Data checked within this many days counts as fresh; reports handled within it count for the median. */
export const FRESH_DAYS = 90

export type StationStatsRow = {
  stations: number
  /** Active stations whose data an organizer confirmed within FRESH_DAYS. */
  verified: number
  openReports: number
  /** Median hours from a report to its confirmation or dismissal, over those handled within FRESH_DAYS; undefined without any. */
  medianHandleHours: number | undefined
}
export type StationStats = {
  byCity: (StationStatsRow & { city: string })[]
  byOrganizer: (StationStatsRow & { userId: number; name: string })[]
}

/**
 * Who owns each station, the way tickets are routed: organizers scoped to it or its city; for a
 * station nobody is scoped to, the organizers without any scope, else the admins.
 */
function stationOwners(db: Database) {
  const scopedOwner = sql`exists (select 1 from organizer_scopes os join users su on su.id = os.user_id and su.role = 'organizer' where os.station_id = ${stations.id} or os.city = ${stations.city})`
  const unscopedOrganizers = sql`select 1 from users fu where fu.role = 'organizer' and not exists (select 1 from organizer_scopes fs where fs.user_id = fu.id)`
  const fallback = or(
    and(eq(users.role, 'organizer'), sql`not exists (select 1 from ${organizerScopes} where ${organizerScopes.userId} = ${users.id})`),
    and(eq(users.role, 'admin'), sql`not exists (${unscopedOrganizers})`),
  )
  const scoped = db
    .selectDistinct({ stationId: sql<number>`${stations.id}`.as('owned_station_id'), userId: sql<number>`${users.id}`.as('owner_id') })
    .from(stations)
    .innerJoin(organizerScopes, or(eq(organizerScopes.stationId, stations.id), eq(organizerScopes.city, stations.city)))
    .innerJoin(users, and(eq(users.id, organizerScopes.userId), eq(users.role, 'organizer')))
  const others = db
    .select({ stationId: sql<number>`${stations.id}`.as('owned_station_id'), userId: sql<number>`${users.id}`.as('owner_id') })
    .from(stations)
    .innerJoin(users, fallback)
    .where(sql`not ${scopedOwner}`)
  return scoped.union(others).as('owners')
}

/** The stations `user` sees in statistics: admins and unscoped organizers all, others their cities and stations. */
async function visibleStations(db: Database, user: Pick<User, 'id' | 'role'>): Promise<SQL | undefined> {
  if (isAdmin(user)) return undefined
  const scopes = await listScopes(db, user.id)
  if (scopes.length === 0) return undefined
  const stationIds = scopes.flatMap((scope) => (scope.stationId === null ? [] : [scope.stationId]))
  const cities = scopes.flatMap((scope) => (scope.city === null ? [] : [scope.city]))
  return or(
    stationIds.length > 0 ? inArray(stations.id, stationIds) : undefined,
    cities.length > 0 ? inArray(stations.city, cities) : undefined,
  )
}

const freshSince = (now: Date) => shanghaiDate(new Date(now.getTime() - FRESH_DAYS * DAY))

function counts(now: Date) {
  return {
    stations: sql<number>`count(distinct ${stations.id}) filter (where ${stations.active})`.mapWith(Number),
    verified:
      sql<number>`count(distinct ${stations.id}) filter (where ${stations.active} and ${stations.lastVerified} >= ${freshSince(now)})`.mapWith(
        Number,
      ),
  }
}

function reportCounts(now: Date) {
  const handledSince = new Date(now.getTime() - FRESH_DAYS * DAY).toISOString()
  const hours = sql`extract(epoch from (${stationReports.resolvedAt} - ${stationReports.createdAt})) / 3600`
  return {
    openReports: sql<number>`count(*) filter (where ${stationReports.status} = 'open')`.mapWith(Number),
    // Cast to float8: the drivers return numeric differently.
    median: sql<
      number | null
    >`(percentile_cont(0.5) within group (order by ${hours}) filter (where ${stationReports.resolvedAt} >= ${handledSince}::timestamptz))::float8`,
  }
}

const withMedian = <T extends { median: number | null }>({ median, ...row }: T) => ({
  ...row,
  medianHandleHours: median === null ? undefined : Number(median),
})

/**
 * /stationstats: per city and per owning organizer, the active stations, how many were verified
 * within 90 days, open reports, and the median time to handle a report, over the stations `user`
 * sees. Aggregated in SQL.
 */
export async function stationStats(db: Database, user: Pick<User, 'id' | 'role'>, now: Date): Promise<StationStats> {
  const scope = await visibleStations(db, user)
  const cityStations = await db
    .select({ city: stations.city, ...counts(now) })
    .from(stations)
    .where(scope)
    .groupBy(stations.city)
  const cityReports = await db
    .select({ city: stations.city, ...reportCounts(now) })
    .from(stationReports)
    .innerJoin(stations, eq(stations.id, stationReports.stationId))
    .where(and(scope, sql`${stationReports.kind} <> 'all_good'`))
    .groupBy(stations.city)
  const owners = stationOwners(db)
  const ownerStations = await db
    .select({ userId: owners.userId, ...counts(now) })
    .from(owners)
    .innerJoin(stations, eq(stations.id, owners.stationId))
    .where(scope)
    .groupBy(owners.userId)
  const ownerReports = await db
    .select({ userId: owners.userId, ...reportCounts(now) })
    .from(owners)
    .innerJoin(stations, eq(stations.id, owners.stationId))
    .innerJoin(stationReports, eq(stationReports.stationId, stations.id))
    .where(and(scope, sql`${stationReports.kind} <> 'all_good'`))
    .groupBy(owners.userId)
  const people = await db
    .select({ id: users.id, firstName: users.firstName, username: users.username })
    .from(users)
    .where(
      inArray(
        users.id,
        ownerStations.map((row) => Number(row.userId)),
      ),
    )
  const noReports = { openReports: 0, median: null }
  const byCity = cityStations
    .map((row) => withMedian({ ...row, ...(cityReports.find((other) => other.city === row.city) ?? noReports) }))
    .sort((a, b) => b.stations - a.stations || a.city.localeCompare(b.city))
  const byOrganizer = ownerStations
    .map((row) => {
      const userId = Number(row.userId)
      const person = people.find((other) => other.id === userId)
      const name = person === undefined ? String(userId) : person.firstName || `@${person.username ?? userId}`
      const reports = ownerReports.find((other) => Number(other.userId) === userId) ?? noReports
      return withMedian({ ...row, ...reports, userId, name })
    })
    .sort((a, b) => b.stations - a.stations || a.userId - b.userId)
  return { byCity, byOrganizer }
}

export type OwnerFreshness = { unverified: number; examples: string[]; openReports: number }

/**
 * For the weekly part of the digest: per owner, their active stations not verified within 90
 * days (how many, and the `examples` least recently checked) and the open reports at their stations.
 */
export async function freshnessByOwner(db: Database, now: Date, examples: number): Promise<Map<number, OwnerFreshness>> {
  const owners = stationOwners(db)
  const stale = sql`${stations.active} and (${stations.lastVerified} is null or ${stations.lastVerified} < ${freshSince(now)})`
  const names = sql<
    string[]
  >`(array_agg(${stations.name} order by ${stations.lastVerified} asc nulls first, ${stations.name}) filter (where ${stale}))[1:${sql.raw(String(examples))}]`
  const rows = await db
    .select({
      userId: owners.userId,
      unverified: sql<number>`count(*) filter (where ${stale})`.mapWith(Number),
      examples: names,
      openReports:
        sql<number>`coalesce(sum((select count(*) from ${stationReports} where ${stationReports.stationId} = ${stations.id} and ${stationReports.status} = 'open')), 0)`.mapWith(
          Number,
        ),
    })
    .from(owners)
    .innerJoin(stations, eq(stations.id, owners.stationId))
    .where(isNotNull(owners.userId))
    .groupBy(owners.userId)
    .orderBy(asc(owners.userId))
  return new Map(
    rows
      .filter((row) => row.unverified > 0 || row.openReports > 0)
      .map((row) => [Number(row.userId), { unverified: row.unverified, examples: row.examples ?? [], openReports: row.openReports }]),
  )
}
