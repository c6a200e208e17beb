import { sql } from 'drizzle-orm'
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core'
import type { InlineKeyboardMarkup, MessageEntity, ReplyKeyboardMarkup } from 'grammy/types'

/** What the sender calls; rendered (in the recipient's language) when the row is queued. */
export type OutboxPayload =
  | {
      method: 'sendMessage'
      text: string
      parseMode?: 'HTML'
      entities?: MessageEntity[]
      /** Inline buttons, or a new main keyboard (a role change gives organizers 🧰 工作台 or takes it away). */
      replyMarkup?: InlineKeyboardMarkup | ReplyKeyboardMarkup
    }
  | {
      method: 'sendPhoto'
      /** A Telegram file_id (photos are never downloaded and re-uploaded). */
      photo: string
      caption?: string
      parseMode?: 'HTML'
      captionEntities?: MessageEntity[]
      replyMarkup?: InlineKeyboardMarkup
    }

/**
 * pending → sending → sent | failed | blocked. expired: its moment passed before it could be sent
 * (a reminder after downtime). cancelled: withdrawn (a cancelled broadcast, a cancelled registration).
 */
export const outboxStatus = pgEnum('outbox_status', ['pending', 'sending', 'sent', 'failed', 'blocked', 'expired', 'cancelled'])
export type OutboxStatus = (typeof outboxStatus.enumValues)[number]

export const broadcastStatus = pgEnum('broadcast_status', ['sending', 'paused', 'cancelled', 'done'])
export type BroadcastStatus = (typeof broadcastStatus.enumValues)[number]

/** Who a broadcast goes to; checked against the organizer's scope when composed. */
export type BroadcastAudience =
  | { type: 'event'; eventId: number; only?: 'confirmed' | 'waitlisted' }
  | { type: 'city'; city: string }
  | { type: 'near_station'; stationId: number; km: number }
  | { type: 'everyone' }

export const broadcasts = pgTable('broadcasts', {
  id: serial().primaryKey(),
  createdBy: bigint({ mode: 'number' }).notNull(),
  audience: jsonb().$type<BroadcastAudience>().notNull(),
  text: text().notNull().default(''),
  entities: jsonb().$type<MessageEntity[]>(),
  photoFileId: text(),
  recipientCount: integer().notNull().default(0),
  status: broadcastStatus().notNull().default('sending'),
  /** The organizer's progress message, edited in place while the broadcast runs. */
  progressChatId: bigint({ mode: 'number' }),
  progressMessageId: bigint({ mode: 'number' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp({ withTimezone: true }),
})

export const outbox = pgTable(
  'outbox',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** The recipient's Telegram id (= their private chat id). */
    userId: bigint({ mode: 'number' }).notNull(),
    kind: text().notNull(),
    payload: jsonb().$type<OutboxPayload>().notNull(),
    notBefore: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Not sent at all after this moment (a reminder whose moment has passed). */
    expiresAt: timestamp({ withTimezone: true }),
    /** Urgent messages (a cancelled event, a waitlist offer) ignore the recipient's quiet hours. */
    urgent: boolean().notNull().default(false),
    status: outboxStatus().notNull().default('pending'),
    attempts: smallint().notNull().default(0),
    lastError: text(),
    telegramMessageId: bigint({ mode: 'number' }),
    /** The same key is never queued twice (e.g. `reminder:day:<registration id>`). */
    dedupeKey: text().unique(),
    broadcastId: integer().references(() => broadcasts.id, { onDelete: 'cascade' }),
    /** The registration a notice is about, so cancelling it withdraws its pending reminders. */
    registrationId: integer(),
    /** The 我有话说 ticket a message is about (answers, status notices), so a reply to it finds the ticket. */
    ticketId: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp({ withTimezone: true }),
    /** The sender instance that claimed it; its heartbeat (a lease `outbox-sender:<id>`) says whether it still runs. */
    claimedBy: text(),
    /**
     * Set right before the request to Telegram goes out. A 'sending' row without it is only claimed
     * (waiting for its slot): if its sender dies it goes back to the queue, since it never left.
     */
    startedAt: timestamp({ withTimezone: true }),
    sentAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    index('outbox_due')
      .on(table.notBefore, table.id)
      .where(sql`status = 'pending'`),
    // The few rows being sent, by sender: what a dead sender left is found without scanning the history.
    index('outbox_sending')
      .on(table.claimedBy)
      .where(sql`status = 'sending'`),
    index('outbox_user_status').on(table.userId, table.status),
    index('outbox_broadcast_status').on(table.broadcastId, table.status),
    index('outbox_registration').on(table.registrationId),
    // A worker's Telegram reply names the message it answers: (chat, message id) finds what that was.
    index('outbox_sent_message')
      .on(table.userId, table.telegramMessageId)
      .where(sql`telegram_message_id is not null`),
  ],
)

/** Workers already told, after replying to a broadcast, how to reach its organizer: they are told once. */
export const broadcastReplyHints = pgTable(
  'broadcast_reply_hints',
  {
    broadcastId: integer()
      .notNull()
      .references(() => broadcasts.id, { onDelete: 'cascade' }),
    userId: bigint({ mode: 'number' }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.broadcastId, table.userId] })],
)

/**
 * Shared sender state, one row: the next free send slot of the global rate and a pause after a
 * 429, so that several instances together keep one rate.
 */
export const outboxPacing = pgTable('outbox_pacing', {
  id: smallint().primaryKey(),
  nextSlotAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  pausedUntil: timestamp({ withTimezone: true }),
})

/** Per-chat pacing: the earliest time the next outbox message may go to this chat. */
export const outboxChats = pgTable('outbox_chats', {
  userId: bigint({ mode: 'number' }).primaryKey(),
  nextAt: timestamp({ withTimezone: true }).notNull(),
})

export type OutboxRow = typeof outbox.$inferSelect
export type NewOutboxRow = typeof outbox.$inferInsert
export type Broadcast = typeof broadcasts.$inferSelect
