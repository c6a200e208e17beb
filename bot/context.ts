import type { Conversation, ConversationFlavor } from '@grammyjs/conversations'
import type { I18nFlavor } from '@grammyjs/i18n'
import type { Api, Context } from 'grammy'
import type { Logger } from 'pino'
import type { Database } from '../db/client.js'
import type { User } from '../db/schema/index.js'
import type { Config } from './config.js'

export type BotDeps = {
  config: Config
  db: Database
  logger: Logger
  /** The current time; tests pin it to check opening hours at fixed clock times. */
  now: () => Date
}

/** What every handler sees, inside conversations too. */
export type BaseContext = Context &
  I18nFlavor & {
    /** The sender as stored in the database; undefined only for updates without a sender. */
    user: User | undefined
    /** The process's logger with this update's `update_id` on every line. */
    logger: Logger
    /** The chat's conversation state, read with the user row; taken by the conversations storage. */
    conversationPrefetch?: { key: string; state: unknown } | undefined
  }

/** The context of the outside middleware tree. */
export type BotContext = ConversationFlavor<BaseContext>

/** The context inside a conversation (it has no `conversation` controls of its own). */
export type ConversationContext = BaseContext

export type BotConversation = Conversation<BotContext, ConversationContext>

/** For code outside updates (jobs, the outbox sender) that needs the bot's API. */
export type JobDeps = BotDeps & { api: Api }

/**
 * The id of the person who sent the update, for handlers that only run on updates with a sender
 * (messages and button taps in a private chat). Throws rather than acting for a user 0 when the
 * update has none; the error boundary logs it with the update's id.
 */
export function requireUserId(ctx: Pick<Context, 'from' | 'update'>): number {
  const id = ctx.from?.id
  if (id === undefined) throw new Error(`update ${ctx.update.update_id} has no sender`)
  return id
}
