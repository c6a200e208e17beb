import { hears } from '@grammyjs/i18n'
import { Composer } from 'grammy'
import { isOrganizer } from '../../../db/repositories/roles.js'
import { markUserBlocked, setUserLocale } from '../../../db/repositories/users.js'
import { onCallback } from '../../callbacks/route.js'
import { uiCallbacks, uiStale } from '../../callbacks/ui.js'
import type { BotContext, BotDeps } from '../../context.js'
import { syncChatMenu } from '../../ui/command-menu.js'
import { escapeHtml } from '../../ui/html.js'
import { languageKeyboard, mainKeyboard } from '../../ui/main-keyboard.js'
import { followUp, removeButtons } from '../../ui/telegram-errors.js'

/** An organizer's chat menu follows their role and language; a failure must not spoil the answer. */
async function refreshMenu(ctx: BotContext): Promise<void> {
  if (ctx.user === undefined) return
  await followUp(ctx.logger, 'chat menu not updated', syncChatMenu(ctx.api, ctx.user))
}

/** `/start` payloads handled by other features: organizer invites, check-in codes, shared events, merchant invites. */
const deepLinkPrefixes = ['org_', 'ci_', 'ev_', 'mer_'] as const

/**
 * The welcome with the main keyboard: riders hear about stations, organizers about their tools.
 * `brokenLink` adds a note that the link they opened did not work (a cut or mistyped deep link).
 */
async function welcome(ctx: BotContext, brokenLink: boolean) {
  if (isOrganizer(ctx.user)) await refreshMenu(ctx)
  const name = ctx.from?.first_name ? escapeHtml(ctx.from.first_name) : 'none'
  const text = ctx.t(isOrganizer(ctx.user) ? 'start-welcome-organizer' : 'start-welcome', { name })
  return ctx.reply(brokenLink ? `${ctx.t('start-link-broken')}\n\n${text}` : text, {
    parse_mode: 'HTML',
    reply_markup: mainKeyboard(ctx.t, ctx.user),
  })
}

export function createStartFeature({ db }: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>()
  const privateChats = composer.chatType('private')

  privateChats.command('start', async (ctx, next) => {
    // Deep links (`/start org_…` invites, `ci_…` check-in QR codes, `ev_…` shared events) belong to
    // the features after this one; one that none of them accepts ends in createStartFallback.
    if (deepLinkPrefixes.some((prefix) => ctx.match.startsWith(prefix))) return next()
    return welcome(ctx, ctx.match.trim() !== '')
  })

  const help = (ctx: BotContext) => {
    const text = isOrganizer(ctx.user) ? `${ctx.t('help-text')}\n\n${ctx.t('help-organizer')}` : ctx.t('help-text')
    return ctx.reply(text, { parse_mode: 'HTML', reply_markup: mainKeyboard(ctx.t, ctx.user) })
  }
  privateChats.command('help', help)
  privateChats.filter(hears('keyboard-help'), help)

  privateChats.command('language', (ctx) => {
    return ctx.reply(ctx.t('language-choose'), { reply_markup: languageKeyboard() })
  })

  onCallback(composer, uiCallbacks.language, async (ctx, { locale }) => {
    if (ctx.user === undefined) return ctx.answerCallbackQuery({ text: ctx.t('button-stale') })
    await setUserLocale(db, ctx.user.id, locale)
    ctx.i18n.useLocale(locale)
    if (isOrganizer(ctx.user)) await followUp(ctx.logger, 'chat menu not updated', syncChatMenu(ctx.api, { ...ctx.user, locale }))
    await ctx.answerCallbackQuery()
    await removeButtons(ctx)
    await ctx.reply(ctx.t('language-set'), { reply_markup: mainKeyboard(ctx.t, ctx.user) })
  })
  // A language that is no longer offered, or `lang:` from before the codec.
  composer.callbackQuery(uiStale, (ctx) => ctx.answerCallbackQuery({ text: ctx.t('button-stale') }))

  // A private chat's member status changes when the user blocks ("kicked") or restarts the bot.
  composer.on('my_chat_member', async (ctx) => {
    if (ctx.chat.type !== 'private' || ctx.user === undefined) return
    if (ctx.myChatMember.new_chat_member.status === 'kicked') await markUserBlocked(db, ctx.user.id)
  })

  return composer
}

/**
 * Placed after every feature that takes `/start` payloads: a deep link none of them accepted
 * (`ev_` with a wrong number, a cut link) gets the welcome with a note that the link did not
 * work, instead of "no such command".
 */
export function createStartFallback(): Composer<BotContext> {
  const composer = new Composer<BotContext>()
  composer.chatType('private').command('start', (ctx) => welcome(ctx, true))
  return composer
}
