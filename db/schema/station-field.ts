import { bigint, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, real, serial, text, timestamp } from 'drizzle-orm/pg-core'
import { feedbackTickets } from './feedback.js'
import { stations } from './stations.js'

/**
 * Who changed a station: an organizer or admin in the bot, a merchant (友好商家) of that station,
 * the import CLI, the bot itself acting on riders' reports, or an approved 推荐一个驿站.
 */
export const stationChangeSource = pgEnum('station_change_source', ['organizer', 'merchant', 'import', 'report', 'suggestion', 'system'])
export type StationChangeSource = (typeof stationChangeSource.enumValues)[number]

/** One field's value before and after a change; JSON values as the column holds them. */
export type FieldChange = { from: unknown; to: unknown }

/** The history of every station: who, when, which fields, old → new. Rows are never updated. */
export const stationChanges = pgTable(
  'station_changes',
  {
    id: serial().primaryKey(),
    stationId: integer()
      .notNull()
      .references(() => stations.id, { onDelete: 'cascade' }),
    /** The Telegram user who made the change; null for the import and the bot's own changes. */
    actorId: bigint({ mode: 'number' }),
    source: stationChangeSource().notNull(),
    /** Field name (the schema's camelCase) → old and new value; `{}` never happens. */
    fields: jsonb().$type<Record<string, FieldChange>>().notNull(),
    /** Why, when given (a closure's reason, a report's number, the import file's name). */
    note: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('station_changes_station').on(table.stationId, table.createdAt)],
)

/**
 * Different hours for a date range (Spring Festival): `openingHours` replaces the station's own on
 * those Shanghai days, '' meaning closed all day. Ranges of one station do not overlap.
 */
export const stationHoursExceptions = pgTable(
  'station_hours_exceptions',
  {
    id: serial().primaryKey(),
    stationId: integer()
      .notNull()
      .references(() => stations.id, { onDelete: 'cascade' }),
    startsOn: date({ mode: 'string' }).notNull(),
    /** Inclusive. */
    endsOn: date({ mode: 'string' }).notNull(),
    openingHours: text().notNull().default(''),
    note: text().notNull().default(''),
    createdBy: bigint({ mode: 'number' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('station_hours_exceptions_station').on(table.stationId, table.endsOn)],
)

/**
 * An amenity a station lists but cannot offer right now (热水没了, 充电坏了), set by a merchant or
 * an organizer (confirming riders' reports). While it lasts the station does not match that
 * amenity's filter and its card says so.
 */
export const stationAmenityOutages = pgTable(
  'station_amenity_outages',
  {
    stationId: integer()
      .notNull()
      .references(() => stations.id, { onDelete: 'cascade' }),
    amenity: text().notNull(),
    /** Null: until someone says it is back. */
    until: timestamp({ withTimezone: true }),
    reason: text().notNull().default(''),
    setBy: bigint({ mode: 'number' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.stationId, table.amenity] })],
)

/** What a rider saw at a station (📣 报告情况), or `all_good` (👍 刚来过，一切正常). */
export const stationReportKind = pgEnum('station_report_kind', [
  'closed',
  'no_hot_water',
  'charging_broken',
  'toilet_broken',
  'wrong_location',
  'wrong_hours',
  'gone',
  'other',
  'all_good',
])
export type StationReportKind = (typeof stationReportKind.enumValues)[number]

/** open → confirmed (an organizer set the station's state or data) or dismissed; all_good is never open. */
export const stationReportStatus = pgEnum('station_report_status', ['open', 'confirmed', 'dismissed'])
export type StationReportStatus = (typeof stationReportStatus.enumValues)[number]

export const stationReports = pgTable(
  'station_reports',
  {
    id: serial().primaryKey(),
    stationId: integer()
      .notNull()
      .references(() => stations.id, { onDelete: 'cascade' }),
    userId: bigint({ mode: 'number' }).notNull(),
    kind: stationReportKind().notNull(),
    /** 其它: the rider's words, or a photo's caption; '' otherwise. */
    text: text().notNull().default(''),
    /** A Telegram photo or voice file id (其它), never downloaded. */
    fileId: text(),
    fileKind: text({ enum: ['photo', 'voice'] }),
    /** The ticket that gives the report an owner (null for all_good check-ins). */
    ticketId: integer().references(() => feedbackTickets.id, { onDelete: 'set null' }),
    status: stationReportStatus().notNull().default('open'),
    /** The reporter's weight when reporting (lower after repeated dismissals). */
    weight: real().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedBy: bigint({ mode: 'number' }),
  },
  (table) => [
    index('station_reports_station').on(table.stationId, table.createdAt),
    index('station_reports_user').on(table.userId, table.createdAt),
    index('station_reports_ticket').on(table.ticketId),
  ],
)

export type StationChange = typeof stationChanges.$inferSelect
export type StationHoursException = typeof stationHoursExceptions.$inferSelect
export type StationAmenityOutage = typeof stationAmenityOutages.$inferSelect
export type StationReport = typeof stationReports.$inferSelect
