import { randomInt } from 'node:crypto'
import { and, asc, count, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm'
import type { Database } from '../client.js'
import { eventSlots, events, registrations, users, type Event, type Registration } from '../schema/index.js'
import { listPersonalData } from './event-listing.js'
import { cancelPendingForRegistration } from './outbox.js'
import { queueExpiredNotices, queueOffers, type Offer } from '../../bot/features/events/notices.js'

/** Statuses that hold a seat (an offer holds it until it is accepted, declined or expires). */
export const seatStatuses = ['confirmed', 'offered'] as const
/** Statuses of a registration that is still alive (a second tap must not register again). */
export const activeStatuses = ['confirmed', 'offered', 'waitlisted'] as const

export type RegisterInput = {
  eventId: number
  slotId?: number | null
  userId: number
  name?: string | null
  phone?: string | null
  occupation?: string | null
  platform?: string | null
  answers?: readonly string[]
  /** The worker agreed to store the personal fields above (required when any is given). */
  consent: boolean
  now: Date
}

export type RegisterResult =
  | { outcome: 'confirmed' | 'waitlisted' | 'already'; registration: Registration }
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

/** Locks an event row; every writer of registrations takes this lock first, so they queue up per event. */
export async function lockEvent(db: Database, eventId: number): Promise<Event | undefined> {
  const [event] = await db.select().from(events).where(eq(events.id, eventId)).for('update')
  return event
}

export type CountMode = 'locked' | 'unlocked'

/**
 * Registers a worker in one transaction that locks the event row (and the slot row) FOR UPDATE,
 * so concurrent taps are counted one after another and capacity is never exceeded. A second tap
 * returns 'already'; a cancelled/declined/expired registration of the same worker comes back to
 * life (one row per worker and event). `mode: 'unlocked'` exists only for the benchmark that
 * shows what happens without the lock.
 */
export async function register(db: Database, input: RegisterInput, mode: CountMode = 'locked'): Promise<RegisterResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction((tx) => registerInTransaction(tx, input, mode))
    } catch (error) {
      // A freshly drawn code collided with another registration's: draw again (1 in ~10^9 per row).
      if (attempt < 5 && isUniqueViolation(error, 'code')) continue
      throw error
    }
  }
}

async function registerInTransaction(tx: Database, input: RegisterInput, mode: CountMode): Promise<RegisterResult> {
  const { now } = input
  const event = mode === 'locked' ? await lockEvent(tx, input.eventId) : (await tx.select().from(events).where(eq(events.id, input.eventId)))[0]
  if (event === undefined || event.status !== 'published' || event.registrationClosed) return { outcome: 'closed' }
  if (event.registrationOpensAt !== null && now < event.registrationOpensAt) return { outcome: 'not_open' }
  if (now >= event.registrationClosesAt) return { outcome: 'closed' }

  const [existing] = await tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.eventId, event.id), eq(registrations.userId, input.userId)))
  if (existing !== undefined && (activeStatuses as readonly string[]).includes(existing.status)) {
    return { outcome: 'already', registration: existing }
  }

  const slotId = input.slotId ?? null
  let capacity = event.capacity
  if (slotId !== null) {
    const query = tx.select().from(eventSlots).where(and(eq(eventSlots.id, slotId), eq(eventSlots.eventId, event.id)))
    const [slot] = mode === 'locked' ? await query.for('update') : await query
    if (slot === undefined) return { outcome: 'closed' }
    capacity = slot.capacity
  } else {
    const [slots] = await tx.select({ n: count() }).from(eventSlots).where(eq(eventSlots.eventId, event.id))
    if ((slots?.n ?? 0) > 0) return { outcome: 'closed' }
  }
  const [taken] = await tx
    .select({ n: count() })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, event.id),
        slotId === null ? undefined : eq(registrations.slotId, slotId),
        inArray(registrations.status, [...seatStatuses]),
      ),
    )
  const status = (taken?.n ?? 0) < capacity ? ('confirmed' as const) : ('waitlisted' as const)
  const personal = input.consent
    ? {
        name: input.name ?? null,
        phone: input.phone ?? null,
        occupation: input.occupation ?? null,
        platform: input.platform ?? null,
        answers: [...(input.answers ?? [])],
        consentAt: now,
      }
    : { name: null, phone: null, occupation: null, platform: null, answers: [...(input.answers ?? [])], consentAt: null }
  const values = {
    slotId,
    status,
    ...personal,
    updatedAt: now,
    confirmedAt: status === 'confirmed' ? now : null,
    waitlistedAt: status === 'waitlisted' ? now : null,
    offerExpiresAt: null,
    cancelledAt: null,
    checkedInAt: null,
    checkedInBy: null,
  }
  const [registration] =
    existing === undefined
      ? await tx
          .insert(registrations)
          .values({ eventId: event.id, userId: input.userId, code: generateCode(), createdAt: now, ...values })
          .returning()
      : await tx.update(registrations).set(values).where(eq(registrations.id, existing.id)).returning()
  if (registration === undefined) throw new Error(`registration of user ${input.userId} for event ${event.id} returned nothing`)
  return { outcome: status, registration }
}

