import { and, asc, count, desc, eq, gt, inArray, lte, or, sql } from 'drizzle-orm'
import type { Database } from '../client.js'
import {
  events,
  eventSlots,
  registrations,
  seatHoldingStatuses,
  type Event,
  type EventSlot,
  type NewEvent,
  type OutboxPayload,
  type User,
} from '../schema/index.js'
import { activeRegistrants } from './event-registrants.js'
import { cancelPendingForRegistrations, enqueueMessages } from './outbox.js'
import { isAdmin, listScopes } from './roles.js'

export type EventDraft = Omit<NewEvent, 'id' | 'status' | 'createdAt' | 'updatedAt' | 'publishedAt' | 'cancelledAt'>
export type SlotDraft = { startsAt: Date; endsAt: Date; capacity: number }

/** Creates an event with its slots in one transaction; with slots the capacity is their sum. */
export async function createEvent(
  db: Database,
  draft: EventDraft,
  slots: readonly SlotDraft[],
  options: { publish: boolean; now: Date },
): Promise<Event> {
  return db.transaction(async (tx) => {
    const capacity = slots.length > 0 ? slots.reduce((sum, slot) => sum + slot.capacity, 0) : draft.capacity
    const [event] = await tx
      .insert(events)
      .values({
        ...draft,
        capacity,
        status: options.publish ? 'published' : 'draft',
        publishedAt: options.publish ? options.now : null,
        createdAt: options.now,
        updatedAt: options.now,
      })
      .returning()
    if (event === undefined) throw new Error('insert of an event returned nothing')
    if (slots.length > 0) await tx.insert(eventSlots).values(slots.map((slot) => ({ ...slot, eventId: event.id })))
    return event
  })
}

export async function findEvent(db: Database, id: number): Promise<Event | undefined> {
  const [event] = await db.select().from(events).where(eq(events.id, id))
  return event
}

export async function listSlots(db: Database, eventId: number): Promise<EventSlot[]> {
  return db.select().from(eventSlots).where(eq(eventSlots.eventId, eventId)).orderBy(asc(eventSlots.startsAt))
}

export type EventPatch = Partial<Pick<Event, 'title' | 'description' | 'capacity' | 'startsAt' | 'endsAt' | 'registrationClosesAt'>>
export type UpdateResult =
  | { kind: 'updated'; event: Event; before: Event }
  | { kind: 'not-found' | 'not-editable' | 'has-slots' }
  | { kind: 'below-taken'; taken: number }

/**
 * Edits an event. Lowering the capacity below the seats already held (confirmed + offered) is
 * refused. Moving the start shifts the slots and both deadlines with it, so they keep their
 * distance to the start. When the time changes, `notice` renders a message for every active
 * registrant, queued in the same transaction (dedupe per edit and user).
 */
export async function updateEvent(
  db: Database,
  input: { eventId: number; patch: EventPatch; now: Date; notice?: (user: User, event: Event) => OutboxPayload },
): Promise<UpdateResult> {
  return db.transaction(async (tx): Promise<UpdateResult> => {
    const [before] = await tx.select().from(events).where(eq(events.id, input.eventId)).for('update')
    if (before === undefined) return { kind: 'not-found' }
    if (before.status !== 'draft' && before.status !== 'published') return { kind: 'not-editable' }
    const patch: Partial<Event> = { ...input.patch }
    if (patch.capacity !== undefined && patch.capacity !== before.capacity) {
      const [slot] = await tx.select({ id: eventSlots.id }).from(eventSlots).where(eq(eventSlots.eventId, before.id)).limit(1)
      if (slot !== undefined) return { kind: 'has-slots' }
      const [held] = await tx
        .select({ value: count() })
        .from(registrations)
        .where(and(eq(registrations.eventId, before.id), inArray(registrations.status, [...seatHoldingStatuses])))
      const taken = held?.value ?? 0
      if (patch.capacity < taken) return { kind: 'below-taken', taken }
    }
    const shift = patch.startsAt === undefined ? 0 : patch.startsAt.getTime() - before.startsAt.getTime()
    if (shift !== 0) {
      patch.registrationClosesAt ??= new Date(before.registrationClosesAt.getTime() + shift)
      patch.cancelClosesAt = new Date(before.cancelClosesAt.getTime() + shift)
      await tx
        .update(eventSlots)
        .set({
          startsAt: sql`${eventSlots.startsAt} + make_interval(secs => ${shift / 1000})`,
          endsAt: sql`${eventSlots.endsAt} + make_interval(secs => ${shift / 1000})`,
        })
        .where(eq(eventSlots.eventId, before.id))
    }
    const [event] = await tx
      .update(events)
      .set({ ...patch, updatedAt: input.now })
      .where(eq(events.id, before.id))
      .returning()
    if (event === undefined) return { kind: 'not-found' }
    const timeChanged = event.startsAt.getTime() !== before.startsAt.getTime() || event.endsAt.getTime() !== before.endsAt.getTime()
    if (timeChanged && input.notice !== undefined) {
      const render = input.notice
      const people = await activeRegistrants(tx, event.id)
      await enqueueMessages(
        tx,
        people.map(({ user, registration }) => ({
          userId: user.id,
          kind: 'event-changed',
          payload: render(user, event),
          dedupeKey: `event-changed:${event.id}:${event.updatedAt.getTime()}:${user.id}`,
          registrationId: registration.id,
        })),
      )
    }
    return { kind: 'updated', event, before }
  })
}

