import { randomInt } from 'node:crypto'
import { and, eq, isNotNull } from 'drizzle-orm'
import type { Database } from '../client.js'
import { events, registrations, users, type Event, type Registration } from '../schema/index.js'
import { findOwnRegistration, findRegistrationFor, listPersonalData } from './event-listing.js'
import { cancelPendingForRegistration } from './outbox.js'
import { activeStatuses, lockOwnRegistration, seatStatuses } from './registration-locks.js'
import { registerSeat, type SeatInput, type SeatView } from './seat-decision.js'
import { promoteInTransaction, waitlistPosition } from './waitlist.js'

export type RegisterInput = SeatInput

export type RegisterResult =
  | ({ outcome: 'confirmed' | 'waitlisted' | 'already'; registration: Registration } & SeatView)
  | { outcome: 'closed' | 'not_open' }

/** Check-in codes: no 0/O/1/I, which people mix up when reading them aloud or typing them. */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
export const generateCode = (): string =>
  Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')

/** A unique violation of the given constraint, through drizzle's error wrapper and either driver. */
function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let cause = error; cause instanceof Error || (typeof cause === 'object' && cause !== null); ) {
    const fields = cause as { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown }
    if (fields.code === '23505') return String(fields.constraint ?? fields.constraint_name ?? '').includes(constraint)
    cause = fields.cause
  }
  return false
}

/**
 * Registers a worker in one statement (register_seat, migration 0008) that locks the event row
 * FOR UPDATE first, so concurrent taps are counted one after another and capacity is never
 * exceeded; the lock is held for that statement and its commit only. A second tap returns
 * 'already'; a cancelled/declined/expired registration of the same worker comes back to life
 * (one row per worker and event). The result carries what the confirmation shows (event, slot
 * times, waitlist place), so nothing is read again.
 */
export async function register(db: Database, input: RegisterInput): Promise<RegisterResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      const [seat] = await registerSeat(db, input, generateCode())
      if (seat === undefined) return explainRefusal(db, input)
      const { registration, ...view } = seat
      return { outcome: registration.status === 'confirmed' ? 'confirmed' : 'waitlisted', registration, ...view }
    } catch (error) {
      // A freshly drawn code collided with another registration's: draw again (1 in ~10^9 per row).
      if (attempt < 5 && isUniqueViolation(error, 'code')) continue
      throw error
    }
  }
}

/** Why register_seat wrote nothing (a rare path, so read afterwards): the window, a live registration, or a wrong slot. */
async function explainRefusal(db: Database, input: RegisterInput): Promise<RegisterResult> {
  const { now } = input
  const [event] = await db.select().from(events).where(eq(events.id, input.eventId))
  if (event === undefined || event.status !== 'published' || event.registrationClosed) return { outcome: 'closed' }
  if (event.registrationOpensAt !== null && now < event.registrationOpensAt) return { outcome: 'not_open' }
  if (now >= event.registrationClosesAt) return { outcome: 'closed' }
  const live = await findRegistrationFor(db, event.id, input.userId)
  if (live === undefined || !(activeStatuses as readonly string[]).includes(live.status)) return { outcome: 'closed' }
  const found = await findOwnRegistration(db, live.id, input.userId)
  if (found === undefined) return { outcome: 'closed' }
  const waitlistPlace = live.status === 'waitlisted' ? await waitlistPosition(db, live) : 0
  return { outcome: 'already', ...found, waitlistPosition: waitlistPlace }
}

export type CancelResult =
  | { outcome: 'cancelled'; registration: Registration; event: Event; promoted: number }
  | { outcome: 'too_late'; cancelClosesAt: Date }
  | { outcome: 'not_found' | 'not_active' }

/**
 * Cancels the worker's own registration before the event's cancel cut-off, withdraws its pending
 * reminders and offers the freed seat to the next in line.
 */
export async function cancelRegistration(
  db: Database,
  input: { registrationId: number; userId: number; now: Date; offerHours: number },
): Promise<CancelResult> {
  return db.transaction(async (tx) => {
    const found = await lockOwnRegistration(tx, input.registrationId, input.userId)
    if (found === undefined) return { outcome: 'not_found' }
    const { event, registration } = found
    if (!(activeStatuses as readonly string[]).includes(registration.status)) return { outcome: 'not_active' }
    if (input.now >= event.cancelClosesAt) return { outcome: 'too_late', cancelClosesAt: event.cancelClosesAt }
    const [updated] = await tx
      .update(registrations)
      .set({ status: 'cancelled', cancelledAt: input.now, offerExpiresAt: null, updatedAt: input.now })
      .where(eq(registrations.id, registration.id))
      .returning()
    await cancelPendingForRegistration(tx, registration.id)
    const heldSeat = (seatStatuses as readonly string[]).includes(registration.status)
    const promoted = heldSeat ? await promoteInTransaction(tx, event.id, input.now, input.offerHours) : 0
    return { outcome: 'cancelled', registration: updated ?? registration, event, promoted }
  })
}

/**
 * Forgets the worker's personal data: the personal fields and answers of all their registrations
 * (the registrations stay, so nobody loses a seat) and their last shared location.
 */
export async function deletePersonalData(db: Database, userId: number): Promise<{ registrations: number; location: boolean }> {
  return db.transaction(async (tx) => {
    const before = await listPersonalData(tx, userId)
    if (before.length > 0) {
      await tx
        .update(registrations)
        .set({ name: null, phone: null, occupation: null, platform: null, answers: [], consentAt: null, sensitiveConsentAt: null })
        .where(eq(registrations.userId, userId))
    }
    const located = await tx
      .update(users)
      .set({ lastLat: null, lastLng: null, lastLocatedAt: null })
      .where(and(eq(users.id, userId), isNotNull(users.lastLat)))
      .returning({ id: users.id })
    return { registrations: before.length, location: located.length > 0 }
  })
}
