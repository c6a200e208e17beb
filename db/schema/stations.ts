import { getTableColumns, sql, type SQL } from 'drizzle-orm'
import { bigint, boolean, date, doublePrecision, index, integer, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core'

/** The indexed earth point of a latitude/longitude pair; see migration 0000 for why it is a wrapper. */
export const stationEarth = (lat: SQL | number, lng: SQL | number): SQL => sql`public.station_earth(${lat}, ${lng})`
/**
 * The lower-cased character pairs of a text, as stored for typed-place search: the text cut in
 * twos from its first character and from its second, so that every adjacent pair is in one of the
 * two cuts (成都市高新区 → 成都 市高 新区 区… and 都市 高新 …). The leftover single characters and
 * empty strings only add entries that no search asks for. Built-in functions only.
 */
const characterPairs = (value: SQL): SQL => {
  const cut = (text: SQL) => sql`regexp_split_to_array(regexp_replace(${text}, '(..)', '\\1' || chr(1), 'g'), chr(1))`
  return sql`${cut(sql`lower(${value})`)} || ${cut(sql`substr(lower(${value}), 2)`)}`
}
const searchable = (table: { name: unknown; city: unknown; district: unknown; address: unknown }): SQL =>
  sql`${table.name} || ' ' || ${table.city} || ' ' || ${table.district} || ' ' || ${table.address}`

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
    searchText: text().generatedAlwaysAs((): SQL => searchable(stations)),
    /** Character pairs of the name and of the whole search text, for the pair indexes (see characterPairs). */
    nameGrams: text()
      .array()
      .generatedAlwaysAs((): SQL => characterPairs(sql`${stations.name}`)),
    searchGrams: text()
      .array()
      .generatedAlwaysAs((): SQL => characterPairs(searchable(stations))),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('stations_earth_gist').using('gist', stationEarth(sql`${table.lat}`, sql`${table.lng}`)),
    // Typed-place search: the character pairs of the name and of the whole text find the stations
    // that contain a typed word (two-character Chinese words included, which trigrams cannot
    // index); trigrams of the name find near misses (typos, a missing character). Plain columns
    // only, the same shapes as the amenities index: PGlite has spun on GIN expression indexes.
    // The pair indexes write straight into the tree (fastupdate off): stations change rarely, and
    // a search never wades through a pending list.
    index('stations_name_grams').using('gin', table.nameGrams).with({ fastupdate: false }),
    index('stations_search_grams').using('gin', table.searchGrams).with({ fastupdate: false }),
    index('stations_name_trgm').using('gin', sql`${table.name} gin_trgm_ops`),
    index('stations_amenities_gin').using('gin', table.amenities),
  ],
)

/** Columns that are bookkeeping or derived for search, never shown or edited. */
export type StationBookkeeping = 'searchText' | 'nameGrams' | 'searchGrams' | 'createdAt' | 'updatedAt'
/** Every column of a station as the bot and the import/export see it: what StationRecord holds. */
export const stationRecordColumns = (() => {
  const { searchText: _s, nameGrams: _n, searchGrams: _g, createdAt: _c, updatedAt: _u, ...columns } = getTableColumns(stations)
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
