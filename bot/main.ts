import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import { run, type RunnerHandle } from '@grammyjs/runner'
import { webhookCallback } from 'grammy'
import pino from 'pino'
import { openDatabase, DataDirLockedError } from '../db/client.js'
import { seedSampleStations } from '../db/seed.js'
import { createBot } from './bot.js'
import { ConfigError, parseConfig, type Config } from './config.js'
import { registerCommands } from './features/start/index.js'

const noTokenScreen = (config: Config) => `
暖新助手 needs a Telegram bot token to run.

  1. In Telegram, talk to @BotFather, send /newbot and follow the steps.
  2. Copy the token it gives you (it looks like 123456789:AAE…).
  3. Start the bot with it:

       BOT_TOKEN=123456789:AAE… npm start

     or put BOT_TOKEN=… in a .env file next to package.json (see .env.example).

Without DATABASE_URL the bot keeps its data in ${config.dataDir}/pglite (embedded PostgreSQL).
`

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env')
  const config = parseConfig(process.env)
  if (config.botToken === undefined) {
    console.log(noTokenScreen(config))
    return
  }
  const logger = pino({ level: config.logLevel })
  const database = await openDatabase(
    config.databaseUrl !== undefined ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
  )
  logger.info({ driver: database.driver }, 'database ready')
  const seeded = await seedSampleStations(database.db)
  if (seeded > 0) logger.info({ stations: seeded }, 'loaded the sample stations into the empty database')

  const { bot, i18n } = createBot({ config, db: database.db, logger, now: () => new Date() }, { token: config.botToken })
  await bot.init()
  await registerCommands(bot.api, i18n)
  logger.info({ username: bot.botInfo.username }, 'bot ready')

  let stop: () => Promise<void>
  if (config.webhookUrl !== undefined) {
    const handle = webhookCallback(bot, 'http', { secretToken: config.webhookSecret })
    const path = new URL(config.webhookUrl).pathname
    const server = createServer((req, res) => {
      if (req.method === 'POST' && req.url === path) return void handle(req, res)
      res.writeHead(404).end()
    })
    await new Promise<void>((resolve) => server.listen(config.port, resolve))
    await bot.api.setWebhook(config.webhookUrl, {
      secret_token: config.webhookSecret,
      allowed_updates: ['message', 'callback_query', 'my_chat_member'],
    })
    logger.info({ url: config.webhookUrl, port: config.port }, 'webhook mode')
    // Closing the server stops new updates and waits for the requests (updates) in flight.
    stop = () => new Promise((resolve) => server.close(() => resolve()))
  } else {
    await bot.api.deleteWebhook()
    const runner: RunnerHandle = run(bot, {
      runner: { fetch: { allowed_updates: ['message', 'callback_query', 'my_chat_member'] } },
    })
    logger.info('long polling')
    // stop() lets the updates in flight finish before it resolves.
    stop = () => runner.stop()
  }

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'stopping: finishing updates in flight')
    await stop()
    await database.close()
    logger.info('stopped')
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown('SIGINT'))
  process.once('SIGTERM', () => void shutdown('SIGTERM'))
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message)
  } else {
    console.error('暖新助手 could not start:', error instanceof Error ? error.message : error)
  }
  process.exit(1)
})