/** How many are ahead in the waitlist (1 = next in line), in the same slot when there are slots. */
export async function waitlistPosition(db: Database, registration: Registration): Promise<number> {
  const [ahead] = await db
    .select({ n: count() })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, registration.eventId),
        registration.slotId === null ? undefined : eq(registrations.slotId, registration.slotId),
        eq(registrations.status, 'waitlisted'),
        sql`(${registrations.waitlistedAt}, ${registrations.id}) < (${(registration.waitlistedAt ?? registration.updatedAt).toISOString()}::timestamptz, ${registration.id})`,
      ),
    )
  return (ahead?.n ?? 0) + 1
}

/**
 * Fills free seats (per slot) from the waitlist in order: each next in line gets an offer that
 * holds the seat until min(now + offerHours, event start), and an urgent notice with 接受/放弃
 * buttons queued in the same transaction. Called after a cancellation, a declined or expired
 * offer, and by the organizer side after a capacity increase. Returns how many were offered.
 */
export async function promoteWaitlisted(db: Database, eventId: number, now: Date, offerHours: number): Promise<number> {
  return db.transaction((tx) => promoteInTransaction(tx, eventId, now, offerHours))
}

async function promoteInTransaction(tx: Database, eventId: number, now: Date, offerHours: number): Promise<number> {
  const event = await lockEvent(tx, eventId)
  // After the start nobody can still come in time; the waitlist simply stays as it is.
  if (event === undefined || event.status !== 'published' || event.startsAt <= now) return 0
  const slots = await tx.select().from(eventSlots).where(eq(eventSlots.eventId, eventId)).orderBy(asc(eventSlots.id)).for('update')
  const buckets = slots.length === 0 ? [{ slotId: null, capacity: event.capacity }] : slots.map((slot) => ({ slotId: slot.id, capacity: slot.capacity }))
  const expires = new Date(Math.min(now.getTime() + offerHours * 3_600_000, event.startsAt.getTime()))
  const offers: Offer[] = []
  for (const bucket of buckets) {
    const inBucket = bucket.slotId === null ? undefined : eq(registrations.slotId, bucket.slotId)
    const [taken] = await tx
      .select({ n: count() })
      .from(registrations)
      .where(and(eq(registrations.eventId, eventId), inBucket, inArray(registrations.status, [...seatStatuses])))
    const free = bucket.capacity - (taken?.n ?? 0)
    if (free <= 0) continue
    const next = await tx
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.eventId, eventId), inBucket, eq(registrations.status, 'waitlisted')))
      .orderBy(asc(registrations.waitlistedAt), asc(registrations.id))
      .limit(free)
      .for('update')
    if (next.length === 0) continue
    const offered = await tx
      .update(registrations)
      .set({ status: 'offered', offerExpiresAt: expires, updatedAt: now })
      .where(inArray(registrations.id, next.map((row) => row.id)))
      .returning()
    offers.push(...offered.map((registration) => ({ registration, slot: slots.find((slot) => slot.id === registration.slotId) })))
  }
  await queueOffers(tx, event, offers, now)
  return offers.length
}

