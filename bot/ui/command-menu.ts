import type { I18n } from '@grammyjs/i18n'
import type { Api } from 'grammy'
import type { BotCommand } from 'grammy/types'
import { isAdmin, isOrganizer } from '../../db/repositories/roles.js'
import type { User } from '../../db/schema/index.js'
import type { BotContext } from '../context.js'
import { locales, translate, userLocale, type Locale } from '../i18n.js'

/** What every worker sees in the command menu. */
const workerCommands = [
  'start',
  'nearby',
  'events',
  'myevents',
  'feedback',
  'mytickets',
  'said',
  'suggest',
  'settings',
  'mydata',
  'language',
  'help',
  'cancel',
] as const

/** Added to the menu of organizers' own chats. */
const organizerCommands = [
  'organize',
  'stations',
  'addstation',
  'manage',
  'newevent',
  'checkin',
  'broadcast',
  'broadcasts',
  'inbox',
  'feedbackstats',
  'stationstats',
  'suggestions',
  'coverage',
] as const
/** Added to the menu of admins' own chats. */
const adminCommands = ['team', 'invite', 'appoint', 'demote'] as const
/** Added to the menu of a merchant's (友好商家) own chat. */
const merchantCommands = ['mystation'] as const

type Command = (typeof workerCommands | typeof organizerCommands | typeof adminCommands | typeof merchantCommands)[number]

const describe = (locale: Locale, names: readonly Command[]): BotCommand[] =>
  names.map((command) => ({ command, description: translate(locale, `command-${command}`) }))

/** The bot's command menu: Chinese by default, English for apps set to English. */
export async function registerCommands(api: Api, i18n: I18n<BotContext>): Promise<void> {
  for (const locale of locales) {
    const commands = workerCommands.map((command) => ({ command, description: i18n.t(locale, `command-${command}`) }))
    await api.setMyCommands(commands, locale === 'zh' ? {} : { language_code: locale })
  }
}

/**
 * Gives an organizer's or admin's own chat a menu with their commands too (a chat-scoped menu;
 * workers never see them), or removes it again from someone who is a worker now. A merchant's
 * chat (`merchant`, known to the caller) gets /mystation added.
 */
export async function syncChatMenu(api: Api, user: User, options: { merchant?: boolean } = {}): Promise<void> {
  const scope = { type: 'chat' as const, chat_id: user.id }
  const merchant = options.merchant === true ? merchantCommands : []
  if (!isOrganizer(user) && merchant.length === 0) {
    await api.deleteMyCommands({ scope })
    return
  }
  const locale = userLocale(user)
  const roleCommands = isOrganizer(user) ? [...organizerCommands, ...(isAdmin(user) ? adminCommands : [])] : []
  const names = [...workerCommands, ...roleCommands, ...merchant]
  await api.setMyCommands(describe(locale, names), { scope })
}
