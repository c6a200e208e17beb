import { and, asc, count, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import type { Database } from '../client.js'
import {
  feedbackMessages,
  feedbackTickets,
  stations,
  type FeedbackCategory,
  type FeedbackMessage,
  type FeedbackStatus,
  type User,
} from '../schema/index.js'
import { visibleTickets } from './feedback.js'

export type PublicItem = {
  ticketId: number
  number: string
  category: FeedbackCategory
  said: FeedbackMessage | undefined
  did: FeedbackMessage | undefined
}

/** Answered items marked public at a station, newest first: what the worker said and the last answer. */
export async function listPublicItems(db: Database, stationId: number, limit: number): Promise<PublicItem[]> {
  const tickets = await db
    .select()
    .from(feedbackTickets)
    .where(
      and(
        eq(feedbackTickets.stationId, stationId),
        eq(feedbackTickets.public, true),
        eq(feedbackTickets.publicConsent, 'granted'),
        isNotNull(feedbackTickets.answeredAt),
      ),
    )
    .orderBy(desc(feedbackTickets.answeredAt))
    .limit(limit)
  if (tickets.length === 0) return []
  const messages = await db
    .select()
    .from(feedbackMessages)
    .where(
      and(
        inArray(
          feedbackMessages.ticketId,
          tickets.map((ticket) => ticket.id),
        ),
        inArray(feedbackMessages.author, ['worker', 'organizer']),
      ),
    )
    .orderBy(asc(feedbackMessages.id))
  return tickets.map((ticket) => {
    const own = messages.filter((message) => message.ticketId === ticket.id)
    return {
      ticketId: ticket.id,
      number: ticket.number,
      category: ticket.category,
      said: own.find((message) => message.author === 'worker'),
      did: own.filter((message) => message.author === 'organizer').at(-1),
    }
  })
}

/** Stations that have public "you said → we did" items, with how many. */
export async function listStationsWithPublicItems(db: Database, limit: number): Promise<{ id: number; name: string; items: number }[]> {
  return db
    .select({ id: stations.id, name: stations.name, items: count() })
    .from(feedbackTickets)
    .innerJoin(stations, eq(stations.id, feedbackTickets.stationId))
    .where(and(eq(feedbackTickets.public, true), eq(feedbackTickets.publicConsent, 'granted'), isNotNull(feedbackTickets.answeredAt)))
    .groupBy(stations.id, stations.name)
    .orderBy(desc(count()), asc(stations.id))
    .limit(limit)
}

export type FeedbackStats = {
  total: number
  byStatus: { key: FeedbackStatus; count: number }[]
  byCategory: { key: FeedbackCategory; count: number }[]
  byStation: { key: string; count: number }[]
  /** Median hours from creation to the first answer, over answered tickets; undefined without any. */
  medianFirstAnswerHours: number | undefined
}

/** Counts over the tickets the organizer sees, and the median time to the first answer. */
export async function feedbackStats(db: Database, user: Pick<User, 'id' | 'role'>): Promise<FeedbackStats> {
  const scope = await visibleTickets(db, user)
  const byStatus = await db
    .select({ key: feedbackTickets.status, count: count() })
    .from(feedbackTickets)
    .where(scope)
    .groupBy(feedbackTickets.status)
    .orderBy(feedbackTickets.status)
  const byCategory = await db
    .select({ key: feedbackTickets.category, count: count() })
    .from(feedbackTickets)
    .where(scope)
    .groupBy(feedbackTickets.category)
    .orderBy(feedbackTickets.category)
  const place = sql<string>`coalesce(${stations.name}, nullif(${feedbackTickets.city}, ''), '-')`
  const byStation = await db
    .select({ key: place, count: count() })
    .from(feedbackTickets)
    .leftJoin(stations, eq(stations.id, feedbackTickets.stationId))
    .where(scope)
    .groupBy(place)
    .orderBy(desc(count()), place)
    .limit(10)
  // Durations are fetched and the median taken here: percentile_cont's result type differs per driver.
  const answered = await db
    .select({ createdAt: feedbackTickets.createdAt, firstAnsweredAt: feedbackTickets.firstAnsweredAt })
    .from(feedbackTickets)
    .where(and(isNotNull(feedbackTickets.firstAnsweredAt), scope))
  const hours = answered.map((row) => ((row.firstAnsweredAt?.getTime() ?? 0) - row.createdAt.getTime()) / 3_600_000).sort((a, b) => a - b)
  const middle = Math.floor(hours.length / 2)
  const median =
    hours.length === 0 ? undefined : hours.length % 2 === 1 ? hours[middle] : ((hours[middle - 1] ?? 0) + (hours[middle] ?? 0)) / 2
  return {
    total: byStatus.reduce((sum, row) => sum + row.count, 0),
    byStatus,
    byCategory,
    byStation: byStation.map((row) => ({ key: String(row.key), count: row.count })),
    medianFirstAnswerHours: median,
  }
}
