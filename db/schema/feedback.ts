import { bigint, boolean, index, integer, pgEnum, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core'
import { events } from './events.js'
import { stations } from './stations.js'

export const feedbackCategory = pgEnum('feedback_category', [
  'need',
  'suggestion',
  'complaint',
  'praise',
  'other',
  /** A rider's 📣 报告情况 about a station (one per report, routed like any ticket). */
  'station_report',
  /** A rider's 推荐一个驿站 (a station that is not on the map yet), for organizers to review. */
  'station_suggestion',
])
export type FeedbackCategory = (typeof feedbackCategory.enumValues)[number]

/** new → in_progress → answered → closed; a worker's "not satisfied" or addition reopens (in_progress). */
export const feedbackStatus = pgEnum('feedback_status', ['new', 'in_progress', 'answered', 'closed'])
export type FeedbackStatus = (typeof feedbackStatus.enumValues)[number]

/** The worker's answer to "may this be shown in 你说我做?": asked (no answer yet, which counts as no), granted, refused. */
export const feedbackConsent = pgEnum('feedback_consent', ['asked', 'granted', 'refused'])
export type FeedbackConsent = (typeof feedbackConsent.enumValues)[number]

export const feedbackRating = pgEnum('feedback_rating', ['satisfied', 'unsatisfied'])
export type FeedbackRating = (typeof feedbackRating.enumValues)[number]

/** One 我有话说 message thread: about a station, an event or a city, always with an owner. */
export const feedbackTickets = pgTable(
  'feedback_tickets',
  {
    id: serial().primaryKey(),
    /** The short public number shown to both sides (e.g. A3F9K); carries nothing about the sender. */
    number: text().notNull().unique(),
    userId: bigint({ mode: 'number' }).notNull(),
    anonymous: boolean().notNull().default(false),
    stationId: integer().references(() => stations.id, { onDelete: 'set null' }),
    eventId: integer().references(() => events.id, { onDelete: 'set null' }),
    city: text().notNull().default(''),
    category: feedbackCategory().notNull(),
    status: feedbackStatus().notNull().default('new'),
    assigneeId: bigint({ mode: 'number' }),
    /** The organizer marked it for the public "you said → we did" list (shown without the sender). */
    public: boolean().notNull().default(false),
    /** Shown in public only once the worker granted it: their words are theirs (null: never asked). */
    publicConsent: feedbackConsent(),
    firstAnsweredAt: timestamp({ withTimezone: true }),
    answeredAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    rating: feedbackRating(),
    escalatedAt: timestamp({ withTimezone: true }),
    /** When the pending step is due: the first answer, then (after it) the resolution. */
    dueAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [
    index('feedback_tickets_user').on(table.userId, table.createdAt),
    index('feedback_tickets_assignee').on(table.assigneeId, table.status),
    index('feedback_tickets_status_due').on(table.status, table.dueAt),
    index('feedback_tickets_station_public').on(table.stationId, table.public),
  ],
)

export const feedbackAuthor = pgEnum('feedback_author', ['worker', 'organizer', 'note', 'system'])
export type FeedbackAuthor = (typeof feedbackAuthor.enumValues)[number]

export const feedbackMessageKind = pgEnum('feedback_message_kind', ['text', 'photo', 'voice'])
export type FeedbackMessageKind = (typeof feedbackMessageKind.enumValues)[number]

/** The history of a ticket; photos and voice are Telegram file ids, never downloaded. */
export const feedbackMessages = pgTable(
  'feedback_messages',
  {
    id: serial().primaryKey(),
    ticketId: integer()
      .notNull()
      .references(() => feedbackTickets.id, { onDelete: 'cascade' }),
    author: feedbackAuthor().notNull(),
    authorId: bigint({ mode: 'number' }),
    kind: feedbackMessageKind().notNull().default('text'),
    text: text().notNull().default(''),
    fileId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [
    index('feedback_messages_ticket').on(table.ticketId, table.id),
    index('feedback_messages_author').on(table.authorId, table.createdAt),
  ],
)

export type FeedbackTicket = typeof feedbackTickets.$inferSelect
export type FeedbackMessage = typeof feedbackMessages.$inferSelect
