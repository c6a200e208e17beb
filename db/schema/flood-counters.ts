import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * How many updates each sender sent in their current flood-guard window, shared by the webhook
 * instances behind one load balancer (one instance alone counts in memory). One row per sender
 * who wrote lately; an expired row is simply restarted by the next update.
 */
export const floodCounters = pgTable('flood_counters', {
  key: text().primaryKey(),
  hits: integer().notNull(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
})
