import type { MiddlewareFn } from 'grammy'
import { assignUnownedTickets } from '../../core/ticket-assignment.js'
import { recordUser } from '../../db/repositories/users.js'
import type { BotContext, BotDeps } from '../context.js'
import { ticketNotices } from '../ui/feedback-notices.js'
import { conversationKey } from './conversations.js'

/**
 * Loads (and records) the sender before any feature runs, so features and locale negotiation can use ctx.user.
 * The message that makes an ADMIN_IDS user an admin also gives them any 我有话说 tickets filed while
 * nobody could own them. Only then: once an admin exists, new tickets are routed to someone at once,
 * and tickets left by a demoted owner are handed on by the demotion itself.
 */
export function trackUser({ db, config, now }: BotDeps): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const from = ctx.from
    if (from === undefined || from.is_bot) {
      ctx.user = undefined
      return next()
    }
    const { user, promoted, conversation } = await recordUser(
      db,
      {
        id: from.id,
        languageCode: from.language_code,
        firstName: from.first_name,
        username: from.username,
        isAdmin: config.adminIds.has(from.id),
      },
      conversationKey(ctx),
    )
    ctx.user = user
    ctx.conversationPrefetch = conversation
    if (promoted) await assignUnownedTickets(db, ticketNotices, now())
    await next()
  }
}
