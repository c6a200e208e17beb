import type { MiddlewareFn } from 'grammy'
import { touchUser } from '../../db/repositories/users.js'
import type { BotContext, BotDeps } from '../context.js'

/** Loads (and records) the sender before any feature runs, so features and locale negotiation can use ctx.user. */
export function trackUser({ db, config }: BotDeps): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const from = ctx.from
    ctx.user =
      from === undefined || from.is_bot
        ? undefined
        : await touchUser(db, {
            id: from.id,
            languageCode: from.language_code,
            firstName: from.first_name,
            username: from.username,
            isAdmin: config.adminIds.has(from.id),
          })
    await next()
  }
}
