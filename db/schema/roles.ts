import { bigint, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core'
import { stations } from './stations.js'
import { userRole, users } from './users.js'

/**
 * What an organizer is responsible for: a city, or one station. An organizer without any scope
 * row is responsible for everything (appointed so on purpose by an admin).
 */
export const organizerScopes = pgTable(
  'organizer_scopes',
  {
    id: serial().primaryKey(),
    userId: bigint({ mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    city: text(),
    stationId: integer().references(() => stations.id, { onDelete: 'cascade' }),
    createdBy: bigint({ mode: 'number' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('organizer_scopes_user').on(table.userId)],
)

/** Every change of a user's role: who changed it, when, and how (invite link, command, ADMIN_IDS). */
export const roleChanges = pgTable(
  'role_changes',
  {
    id: serial().primaryKey(),
    userId: bigint({ mode: 'number' }).notNull(),
    fromRole: userRole(),
    toRole: userRole().notNull(),
    /** Null when the change came from the configuration (ADMIN_IDS). */
    changedBy: bigint({ mode: 'number' }),
    via: text().notNull(),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('role_changes_user').on(table.userId, table.changedAt)],
)

/** Single-use, expiring invite codes for `/start org_<code>` deep links that appoint an organizer. */
export const invites = pgTable('invites', {
  code: text().primaryKey(),
  role: userRole().notNull().default('organizer'),
  city: text(),
  stationId: integer().references(() => stations.id, { onDelete: 'cascade' }),
  createdBy: bigint({ mode: 'number' }).notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  usedBy: bigint({ mode: 'number' }),
  usedAt: timestamp({ withTimezone: true }),
})

export type OrganizerScope = typeof organizerScopes.$inferSelect
export type Invite = typeof invites.$inferSelect
