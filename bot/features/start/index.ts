import { hears, type I18n } from '@grammyjs/i18n'
import { Composer, InlineKeyboard, type Api } from 'grammy'
import { markUserBlocked, setUserLocale } from '../../../db/repositories/users.js'
import type { BotContext, BotDeps } from '../../context.js'
import { escapeHtml } from '../../lib/html.js'
import { isLocale, locales } from '../../i18n.js'
import { mainKeyboard } from '../stations/keyboards.js'

/** `/start` payloads handled by other features: organizer invites, check-in codes, shared events. */
export const deepLinkPrefixes = ['org_', 'ci_', 'ev_'] as const

const languageData = (locale: string) => `lang:${locale}`

export function createStartFeature({ db }: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>()
  const privateChats = composer.chatType('private')

  privateChats.command('start', async (ctx, next) => {
    // Deep links (`/start org_…` invites, `ci_…` check-in QR codes, `ev_…` shared events) belong to
    // the features after this one; an unknown or broken payload just gets the welcome.
    if (deepLinkPrefixes.some((prefix) => ctx.match.startsWith(prefix))) return next()
    return ctx.reply(ctx.t('start-welcome', { name: ctx.from.first_name ? escapeHtml(ctx.from.first_name) : 'none' }), {
      parse_mode: 'HTML',
      reply_markup: mainKeyboard(ctx.t),
    })
  })

  const help = (ctx: BotContext) =>
    ctx.reply(ctx.t('help-text'), { parse_mode: 'HTML', reply_markup: mainKeyboard(ctx.t) })
  privateChats.command('help', help)
  privateChats.filter(hears('keyboard-help'), help)

  privateChats.command('language', (ctx) => {
    const keyboard = new InlineKeyboard()
    keyboard.text('中文', languageData('zh')).text('English', languageData('en'))
    return ctx.reply(ctx.t('language-choose'), { reply_markup: keyboard })
  })

  composer.callbackQuery(/^lang:([a-z]{2})$/, async (ctx) => {
    const locale = ctx.match[1]
    if (!isLocale(locale) || ctx.user === undefined) return ctx.answerCallbackQuery({ text: ctx.t('button-stale') })
    await setUserLocale(db, ctx.user.id, locale)
    ctx.i18n.useLocale(locale)
    await ctx.answerCallbackQuery()
    await ctx.editMessageReplyMarkup().catch(() => undefined)
    await ctx.reply(ctx.t('language-set'), { reply_markup: mainKeyboard(ctx.t) })
  })

  // A private chat's member status changes when the user blocks ("kicked") or restarts the bot.
  composer.on('my_chat_member', async (ctx) => {
    if (ctx.chat.type !== 'private' || ctx.user === undefined) return
    if (ctx.myChatMember.new_chat_member.status === 'kicked') await markUserBlocked(db, ctx.user.id)
  })

  return composer
}

/** The bot's command menu: Chinese by default, English for apps set to English. */
export async function registerCommands(api: Api, i18n: I18n<BotContext>): Promise<void> {
  const names = [
    'start',
    'nearby',
    'events',
    'myevents',
    'feedback',
    'mytickets',
    'settings',
    'mydata',
    'language',
    'help',
    'cancel',
  ] as const
  for (const locale of locales) {
    const commands = names.map((command) => ({ command, description: i18n.t(locale, `command-${command}`) }))
    await api.setMyCommands(commands, locale === 'zh' ? {} : { language_code: locale })
  }
}
