import { and, count, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm'
import type { MessageEntity } from 'grammy/types'
import type { Database } from '../client.js'
import {
  broadcasts,
  outbox,
  users,
  type Broadcast,
  type BroadcastAudience,
  type BroadcastStatus,
  type OutboxPayload,
  type OutboxStatus,
} from '../schema/index.js'
import { resolveAudienceRecipients } from './broadcast-audience.js'
import { enqueueMessages, type OutboxMessage } from './outbox.js'

/** The same content by the same organizer within this window is taken as a double tap on 确认发送. */
const DUPLICATE_WINDOW_MS = 2 * 60_000

export type BroadcastContent = { text: string; entities: MessageEntity[] | null; photoFileId: string | null }

/**
 * What the sender calls for a broadcast: the organizer's own text and formatting, below a one-line
 * `header` saying who sends it. Entity offsets move down by the header's length in UTF-16 code
 * units, which is how Telegram counts them.
 */
export function broadcastPayload(content: BroadcastContent, header = ''): OutboxPayload {
  const prefix = header === '' ? '' : content.text === '' ? header : `${header}\n`
  const shifted = content.entities?.map((entity) => ({ ...entity, offset: entity.offset + prefix.length }))
  const entities = shifted !== undefined && shifted.length > 0 ? shifted : undefined
  const text = prefix + content.text
  if (content.photoFileId !== null) {
    return {
      method: 'sendPhoto',
      photo: content.photoFileId,
      ...(text === '' ? {} : { caption: text }),
      ...(entities === undefined ? {} : { captionEntities: entities }),
    }
  }
  return { method: 'sendMessage', text, ...(entities === undefined ? {} : { entities }) }
}

export type CreateBroadcastResult = { kind: 'created' | 'duplicate'; broadcast: Broadcast } | { kind: 'empty' }

/**
 * Creates a broadcast and queues one outbox row per recipient, all in one transaction. The
 * organizer's user row is locked first, so two confirms racing on two instances run one after the
 * other; the second finds the first's broadcast (same content and audience moments ago) and
 * returns it as a duplicate instead of sending everything twice. 'empty': nobody to send to.
 */
export async function createBroadcast(
  db: Database,
  input: BroadcastContent & {
    createdBy: number
    audience: BroadcastAudience
    now: Date
    /** The line above the message naming who sends it, in each recipient's language. */
    header?: (recipient: { locale: string | null; languageCode: string | null }) => string
  },
): Promise<CreateBroadcastResult> {
  return db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, input.createdBy)).for('update')
    const [duplicate] = await tx
      .select()
      .from(broadcasts)
      .where(
        and(
          eq(broadcasts.createdBy, input.createdBy),
          eq(broadcasts.text, input.text),
          input.photoFileId === null ? isNull(broadcasts.photoFileId) : eq(broadcasts.photoFileId, input.photoFileId),
          sql`${broadcasts.audience} = ${JSON.stringify(input.audience)}::jsonb`,
          gt(broadcasts.createdAt, new Date(input.now.getTime() - DUPLICATE_WINDOW_MS)),
        ),
      )
      .limit(1)
    if (duplicate !== undefined) return { kind: 'duplicate', broadcast: duplicate }
    const recipients = await resolveAudienceRecipients(tx, input.audience)
    if (recipients.length === 0) return { kind: 'empty' }
    const [broadcast] = await tx
      .insert(broadcasts)
      .values({
        createdBy: input.createdBy,
        audience: input.audience,
        text: input.text,
        entities: input.entities,
        photoFileId: input.photoFileId,
        recipientCount: recipients.length,
        status: 'sending',
        createdAt: input.now,
      })
      .returning()
    if (broadcast === undefined) throw new Error('insert of a broadcast returned nothing')
    // One payload per header text (per language), shared by every recipient who reads it.
    const payloads = new Map<string, OutboxPayload>()
    const payloadFor = (recipient: (typeof recipients)[number]) => {
      const header = input.header?.(recipient) ?? ''
      let payload = payloads.get(header)
      if (payload === undefined) payloads.set(header, (payload = broadcastPayload(input, header)))
      return payload
    }
    await enqueueMessages(
      tx,
      recipients.map((recipient) => ({
        userId: recipient.id,
        kind: 'broadcast',
        payload: payloadFor(recipient),
        broadcastId: broadcast.id,
        dedupeKey: `broadcast:${broadcast.id}:${recipient.id}`,
      })),
    )
    return { kind: 'created', broadcast }
  })
}

export type BroadcastCounts = Record<OutboxStatus, number> & { remaining: number }

