import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core'
import { stations } from './stations.js'
import { users } from './users.js'

export const eventKind = pgEnum('event_kind', ['skill_contest', 'health_check', 'meal', 'training', 'lecture', 'market', 'service_day'])
export type EventKind = (typeof eventKind.enumValues)[number]

export const eventStatus = pgEnum('event_status', ['draft', 'published', 'cancelled', 'finished'])
export type EventStatus = (typeof eventStatus.enumValues)[number]

/** Personal fields an event may ask for; nothing is asked unless the event lists it. */
export const eventAskFields = ['name', 'phone', 'occupation', 'platform'] as const
export type EventAskField = (typeof eventAskFields)[number]

export const events = pgTable(
  'events',
  {
    id: serial().primaryKey(),
    kind: eventKind().notNull(),
    title: text().notNull(),
    description: text().notNull().default(''),
    /** Held at a station, or at `address` + coordinates (WGS-84). */
    stationId: integer().references(() => stations.id, { onDelete: 'set null' }),
    address: text().notNull().default(''),
    city: text().notNull().default(''),
    lat: doublePrecision(),
    lng: doublePrecision(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    /** Null: open as soon as the event is published. */
    registrationOpensAt: timestamp({ withTimezone: true }),
    registrationClosesAt: timestamp({ withTimezone: true }).notNull(),
    /** Until when a registrant may cancel in the bot. */
    cancelClosesAt: timestamp({ withTimezone: true }).notNull(),
    /** Total seats; with slots, each slot has its own capacity and this is their sum. */
    capacity: integer().notNull(),
    /** The organizer closed registration early. */
    registrationClosed: boolean().notNull().default(false),
    asks: text()
      .array()
      .$type<EventAskField[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Free-form questions asked at registration, answered in `registrations.answers`. */
    questions: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /**
     * Positions in `questions` of the sensitive ones (health, ID number…): asked only after their own
     * consent (PIPL art. 29) and left out of exports unless the organizer asks for them.
     */
    sensitiveQuestions: integer()
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    status: eventStatus().notNull().default('draft'),
    createdBy: bigint({ mode: 'number' }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
  },
  (table) => [index('events_status_starts').on(table.status, table.startsAt)],
)

/** Time slots of an event (e.g. health checks every 30 minutes), each with its own capacity. */
export const eventSlots = pgTable(
  'event_slots',
  {
    id: serial().primaryKey(),
    eventId: integer()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    capacity: integer().notNull(),
  },
  (table) => [index('event_slots_event').on(table.eventId, table.startsAt)],
)

/**
 * confirmed: has a seat. offered: promoted from the waitlist, holds a seat until `offerExpiresAt`
 * unless they accept or decline. waitlisted: in line, ordered by `waitlistedAt`.
 */
export const registrationStatus = pgEnum('registration_status', ['confirmed', 'offered', 'waitlisted', 'cancelled', 'declined', 'expired'])
export type RegistrationStatus = (typeof registrationStatus.enumValues)[number]

/** Statuses that hold a seat (an offer holds it until it is accepted, declined or expires). */
export const seatHoldingStatuses = ['confirmed', 'offered'] as const satisfies readonly RegistrationStatus[]
export type SeatHoldingStatus = (typeof seatHoldingStatuses)[number]
/**
 * Statuses of a registration that is still alive: it holds or waits for a seat, hears about changes
 * and cancellations, and a second tap must not register again. In this order in the export.
 */
export const activeRegistrationStatuses = ['confirmed', 'offered', 'waitlisted'] as const satisfies readonly RegistrationStatus[]
export type ActiveRegistrationStatus = (typeof activeRegistrationStatuses)[number]

export const holdsSeat = (status: RegistrationStatus): status is SeatHoldingStatus =>
  (seatHoldingStatuses as readonly string[]).includes(status)
export const isActiveRegistration = (status: RegistrationStatus): status is ActiveRegistrationStatus =>
  (activeRegistrationStatuses as readonly string[]).includes(status)

export const registrations = pgTable(
  'registrations',
  {
    id: serial().primaryKey(),
    eventId: integer()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    slotId: integer().references(() => eventSlots.id, { onDelete: 'set null' }),
    userId: bigint({ mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: registrationStatus().notNull(),
    /** Shown at the door (and in the QR code); unique across all events. */
    code: text().notNull().unique(),
    name: text(),
    phone: text(),
    occupation: text(),
    platform: text(),
    answers: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    consentAt: timestamp({ withTimezone: true }),
    /** When the worker separately agreed to answer the event's sensitive questions. */
    sensitiveConsentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp({ withTimezone: true }),
    waitlistedAt: timestamp({ withTimezone: true }),
    offerExpiresAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    checkedInAt: timestamp({ withTimezone: true }),
    checkedInBy: bigint({ mode: 'number' }),
  },
  (table) => [
    unique('registrations_event_user').on(table.eventId, table.userId),
    index('registrations_event_status').on(table.eventId, table.status),
    index('registrations_user').on(table.userId),
  ],
)

/** Who opened an event's card, for the "registration closes soon" notice to those who did not register. */
export const eventViews = pgTable(
  'event_views',
  {
    eventId: integer()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: bigint({ mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    viewedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.eventId, table.userId] })],
)

export type Event = typeof events.$inferSelect
export type NewEvent = typeof events.$inferInsert
export type EventSlot = typeof eventSlots.$inferSelect
export type Registration = typeof registrations.$inferSelect
