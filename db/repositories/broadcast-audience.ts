import { and, count, desc, eq, gt, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../client.js'
import {
  activeRegistrationStatuses,
  events,
  registrations,
  seatHoldingStatuses,
  stations,
  stationUses,
  users,
  type ActiveRegistrationStatus,
  type BroadcastAudience,
} from '../schema/index.js'

/** Registration statuses that count as "registered" for the event audiences. */
const ONLY: Record<'all' | 'confirmed' | 'waitlisted', readonly ActiveRegistrationStatus[]> = {
  all: activeRegistrationStatuses,
  confirmed: seatHoldingStatuses,
  waitlisted: ['waitlisted'],
}

/** The condition on `users` that selects an audience (blocked users are excluded by the callers). */
async function audienceCondition(db: Database, audience: BroadcastAudience): Promise<SQL | undefined> {
  switch (audience.type) {
    case 'event':
      return inArray(
        users.id,
        db
          .select({ id: registrations.userId })
          .from(registrations)
          .where(and(eq(registrations.eventId, audience.eventId), inArray(registrations.status, ONLY[audience.only ?? 'all']))),
      )
    case 'city': {
      const cityStations = db.select({ id: stations.id }).from(stations).where(eq(stations.city, audience.city))
      return or(
        inArray(users.id, db.select({ id: stationUses.userId }).from(stationUses).where(inArray(stationUses.stationId, cityStations))),
        inArray(
          users.id,
          db
            .select({ id: registrations.userId })
            .from(registrations)
            .innerJoin(events, eq(events.id, registrations.eventId))
            .where(or(eq(events.city, audience.city), inArray(events.stationId, cityStations))),
        ),
      )
    }
    case 'near_station': {
      const [station] = await db.select({ lat: stations.lat, lng: stations.lng }).from(stations).where(eq(stations.id, audience.stationId))
      if (station === undefined) return sql`false`
      return and(
        isNotNull(users.lastLat),
        isNotNull(users.lastLng),
        sql`public.earth_distance(public.station_earth(${users.lastLat}, ${users.lastLng}), public.station_earth(${station.lat}::float8, ${station.lng}::float8)) <= ${audience.km * 1000}::float8`,
      )
    }
    case 'everyone':
      return undefined
  }
}

/** The Telegram ids of everyone an audience reaches now, without users who blocked the bot. */
export async function resolveAudience(db: Database, audience: BroadcastAudience): Promise<number[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(isNull(users.blockedAt), await audienceCondition(db, audience)))
    .orderBy(users.id)
  return rows.map((row) => row.id)
}

/** The recipients with what their language is chosen from (the header of a broadcast is in theirs). */
export async function resolveAudienceRecipients(
  db: Database,
  audience: BroadcastAudience,
): Promise<{ id: number; locale: string | null; languageCode: string | null }[]> {
  return db
    .select({ id: users.id, locale: users.locale, languageCode: users.languageCode })
    .from(users)
    .where(and(isNull(users.blockedAt), await audienceCondition(db, audience)))
    .orderBy(users.id)
}

export async function countAudience(db: Database, audience: BroadcastAudience): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(users)
    .where(and(isNull(users.blockedAt), await audienceCondition(db, audience)))
  return row?.value ?? 0
}

/** The names an audience is described with (the event's title, the station's name). */
export async function audienceNames(db: Database, audience: BroadcastAudience): Promise<{ eventTitle?: string; stationName?: string }> {
  if (audience.type === 'event') {
    const [event] = await db.select({ title: events.title }).from(events).where(eq(events.id, audience.eventId))
    return event === undefined ? {} : { eventTitle: event.title }
  }
  if (audience.type === 'near_station') {
    const [station] = await db.select({ name: stations.name }).from(stations).where(eq(stations.id, audience.stationId))
    return station === undefined ? {} : { stationName: station.name }
  }
  return {}
}

export type EventChoice = { id: number; title: string; startsAt: Date; city: string; stationId: number | null }

/** Events an organizer may write to the registrants of: not drafts, ending after `since`, soonest first. */
export async function listEventChoices(db: Database, since: Date, limit: number): Promise<EventChoice[]> {
  return db
    .select({ id: events.id, title: events.title, startsAt: events.startsAt, city: events.city, stationId: events.stationId })
    .from(events)
    .where(and(ne(events.status, 'draft'), gt(events.endsAt, since)))
    .orderBy(events.startsAt, events.id)
    .limit(limit)
}

/** Cities that have stations, those with most stations first. */
export async function listStationCities(db: Database): Promise<string[]> {
  const rows = await db
    .select({ city: stations.city, value: count() })
    .from(stations)
    .where(ne(stations.city, ''))
    .groupBy(stations.city)
    .orderBy(desc(count()), stations.city)
  return rows.map((row) => row.city)
}

/** Where an event takes place, for the organizer's scope check. */
export async function eventPlace(db: Database, eventId: number): Promise<{ city: string; stationId: number | null } | undefined> {
  const [event] = await db.select({ city: events.city, stationId: events.stationId }).from(events).where(eq(events.id, eventId))
  return event
}
