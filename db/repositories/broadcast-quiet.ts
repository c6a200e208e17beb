import { and, count, eq } from 'drizzle-orm'
import type { Database } from '../client.js'
import { outbox, users } from '../schema/index.js'
import { inQuietHours, shanghaiMinutes } from './outbox-sender.js'

export type QuietRecipients = {
  /** Rows still waiting because their recipient is in quiet hours now. */
  count: number
  /** When the first of those quiet hours ends, minutes after midnight (Shanghai); undefined when count is 0. */
  endsAt: number | undefined
}

/** How many of a broadcast's pending rows wait for their recipient's quiet hours to end, and until when. */
export async function quietRecipients(db: Database, id: number, now: Date): Promise<QuietRecipients> {
  const minutes = shanghaiMinutes(now)
  const rows = await db
    .select({ end: users.quietEnd, value: count() })
    .from(outbox)
    .innerJoin(users, eq(users.id, outbox.userId))
    .where(and(eq(outbox.broadcastId, id), eq(outbox.status, 'pending'), eq(outbox.urgent, false), inQuietHours(minutes)))
    .groupBy(users.quietEnd)
  let total = 0
  let endsAt: number | undefined
  for (const row of rows) {
    total += row.value
    if (row.end === null) continue
    const wait = (row.end - minutes + 1440) % 1440
    if (endsAt === undefined || wait < (endsAt - minutes + 1440) % 1440) endsAt = row.end
  }
  return { count: total, endsAt: total === 0 ? undefined : endsAt }
}
