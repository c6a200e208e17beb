import { bigint, doublePrecision, pgEnum, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core'

export const userRole = pgEnum('user_role', ['worker', 'organizer', 'admin'])
export type UserRole = (typeof userRole.enumValues)[number]

export const users = pgTable('users', {
  /** The Telegram user id (up to 52 bits, so a JS number holds it). */
  id: bigint({ mode: 'number' }).primaryKey(),
  /** What Telegram reported as the client's language. */
  languageCode: text(),
  /** The language the user picked with /language; null means "follow languageCode". */
  locale: text(),
  /** Telegram's first name and @username, for organizer views (never shown for anonymous feedback). */
  firstName: text().notNull().default(''),
  username: text(),
  role: userRole().notNull().default('worker'),
  firstSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /** Set when Telegram answered 403 (the user blocked the bot); cleared when they write again. */
  blockedAt: timestamp({ withTimezone: true }),
  lastLat: doublePrecision(),
  lastLng: doublePrecision(),
  lastLocatedAt: timestamp({ withTimezone: true }),
  /** Quiet hours in minutes after midnight, Asia/Shanghai (e.g. 1320 → 420 for 22:00–07:00); null = none. */
  quietStart: smallint(),
  quietEnd: smallint(),
})

export type User = typeof users.$inferSelect
