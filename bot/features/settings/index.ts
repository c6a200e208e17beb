import { createConversation } from '@grammyjs/conversations'
import { Composer, type CallbackQueryContext } from 'grammy'
import { quietHoursOf, setQuietHours, type QuietHours } from '../../../db/repositories/user-settings.js'
import { minutesToClock } from '../../../domain/time.js'
import { onCallback } from '../../callbacks/route.js'
import { settingsCallbacks, settingsStale } from '../../callbacks/settings.js'
import type { BotContext, BotDeps } from '../../context.js'
import { conversationIds } from '../../conversations/ids.js'
import { languageKeyboard } from '../../ui/main-keyboard.js'
import { isNotModified } from '../../ui/telegram-errors.js'
import { createCustomQuietHours } from './conversations.js'
import { settingsKeyboard } from './keyboards.js'
import { quietPresets } from './quiet-hours.js'

function settingsText(ctx: BotContext, current: QuietHours | null): string {
  const status =
    current === null
      ? ctx.t('settings-quiet-none')
      : ctx.t('settings-quiet-current', { start: minutesToClock(current.start), end: minutesToClock(current.end) })
  return [ctx.t('settings-title'), status, ctx.t('settings-quiet-explain'), ctx.t('settings-choose')].join('\n\n')
}

export function createSettingsFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>()
  composer.use(createConversation(createCustomQuietHours(deps), conversationIds.quietHours))
  const privateChats = composer.chatType('private')

  privateChats.command('settings', (ctx) => {
    const current = ctx.user === undefined ? null : quietHoursOf(ctx.user)
    return ctx.reply(settingsText(ctx, current), { parse_mode: 'HTML', reply_markup: settingsKeyboard(ctx.t, current) })
  })

  const stale = (ctx: BotContext) => ctx.answerCallbackQuery({ text: ctx.t('settings-stale') })

  onCallback(composer, settingsCallbacks.language, async (ctx) => {
    if (ctx.user === undefined) return stale(ctx)
    // A button tapped while typing a custom range means the worker changed their mind.
    await ctx.conversation.exit(conversationIds.quietHours)
    await ctx.answerCallbackQuery()
    return ctx.reply(ctx.t('language-choose'), { reply_markup: languageKeyboard() })
  })
  onCallback(composer, settingsCallbacks.custom, async (ctx) => {
    if (ctx.user === undefined) return stale(ctx)
    await ctx.answerCallbackQuery()
    // Another feature's form may still be open (this one included); the worker has moved on from it.
    await ctx.conversation.exitAll()
    return ctx.conversation.enter(conversationIds.quietHours)
  })
  onCallback(composer, settingsCallbacks.off, (ctx) => saveQuietHours(ctx, null))
  onCallback(composer, settingsCallbacks.preset, (ctx, { index }) => {
    const preset = quietPresets[index]
    return preset === undefined ? stale(ctx) : saveQuietHours(ctx, preset)
  })
  // Data of the right shape but no longer meaning anything, or from before the codec (`qh:`).
  composer.callbackQuery(settingsStale, stale)

  async function saveQuietHours(ctx: CallbackQueryContext<BotContext>, hours: QuietHours | null) {
    if (ctx.user === undefined) return stale(ctx)
    await ctx.conversation.exit(conversationIds.quietHours)
    await setQuietHours(deps.db, ctx.user.id, hours)
    await ctx.answerCallbackQuery({
      text:
        hours === null
          ? ctx.t('settings-turned-off')
          : ctx.t('settings-saved-short', { start: minutesToClock(hours.start), end: minutesToClock(hours.end) }),
    })
    const screen = { parse_mode: 'HTML', reply_markup: settingsKeyboard(ctx.t, hours) } as const
    try {
      await ctx.editMessageText(settingsText(ctx, hours), screen)
    } catch (error) {
      // A double tap leaves the text as it is, which Telegram refuses to "edit": nothing to show.
      if (isNotModified(error)) return
      // The old message cannot be edited (deleted, too old): show the new state in a fresh one.
      await ctx.reply(settingsText(ctx, hours), screen)
    }
  }

  return composer
}
