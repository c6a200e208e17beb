import { and, count, eq, isNotNull, sql } from 'drizzle-orm'
import type { Database } from '../client.js'
import { isActiveRegistration, registrations, type Event } from '../schema/index.js'

export type EventCounts = { confirmed: number; offered: number; waitlisted: number; checkedIn: number; noShows: number }

/** Seat counts of an event; no-shows (confirmed, never checked in) only once the event has ended. */
export async function eventCounts(db: Database, event: Pick<Event, 'id' | 'endsAt'>, now: Date): Promise<EventCounts> {
  const rows = await db
    .select({ status: registrations.status, checkedIn: sql<boolean>`${registrations.checkedInAt} is not null`, value: count() })
    .from(registrations)
    .where(eq(registrations.eventId, event.id))
    .groupBy(registrations.status, sql`${registrations.checkedInAt} is not null`)
  const sum = (match: (row: (typeof rows)[number]) => boolean) => rows.filter(match).reduce((total, row) => total + Number(row.value), 0)
  const confirmed = sum((row) => row.status === 'confirmed')
  const checkedIn = sum((row) => row.checkedIn)
  return {
    confirmed,
    offered: sum((row) => row.status === 'offered'),
    waitlisted: sum((row) => row.status === 'waitlisted'),
    checkedIn,
    noShows: event.endsAt <= now ? sum((row) => row.status === 'confirmed' && !row.checkedIn) : 0,
  }
}

export type SlotCounts = { slotId: number; confirmed: number; offered: number; waitlisted: number; checkedIn: number }

/** Per time slot: seats held, waiting and checked in, for the organizer's panel. */
export async function slotCounts(db: Database, eventId: number): Promise<Map<number, SlotCounts>> {
  const rows = await db
    .select({
      slotId: registrations.slotId,
      status: registrations.status,
      checkedIn: sql<boolean>`${registrations.checkedInAt} is not null`,
      value: count(),
    })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), isNotNull(registrations.slotId)))
    .groupBy(registrations.slotId, registrations.status, sql`${registrations.checkedInAt} is not null`)
  const counts = new Map<number, SlotCounts>()
  for (const row of rows) {
    if (row.slotId === null) continue
    const entry = counts.get(row.slotId) ?? { slotId: row.slotId, confirmed: 0, offered: 0, waitlisted: 0, checkedIn: 0 }
    const value = Number(row.value)
    if (isActiveRegistration(row.status)) entry[row.status] += value
    if (row.checkedIn) entry.checkedIn += value
    counts.set(row.slotId, entry)
  }
  return counts
}
