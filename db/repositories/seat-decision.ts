import { and, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../client.js'
import { preparedStatement } from '../prepared.js'
import { activeRegistrationStatuses, events, eventSlots, registrations, stations, type Event, type Registration } from '../schema/index.js'

export type SeatInput = {
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

/** What a confirmation needs besides the registration, read with it rather than after it. */
export type SeatView = {
  event: Event
  stationName: string | null
  slot: { startsAt: Date; endsAt: Date } | null
  /** Place in the waitlist of the event (or slot), 1 first; 0 when the registration is not waitlisted. */
  waitlistPosition: number
}

/** The database's snake_case name of a column declared in camelCase (the client's `casing: 'snake_case'`). */
const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)

/** The columns of the composite `seat.registration` that register_seat returns, mapped like the table's own. */
const seatRegistration = Object.fromEntries(
  Object.entries(getTableColumns(registrations)).map(([key, column]) => [
    key,
    sql`(seat.registration).${sql.identifier(snakeCase(column.name))}`.mapWith(column),
  ]),
) as { [K in keyof Registration]: SQL<Registration[K]> }

/**
 * Calls register_seat (migration 0010): the event lock and the seat decision in one statement, so
 * the lock is held for that call and its commit, not across round trips to the bot. Returns the
 * written registration with its event, station, slot times and waitlist place, or no row when
 * nothing was written (see registerSeat's callers for why). The event, station and slot are read
 * on this statement's snapshot, taken before the lock was granted: they show the event as it was
 * a moment earlier, while the seat itself was decided on the latest committed state.
 */
export async function registerSeat(db: Database, input: SeatInput, code: string) {
  const at = input.now.toISOString()
  const personal = (value: string | null | undefined) => (input.consent ? (value ?? null) : null)
  return seatStatement(db).execute({
    eventId: input.eventId,
    slotId: input.slotId ?? null,
    userId: input.userId,
    code,
    name: personal(input.name),
    phone: personal(input.phone),
    occupation: personal(input.occupation),
    platform: personal(input.platform),
    answers: [...(input.answers ?? [])],
    consentAt: input.consent ? at : null,
    sensitiveConsentAt: input.consent && input.sensitiveConsent === true ? at : null,
    now: at,
  })
}

// Every 报名 tap of a crowd runs this: prepared once, so building its SQL costs nothing per tap.
const seatStatement = preparedStatement((db) => {
  const p = (name: string) => sql.placeholder(name)
  const call = sql`register_seat(${p('eventId')}::int, ${p('slotId')}::int, ${p('userId')}::bigint, ${p('code')}::text,
    ${p('name')}::text, ${p('phone')}::text, ${p('occupation')}::text, ${p('platform')}::text,
    ${p('answers')}::text[], ${p('consentAt')}::timestamptz, ${p('sensitiveConsentAt')}::timestamptz,
    ${p('now')}::timestamptz) seat`
  return db
    .select({
      registration: seatRegistration,
      waitlistPosition: sql<number>`seat.waitlist_position`.mapWith(Number),
      event: events,
      stationName: stations.name,
      slot: { startsAt: eventSlots.startsAt, endsAt: eventSlots.endsAt },
    })
    .from(call)
    .innerJoin(events, eq(events.id, sql`(seat.registration).event_id`))
    .leftJoin(stations, eq(stations.id, events.stationId))
    .leftJoin(eventSlots, eq(eventSlots.id, sql`(seat.registration).slot_id`))
    .prepare('register_seat')
})

/** One tap of a crowd: no personal fields or answers (those come with a form, one at a time). */
export type QuickSeat = { slotId: number | null; userId: number; code: string; at: Date }

/**
 * register_seat for several workers of one event in one statement and one transaction, in the
 * order given: the first call takes the event lock, the later ones already hold it, and each
 * call's INSERT sees the seats written by the calls before it. A crowd's taps then share one
 * lock wait and one commit instead of queueing one commit each. Returns, per written row, its
 * position in `seats` (0-based) with the same view as registerSeat; a seat whose call wrote
 * nothing has no row.
 */
export async function registerSeats(db: Database, eventId: number, seats: readonly QuickSeat[]) {
  const rows = await seatsStatement(db).execute({
    eventId,
    slotIds: seats.map((seat) => seat.slotId),
    userIds: seats.map((seat) => seat.userId),
    codes: seats.map((seat) => seat.code),
    ats: seats.map((seat) => seat.at.toISOString()),
  })
  return rows.map(({ ordinal, ...seat }) => ({ index: ordinal - 1, seat }))
}

const seatsStatement = preparedStatement((db) => {
  const p = (name: string) => sql.placeholder(name)
  const calls = sql`unnest(${p('slotIds')}::int[], ${p('userIds')}::bigint[], ${p('codes')}::text[], ${p('ats')}::text[])
    with ordinality as tap(slot_id, user_id, code, at, ordinal)
    cross join lateral register_seat(${p('eventId')}::int, tap.slot_id, tap.user_id, tap.code,
      null, null, null, null, '{}'::text[], null, null, tap.at::timestamptz) seat`
  return db
    .select({
      ordinal: sql<number>`tap.ordinal`.mapWith(Number),
      registration: seatRegistration,
      waitlistPosition: sql<number>`seat.waitlist_position`.mapWith(Number),
      event: events,
      stationName: stations.name,
      slot: { startsAt: eventSlots.startsAt, endsAt: eventSlots.endsAt },
    })
    .from(calls)
    .innerJoin(events, eq(events.id, sql`(seat.registration).event_id`))
    .leftJoin(stations, eq(stations.id, events.stationId))
    .leftJoin(eventSlots, eq(eventSlots.id, sql`(seat.registration).slot_id`))
    .prepare('register_seats')
})

/** The worker's live registration for the event with the same view (the rare 'already' answer, read after register_seat wrote nothing). */
export function findLiveSeat(db: Database, eventId: number, userId: number) {
  return db
    .select({
      registration: registrations,
      waitlistPosition: sql<number>`case when ${registrations.status} = 'waitlisted' then 1 + (
          select count(*) from registrations ahead
          where ahead.event_id = ${registrations.eventId}
            and (${registrations.slotId} is null or ahead.slot_id = ${registrations.slotId})
            and ahead.status = 'waitlisted'
            and (ahead.waitlisted_at, ahead.id) < (coalesce(${registrations.waitlistedAt}, ${registrations.updatedAt}), ${registrations.id})
        ) else 0 end`.mapWith(Number),
      event: events,
      stationName: stations.name,
      slot: { startsAt: eventSlots.startsAt, endsAt: eventSlots.endsAt },
    })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .leftJoin(stations, eq(stations.id, events.stationId))
    .leftJoin(eventSlots, eq(eventSlots.id, registrations.slotId))
    .where(
      and(
        eq(registrations.eventId, eventId),
        eq(registrations.userId, userId),
        inArray(registrations.status, [...activeRegistrationStatuses]),
      ),
    )
}
