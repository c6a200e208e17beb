import { and, eq, isNotNull, isNull } from 'drizzle-orm'
import type { Database } from '../client.js'
import { events, eventSlots, registrations, type Event, type EventSlot, type Registration, type User } from '../schema/index.js'
import { canManage } from './roles.js'

export type CheckInResult =
  | { kind: 'unknown' }
  | { kind: 'forbidden' }
  | { kind: 'other-event'; event: Event }
  | { kind: 'event-cancelled'; event: Event }
  | { kind: 'not-confirmed'; registration: Registration; event: Event }
  | { kind: 'too-early'; registration: Registration; event: Event; opensAt: Date }
  | { kind: 'too-late'; registration: Registration; event: Event }
  | { kind: 'already'; registration: Registration; event: Event; slot: EventSlot | null }
  | { kind: 'ok'; registration: Registration; event: Event; slot: EventSlot | null }

/** Codes are shown in capitals; people type them in any case, with spaces. */
export const normalizeCode = (text: string): string => text.replace(/\s+/g, '').toUpperCase()

/**
 * Checks a registrant in by their code: only confirmed registrations of an event the organizer may
 * manage (and of `eventId`, when the organizer picked one), from `opensHours` before the start until
 * the end, unless the organizer confirmed (`force`) a check-in outside that window. Idempotent: a
 * second scan answers "already" with the first time.
 */
export async function checkIn(
  db: Database,
  input: { code: string; organizer: Pick<User, 'id' | 'role'>; now: Date; opensHours: number; eventId?: number; force?: boolean },
): Promise<CheckInResult> {
  const [row] = await db
    .select({ registration: registrations, event: events, slot: eventSlots })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .leftJoin(eventSlots, eq(eventSlots.id, registrations.slotId))
    .where(eq(registrations.code, normalizeCode(input.code)))
  if (row === undefined) return { kind: 'unknown' }
  const { event, slot } = row
  if (!(await canManage(db, input.organizer, { city: event.city, stationId: event.stationId }))) return { kind: 'forbidden' }
  if (input.eventId !== undefined && input.eventId !== event.id) return { kind: 'other-event', event }
  if (event.status === 'cancelled') return { kind: 'event-cancelled', event }
  if (row.registration.status !== 'confirmed') return { kind: 'not-confirmed', registration: row.registration, event }
  if (row.registration.checkedInAt === null && input.force !== true) {
    const opensAt = new Date(event.startsAt.getTime() - input.opensHours * 3_600_000)
    if (input.now < opensAt) return { kind: 'too-early', registration: row.registration, event, opensAt }
    if (input.now > event.endsAt) return { kind: 'too-late', registration: row.registration, event }
  }
  const [updated] = await db
    .update(registrations)
    .set({ checkedInAt: input.now, checkedInBy: input.organizer.id, updatedAt: input.now })
    .where(and(eq(registrations.id, row.registration.id), isNull(registrations.checkedInAt)))
    .returning()
  if (updated !== undefined) return { kind: 'ok', registration: updated, event, slot }
  const [current] = await db
    .select()
    .from(registrations)
    .where(and(eq(registrations.id, row.registration.id), isNotNull(registrations.checkedInAt)))
  return { kind: 'already', registration: current ?? row.registration, event, slot }
}
