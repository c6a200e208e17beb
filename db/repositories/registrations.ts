import { randomInt } from 'node:crypto'
import { and, eq, isNotNull } from 'drizzle-orm'
import type { Database } from '../client.js'
import { events, registrations, users, type Registration } from '../schema/index.js'
import { listPersonalData } from './event-listing.js'
import { findLiveSeat, registerSeat, type SeatInput, type SeatView } from './seat-decision.js'

export type RegisterInput = SeatInput

export type RegisterResult =
  ({ kind: 'confirmed' | 'waitlisted' | 'already'; registration: Registration } & SeatView) | { kind: 'closed' | 'not-open' }

/** Check-in codes: no 0/O/1/I, which people mix up when reading them aloud or typing them. */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
export const generateCode = (): string => Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')

/** A unique violation of the given constraint, through drizzle's error wrapper and either driver. */
function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let cause = error; cause instanceof Error || (typeof cause === 'object' && cause !== null);) {
    const fields = cause as { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown }
    if (fields.code === '23505') return String(fields.constraint ?? fields.constraint_name ?? '').includes(constraint)
    cause = fields.cause
  }
  return false
}

/**
 * Registers a worker in one statement (register_seat, migration 0010) that locks the event row
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
      return { kind: registration.status === 'confirmed' ? 'confirmed' : 'waitlisted', registration, ...view }
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
  if (event === undefined || event.status !== 'published' || event.registrationClosed) return { kind: 'closed' }
  if (event.registrationOpensAt !== null && now < event.registrationOpensAt) return { kind: 'not-open' }
  if (now >= event.registrationClosesAt) return { kind: 'closed' }
  const [live] = await findLiveSeat(db, event.id, input.userId)
  return live === undefined ? { kind: 'closed' } : { kind: 'already', ...live }
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
