import { createServer } from 'node:http'
import { run } from '@grammyjs/runner'
import { GrammyError, webhookCallback, type Bot } from 'grammy'
import type { Logger } from 'pino'
import type { Config } from './config.js'
import type { BotContext } from './context.js'
import { serveHealth, type Health } from './health.js'
import { operatorMessages } from './operator-messages.js'

const allowedUpdates = ['message', 'callback_query', 'my_chat_member'] as const

export type Updates = {
  /** The port the webhook server listens on (webhook mode). */
  webhookPort: number | undefined
  /** Stops taking updates; resolves once the updates in flight are handled. */
  stop: () => Promise<void>
}

/**
 * Starts taking updates the way UPDATES_MODE says. `none` touches neither the webhook nor
 * getUpdates: such an instance only sends the outbox and runs the jobs, so it can sit next to
 * webhook instances (whose webhook a poller would delete) or next to the one poller (a second
 * poller gets 409 Conflict). `onFailed` is called when updates stop coming for good, which is
 * what a 409 means: the app then stops gracefully instead of crashing on an unhandled rejection.
 */
export async function startUpdates(
  bot: Bot<BotContext>,
  config: Config,
  deps: { logger: Logger; health: Health; onFailed: (error: Error) => void },
): Promise<Updates> {
  const { logger } = deps
  if (config.updatesMode === 'none') {
    logger.info(operatorMessages.noUpdates)
    return { webhookPort: undefined, stop: async () => {} }
  }
  if (config.updatesMode === 'webhook' && config.webhookUrl !== undefined) {
    const handle = webhookCallback(bot, 'http', { secretToken: config.webhookSecret })
    const path = new URL(config.webhookUrl).pathname
    const server = createServer((req, res) => {
      if (req.method === 'POST' && req.url === path) return void handle(req, res)
      if (serveHealth(deps.health, req, res)) return
      res.writeHead(404).end()
    })
    await new Promise<void>((resolve) => server.listen(config.port, resolve))
    const address = server.address()
    const webhookPort = typeof address === 'object' && address !== null ? address.port : config.port
    await bot.api.setWebhook(config.webhookUrl, { secret_token: config.webhookSecret, allowed_updates: [...allowedUpdates] })
    logger.info({ url: config.webhookUrl, port: webhookPort }, operatorMessages.webhookMode)
    // Closing the server refuses new updates and waits for the requests (updates) in flight.
    return { webhookPort, stop: () => new Promise((resolve) => server.close(() => resolve())) }
  }

  await bot.api.deleteWebhook()
  const runner = run(bot, { runner: { silent: true, fetch: { allowed_updates: [...allowedUpdates] } } })
  void runner.task()?.catch((error: unknown) => {
    const conflict = error instanceof GrammyError && error.error_code === 409
    logger.error({ err: error }, conflict ? operatorMessages.pollingConflict : operatorMessages.pollingFailed)
    deps.onFailed(error instanceof Error ? error : new Error(String(error)))
  })
  logger.info(operatorMessages.longPolling)
  // The runner's stop() resolves once the updates in flight are handled.
  return { webhookPort: undefined, stop: async () => void (await runner.stop()) }
}
