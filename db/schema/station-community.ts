import { bigint, date, doublePrecision, index, integer, pgEnum, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core'
import { feedbackTickets } from './feedback.js'
import { stations } from './stations.js'
import { users } from './users.js'

/**
 * A merchant (友好商家) of one station: may open or close it today, mark hot water or charging as
 * out, and change its hours, nothing else. Appointed only through a single-use invite link.
 */
export const stationMerchants = pgTable(
  'station_merchants',
  {
    userId: bigint({ mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    stationId: integer()
      .notNull()
      .references(() => stations.id, { onDelete: 'cascade' }),
    createdBy: bigint({ mode: 'number' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.stationId] }), index('station_merchants_station').on(table.stationId)],
)

/** Single-use, expiring `/start mer_<code>` links that make the person who opens one a merchant of a station. */
export const merchantInvites = pgTable('merchant_invites', {
  code: text().primaryKey(),
  stationId: integer()
    .notNull()
    .references(() => stations.id, { onDelete: 'cascade' }),
  createdBy: bigint({ mode: 'number' }).notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  usedBy: bigint({ mode: 'number' }),
  usedAt: timestamp({ withTimezone: true }),
})

export const stationSuggestionStatus = pgEnum('station_suggestion_status', ['pending', 'approved', 'declined'])
export type StationSuggestionStatus = (typeof stationSuggestionStatus.enumValues)[number]

/** A rider's 推荐一个驿站: a place that is not on the map yet, reviewed by organizers. */
export const stationSuggestions = pgTable(
  'station_suggestions',
  {
    id: serial().primaryKey(),
    userId: bigint({ mode: 'number' }).notNull(),
    /** WGS-84, as shared. */
    lat: doublePrecision().notNull(),
    lng: doublePrecision().notNull(),
    /** The nearest city with stations, for routing to its organizers ('' when none is near). */
    city: text().notNull().default(''),
    name: text().notNull(),
    amenities: text()
      .array()
      .notNull()
      .default([] as string[]),
    /** What else the rider said (hours, who runs it). */
    note: text().notNull().default(''),
    photoFileId: text(),
    /** The ticket that gives the suggestion an owner, due time and escalation like 我有话说. */
    ticketId: integer().references(() => feedbackTickets.id, { onDelete: 'set null' }),
    status: stationSuggestionStatus().notNull().default('pending'),
    declineReason: text().notNull().default(''),
    /** The station an approval created (or the existing one it turned out to be). */
    stationId: integer().references(() => stations.id, { onDelete: 'set null' }),
    decidedBy: bigint({ mode: 'number' }),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('station_suggestions_status').on(table.status, table.createdAt), index('station_suggestions_user').on(table.userId)],
)

/**
 * One location search, coarsened to a grid cell of about 500 m, with no user id (the 10-minute
 * circle): where riders look for a station and how far the nearest open one was at that moment.
 * Kept 90 days.
 */
export const searchCells = pgTable(
  'search_cells',
  {
    id: serial().primaryKey(),
    /** Grid row and column (domain/grid.ts); the cell's centre is derived from them. */
    row: integer().notNull(),
    col: integer().notNull(),
    /** The city of the nearest station, for organizers' scopes ('' when none is near). */
    city: text().notNull().default(''),
    /** Metres to the nearest open station; null when none was open within the search radius. */
    nearestOpenMetres: doublePrecision(),
    searchedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('search_cells_searched').on(table.searchedAt), index('search_cells_city').on(table.city, table.searchedAt)],
)

/**
 * The times each station is open in the coming days, from its opening hours, holiday hours and
 * temporary closure: open-now is `opens_at <= now < closes_at`, one indexed lookup.
 */
export const stationOpenIntervals = pgTable(
  'station_open_intervals',
  {
    stationId: integer()
      .notNull()
      .references(() => stations.id, { onDelete: 'cascade' }),
    opensAt: timestamp({ withTimezone: true }).notNull(),
    closesAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.stationId, table.opensAt] }),
    index('station_open_intervals_closes').on(table.stationId, table.closesAt),
  ],
)

/**
 * How far ahead each station's intervals are computed, so a job (and any change) knows which
 * stations to refresh; a station with empty or unreadable hours has a horizon and no intervals.
 */
export const stationOpenHorizon = pgTable('station_open_horizon', {
  stationId: integer()
    .primaryKey()
    .references(() => stations.id, { onDelete: 'cascade' }),
  computedFrom: timestamp({ withTimezone: true }).notNull(),
  computedUntil: timestamp({ withTimezone: true }).notNull(),
  /** The Shanghai day the computation ran, so the job refreshes each station once a day. */
  computedOn: date({ mode: 'string' }).notNull(),
})

export type StationMerchant = typeof stationMerchants.$inferSelect
export type MerchantInvite = typeof merchantInvites.$inferSelect
export type StationSuggestion = typeof stationSuggestions.$inferSelect
export type SearchCell = typeof searchCells.$inferSelect
