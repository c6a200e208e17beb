import { conversations } from '@grammyjs/conversations'
import type { I18n } from '@grammyjs/i18n'
import { Composer, type MiddlewareFn } from 'grammy'
import { conversationStorage } from '../../db/repositories/conversations.js'
import { findUser } from '../../db/repositories/users.js'
import type { BaseContext, BotContext, BotDeps, ConversationContext } from '../context.js'
import { conversationIds } from '../conversations/ids.js'
import { mainKeyboardKeys } from '../ui/main-keyboard.js'
import { updateLogger } from './update-logger.js'

/**
 * The conversations plugin with its state in the database (a restart continues a conversation at
 * the same step), plus the plugins every conversation needs: retries on its own API object, the
 * update's logger, the sender's user row and the locale.
 *
 * A command or a tap on the main keyboard always leaves a running conversation: `/cancel` says
 * so, anything else (say `/nearby` or 📅 活动报名) then runs as usual, so nobody is ever stuck
 * inside a form. Leaving a form that holds typed answers this way is never silent: the person is
 * told which form ended and that its answers were not saved, then the command or button runs.
 */
/**
 * Conversations whose answers are typed by hand and lost when they are left; each has its name in
 * main.ftl as `conversation-form-<id>`. Check-in and quiet hours hold nothing worth warning about.
 */
const formsWithAnswers = [
  conversationIds.createEvent,
  conversationIds.editEvent,
  conversationIds.register,
  conversationIds.newFeedback,
  conversationIds.addToFeedback,
  conversationIds.replyToFeedback,
  conversationIds.feedbackNote,
  conversationIds.composeBroadcast,
  conversationIds.addStation,
  conversationIds.editStation,
  conversationIds.suggestStation,
  conversationIds.declineSuggestion,
  conversationIds.manageClose,
  conversationIds.manageHoliday,
  conversationIds.manageOutage,
  conversationIds.merchantHours,
  conversationIds.otherStationReport,
  conversationIds.dismissReport,
] as const

/** Leaves every running conversation; tells the person about each form whose answers were dropped. */
async function leaveAll(ctx: BotContext, notify: boolean): Promise<string[]> {
  const active = Object.keys(ctx.conversation.active())
  if (active.length === 0) return active
  await ctx.conversation.exitAll()
  if (!notify) return active
  for (const id of active) {
    const form = formsWithAnswers.find((known) => known === id)
    if (form !== undefined) await ctx.reply(ctx.t('conversation-left-form', { form: ctx.t(`conversation-form-${form}`) }))
  }
  return active
}

/** Where a chat's conversation state is stored; undefined for updates without a chat. */
export const conversationKey = (ctx: { chatId?: number | undefined }): string | undefined =>
  ctx.chatId === undefined ? undefined : `chat:${ctx.chatId}`

export function createConversations(
  deps: BotDeps,
  i18n: I18n<BotContext>,
  installApiTransformers: (api: BaseContext['api']) => void,
): Composer<BotContext> {
  const composer = new Composer<BotContext>()
  const loadUser: MiddlewareFn<ConversationContext> = async (ctx, next) => {
    installApiTransformers(ctx.api)
    ctx.user = ctx.from === undefined ? undefined : await findUser(deps.db, ctx.from.id)
    await next()
  }
  const stored = conversationStorage(deps.db)
  // Keyed by chat as `chat:<id>` (the plugin's own key scheme with that prefix, so stored forms
  // carry on); the state that trackUser read with the user row is used instead of a second read.
  const storage = {
    read: async (ctx: BotContext) => {
      const key = conversationKey(ctx)
      if (key === undefined) return undefined
      const prefetched = ctx.conversationPrefetch
      ctx.conversationPrefetch = undefined
      return prefetched?.key === key ? prefetched.state : stored.read(key)
    },
    write: async (ctx: BotContext, state: unknown) => {
      const key = conversationKey(ctx)
      if (key !== undefined) await stored.write(key, state)
    },
    delete: async (ctx: BotContext) => {
      const key = conversationKey(ctx)
      if (key !== undefined) await stored.delete(key)
    },
  }
  composer.use(
    conversations<BotContext, ConversationContext>({
      storage: { type: 'context', version: 1, adapter: storage as never },
      plugins: [updateLogger(deps.logger), loadUser, i18n as unknown as MiddlewareFn<ConversationContext>],
    }),
  )
  composer.on('message:entities:bot_command', async (ctx, next) => {
    const command = ctx.message.text?.split(/[\s@]/)[0]
    const active = await leaveAll(ctx, command !== '/cancel')
    if (command === '/cancel') {
      await ctx.reply(ctx.t(active.length > 0 ? 'conversation-cancelled' : 'conversation-nothing-to-cancel'))
      return
    }
    await next()
  })
  composer.on('message:text', async (ctx, next) => {
    const menu = mainKeyboardKeys.some((key) => ctx.t(key) === ctx.message.text)
    if (menu) await leaveAll(ctx, true)
    await next()
  })
  return composer
}
