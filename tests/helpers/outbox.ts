import type { Database } from '../../db/client.js'
import { broadcasts, outbox, outboxChats, outboxPacing, users } from '../../db/schema/index.js'

/** Empties the outbox, its pacing state and the users, so each sender test starts from nothing. */
export async function clearOutbox(db: Database): Promise<void> {
  await db.delete(outbox)
  await db.delete(broadcasts)
  await db.delete(outboxPacing)
  await db.delete(outboxChats)
  await db.delete(users)
}
