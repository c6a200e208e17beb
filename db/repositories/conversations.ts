import { eq, sql } from 'drizzle-orm'
import type { Database } from '../client.js'
import { preparedStatement } from '../prepared.js'
import { conversationStates } from '../schema/index.js'

// Read for every update of every chat: a prepared statement.
const readState = preparedStatement((db) =>
  db
    .select({ state: conversationStates.state })
    .from(conversationStates)
    .where(eq(conversationStates.key, sql.placeholder('key')))
    .prepare('conversation_state'),
)

/** Storage for @grammyjs/conversations: one row per chat, so a conversation survives a restart. */
export function conversationStorage<S>(db: Database) {
  return {
    async read(key: string): Promise<S | undefined> {
      const [row] = await readState(db).execute({ key })
      return (row?.state ?? undefined) as S | undefined
    },
    async write(key: string, state: S): Promise<void> {
      await db
        .insert(conversationStates)
        .values({ key, state })
        .onConflictDoUpdate({ target: conversationStates.key, set: { state: sql`excluded.state`, updatedAt: sql`now()` } })
    },
    async delete(key: string): Promise<void> {
      await db.delete(conversationStates).where(eq(conversationStates.key, key))
    },
  }
}
