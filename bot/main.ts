import { existsSync } from 'node:fs'
import { DataDirLockedError } from '../db/client.js'
import { describeFailure } from '../db/migrate.js'
import { startApp, type App } from './app.js'
import { ConfigError, parseConfig } from './config.js'
import { createLogger } from './logger.js'
import { operatorMessages } from './operator-messages.js'

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env')
  const config = parseConfig(process.env)
  const logger = createLogger(config.logLevel)

  // Signals are taken from the first moment: a stop asked for while the database migrates or the
  // bot connects waits for the start to finish and then stops cleanly, instead of killing the
  // process half-way (node's default for SIGTERM) with the data directory still locked.
  let app: App | undefined
  let stopSignal: string | undefined
  const shutdown = async (signal: string) => {
    if (stopSignal !== undefined && app === undefined) return
    stopSignal = signal
    if (app === undefined) return
    const running = app
    app = undefined
    logger.info({ signal }, operatorMessages.stopping)
    try {
      await running.stop()
      logger.info(operatorMessages.stopped)
      process.exit(0)
    } catch (error) {
      logger.error({ err: error }, operatorMessages.stopFailed)
      process.exit(1)
    }
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))

  // Updates failed for good (409: another poller): the app has already stopped gracefully, and
  // exits non-zero so that a supervisor sees it.
  app = await startApp(config, logger, { onStopped: () => process.exit(1) })
  if (app.localUrl !== undefined) console.log(operatorMessages.localModeBanner(app.localUrl))
  if (stopSignal !== undefined) await shutdown(stopSignal)
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(operatorMessages.configError(error))
  else if (error instanceof DataDirLockedError) console.error(operatorMessages.dataDirLocked(error))
  // The whole chain of causes (drizzle's "Failed query" hides the database's own reason), each
  // message up to its first line: a failed query's parameters come after it.
  else console.error(operatorMessages.couldNotStart(describeFailure(error)))
  process.exit(1)
})
