import { randomInt } from 'node:crypto'
import { and, eq, isNotNull } from 'drizzle-orm'
import type { Database } from '../client.js'
import { events, registrations, users, type Registration } from '../schema/index.js'
import { listPersonalData } from './event-listing.js'
import { findLiveSeat, registerSeat, registerSeats, type SeatInput, type SeatView } from './seat-decision.js'

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
  if (isQuickTap(input)) return joinSeatBatch(db, input)
  for (let attempt = 0; ; attempt++) {
    try {
      const [seat] = await registerSeat(db, input, generateCode())
      if (seat === undefined) return explainRefusal(db, input)
      return seatResult(seat)
    } catch (error) {
      // A freshly drawn code collided with another registration's: draw again (1 in ~10^9 per row).
      if (attempt < 5 && isUniqueViolation(error, 'code')) continue
      throw error
    }
  }
}

const seatResult = ({ registration, ...view }: { registration: Registration } & SeatView): RegisterResult => ({
  kind: registration.status === 'confirmed' ? 'confirmed' : 'waitlisted',
  registration,
  ...view,
})

/** A plain 报名 tap: nothing personal to store, so it can share a statement with other workers' taps. */
const isQuickTap = (input: RegisterInput) => !input.consent && (input.answers ?? []).length === 0

type WaitingTap = { input: RegisterInput; settle: (result: Promise<RegisterResult>) => void }
/** Per database and event: whether a batch is being written, and the taps that arrived meanwhile. */
const seatBatches = new WeakMap<Database, Map<number, WaitingTap[]>>()
/** Enough to clear a crowd in a few commits while each batch holds the event lock only milliseconds. */
const MAX_BATCH = 64

/**
 * Group commit for a crowd: a tap on an event with no batch being written is written at once
 * (alone: no wait when the bot is quiet); taps that arrive while one is being written wait for it
 * and go together in the next, in the order they arrived. The seat decision is register_seat's
 * either way, so capacity and the waitlist order hold exactly as with one statement per tap; the
 * event lock is taken and committed once per batch instead of once per tap.
 */
function joinSeatBatch(db: Database, input: RegisterInput): Promise<RegisterResult> {
  let byEvent = seatBatches.get(db)
  if (byEvent === undefined) seatBatches.set(db, (byEvent = new Map()))
  const queued = byEvent
  return new Promise((resolve) => {
    const waiting = queued.get(input.eventId)
    const tap = { input, settle: resolve }
    if (waiting !== undefined) {
      waiting.push(tap)
      return
    }
    queued.set(input.eventId, [])
    void writeBatches(db, queued, input.eventId, [tap])
  })
}

async function writeBatches(db: Database, queued: Map<number, WaitingTap[]>, eventId: number, first: WaitingTap[]): Promise<void> {
  for (let batch = first; batch.length > 0;) {
    const results = registerBatch(
      db,
      eventId,
      batch.map((tap) => tap.input),
    )
    batch.forEach((tap, index) => tap.settle(results.then(async (all) => (await all[index]) ?? explainRefusal(db, tap.input))))
    await results.catch(() => undefined)
    batch = (queued.get(eventId) ?? []).splice(0, MAX_BATCH)
  }
  queued.delete(eventId)
}

type TapOutcome = RegisterResult | undefined

/**
 * One batch's results in its order (undefined where register_seat wrote nothing). If the batch
 * fails for any reason but a code collision, each tap is tried alone, so one failing row (say, an
 * unknown worker) fails only its own tap.
 */
async function registerBatch(db: Database, eventId: number, inputs: RegisterInput[]): Promise<(TapOutcome | Promise<TapOutcome>)[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      const quick = inputs.map((input) => ({ slotId: input.slotId ?? null, userId: input.userId, code: generateCode(), at: input.now }))
      const written = await registerSeats(db, eventId, quick)
      const results: TapOutcome[] = inputs.map(() => undefined)
      for (const { index, seat } of written) results[index] = seatResult(seat)
      return results
    } catch (error) {
      if (attempt < 5 && isUniqueViolation(error, 'code')) continue
      if (inputs.length === 1) throw error
      return inputs.map((input) => registerAlone(db, input))
    }
  }
}

async function registerAlone(db: Database, input: RegisterInput): Promise<TapOutcome> {
  const [result] = await registerBatch(db, input.eventId, [input])
  return result
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
