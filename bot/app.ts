import { Api } from 'grammy'
import type { Logger } from 'pino'
import { openDatabase, type DatabaseHandle } from '../db/client.js'
import { seedSampleStations } from '../db/seed.js'
import { startScheduler } from '../jobs/scheduler.js'
import { createBot } from './bot.js'
import type { Config, UpdatesMode } from './config.js'
import { createHealth } from './health.js'
import { createI18n } from './i18n.js'
import { LOCAL_ORGANIZER_ID, LOCAL_TOKEN, startLocalMode, type LocalMode } from './local/index.js'
import { seedSampleFieldData } from './local/sample-field.js'
import { withSafeErrors } from './logger.js'
import { operatorMessages } from './operator-messages.js'
import { startOutboxSender } from './outbox/sender.js'
import { registerCommands } from './ui/command-menu.js'
import { startUpdates } from './updates-mode.js'

export type App = {
  mode: 'local' | UpdatesMode
  /** The web chat's address in local mode. */
  localUrl: string | undefined
  local: LocalMode | undefined
  /** The port the webhook server listens on (webhook mode). */
  webhookPort: number | undefined
  database: DatabaseHandle
  /** Stops taking updates, lets the ones in flight finish, then closes everything. */
  stop: () => Promise<void>
}

export type AppOptions = {
  inMemoryDatabase?: boolean
  now?: () => Date
  /** Called when the app stopped by itself (updates failed for good, e.g. 409 Conflict), after a graceful stop. */
  onStopped?: (reason: Error) => void
}

/**
 * The composition root: database (PostgreSQL or PGlite, migrated, sample stations in an empty
 * one), the bot, and how updates arrive (UPDATES_MODE): Telegram long polling, a webhook, none
 * (an instance that only sends and runs jobs), or, with no token, local mode (the built-in Bot
 * API emulator and web chat, reached through grammY's HTTP client).
 */
export async function startApp(initial: Config, givenLogger: Logger, options: AppOptions = {}): Promise<App> {
  let config = initial
  const logger = withSafeErrors(givenLogger)
  const database = await openDatabase(
    config.databaseUrl !== undefined
      ? { databaseUrl: config.databaseUrl }
      : { dataDir: options.inMemoryDatabase === true ? undefined : config.dataDir },
  )
  const closers: (() => Promise<void>)[] = [() => database.close()]
  const health = createHealth(database.db)
  // One stop, however many ask for it (a signal while the app is already stopping itself).
  let closing: Promise<void> | undefined
  const closeAll = () =>
    (closing ??= (async () => {
      health.draining()
      for (const close of closers.reverse()) await close()
    })())
  try {
    logger.info({ driver: database.driver }, operatorMessages.databaseReady)
    const seeded = await seedSampleStations(database.db)
    if (seeded > 0) logger.info({ stations: seeded }, operatorMessages.sampleStationsLoaded)

    let local: LocalMode | undefined
    if (config.botToken === undefined) {
      local = await startLocalMode(config.port, createI18n(), logger, health)
      closers.push(local.stop)
      config = { ...config, telegramApiRoot: local.apiRoot, adminIds: new Set([...config.adminIds, LOCAL_ORGANIZER_ID]) }
    }

    const deps = { config, db: database.db, logger, now: options.now ?? (() => new Date()) }
    // Local mode's sample stations get what the street adds: a closure, riders' reports, a 👍.
    if (seeded > 0 && local !== undefined) await seedSampleFieldData(deps)
    const { bot, i18n } = createBot(deps, { token: config.botToken ?? LOCAL_TOKEN })
    await bot.init()
    await registerCommands(bot.api, i18n)
    logger.info({ username: bot.botInfo.username }, operatorMessages.botReady)

    // The outbox sender gets an API object of its own, without auto-retry: it decides itself what
    // may be retried, so that no row is ever sent twice.
    const senderApi = new Api(config.botToken ?? LOCAL_TOKEN, {
      ...(config.telegramApiRoot === undefined ? {} : { apiRoot: config.telegramApiRoot }),
    })
    // The sender paces real requests to Telegram, so it always follows the wall clock, also when
    // the bot's clock is pinned (the browser tests pin it to check opening hours).
    const sender = startOutboxSender({ db: database.db, api: senderApi, logger, now: () => new Date(), rate: config.outboxRate })
    closers.push(sender.stop)
    const scheduler = startScheduler({ ...deps, api: bot.api })
    closers.push(scheduler.stop)

    const updates = await startUpdates(bot, config, {
      logger,
      health,
      onFailed: (error) => {
        if (closing !== undefined) return
        closeAll().then(
          () => options.onStopped?.(error),
          (closeError: unknown) => {
            logger.error({ err: closeError }, operatorMessages.stopFailed)
            options.onStopped?.(error)
          },
        )
      },
    })
    closers.push(updates.stop)
    if (local !== undefined) logger.info(operatorMessages.localMode)
    const webhookPort = updates.webhookPort

    return {
      mode: local !== undefined ? 'local' : config.updatesMode,
      localUrl: local?.url,
      local,
      webhookPort,
      database,
      stop: closeAll,
    }
  } catch (error) {
    await closeAll()
    throw error
  }
}
