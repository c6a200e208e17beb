import { and, asc, desc, eq, gt, inArray, isNotNull, or, sql } from 'drizzle-orm'
import type { Database } from '../client.js'
import { preparedStatement } from '../prepared.js'
import {
  activeRegistrationStatuses,
  events,
  eventSlots,
  eventViews,
  registrations,
  seatHoldingStatuses,
  stations,
  type Event,
  type EventSlot,
  type Registration,
} from '../schema/index.js'

export type Point = { lat: number; lng: number }

/** Seats held (confirmed + offered) per event, as a correlated subquery for listings. */
// The statuses are constants of the schema, so they can be written into the SQL as literals.
const seatStatusList = sql.raw(seatHoldingStatuses.map((status) => `'${status}'`).join(', '))
const takenSeats =
  sql<number>`(select count(*) from ${registrations} r where r.event_id = ${events.id} and r.status in (${seatStatusList}))`.mapWith(Number)

export type ListedEvent = {
  event: Event
  stationName: string | null
  taken: number
  /** Metres from the worker's last location; null when either point is unknown. */
  distance: number | null
}

/**
 * Upcoming published events (not ended), nearest first when the worker's location is known
 * (events without a place last), otherwise by start. Returns one more than `limit` rows' worth
 * of information as `hasMore`.
 */
export async function listUpcomingEvents(
  db: Database,
  options: { now: Date; near?: Point | undefined; offset: number; limit: number },
): Promise<{ events: ListedEvent[]; hasMore: boolean }> {
  const lat = sql`coalesce(${events.lat}, ${stations.lat})`
  const lng = sql`coalesce(${events.lng}, ${stations.lng})`
  const distance =
    options.near === undefined
      ? sql<number | null>`null`
      : sql<
          number | null
        >`public.earth_distance(public.ll_to_earth(${lat}, ${lng}), public.ll_to_earth(${options.near.lat}, ${options.near.lng}))`
  const rows = await db
    .select({ event: events, stationName: stations.name, taken: takenSeats, distance })
    .from(events)
    .leftJoin(stations, eq(stations.id, events.stationId))
    .where(and(eq(events.status, 'published'), gt(events.endsAt, options.now)))
    .orderBy(...(options.near === undefined ? [] : [sql`${distance} asc nulls last`]), asc(events.startsAt), asc(events.id))
    .limit(options.limit + 1)
    .offset(options.offset)
  const listed = rows.map((row) => ({
    ...row,
    distance: row.distance === null ? null : Number(row.distance),
  }))
  return { events: listed.slice(0, options.limit), hasMore: listed.length > options.limit }
}

type SlotWithSeats = EventSlot & { taken: number }

export type EventCard = {
  event: Event
  station: { id: number; name: string; address: string; lat: number; lng: number } | null
  slots: SlotWithSeats[]
  taken: number
}

/** What a 报名 tap needs to decide: the event, and whether it has time slots to choose from. */
export type RegistrableEvent = { event: Event; hasSlots: boolean }

const registrableEvent = preparedStatement((db) =>
  db
    .select({
      event: events,
      hasSlots: sql<boolean>`exists (select 1 from ${eventSlots} where ${eventSlots.eventId} = ${events.id})`,
    })
    .from(events)
    .where(eq(events.id, sql.placeholder('eventId')))
    .prepare('registrable_event'),
)

/**
 * The event of a 报名 tap, in one prepared statement: unlike the card, it counts no seats (the seat
 * is decided by register itself), so a crowd tapping at once sends one light read each.
 */
export async function findRegistrableEvent(db: Database, eventId: number): Promise<RegistrableEvent | undefined> {
  const [row] = await registrableEvent(db).execute({ eventId })
  return row
}

/** An event with its place, its slots and the seats taken (in total and per slot). */
export async function findEventCard(db: Database, eventId: number): Promise<EventCard | undefined> {
  // Three independent reads sent at once: a tap waits for one round trip, not three.
  const [[row], slots, counts] = await Promise.all([
    db
      .select({
        event: events,
        station: { id: stations.id, name: stations.name, address: stations.address, lat: stations.lat, lng: stations.lng },
      })
      .from(events)
      .leftJoin(stations, eq(stations.id, events.stationId))
      .where(eq(events.id, eventId)),
    db.select().from(eventSlots).where(eq(eventSlots.eventId, eventId)).orderBy(asc(eventSlots.startsAt), asc(eventSlots.id)),
    db
      .select({ slotId: registrations.slotId, n: sql<number>`count(*)`.mapWith(Number) })
      .from(registrations)
      .where(and(eq(registrations.eventId, eventId), inArray(registrations.status, ['confirmed', 'offered'])))
      .groupBy(registrations.slotId),
  ])
  if (row === undefined) return undefined
  const takenIn = (slotId: number) => counts.find((c) => c.slotId === slotId)?.n ?? 0
  return {
    event: row.event,
    station: row.station,
    slots: slots.map((slot) => ({ ...slot, taken: takenIn(slot.id) })),
    taken: counts.reduce((sum, c) => sum + c.n, 0),
  }
}

