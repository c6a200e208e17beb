import type { MiddlewareFn } from 'grammy'
import type { BotContext } from '../context.js'

/**
 * The bot is personal (locations, registrations), so in groups it only answers a command aimed at
 * it, with a pointer to the private chat, and stays silent otherwise.
 */
export const privateChatsOnly: MiddlewareFn<BotContext> = async (ctx, next) => {
  const chat = ctx.chat
  if (chat === undefined || chat.type === 'private') return next()
  if (ctx.callbackQuery !== undefined) {
    await ctx.answerCallbackQuery({ text: ctx.t('group-use-private'), show_alert: true })
    return
  }
  if (ctx.message?.text?.startsWith('/') === true && chat.type !== 'channel') {
    await ctx.reply(ctx.t('group-use-private'), { reply_parameters: { message_id: ctx.message.message_id } })
  }
}
