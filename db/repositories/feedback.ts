import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../client.js'
import {
  events,
  feedbackMessages,
  feedbackTickets,
  stationReports,
  stations,
  users,
  type FeedbackAuthor,
  type FeedbackCategory,
  type FeedbackMessage,
  type FeedbackMessageKind,
  type FeedbackStatus,
  type FeedbackTicket,
  type StationReportKind,
  type StationReportStatus,
  type User,
} from '../schema/index.js'
import { isAdmin, listScopes } from './roles.js'

export type NewFeedbackMessage = { kind: FeedbackMessageKind; text: string; fileId: string | null }
export type NewTicket = {
  userId: number
  anonymous: boolean
  stationId: number | null
  eventId: number | null
  city: string
  category: FeedbackCategory
  assigneeId: number | null
  dueAt: Date
  now: Date
}

const OPEN: FeedbackStatus[] = ['new', 'in_progress']
/** Unambiguous characters only (no 0/O, 1/I/L), so a number read aloud or retyped stays right. */
const NUMBER_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

export function randomTicketNumber(random: () => number = Math.random): string {
  let number = ''
  for (let index = 0; index < 5; index++) number += NUMBER_ALPHABET[Math.floor(random() * NUMBER_ALPHABET.length)]
  return number
}

/** Inserts a ticket under a fresh random number (retrying the rare collision) with its first message. */
export async function insertTicket(db: Database, ticket: NewTicket, first: NewFeedbackMessage): Promise<FeedbackTicket> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const [row] = await db
      .insert(feedbackTickets)
      .values({ ...ticket, number: randomTicketNumber(), createdAt: ticket.now, updatedAt: ticket.now })
      .onConflictDoNothing({ target: feedbackTickets.number })
      .returning()
    if (row === undefined) continue
    await addMessage(db, { ticketId: row.id, author: 'worker', authorId: ticket.userId, ...first, createdAt: ticket.now })
    return row
  }
  throw new Error('could not find a free ticket number')
}

export async function addMessage(
  db: Database,
  message: { ticketId: number; author: FeedbackAuthor; authorId: number | null; createdAt: Date } & NewFeedbackMessage,
): Promise<FeedbackMessage> {
  const [row] = await db.insert(feedbackMessages).values(message).returning()
  if (row === undefined) throw new Error('insert of a feedback message returned nothing')
  return row
}

/** The ticket row locked for the rest of the transaction (status changes, replies, ratings). */
export async function lockTicket(db: Database, id: number): Promise<FeedbackTicket | undefined> {
  const [row] = await db.select().from(feedbackTickets).where(eq(feedbackTickets.id, id)).for('update')
  return row
}

export async function updateTicket(db: Database, id: number, patch: Partial<Omit<FeedbackTicket, 'id' | 'number'>>): Promise<void> {
  await db.update(feedbackTickets).set(patch).where(eq(feedbackTickets.id, id))
}

export async function listMessages(db: Database, ticketId: number): Promise<FeedbackMessage[]> {
  return db.select().from(feedbackMessages).where(eq(feedbackMessages.ticketId, ticketId)).orderBy(asc(feedbackMessages.id))
}

/** The first thing the worker wrote in each of these tickets, to quote it back (answers, /mytickets). */
export async function firstWorkerMessages(db: Database, ticketIds: readonly number[]): Promise<Map<number, FeedbackMessage>> {
  if (ticketIds.length === 0) return new Map()
  const rows = await db
    .selectDistinctOn([feedbackMessages.ticketId])
    .from(feedbackMessages)
    .where(and(inArray(feedbackMessages.ticketId, [...ticketIds]), eq(feedbackMessages.author, 'worker')))
    .orderBy(feedbackMessages.ticketId, asc(feedbackMessages.id))
  return new Map(rows.map((row) => [row.ticketId, row]))
}

