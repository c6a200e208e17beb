import { and, asc, count, eq, inArray, lte, sql } from 'drizzle-orm'
import type { Database } from '../db/client.js'
import { cancelPendingForRegistration } from '../db/repositories/outbox.js'
import { lockEvent, lockOwnRegistration } from '../db/repositories/registration-locks.js'
import {
  eventSlots,
  holdsSeat,
  isActiveRegistration,
  registrations,
  seatHoldingStatuses,
  type Event,
  type EventSlot,
  type Registration,
} from '../db/schema/index.js'

/** A seat offered to the next in line, with its slot when the event has slots. */
export type Offer = { registration: Registration; slot: EventSlot | undefined }

/**
 * The notices the waitlist queues inside its own transaction, rendered by the caller (the bot's UI
 * knows the recipient's language, the buttons and the time format; this module knows the rules).
 */
export type WaitlistNotices = {
  offers: (tx: Database, event: Event, offers: readonly Offer[], now: Date) => Promise<void>
  expired: (tx: Database, event: Event, expired: readonly Registration[]) => Promise<void>
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
export async function promoteWaitlisted(
  db: Database,
  notices: WaitlistNotices,
  eventId: number,
  now: Date,
  offerHours: number,
): Promise<number> {
  return db.transaction((tx) => promoteInTransaction(tx, notices, eventId, now, offerHours))
}

async function promoteInTransaction(
  tx: Database,
  notices: WaitlistNotices,
  eventId: number,
  now: Date,
  offerHours: number,
): Promise<number> {
  const event = await lockEvent(tx, eventId)
  // After the start nobody can still come in time; the waitlist simply stays as it is.
  if (event === undefined || event.status !== 'published' || event.startsAt <= now) return 0
  const slots = await tx.select().from(eventSlots).where(eq(eventSlots.eventId, eventId)).orderBy(asc(eventSlots.id)).for('update')
  const buckets =
    slots.length === 0 ? [{ slotId: null, capacity: event.capacity }] : slots.map((slot) => ({ slotId: slot.id, capacity: slot.capacity }))
  const expires = new Date(Math.min(now.getTime() + offerHours * 3_600_000, event.startsAt.getTime()))
  const offers: Offer[] = []
  for (const bucket of buckets) {
    const inBucket = bucket.slotId === null ? undefined : eq(registrations.slotId, bucket.slotId)
    const [taken] = await tx
      .select({ n: count() })
      .from(registrations)
      .where(and(eq(registrations.eventId, eventId), inBucket, inArray(registrations.status, [...seatHoldingStatuses])))
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
      .where(
        inArray(
          registrations.id,
          next.map((row) => row.id),
        ),
      )
      .returning()
    offers.push(...offered.map((registration) => ({ registration, slot: slots.find((slot) => slot.id === registration.slotId) })))
  }
  await notices.offers(tx, event, offers, now)
  return offers.length
}

export type CancelResult =
  | { kind: 'cancelled'; registration: Registration; event: Event; promoted: number }
  | { kind: 'too-late'; cancelClosesAt: Date }
  | { kind: 'not-found' | 'not-active' }

/**
 * Cancels the worker's own registration before the event's cancel cut-off, withdraws its pending
 * reminders and offers the freed seat to the next in line.
 */
export async function cancelRegistration(
  db: Database,
  notices: WaitlistNotices,
  input: { registrationId: number; userId: number; now: Date; offerHours: number },
): Promise<CancelResult> {
  return db.transaction(async (tx) => {
    const found = await lockOwnRegistration(tx, input.registrationId, input.userId)
    if (found === undefined) return { kind: 'not-found' }
    const { event, registration } = found
    if (!isActiveRegistration(registration.status)) return { kind: 'not-active' }
    if (input.now >= event.cancelClosesAt) return { kind: 'too-late', cancelClosesAt: event.cancelClosesAt }
    const [updated] = await tx
      .update(registrations)
      .set({ status: 'cancelled', cancelledAt: input.now, offerExpiresAt: null, updatedAt: input.now })
      .where(eq(registrations.id, registration.id))
      .returning()
    await cancelPendingForRegistration(tx, registration.id)
    const heldSeat = holdsSeat(registration.status)
    const promoted = heldSeat ? await promoteInTransaction(tx, notices, event.id, input.now, input.offerHours) : 0
    return { kind: 'cancelled', registration: updated ?? registration, event, promoted }
  })
}

export type OfferAnswer =
  { kind: 'confirmed' | 'declined'; registration: Registration; event: Event } | { kind: 'not-found' | 'not-offered' | 'expired' }

/** The worker takes the offered seat (only their own registration, only while the offer lasts). */
export async function acceptOffer(db: Database, input: { registrationId: number; userId: number; now: Date }): Promise<OfferAnswer> {
  return db.transaction(async (tx) => {
    const found = await lockOwnRegistration(tx, input.registrationId, input.userId)
    if (found === undefined) return { kind: 'not-found' }
    const { event, registration } = found
    if (registration.status !== 'offered') return { kind: 'not-offered' }
    if (registration.offerExpiresAt !== null && registration.offerExpiresAt <= input.now) return { kind: 'expired' }
    const [updated] = await tx
      .update(registrations)
      .set({ status: 'confirmed', confirmedAt: input.now, offerExpiresAt: null, updatedAt: input.now })
      .where(eq(registrations.id, registration.id))
      .returning()
    return { kind: 'confirmed', registration: updated ?? registration, event }
  })
}

/** The worker passes on the offered seat; it goes to the next in line at once. */
export async function declineOffer(
  db: Database,
  notices: WaitlistNotices,
  input: { registrationId: number; userId: number; now: Date; offerHours: number },
): Promise<OfferAnswer> {
  return db.transaction(async (tx) => {
    const found = await lockOwnRegistration(tx, input.registrationId, input.userId)
    if (found === undefined) return { kind: 'not-found' }
    const { event, registration } = found
    if (registration.status !== 'offered') return { kind: 'not-offered' }
    const [updated] = await tx
      .update(registrations)
      .set({ status: 'declined', offerExpiresAt: null, cancelledAt: input.now, updatedAt: input.now })
      .where(eq(registrations.id, registration.id))
      .returning()
    await cancelPendingForRegistration(tx, registration.id)
    await promoteInTransaction(tx, notices, event.id, input.now, input.offerHours)
    return { kind: 'declined', registration: updated ?? registration, event }
  })
}

/**
 * Ends the offers whose time is up (→ expired, with a non-urgent notice) and offers those seats to
 * the next in line. Each event in its own transaction; returns how many offers expired.
 */
export async function expireOffers(db: Database, notices: WaitlistNotices, now: Date, offerHours: number): Promise<number> {
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
      await notices.expired(tx, event, rows)
      await promoteInTransaction(tx, notices, eventId, now, offerHours)
      return rows.length
    })
  }
  return expired
}
