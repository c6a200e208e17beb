import { existsSync } from 'node:fs'
import { DataDirLockedError } from '../db/client.js'
import { startApp } from './app.js'
import { ConfigError, parseConfig } from './config.js'
import { createLogger } from './logger.js'

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env')
  const config = parseConfig(process.env)
  const logger = createLogger(config.logLevel)
  const app = await startApp(config, logger)
  if (app.localUrl !== undefined) {
    console.log(`\n  暖新助手 local mode: open ${app.localUrl} in your browser (no Telegram token needed).\n`)
  }

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'stopping: finishing updates in flight')
    await app.stop()
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