/** Messages a worker wrote since `since` (new tickets and additions), for the per-hour limit. */
export async function countWorkerMessagesSince(db: Database, userId: number, since: Date): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(feedbackMessages)
    .where(and(eq(feedbackMessages.author, 'worker'), eq(feedbackMessages.authorId, userId), gte(feedbackMessages.createdAt, since)))
  return row?.value ?? 0
}

export async function listUserTickets(db: Database, userId: number, limit: number): Promise<FeedbackTicket[]> {
  return db.select().from(feedbackTickets).where(eq(feedbackTickets.userId, userId)).orderBy(desc(feedbackTickets.id)).limit(limit)
}

/**
 * Which tickets an organizer sees: admins and unscoped organizers all; scoped organizers those at
 * their stations and in their cities, plus any assigned to them. Undefined means "all".
 */
export async function visibleTickets(db: Database, user: Pick<User, 'id' | 'role'>): Promise<SQL | undefined> {
  if (isAdmin(user)) return undefined
  const scopes = await listScopes(db, user.id)
  if (scopes.length === 0) return undefined
  const stationIds = scopes.flatMap((scope) => (scope.stationId === null ? [] : [scope.stationId]))
  const cities = scopes.flatMap((scope) => (scope.city === null ? [] : [scope.city]))
  return or(
    eq(feedbackTickets.assigneeId, user.id),
    stationIds.length > 0 ? inArray(feedbackTickets.stationId, stationIds) : undefined,
    cities.length > 0 ? inArray(feedbackTickets.city, cities) : undefined,
  )
}

export const isOverdue = (ticket: Pick<FeedbackTicket, 'status' | 'dueAt'>, now: Date): boolean =>
  OPEN.includes(ticket.status) && ticket.dueAt.getTime() < now.getTime()

/** A ticket with what it is about; a 📣 station report's ticket also says which report (kind and status), else null. */
export type InboxItem = FeedbackTicket & {
  stationName: string | null
  eventTitle: string | null
  reportKind: StationReportKind | null
  reportStatus: StationReportStatus | null
}

const ticketReport = <T>(column: typeof stationReports.kind | typeof stationReports.status) =>
  sql<T | null>`(select ${column} from ${stationReports} where ${stationReports.ticketId} = ${feedbackTickets.id} order by ${stationReports.id} limit 1)`

const inboxColumns = {
  ticket: feedbackTickets,
  stationName: stations.name,
  eventTitle: events.title,
  reportKind: ticketReport<StationReportKind>(stationReports.kind),
  reportStatus: ticketReport<StationReportStatus>(stationReports.status),
}

const toItem = (row: { ticket: FeedbackTicket } & Omit<InboxItem, keyof FeedbackTicket>): InboxItem => {
  const { ticket, ...about } = row
  return { ...ticket, ...about }
}

/** Not-yet-closed tickets the organizer sees: overdue first, then new, in progress, answered; oldest first. */
export async function listInbox(db: Database, user: Pick<User, 'id' | 'role'>, now: Date, limit: number): Promise<InboxItem[]> {
  const scope = await visibleTickets(db, user)
  const rows = await db
    .select(inboxColumns)
    .from(feedbackTickets)
    .leftJoin(stations, eq(stations.id, feedbackTickets.stationId))
    .leftJoin(events, eq(events.id, feedbackTickets.eventId))
    .where(and(inArray(feedbackTickets.status, ['new', 'in_progress', 'answered']), scope))
    .orderBy(
      // The instant is passed as text: the two drivers serialize a Date inside raw SQL differently.
      desc(sql`(${feedbackTickets.status} in ('new', 'in_progress') and ${feedbackTickets.dueAt} < ${now.toISOString()}::timestamptz)`),
      sql`array_position(array['new','in_progress','answered']::feedback_status[], ${feedbackTickets.status})`,
      asc(feedbackTickets.createdAt),
    )
    .limit(limit)
  return rows.map(toItem)
}

export async function findInboxItem(db: Database, id: number): Promise<InboxItem | undefined> {
  const [row] = await db
    .select(inboxColumns)
    .from(feedbackTickets)
    .leftJoin(stations, eq(stations.id, feedbackTickets.stationId))
    .leftJoin(events, eq(events.id, feedbackTickets.eventId))
    .where(eq(feedbackTickets.id, id))
  return row === undefined ? undefined : toItem(row)
}

