import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm'
import type { Database } from '../client.js'
import { eventSlots, events, registrations, stations, type Event, type Registration } from '../schema/index.js'
import { activeStatuses } from './registration-locks.js'

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

/** What a confirmation needs besides the registration: read in the same statements, not after. */
export type SeatView = {
  event: Event
  stationName: string | null
  slot: { startsAt: Date; endsAt: Date } | null
  /** Place in the waitlist of the event (or slot), 1 first; 0 when the registration is not waitlisted. */
  waitlistPosition: number
}

/** The event row and its station's name, locked FOR UPDATE: every writer of registrations takes this first. */
export const lockEventWithStation = (tx: Database, eventId: number) =>
  tx
    .select({ event: events, stationName: stations.name })
    .from(events)
    .leftJoin(stations, eq(stations.id, events.stationId))
    .where(eq(events.id, eventId))
    .for('update', { of: events })

/**
 * The registration's slot times and its waitlist place, as extra columns of a statement over
 * `registrations` (a RETURNING or a SELECT). The count runs on the statement's snapshot, so in a
 * RETURNING it does not see the row just written, only those ahead of it.
 */
const seatColumns = {
  waitlistPosition: sql<number>`case when ${registrations.status} = 'waitlisted' then 1 + (
      select count(*) from registrations ahead
      where ahead.event_id = ${registrations.eventId}
        and (${registrations.slotId} is null or ahead.slot_id = ${registrations.slotId})
        and ahead.status = 'waitlisted'
        and (ahead.waitlisted_at, ahead.id) < (coalesce(${registrations.waitlistedAt}, ${registrations.updatedAt}), ${registrations.id})
    ) else 0 end`.mapWith(Number),
  slotStartsAt: sql<Date | null>`(select starts_at from event_slots slot where slot.id = ${registrations.slotId})`.mapWith(eventSlots.startsAt),
  slotEndsAt: sql<Date | null>`(select ends_at from event_slots slot where slot.id = ${registrations.slotId})`.mapWith(eventSlots.endsAt),
}

type SeatRow = Registration & { waitlistPosition: number; slotStartsAt: Date | null; slotEndsAt: Date | null }

/** Splits a row with seatColumns into the registration and what the confirmation shows. */
export function splitSeatRow(row: SeatRow, event: Event, stationName: string | null): { registration: Registration } & SeatView {
  const { waitlistPosition, slotStartsAt, slotEndsAt, ...registration } = row
  const slot = slotStartsAt === null || slotEndsAt === null ? null : { startsAt: slotStartsAt, endsAt: slotEndsAt }
  return { registration, event, stationName, slot, waitlistPosition }
}

/**
 * The whole seat decision in one statement: the event (or slot) must take registrations at
 * `now`, the worker must not hold a live registration, and the seat is confirmed while fewer
 * than the capacity are held (confirmed + offered), otherwise waitlisted. A worker's earlier
 * cancelled/declined/expired registration comes back to life with its code (one row per worker
 * and event). Writes nothing when any condition fails.
 *
 * It counts on its own snapshot, so it is exact only when it runs after the event lock was
 * granted, in the same transaction (READ COMMITTED gives each statement a fresh snapshot, which
 * then sees every registration committed by earlier lock holders). It needs nothing from the
 * lock's result, so both can be sent together: the lock is then held for this one statement and
 * the commit, not for a conversation between the database and the bot.
 */
export function decideSeat(tx: Database, input: SeatInput, code: string) {
  const at = sql`${input.now.toISOString()}::timestamptz`
  const slotId = sql`${input.slotId ?? null}::int`
  const consentAt = input.consent ? at : sql`null::timestamptz`
  const personal = (value: string | null | undefined) => sql`${input.consent ? (value ?? null) : null}::text`
  const answers = sql`${sql.param([...(input.answers ?? [])], registrations.answers)}::text[]`
  const sensitiveConsentAt = input.consent && input.sensitiveConsent === true ? at : sql`null::timestamptz`
  const seatFree = sql`(
      select count(*) from registrations held
      where held.event_id = e.id and (s.id is null or held.slot_id = s.id) and held.status in ('confirmed', 'offered')
    ) < coalesce(s.capacity, e.capacity)`
  // Columns in the table's order (drizzle inserts a SELECT into every column).
  const decision = sql`
    select nextval(pg_get_serial_sequence('registrations', 'id')), d.event_id, d.slot_id, ${input.userId}::bigint, d.status, ${code}::text,
      ${personal(input.name)}, ${personal(input.phone)}, ${personal(input.occupation)}, ${personal(input.platform)}, ${answers},
      ${consentAt}, ${sensitiveConsentAt}, ${at}, ${at},
      case when d.status = 'confirmed' then ${at} end, case when d.status = 'waitlisted' then ${at} end,
      null::timestamptz, null::timestamptz, null::timestamptz, null::bigint
    from (
      select e.id as event_id, s.id as slot_id,
        (case when ${seatFree} then 'confirmed' else 'waitlisted' end)::registration_status as status
      from events e
      left join event_slots s on s.id = ${slotId} and s.event_id = e.id
      where e.id = ${input.eventId}
        and e.status = 'published' and not e.registration_closed
        and (e.registration_opens_at is null or e.registration_opens_at <= ${at})
        and ${at} < e.registration_closes_at
        and case when ${slotId} is null then not exists (select 1 from event_slots any_slot where any_slot.event_id = e.id) else s.id is not null end
        and not exists (
          select 1 from registrations mine
          where mine.event_id = e.id and mine.user_id = ${input.userId} and mine.status in ('confirmed', 'offered', 'waitlisted')
        )
    ) d`
  const excluded = (column: string) => sql.raw(`excluded.${column}`)
  return tx
    .insert(registrations)
    .select(decision)
    .onConflictDoUpdate({
      target: [registrations.eventId, registrations.userId],
      set: {
        slotId: excluded('slot_id'),
        status: excluded('status'),
        name: excluded('name'),
        phone: excluded('phone'),
        occupation: excluded('occupation'),
        platform: excluded('platform'),
        answers: excluded('answers'),
        consentAt: excluded('consent_at'),
        sensitiveConsentAt: excluded('sensitive_consent_at'),
        updatedAt: excluded('updated_at'),
        confirmedAt: excluded('confirmed_at'),
        waitlistedAt: excluded('waitlisted_at'),
        offerExpiresAt: null,
        cancelledAt: null,
        checkedInAt: null,
        checkedInBy: null,
      },
    })
    .returning({ ...getTableColumns(registrations), ...seatColumns })
}

/** The worker's live registration for the event, with the same extra columns (the rare "already" answer). */
export const findLiveSeat = (tx: Database, eventId: number, userId: number) =>
  tx
    .select({ ...getTableColumns(registrations), ...seatColumns })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.userId, userId), inArray(registrations.status, [...activeStatuses])))
