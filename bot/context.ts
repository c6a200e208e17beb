import type { I18nFlavor } from '@grammyjs/i18n'
import type { Context } from 'grammy'
import type { Logger } from 'pino'
import type { Database } from '../db/client.js'
import type { User } from '../db/schema/index.js'
import type { Config } from './config.js'

export type BotDeps = {
  config: Config
  db: Database
  logger: Logger
  /** The current time; tests pin it to check opening hours at fixed clock times. */
  now: () => Date
}

export type BotContext = Context &
  I18nFlavor & {
    /** The sender as stored in the database; undefined only for updates without a sender. */
    user: User | undefined
  }
