import type { UserFromGetMe } from 'grammy/types'
import pino, { type Logger } from 'pino'
import { createBot } from '../../bot/bot.js'
import { parseConfig } from '../../bot/config.js'
import type { FloodGuardOptions } from '../../bot/middlewares/flood-guard.js'
import type { Database } from '../../db/client.js'
import { createFakeTelegram } from './fake-telegram.js'

export const botInfo: UserFromGetMe = {
  id: 42,
  is_bot: true as const,
  first_name: '暖新助手',
  username: 'nuanxin_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
}

/** A bot wired to the given database and a fresh fake Telegram, with its clock under the test's control. */
export function createTestBot(
  db: Database,
  options: { now?: () => Date; env?: Record<string, string>; logger?: Logger; lockChats?: boolean; flood?: FloodGuardOptions } = {},
) {
  const telegram = createFakeTelegram()
  const config = parseConfig({ BOT_TOKEN: '123456:TEST-token-for-the-fake-telegram-xyz', ...options.env })
  const { bot, i18n } = createBot(
    { config, db, logger: options.logger ?? pino({ level: 'silent' }), now: options.now ?? (() => new Date()) },
    {
      token: config.botToken ?? '',
      botInfo,
      fetch: telegram.fetch,
      ...(options.lockChats === undefined ? {} : { lockChats: options.lockChats }),
      ...(options.flood === undefined ? {} : { flood: options.flood }),
    },
  )
  return { bot, i18n, telegram }
}