/** Publishes a draft; undefined when it is no draft (already published, cancelled…). */
export async function publishEvent(db: Database, eventId: number, now: Date): Promise<Event | undefined> {
  const [event] = await db
    .update(events)
    .set({ status: 'published', publishedAt: now, updatedAt: now })
    .where(and(eq(events.id, eventId), eq(events.status, 'draft')))
    .returning()
  return event
}

/** Closes registration early; undefined when the event is not published or already closed. */
export async function closeRegistration(db: Database, eventId: number, now: Date): Promise<Event | undefined> {
  const [event] = await db
    .update(events)
    .set({ registrationClosed: true, updatedAt: now })
    .where(and(eq(events.id, eventId), eq(events.status, 'published'), eq(events.registrationClosed, false)))
    .returning()
  return event
}

/**
 * Cancels a draft or published event. Every active registrant (confirmed, offered, waitlisted) is
 * told through the outbox as urgent, and their pending reminders are withdrawn, all in one
 * transaction. Undefined when the event was not cancellable (a second tap changes nothing).
 */
export async function cancelEvent(
  db: Database,
  input: { eventId: number; now: Date; notice: (user: User) => OutboxPayload },
): Promise<{ event: Event; notified: number } | undefined> {
  return db.transaction(async (tx) => {
    const [event] = await tx
      .update(events)
      .set({ status: 'cancelled', cancelledAt: input.now, updatedAt: input.now })
      .where(and(eq(events.id, input.eventId), inArray(events.status, ['draft', 'published'])))
      .returning()
    if (event === undefined) return undefined
    const people = await activeRegistrants(tx, event.id)
    await cancelPendingForRegistrations(
      tx,
      people.map(({ registration }) => registration.id),
    )
    const notified = await enqueueMessages(
      tx,
      people.map(({ user }) => ({
        userId: user.id,
        kind: 'event-cancelled',
        payload: input.notice(user),
        urgent: true,
        dedupeKey: `event-cancelled:${event.id}:${user.id}`,
      })),
    )
    return { event, notified }
  })
}

/**
 * The events an organizer may manage: drafts, upcoming (published, not ended) and the most recent
 * past ones. Scoped organizers see the events of their cities and stations (the same rule as canManage).
 */
export async function listManagedEvents(
  db: Database,
  user: Pick<User, 'id' | 'role'>,
  now: Date,
): Promise<{ drafts: Event[]; upcoming: Event[]; recent: Event[] }> {
  const scopes = isAdmin(user) ? [] : await listScopes(db, user.id)
  const cities = scopes.flatMap((scope) => (scope.city === null ? [] : [scope.city]))
  const stationIds = scopes.flatMap((scope) => (scope.stationId === null ? [] : [scope.stationId]))
  const inScope =
    scopes.length === 0
      ? undefined
      : or(
          ...(cities.length > 0 ? [inArray(events.city, cities)] : []),
          ...(stationIds.length > 0 ? [inArray(events.stationId, stationIds)] : []),
        )
  const [drafts, upcoming, recent] = await Promise.all([
    db
      .select()
      .from(events)
      .where(and(inScope, eq(events.status, 'draft')))
      .orderBy(asc(events.startsAt))
      .limit(10),
    db
      .select()
      .from(events)
      .where(and(inScope, eq(events.status, 'published'), gt(events.endsAt, now)))
      .orderBy(asc(events.startsAt))
      .limit(20),
    db
      .select()
      .from(events)
      .where(
        and(inScope, or(inArray(events.status, ['finished', 'cancelled']), and(eq(events.status, 'published'), lte(events.endsAt, now)))),
      )
      .orderBy(desc(events.startsAt))
      .limit(5),
  ])
  return { drafts, upcoming, recent }
}

/** Marks published events whose end has passed as finished; returns how many. */
export async function finishEndedEvents(db: Database, now: Date): Promise<number> {
  const rows = await db
    .update(events)
    .set({ status: 'finished', updatedAt: now })
    .where(and(eq(events.status, 'published'), lte(events.endsAt, now)))
    .returning({ id: events.id })
  return rows.length
}
