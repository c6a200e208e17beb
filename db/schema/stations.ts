import { getTableColumns, sql, type SQL } from 'drizzle-orm'
import { bigint, boolean, date, doublePrecision, index, integer, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core'

/** The indexed earth point of a latitude/longitude pair; see migration 0000 for why it is a wrapper. */
export const stationEarth = (lat: SQL | number, lng: SQL | number): SQL => sql`public.station_earth(${lat}, ${lng})`

export const stations = pgTable(
  'stations',
  {
    id: serial().primaryKey(),
    externalId: text().notNull().unique(),
    name: text().notNull(),
    kind: text().notNull(),
    address: text().notNull().default(''),
    city: text().notNull().default(''),
    district: text().notNull().default(''),
    /** WGS-84, as Telegram and browsers send it. */
    lat: doublePrecision().notNull(),
    lng: doublePrecision().notNull(),
    amenities: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** OpenStreetMap opening_hours syntax; empty when unknown. */
    openingHours: text().notNull().default(''),
    phone: text().notNull().default(''),
    active: boolean().notNull().default(true),
    /** The day an organizer last confirmed the station's data (✅ 信息已核实, or the import's column). */
    lastVerified: date({ mode: 'string' }),
    /** Temporarily closed until this moment (repairs, a day off); null when not closed. */
    closedUntil: timestamp({ withTimezone: true }),
    /** Why it is temporarily closed, in the organizer's words ("装修，12月10日恢复"); '' when not said. */
    closedReason: text().notNull().default(''),
    /** A Telegram photo file id of the station (never downloaded); null when there is none. */
    photoFileId: text(),
    searchText: text().generatedAlwaysAs(
      (): SQL => sql`${stations.name} || ' ' || ${stations.city} || ' ' || ${stations.district} || ' ' || ${stations.address}`,
    ),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('stations_earth_gist').using('gist', stationEarth(sql`${table.lat}`, sql`${table.lng}`)),
    index('stations_search_trgm').using('gin', sql`${table.searchText} gin_trgm_ops`),
    index('stations_amenities_gin').using('gin', table.amenities),
  ],
)

/** Columns that are bookkeeping or kept for search, never shown or edited. */
export type StationBookkeeping = 'searchText' | 'createdAt' | 'updatedAt'
/** Every column of a station as the bot and the import/export see it: what StationRecord holds. */
export const stationRecordColumns = (() => {
  const { searchText: _s, createdAt: _c, updatedAt: _u, ...columns } = getTableColumns(stations)
  return columns
})()

export type Station = typeof stations.$inferSelect
export type NewStation = typeof stations.$inferInsert

/**
 * Which stations a worker used (asked the way to, or registered for an event at), for broadcasts
 * to "workers who used stations in a city". One row per worker and station, with the latest time.
 */
export const stationUses = pgTable(
  'station_uses',
  {
    userId: bigint({ mode: 'number' }).notNull(),
    stationId: integer()
      .notNull()
      .references(() => stations.id, { onDelete: 'cascade' }),
    usedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.stationId] }), index('station_uses_station').on(table.stationId)],
)
