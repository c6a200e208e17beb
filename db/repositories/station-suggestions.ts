import { and, asc, count, desc, eq, inArray, or, type SQL } from 'drizzle-orm'
import type { Database } from '../client.js'
import {
  feedbackTickets,
  stationSuggestions,
  users,
  type StationSuggestion,
  type StationSuggestionStatus,
  type User,
} from '../schema/index.js'
import { isAdmin, listScopes } from './roles.js'

export type NewSuggestion = Pick<
  StationSuggestion,
  'userId' | 'lat' | 'lng' | 'city' | 'name' | 'amenities' | 'note' | 'photoFileId' | 'ticketId'
>

export async function insertSuggestion(db: Database, values: NewSuggestion & { createdAt: Date }): Promise<StationSuggestion> {
  const [row] = await db.insert(stationSuggestions).values(values).returning()
  if (row === undefined) throw new Error('insert of a station suggestion returned nothing')
  return row
}

export async function countPendingSuggestions(db: Database, userId: number): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(stationSuggestions)
    .where(and(eq(stationSuggestions.userId, userId), eq(stationSuggestions.status, 'pending')))
  return row?.value ?? 0
}

export async function findSuggestion(db: Database, id: number): Promise<StationSuggestion | undefined> {
  const [row] = await db.select().from(stationSuggestions).where(eq(stationSuggestions.id, id))
  return row
}

/** The suggestion row locked for the rest of the transaction (a decision is made once). */
export async function lockSuggestion(db: Database, id: number): Promise<StationSuggestion | undefined> {
  const [row] = await db.select().from(stationSuggestions).where(eq(stationSuggestions.id, id)).for('update')
  return row
}

export async function markSuggestion(
  db: Database,
  id: number,
  decision: {
    status: Exclude<StationSuggestionStatus, 'pending'>
    decidedBy: number
    decidedAt: Date
    stationId?: number
    declineReason?: string
  },
): Promise<void> {
  await db.update(stationSuggestions).set(decision).where(eq(stationSuggestions.id, id))
}

/**
 * Which suggestions an organizer reviews: admins and unscoped organizers all; scoped organizers
 * those in their cities plus any whose ticket they own. Undefined means "all".
 */
async function visibleSuggestions(db: Database, user: Pick<User, 'id' | 'role'>): Promise<SQL | undefined> {
  if (isAdmin(user)) return undefined
  const scopes = await listScopes(db, user.id)
  if (scopes.length === 0) return undefined
  const cities = scopes.flatMap((scope) => (scope.city === null ? [] : [scope.city]))
  const owned = db.select({ id: feedbackTickets.id }).from(feedbackTickets).where(eq(feedbackTickets.assigneeId, user.id))
  return or(inArray(stationSuggestions.ticketId, owned), cities.length > 0 ? inArray(stationSuggestions.city, cities) : undefined)
}

export type ListedSuggestion = StationSuggestion & { firstName: string | null }

/** Pending suggestions the organizer reviews, oldest first, with the first name of who suggested each. */
export async function listPendingSuggestions(db: Database, user: Pick<User, 'id' | 'role'>, limit: number): Promise<ListedSuggestion[]> {
  const scope = await visibleSuggestions(db, user)
  const rows = await db
    .select({ suggestion: stationSuggestions, firstName: users.firstName })
    .from(stationSuggestions)
    .leftJoin(users, eq(users.id, stationSuggestions.userId))
    .where(and(eq(stationSuggestions.status, 'pending'), scope))
    .orderBy(asc(stationSuggestions.createdAt), asc(stationSuggestions.id))
    .limit(limit)
  return rows.map((row) => ({ ...row.suggestion, firstName: row.firstName }))
}

/** A rider's own suggestions, newest first (/mydata). */
export async function listUserSuggestions(db: Database, userId: number): Promise<StationSuggestion[]> {
  return db.select().from(stationSuggestions).where(eq(stationSuggestions.userId, userId)).orderBy(desc(stationSuggestions.id))
}

/** Deletes every suggestion of a rider; returns the deleted rows (their open tickets are closed by the caller). */
export async function deleteUserSuggestions(db: Database, userId: number): Promise<StationSuggestion[]> {
  return db.delete(stationSuggestions).where(eq(stationSuggestions.userId, userId)).returning()
}

/** Locks the rider's user row, so that counting their pending suggestions and adding one is one step. */
export async function lockSuggester(db: Database, userId: number): Promise<void> {
  await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update')
}

/** Who owns a ticket now (null: nobody; undefined: no such ticket). */
export async function ticketAssignee(db: Database, ticketId: number): Promise<number | null | undefined> {
  const [row] = await db.select({ assigneeId: feedbackTickets.assigneeId }).from(feedbackTickets).where(eq(feedbackTickets.id, ticketId))
  return row?.assigneeId
}