/** Open tickets past their due time, with an owner, for the daily digest. */
export async function listOverdue(db: Database, now: Date): Promise<InboxItem[]> {
  const rows = await db
    .select(inboxColumns)
    .from(feedbackTickets)
    .leftJoin(stations, eq(stations.id, feedbackTickets.stationId))
    .leftJoin(events, eq(events.id, feedbackTickets.eventId))
    .where(and(inArray(feedbackTickets.status, OPEN), lt(feedbackTickets.dueAt, now), isNotNull(feedbackTickets.assigneeId)))
    .orderBy(asc(feedbackTickets.dueAt))
  return rows.map(toItem)
}

/** Open tickets whose due time passed before `cutoff` and that were never escalated, locked. */
export async function lockEscalationDue(db: Database, cutoff: Date): Promise<FeedbackTicket[]> {
  return db
    .select()
    .from(feedbackTickets)
    .where(and(inArray(feedbackTickets.status, OPEN), lt(feedbackTickets.dueAt, cutoff), isNull(feedbackTickets.escalatedAt)))
    .orderBy(asc(feedbackTickets.id))
    .limit(200)
    .for('update', { skipLocked: true })
}

/** Takes the user's not-yet-closed tickets off them (they are no longer an organizer); returns how many. */
export async function releaseTickets(db: Database, userId: number, now: Date): Promise<number> {
  const rows = await db
    .update(feedbackTickets)
    .set({ assigneeId: null, updatedAt: now })
    .where(and(eq(feedbackTickets.assigneeId, userId), inArray(feedbackTickets.status, ['new', 'in_progress', 'answered'])))
    .returning({ id: feedbackTickets.id })
  return rows.length
}

/**
 * Not-yet-closed tickets without an owner (filed before anyone could own them), locked with SKIP
 * LOCKED: two instances assigning at once each take other tickets, never the same one twice.
 */
export async function lockUnownedTickets(db: Database, limit: number): Promise<FeedbackTicket[]> {
  return db
    .select()
    .from(feedbackTickets)
    .where(and(inArray(feedbackTickets.status, ['new', 'in_progress', 'answered']), isNull(feedbackTickets.assigneeId)))
    .orderBy(asc(feedbackTickets.id))
    .limit(limit)
    .for('update', { skipLocked: true })
}

/** Published events from a week ago to a month ahead, soonest first, for "what is it about". */
export async function listFeedbackEvents(
  db: Database,
  now: Date,
  limit: number,
): Promise<{ id: number; title: string; city: string; stationId: number | null }[]> {
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000)
  const monthAhead = new Date(now.getTime() + 31 * 86_400_000)
  return db
    .select({ id: events.id, title: events.title, city: events.city, stationId: events.stationId })
    .from(events)
    .where(and(inArray(events.status, ['published', 'finished']), gte(events.endsAt, weekAgo), lt(events.startsAt, monthAhead)))
    .orderBy(asc(events.startsAt))
    .limit(limit)
}

export async function findFeedbackEvent(db: Database, id: number) {
  const [row] = await db
    .select({ id: events.id, title: events.title, city: events.city, stationId: events.stationId })
    .from(events)
    .where(eq(events.id, id))
  return row
}

/** The cities stations are in, most stations first. */
export async function listStationCities(db: Database, limit: number): Promise<string[]> {
  const rows = await db
    .select({ city: stations.city })
    .from(stations)
    .where(and(eq(stations.active, true), sql`${stations.city} <> ''`))
    .groupBy(stations.city)
    .orderBy(desc(count()), asc(stations.city))
    .limit(limit)
  return rows.map((row) => row.city)
}

export async function listAdmins(db: Database): Promise<User[]> {
  return db.select().from(users).where(eq(users.role, 'admin')).orderBy(asc(users.id))
}