/** Remembers that a worker opened an event's card (the latest time), for "closing soon" notices. */
export async function recordEventView(db: Database, eventId: number, userId: number, now: Date): Promise<void> {
  await db
    .insert(eventViews)
    .values({ eventId, userId, viewedAt: now })
    .onConflictDoUpdate({ target: [eventViews.eventId, eventViews.userId], set: { viewedAt: now } })
}

export type MyRegistration = {
  registration: Registration
  event: Event
  slot: EventSlot | null
  stationName: string | null
}

/** What /myevents lists: a seat held, offered or waited for. */
type LiveRegistration = MyRegistration & { registration: Registration & { status: (typeof activeRegistrationStatuses)[number] } }

/** The worker's live registrations (confirmed, offered, waitlisted): upcoming first, then past ones, newest first. */
export async function listMyRegistrations(db: Database, userId: number, now: Date, limit = 10): Promise<LiveRegistration[]> {
  // Raw fragments get the time as text: postgres.js does not serialize a bare Date parameter.
  const at = now.toISOString()
  const rows = await db
    .select({ registration: registrations, event: events, slot: eventSlots, stationName: stations.name })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .leftJoin(eventSlots, eq(eventSlots.id, registrations.slotId))
    .leftJoin(stations, eq(stations.id, events.stationId))
    .where(and(eq(registrations.userId, userId), inArray(registrations.status, [...activeRegistrationStatuses])))
    .orderBy(
      sql`${events.endsAt} <= ${at}::timestamptz`,
      sql`case when ${events.endsAt} > ${at}::timestamptz then ${events.startsAt} end asc`,
      desc(events.startsAt),
    )
    .limit(limit)
  return rows as LiveRegistration[]
}

/** One registration of this user with its event and slot; undefined when it is someone else's (forged button). */
export async function findOwnRegistration(db: Database, registrationId: number, userId: number): Promise<MyRegistration | undefined> {
  const [row] = await db
    .select({ registration: registrations, event: events, slot: eventSlots, stationName: stations.name })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .leftJoin(eventSlots, eq(eventSlots.id, registrations.slotId))
    .leftJoin(stations, eq(stations.id, events.stationId))
    .where(and(eq(registrations.id, registrationId), eq(registrations.userId, userId)))
  return row
}

/** The worker's registration for an event in any status, if they ever registered. */
export async function findRegistrationFor(db: Database, eventId: number, userId: number): Promise<Registration | undefined> {
  const [row] = await db
    .select()
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.userId, userId)))
  return row
}

export type PersonalRegistrationData = Pick<Registration, 'id' | 'name' | 'phone' | 'occupation' | 'platform' | 'answers'> & {
  eventTitle: string
  questions: string[]
}

/** Every registration of the worker that holds personal data (for /mydata). */
export async function listPersonalData(db: Database, userId: number): Promise<PersonalRegistrationData[]> {
  const rows = await db
    .select({
      id: registrations.id,
      name: registrations.name,
      phone: registrations.phone,
      occupation: registrations.occupation,
      platform: registrations.platform,
      answers: registrations.answers,
      eventTitle: events.title,
      questions: events.questions,
    })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(eq(registrations.userId, userId))
    .orderBy(asc(registrations.id))
  return rows.filter((row) => [row.name, row.phone, row.occupation, row.platform].some((v) => v !== null) || row.answers.length > 0)
}

export type SavedProfile = Pick<Registration, 'name' | 'phone' | 'occupation' | 'platform'>

/**
 * The personal fields the worker gave with consent at their latest registration that has any, to
 * offer them again instead of asking everything anew. /mydata's deletion clears them, so nothing
 * deleted comes back.
 */
export async function findSavedProfile(db: Database, userId: number): Promise<SavedProfile | undefined> {
  const [row] = await db
    .select({
      name: registrations.name,
      phone: registrations.phone,
      occupation: registrations.occupation,
      platform: registrations.platform,
    })
    .from(registrations)
    .where(
      and(
        eq(registrations.userId, userId),
        isNotNull(registrations.consentAt),
        or(
          isNotNull(registrations.name),
          isNotNull(registrations.phone),
          isNotNull(registrations.occupation),
          isNotNull(registrations.platform),
        ),
      ),
    )
    .orderBy(desc(registrations.consentAt), desc(registrations.id))
    .limit(1)
  return row
}