const emptyCounts = (): BroadcastCounts => ({
  pending: 0,
  sending: 0,
  sent: 0,
  failed: 0,
  blocked: 0,
  expired: 0,
  cancelled: 0,
  remaining: 0,
})

/** Outbox rows per status for each broadcast; remaining = still pending or being sent. */
export async function broadcastCountsMany(db: Database, ids: readonly number[]): Promise<Map<number, BroadcastCounts>> {
  const result = new Map<number, BroadcastCounts>(ids.map((id) => [id, emptyCounts()]))
  if (ids.length === 0) return result
  const rows = await db
    .select({ id: outbox.broadcastId, status: outbox.status, value: count() })
    .from(outbox)
    .where(inArray(outbox.broadcastId, [...ids]))
    .groupBy(outbox.broadcastId, outbox.status)
  for (const row of rows) {
    const counts = row.id === null ? undefined : result.get(row.id)
    if (counts !== undefined) counts[row.status] = row.value
  }
  for (const counts of result.values()) counts.remaining = counts.pending + counts.sending
  return result
}

export async function broadcastCounts(db: Database, id: number): Promise<BroadcastCounts> {
  return (await broadcastCountsMany(db, [id])).get(id) ?? emptyCounts()
}

export async function findBroadcast(db: Database, id: number): Promise<Broadcast | undefined> {
  const [row] = await db.select().from(broadcasts).where(eq(broadcasts.id, id))
  return row
}

/** Moves a broadcast from one of `from` to `to`; false when it was in another status (a double tap). */
export async function setBroadcastStatus(
  db: Database,
  id: number,
  from: readonly BroadcastStatus[],
  to: 'sending' | 'paused',
): Promise<boolean> {
  const rows = await db
    .update(broadcasts)
    .set({ status: to })
    .where(and(eq(broadcasts.id, id), inArray(broadcasts.status, [...from])))
    .returning({ id: broadcasts.id })
  return rows.length > 0
}

/** Cancels a running or paused broadcast and withdraws its unsent rows; false when it had already ended. */
export async function cancelBroadcast(db: Database, id: number, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(broadcasts)
      .set({ status: 'cancelled', finishedAt: now })
      .where(and(eq(broadcasts.id, id), inArray(broadcasts.status, ['sending', 'paused'])))
      .returning({ id: broadcasts.id })
    if (rows.length === 0) return false
    await tx
      .update(outbox)
      .set({ status: 'cancelled' })
      .where(and(eq(outbox.broadcastId, id), eq(outbox.status, 'pending')))
    return true
  })
}

export async function setProgressMessage(db: Database, id: number, chatId: number, messageId: number): Promise<void> {
  await db.update(broadcasts).set({ progressChatId: chatId, progressMessageId: messageId }).where(eq(broadcasts.id, id))
}

/** Broadcasts the progress job watches. */
export async function listRunningBroadcasts(db: Database): Promise<Broadcast[]> {
  return db
    .select()
    .from(broadcasts)
    .where(inArray(broadcasts.status, ['sending', 'paused']))
    .orderBy(broadcasts.id)
}

/**
 * Marks a broadcast done once none of its rows is pending or being sent, and queues `report` in
 * the same transaction. Only the call that actually flips the status gets the row back, so the
 * report is queued once even when two job runs (or two instances) race.
 */
export async function finishBroadcast(
  db: Database,
  id: number,
  now: Date,
  report: (broadcast: Broadcast) => Omit<OutboxMessage, 'dedupeKey'>,
): Promise<Broadcast | undefined> {
  return db.transaction(async (tx) => {
    const [done] = await tx
      .update(broadcasts)
      .set({ status: 'done', finishedAt: now })
      .where(
        and(
          eq(broadcasts.id, id),
          inArray(broadcasts.status, ['sending', 'paused']),
          sql`not exists (select 1 from ${outbox} where ${outbox.broadcastId} = ${broadcasts.id} and ${outbox.status} in ('pending', 'sending'))`,
        ),
      )
      .returning()
    if (done === undefined) return undefined
    await enqueueMessages(tx, [{ ...report(done), dedupeKey: `broadcast-report:${id}` }])
    return done
  })
}

/** The latest broadcasts, newest first: one organizer's, or everyone's when `createdBy` is undefined. */
export async function listBroadcasts(db: Database, options: { createdBy?: number; limit: number }): Promise<Broadcast[]> {
  return db
    .select()
    .from(broadcasts)
    .where(options.createdBy === undefined ? undefined : eq(broadcasts.createdBy, options.createdBy))
    .orderBy(desc(broadcasts.createdAt), desc(broadcasts.id))
    .limit(options.limit)
}
