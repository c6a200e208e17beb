import { pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Short-lived claims shared by every instance on one database: "chat:<id>" while an update of that
 * chat is handled, "broadcast-progress:<id>" for the instance that edits a broadcast's progress
 * message. A claim is a row, not a held connection, so waiting for one costs no pooled connection;
 * a holder that dies leaves a row that simply expires.
 */
export const leases = pgTable('leases', {
  key: text().primaryKey(),
  holder: text().notNull(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
})
