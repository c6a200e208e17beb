import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '../client.js'
import {
  activeRegistrationStatuses,
  eventSlots,
  registrations,
  users,
  type EventSlot,
  type Registration,
  type User,
} from '../schema/index.js'

export async function activeRegistrants(db: Database, eventId: number): Promise<{ user: User; registration: Registration }[]> {
  return db
    .select({ user: users, registration: registrations })
    .from(registrations)
    .innerJoin(users, eq(users.id, registrations.userId))
    .where(and(eq(registrations.eventId, eventId), inArray(registrations.status, [...activeRegistrationStatuses])))
    .orderBy(asc(registrations.id))
}

export type Registrant = { registration: Registration; slot: EventSlot | null; firstName: string }

/** Registrants for the export: confirmed, offered, then waitlisted, each in order of registering. */
export async function listRegistrants(db: Database, eventId: number): Promise<Registrant[]> {
  const rows = await db
    .select({ registration: registrations, slot: eventSlots, firstName: users.firstName })
    .from(registrations)
    .innerJoin(users, eq(users.id, registrations.userId))
    .leftJoin(eventSlots, eq(eventSlots.id, registrations.slotId))
    .where(and(eq(registrations.eventId, eventId), inArray(registrations.status, [...activeRegistrationStatuses])))
    .orderBy(
      sql`array_position(${sql.param([...activeRegistrationStatuses])}::text[], ${registrations.status}::text)`,
      asc(registrations.createdAt),
      asc(registrations.id),
    )
  return rows
}
