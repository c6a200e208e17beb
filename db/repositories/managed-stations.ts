import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../client.js'
import {
  stationChanges,
  stationRecordColumns as stationColumns,
  stations,
  users,
  type StationChangeSource,
  type User,
} from '../schema/index.js'
import { isAdmin, isOrganizer, listScopes } from './roles.js'
import { nameContains } from './station-search.js'
import type { StationRecord } from './stations.js'

/**
 * Which stations `user` manages, as a condition: undefined for everything (admins, organizers
 * without a scope), null for nothing (not an organizer), else their cities and stations.
 */
async function scopeCondition(db: Database, user: Pick<User, 'id' | 'role'>): Promise<SQL | undefined | null> {
  if (!isOrganizer(user)) return null
  if (isAdmin(user)) return undefined
  const scopes = await listScopes(db, user.id)
  if (scopes.length === 0) return undefined
  const cities = scopes.flatMap((scope) => (scope.city === null ? [] : [scope.city]))
  const ids = scopes.flatMap((scope) => (scope.stationId === null ? [] : [scope.stationId]))
  return or(...(cities.length === 0 ? [] : [inArray(stations.city, cities)]), ...(ids.length === 0 ? [] : [inArray(stations.id, ids)]))!
}

/**
 * One page of the stations `user` manages (deactivated ones too, after the active ones), by city
 * and name, optionally only those whose name contains `query`; with how many there are in all.
 */
export async function listManagedStations(
  db: Database,
  user: Pick<User, 'id' | 'role'>,
  options: { query?: string; limit: number; offset: number },
): Promise<{ stations: StationRecord[]; total: number }> {
  const scope = await scopeCondition(db, user)
  if (scope === null) return { stations: [], total: 0 }
  const query = options.query?.trim() ?? ''
  const where = and(scope, query === '' ? undefined : nameContains(query))
  const [total] = await db.select({ value: count() }).from(stations).where(where)
  const rows = await db
    .select(stationColumns)
    .from(stations)
    .where(where)
    .orderBy(desc(stations.active), asc(stations.city), asc(stations.name), asc(stations.id))
    .limit(options.limit)
    .offset(options.offset)
  return { stations: rows, total: total?.value ?? 0 }
}

/** First names (or @usernames) of the given users, for the history. */
export async function userNames(db: Database, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .select({ id: users.id, firstName: users.firstName, username: users.username })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]))
  return new Map(rows.map((row) => [row.id, row.firstName !== '' ? row.firstName : (row.username ?? '')]))
}

/** Who set the station's current temporary closure: the source of the latest change of `closedUntil`. */
export async function closureSource(db: Database, stationId: number): Promise<StationChangeSource | undefined> {
  const [row] = await db
    .select({ source: stationChanges.source })
    .from(stationChanges)
    .where(and(eq(stationChanges.stationId, stationId), sql`${stationChanges.fields} ? 'closedUntil'`))
    .orderBy(desc(stationChanges.createdAt), desc(stationChanges.id))
    .limit(1)
  return row?.source
}
