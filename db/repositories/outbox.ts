import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '../client.js'
import { broadcastReplyHints, outbox, type OutboxPayload } from '../schema/index.js'

export type OutboxMessage = {
  /** The recipient's Telegram id. */
  userId: number
  /** What it is, for logs and reports: reminder-day, reminder-soon, promotion, event-cancelled, broadcast, feedback-answer… */
  kind: string
  payload: OutboxPayload
  /** Not sent before this time (default: at once). */
  notBefore?: Date
  /** Dropped instead of sent late after this time. */
  expiresAt?: Date | null
  /** Ignores the recipient's quiet hours. */
  urgent?: boolean
  /** A message with the same key is never queued twice. */
  dedupeKey?: string
  broadcastId?: number
  registrationId?: number
  /** The 我有话说 ticket it is about: a worker's reply to it is added to that ticket. */
  ticketId?: number
}

/**
 * Queues messages for the outbox sender. Works inside a transaction (pass the transaction), so a
 * notice is queued exactly when the change it announces commits. Messages whose dedupe key is
 * already queued are skipped; returns how many were queued.
 */
export async function enqueueMessages(db: Database, messages: readonly OutboxMessage[]): Promise<number> {
  if (messages.length === 0) return 0
  let queued = 0
  // Large broadcasts are inserted in chunks to stay under the bind-parameter limit.
  for (let start = 0; start < messages.length; start += 1000) {
    const rows = await db
      .insert(outbox)
      .values(
        messages.slice(start, start + 1000).map((message) => ({
          userId: message.userId,
          kind: message.kind,
          payload: message.payload,
          notBefore: message.notBefore ?? sql`now()`,
          expiresAt: message.expiresAt ?? null,
          urgent: message.urgent ?? false,
          dedupeKey: message.dedupeKey ?? null,
          broadcastId: message.broadcastId ?? null,
          registrationId: message.registrationId ?? null,
          ticketId: message.ticketId ?? null,
        })),
      )
      .onConflictDoNothing({ target: outbox.dedupeKey })
      .returning({ id: outbox.id })
    queued += rows.length
  }
  return queued
}

/** Withdraws the pending notices about a registration (it was cancelled); returns how many. */
export async function cancelPendingForRegistration(db: Database, registrationId: number): Promise<number> {
  const rows = await db
    .update(outbox)
    .set({ status: 'cancelled' })
    .where(and(eq(outbox.registrationId, registrationId), eq(outbox.status, 'pending')))
    .returning({ id: outbox.id })
  return rows.length
}

/** Withdraws the pending notices about several registrations at once. */
export async function cancelPendingForRegistrations(db: Database, registrationIds: readonly number[]): Promise<number> {
  if (registrationIds.length === 0) return 0
  const rows = await db
    .update(outbox)
    .set({ status: 'cancelled' })
    .where(and(inArray(outbox.registrationId, [...registrationIds]), eq(outbox.status, 'pending')))
    .returning({ id: outbox.id })
  return rows.length
}

export type SentMessage = { kind: string; ticketId: number | null; broadcastId: number | null }

/**
 * What the bot sent as message `messageId` to `userId`'s private chat through the outbox, if it
 * did: a worker's Telegram reply names the message it answers, and this says what that was.
 */
export async function findSentMessage(db: Database, userId: number, messageId: number): Promise<SentMessage | undefined> {
  const [row] = await db
    .select({ kind: outbox.kind, ticketId: outbox.ticketId, broadcastId: outbox.broadcastId })
    .from(outbox)
    .where(and(eq(outbox.userId, userId), eq(outbox.telegramMessageId, messageId)))
    .limit(1)
  return row
}

/** Records that the worker was told how to reach a broadcast's organizer; false when they already were. */
export async function rememberBroadcastReplyHint(db: Database, broadcastId: number, userId: number): Promise<boolean> {
  const rows = await db
    .insert(broadcastReplyHints)
    .values({ broadcastId, userId })
    .onConflictDoNothing()
    .returning({ userId: broadcastReplyHints.userId })
  return rows.length > 0
}
