import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/** State of @grammyjs/conversations, so a restart continues a conversation at the same step. */
export const conversationStates = pgTable('conversation_states', {
  key: text().primaryKey(),
  state: jsonb().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})