export type OfferAnswer =
  | { outcome: 'confirmed' | 'declined'; registration: Registration; event: Event }
  | { outcome: 'not_found' | 'not_offered' | 'expired' }

/** Loads a registration of this user with its event locked first (the lock order everywhere: event, then registration). */
async function lockOwnRegistration(tx: Database, registrationId: number, userId: number) {
  const [peek] = await tx
    .select({ eventId: registrations.eventId })
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.userId, userId)))
  if (peek === undefined) return undefined
  const event = await lockEvent(tx, peek.eventId)
  const [registration] = await tx.select().from(registrations).where(eq(registrations.id, registrationId)).for('update')
  return event === undefined || registration === undefined ? undefined : { event, registration }
}

/** The worker takes the offered seat (only their own registration, only while the offer lasts). */
export async function acceptOffer(db: Database, input: { registrationId: number; userId: number; now: Date }): Promise<OfferAnswer> {
  return db.transaction(async (tx) => {
    const found = await lockOwnRegistration(tx, input.registrationId, input.userId)
    if (found === undefined) return { outcome: 'not_found' }
    const { event, registration } = found
    if (registration.status !== 'offered') return { outcome: 'not_offered' }
    if (registration.offerExpiresAt !== null && registration.offerExpiresAt <= input.now) return { outcome: 'expired' }
    const [updated] = await tx
      .update(registrations)
      .set({ status: 'confirmed', confirmedAt: input.now, offerExpiresAt: null, updatedAt: input.now })
      .where(eq(registrations.id, registration.id))
      .returning()
    return { outcome: 'confirmed', registration: updated ?? registration, event }
  })
}

/** The worker passes on the offered seat; it goes to the next in line at once. */
export async function declineOffer(
  db: Database,
  input: { registrationId: number; userId: number; now: Date; offerHours: number },
): Promise<OfferAnswer> {
  return db.transaction(async (tx) => {
    const found = await lockOwnRegistration(tx, input.registrationId, input.userId)
    if (found === undefined) return { outcome: 'not_found' }
    const { event, registration } = found
    if (registration.status !== 'offered') return { outcome: 'not_offered' }
    const [updated] = await tx
      .update(registrations)
      .set({ status: 'declined', offerExpiresAt: null, cancelledAt: input.now, updatedAt: input.now })
      .where(eq(registrations.id, registration.id))
      .returning()
    await cancelPendingForRegistration(tx, registration.id)
    await promoteInTransaction(tx, event.id, input.now, input.offerHours)
    return { outcome: 'declined', registration: updated ?? registration, event }
  })
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
 * Ends the offers whose time is up (→ expired, with a non-urgent notice) and offers those seats to
 * the next in line. Each event in its own transaction; returns how many offers expired.
 */
export async function expireOffers(db: Database, now: Date, offerHours: number): Promise<number> {
  const due = await db
    .selectDistinct({ eventId: registrations.eventId })
    .from(registrations)
    .where(and(eq(registrations.status, 'offered'), lte(registrations.offerExpiresAt, now)))
  let expired = 0
  for (const { eventId } of due) {
    expired += await db.transaction(async (tx) => {
      const event = await lockEvent(tx, eventId)
      if (event === undefined) return 0
      const rows = await tx
        .update(registrations)
        .set({ status: 'expired', updatedAt: now })
        .where(and(eq(registrations.eventId, eventId), eq(registrations.status, 'offered'), lte(registrations.offerExpiresAt, now)))
        .returning()
      for (const row of rows) await cancelPendingForRegistration(tx, row.id)
      await queueExpiredNotices(tx, event, rows)
      await promoteInTransaction(tx, eventId, now, offerHours)
      return rows.length
    })
  }
  return expired
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
        .set({ name: null, phone: null, occupation: null, platform: null, answers: [], consentAt: null })
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
