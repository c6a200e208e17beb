import { and, eq } from 'drizzle-orm'
import type { Database } from '../client.js'
import { events, registrations, type Event } from '../schema/index.js'

/** Locks an event row; every writer of registrations takes this lock first, so they queue up per event. */
export async function lockEvent(db: Database, eventId: number): Promise<Event | undefined> {
  const [event] = await db.select().from(events).where(eq(events.id, eventId)).for('update')
  return event
}

/** Loads a registration of this user with its event locked first (the lock order everywhere: event, then registration). */
export async function lockOwnRegistration(tx: Database, registrationId: number, userId: number) {
  const [peek] = await tx
    .select({ eventId: registrations.eventId })
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.userId, userId)))
  if (peek === undefined) return undefined
  const event = await lockEvent(tx, peek.eventId)
  const [registration] = await tx.select().from(registrations).where(eq(registrations.id, registrationId)).for('update')
  return event === undefined || registration === undefined ? undefined : { event, registration }
}
