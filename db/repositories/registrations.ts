import { randomInt } from 'node:crypto'
import { and, count, eq, inArray, isNotNull } from 'drizzle-orm'
import type { Database } from '../client.js'
import { eventSlots, events, registrations, users, type Registration } from '../schema/index.js'
import { listPersonalData } from './event-listing.js'
import { activeStatuses, lockEvent, seatStatuses } from './registration-locks.js'

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
  /** The worker separately agreed to answer the event's sensitive questions. */
  sensitiveConsent?: boolean
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
        sensitiveConsentAt: input.sensitiveConsent === true ? now : null,
      }
    : { name: null, phone: null, occupation: null, platform: null, answers: [...(input.answers ?? [])], consentAt: null, sensitiveConsentAt: null }
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
