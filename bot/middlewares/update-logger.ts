import type { MiddlewareFn } from 'grammy'
import type { Logger } from 'pino'
import type { BaseContext } from '../context.js'

/**
 * Gives each update its own `ctx.logger`: a child of the process's logger with the update's id, so
 * that a line written by a feature can be tied to the update the error boundary reports.
 * Conversations install it too, for the update that resumes them.
 *
 * Not the sender's id: the same update may file an anonymous 我有话说 ticket, and the README
 * promises that no log ties one to a Telegram id.
 */
export const updateLogger =
  (logger: Logger): MiddlewareFn<BaseContext> =>
  (ctx, next) => {
    ctx.logger = logger.child({ update_id: ctx.update.update_id })
    return next()
  }
