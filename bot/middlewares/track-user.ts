import type { MiddlewareFn } from 'grammy'
import { touchUser } from '../../db/repositories/users.js'
import type { BotContext, BotDeps } from '../context.js'
import { assignUnownedTickets } from '../features/feedback/assignment.js'

/**
 * Loads (and records) the sender before any feature runs, so features and locale negotiation can use ctx.user.
 * An ADMIN_IDS admin's message also gives them any 我有话说 tickets filed while nobody could own
 * them (cheap when there are none: one indexed query).
 */
export function trackUser({ db, config, now }: BotDeps): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const from = ctx.from
    const isAdmin = from !== undefined && config.adminIds.has(from.id)
    ctx.user =
      from === undefined || from.is_bot
        ? undefined
        : await touchUser(db, {
            id: from.id,
            languageCode: from.language_code,
            firstName: from.first_name,
            username: from.username,
            isAdmin,
          })
    if (isAdmin && ctx.user !== undefined) await assignUnownedTickets(db, now())
    await next()
  }
}
