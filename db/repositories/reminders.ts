import { and, asc, eq, gt, inArray, isNull, lte, notExists, or, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../client.js'
import {
  activeRegistrationStatuses,
  events,
  eventSlots,
  eventViews,
  outbox,
  registrations,
  seatHoldingStatuses,
  stations,
  users,
  type SeatHoldingStatus,
} from '../schema/index.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** Asia/Shanghai has had no daylight saving since 1991, so its offset is a constant. */
const SHANGHAI_OFFSET = 8 * HOUR

/** The "soon" reminder goes out this long before the start; the day-before one is not sent any more then. */
const SOON_BEFORE_MS = 2 * HOUR

export type ReminderTarget = {
  registrationId: number
  /** 'offered' holders are reminded to accept the seat they were offered. */
  status: SeatHoldingStatus
  code: string
  user: { id: number; locale: string | null; languageCode: string | null }
  event: { id: number; title: string; startsAt: Date; endsAt: Date; address: string; cancelClosesAt: Date }
  slot: { startsAt: Date; endsAt: Date } | null
  station: { name: string; address: string } | null
}

export type ClosingTarget = {
  userId: number
  locale: string | null
  languageCode: string | null
  eventId: number
  title: string
  registrationClosesAt: Date
}

/** When a registration's own part begins: its slot's start, else the event's. */
export const reminderStart = (target: Pick<ReminderTarget, 'event' | 'slot'>): Date => target.slot?.startsAt ?? target.event.startsAt

/** Midnight (as an instant) of the Shanghai calendar day that contains `instant`. */
function shanghaiMidnight(instant: number): number {
  return Math.floor((instant + SHANGHAI_OFFSET) / DAY) * DAY - SHANGHAI_OFFSET
}

/**
 * The day-before reminder of a start is due from `hour`:00 Shanghai time on the previous Shanghai
 * day. That moment never decreases as the start moves later, so "due by now" is the same as "starts
 * before this instant", which keeps the query a plain range on the start time.
 */
function dayReminderStartsBefore(now: Date, hour: number): Date {
  return new Date(shanghaiMidnight(now.getTime() + DAY - hour * HOUR) + DAY)
}

const startExpr: SQL = sql`coalesce(${eventSlots.startsAt}, ${events.startsAt})`
const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`

async function reminderTargets(db: Database, dedupePrefix: string, window: { after: Date; before: Date }, limit: number) {
  const rows = await db
    .select({
      registrationId: registrations.id,
      status: registrations.status,
      code: registrations.code,
      userId: users.id,
      locale: users.locale,
      languageCode: users.languageCode,
      eventId: events.id,
      title: events.title,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      address: events.address,
      cancelClosesAt: events.cancelClosesAt,
      slotStartsAt: eventSlots.startsAt,
      slotEndsAt: eventSlots.endsAt,
      stationName: stations.name,
      stationAddress: stations.address,
    })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .innerJoin(users, eq(users.id, registrations.userId))
    .leftJoin(eventSlots, eq(eventSlots.id, registrations.slotId))
    .leftJoin(stations, eq(stations.id, events.stationId))
    .where(
      and(
        // Who is reminded: those holding a seat (an offered seat too, so they remember to accept it).
        inArray(registrations.status, [...seatHoldingStatuses]),
        eq(events.status, 'published'),
        // A worker who blocked the bot is skipped; once they write again the reminder is still due.
        isNull(users.blockedAt),
        sql`${startExpr} > ${at(window.after)}`,
        sql`${startExpr} < ${at(window.before)}`,
        // Already queued (by an earlier tick or another instance): not fetched again.
        notExists(
          db
            .select({ one: sql`1` })
            .from(outbox)
            .where(eq(outbox.dedupeKey, sql`${dedupePrefix}::text || ${registrations.id}`)),
        ),
      ),
    )
    .orderBy(asc(registrations.id))
    .limit(limit)
  return rows.map((row): ReminderTarget => ({
    registrationId: row.registrationId,
    status: row.status === 'offered' ? 'offered' : 'confirmed',
    code: row.code,
    user: { id: row.userId, locale: row.locale, languageCode: row.languageCode },
    event: {
      id: row.eventId,
      title: row.title,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      address: row.address,
      cancelClosesAt: row.cancelClosesAt,
    },
    slot: row.slotStartsAt === null || row.slotEndsAt === null ? null : { startsAt: row.slotStartsAt, endsAt: row.slotEndsAt },
    station: row.stationName === null ? null : { name: row.stationName, address: row.stationAddress ?? '' },
  }))
}

/**
 * Seat holders of published events whose day-before reminder is due at `now` and not yet queued
 * (dedupe key `reminder:day:<registration id>`). Starts within the next two hours are left out:
 * the "soon" reminder covers them, so a restart does not send two reminders minutes apart.
 */
export function findDueDayReminders(db: Database, now: Date, dayBeforeHour: number, limit = 500): Promise<ReminderTarget[]> {
  return reminderTargets(
    db,
    'reminder:day:',
    { after: new Date(now.getTime() + SOON_BEFORE_MS), before: dayReminderStartsBefore(now, dayBeforeHour) },
    limit,
  )
}

/** Seat holders whose part starts within the next two hours and who have no "soon" reminder queued yet. */
export function findDueSoonReminders(db: Database, now: Date, limit = 500): Promise<ReminderTarget[]> {
  // "Before start + 1 ms" so that a start exactly two hours away counts as due.
  return reminderTargets(db, 'reminder:soon:', { after: now, before: new Date(now.getTime() + SOON_BEFORE_MS + 1) }, limit)
}

/**
 * Workers who opened a published, open event whose registration closes within `withinMs` (and
 * has not closed yet), but hold no active registration for it and were not told yet
 * (dedupe key `closing:<event id>:<user id>`).
 */
export async function findClosingSoonViewers(db: Database, now: Date, withinMs = DAY, limit = 500): Promise<ClosingTarget[]> {
  return db
    .select({
      userId: users.id,
      locale: users.locale,
      languageCode: users.languageCode,
      eventId: events.id,
      title: events.title,
      registrationClosesAt: events.registrationClosesAt,
    })
    .from(eventViews)
    .innerJoin(events, eq(events.id, eventViews.eventId))
    .innerJoin(users, eq(users.id, eventViews.userId))
    .where(
      and(
        eq(events.status, 'published'),
        eq(events.registrationClosed, false),
        gt(events.registrationClosesAt, now),
        lte(events.registrationClosesAt, new Date(now.getTime() + withinMs)),
        or(isNull(events.registrationOpensAt), lte(events.registrationOpensAt, now)),
        isNull(users.blockedAt),
        notExists(
          db
            .select({ one: sql`1` })
            .from(registrations)
            .where(
              and(
                eq(registrations.eventId, eventViews.eventId),
                eq(registrations.userId, eventViews.userId),
                inArray(registrations.status, [...activeRegistrationStatuses]),
              ),
            ),
        ),
        notExists(
          db
            .select({ one: sql`1` })
            .from(outbox)
            .where(eq(outbox.dedupeKey, sql`'closing:' || ${eventViews.eventId} || ':' || ${eventViews.userId}`)),
        ),
      ),
    )
    .orderBy(asc(eventViews.eventId), asc(eventViews.userId))
    .limit(limit)
}
