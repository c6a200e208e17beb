import { autoRetry } from '@grammyjs/auto-retry'
import type { I18n } from '@grammyjs/i18n'
import { sequentialize } from '@grammyjs/runner'
import { Bot, type Api, type BotError, type RawApi } from 'grammy'
import type { UserFromGetMe } from 'grammy/types'
import type { BotContext, BotDeps } from './context.js'
import { createBroadcastFeature } from './features/broadcast/index.js'
import { createCoverageFeature } from './features/coverage/index.js'
import { createEventAdminFeature } from './features/event-admin/index.js'
import { createEventsFeature } from './features/events/index.js'
import { createFeedbackFeature } from './features/feedback/index.js'
import { createRolesFeature } from './features/roles/index.js'
import { createSettingsFeature } from './features/settings/index.js'
import { createStartFallback, createStartFeature } from './features/start/index.js'
import { createStationAdminFeature } from './features/station-admin/index.js'
import { createStationManageFeature } from './features/station-manage/index.js'
import { createStationReportHandlingFeature } from './features/station-report-handling/index.js'
import { createStationReportsFeature } from './features/station-reports/index.js'
import { createStationSuggestionsFeature } from './features/station-suggestions/index.js'
import { createStationsFeature } from './features/stations/index.js'
import { createUnhandledFeature } from './features/unhandled/index.js'
import { createI18n } from './i18n.js'
import { withSafeErrors } from './logger.js'
import { chatLock } from './middlewares/chat-lock.js'
import { answerUnreadable, cleanInput } from './middlewares/clean-input.js'
import { createConversations } from './middlewares/conversations.js'
import { databaseFloodCounter, floodGuard, memoryFloodCounter, type FloodGuardOptions } from './middlewares/flood-guard.js'
import { privateChatsOnly } from './middlewares/private-only.js'
import { trackUser } from './middlewares/track-user.js'
import { updateLogger } from './middlewares/update-logger.js'

export type BotOptions = {
  token: string
  /** Preset bot info (tests, local mode) so that start-up needs no getMe call. */
  botInfo?: UserFromGetMe
  /** Replaces the HTTP fetch (the tests' fake Telegram). */
  fetch?: typeof fetch
  /**
   * Serialize each chat's updates across instances through the database (default: webhook mode on
   * PostgreSQL, where a load balancer can hand one chat's updates to several instances). A poller
   * is the only instance taking updates (a second one gets 409 Conflict), and PGlite has one
   * process: there `sequentialize` alone orders them, without two writes per update.
   */
  lockChats?: boolean
  /**
   * Where the flood guard counts (default: in PostgreSQL for webhook instances, which may share
   * one chat's updates behind a load balancer; in memory otherwise, where one process takes all
   * updates) and its clock; tests pass a counter on a clock they drive.
   */
  flood?: FloodGuardOptions
}

/**
 * Every API object the bot uses must go through this: retries after 429 `retry_after` and
 * transient network/5xx failures. Conversations build their own API objects and call it too.
 */
function installApiTransformers(api: Api<RawApi>): void {
  api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60, rethrowInternalServerErrors: false }))
}

/** The composition root of the bot: error boundary first, features in order, `unhandled` last. */
export function createBot(given: BotDeps, options: BotOptions) {
  const deps = { ...given, logger: withSafeErrors(given.logger) }
  const i18n = createI18n()
  const bot = new Bot<BotContext>(options.token, {
    ...(options.botInfo === undefined ? {} : { botInfo: options.botInfo }),
    client: {
      ...(deps.config.telegramApiRoot === undefined ? {} : { apiRoot: deps.config.telegramApiRoot }),
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    },
  })
  installApiTransformers(bot.api)

  // Updates of one chat are handled one at a time (double taps, quick successive messages).
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()))
  bot.use(updateLogger(deps.logger))
  const guarded = bot.errorBoundary(apologize(deps, i18n))
  guarded.use(cleanInput)
  // Before anything that costs a query: a flood's excess is dropped without touching the database.
  guarded.use(floodGuard(deps, i18n, options.flood ?? { counter: defaultFloodCounter(deps) }))
  if (options.lockChats ?? updatesMayArriveAtSeveralInstances(deps.config)) guarded.use(chatLock(deps))
  guarded.use(trackUser(deps))
  guarded.use(i18n)
  guarded.use(answerUnreadable)
  guarded.use(privateChatsOnly)
  guarded.use(createConversations(deps, i18n, installApiTransformers))
  // Roles first: `/start org_<code>` invite links must not reach the plain /start.
  guarded.use(createRolesFeature(deps))
  guarded.use(createStartFeature(deps))
  guarded.use(createSettingsFeature(deps))
  guarded.use(createEventsFeature(deps))
  guarded.use(createEventAdminFeature(deps))
  guarded.use(createStationAdminFeature(deps))
  guarded.use(createBroadcastFeature(deps))
  guarded.use(createFeedbackFeature(deps))
  // Before the start fallback: `/start mer_<code>` merchant invites.
  guarded.use(createStationManageFeature(deps))
  guarded.use(createStationReportsFeature(deps))
  guarded.use(createStationReportHandlingFeature(deps))
  guarded.use(createStationSuggestionsFeature(deps))
  guarded.use(createCoverageFeature(deps))
  // After every feature that takes `/start` payloads: a deep link none of them accepted.
  guarded.use(createStartFallback())
  // Stations last: any other text is taken as a place to search for.
  guarded.use(createStationsFeature(deps))
  guarded.use(createUnhandledFeature())

  return { bot, i18n }
}

/** Webhook instances on one PostgreSQL database, behind a load balancer: what the chat lock and the shared flood count are for. */
const updatesMayArriveAtSeveralInstances = (config: BotDeps['config']) =>
  config.databaseUrl !== undefined && config.updatesMode === 'webhook'

function defaultFloodCounter({ config, db }: BotDeps) {
  const windowMs = config.floodWindowSeconds * 1000
  return updatesMayArriveAtSeveralInstances(config) ? databaseFloodCounter(db, windowMs) : memoryFloodCounter(windowMs)
}

/**
 * Logs a failed update (with its id, errors serialized without payloads) and tells the person in
 * their language that it did not work. A button press gets a message in the chat as well as the
 * callback answer: the answer is a toast that is easily missed, and after a long failure the
 * callback query may be too old to answer at all.
 */
function apologize(deps: BotDeps, i18n: I18n<BotContext>) {
  return async ({ ctx, error }: BotError<BotContext>) => {
    ctx.logger.error({ err: error }, 'update failed')
    // ctx.t is missing when the failure came before the i18n middleware (e.g. the database is down).
    const locale = ctx.from?.language_code?.startsWith('en') === true ? 'en' : 'zh'
    const text = typeof ctx.t === 'function' ? ctx.t('error-generic') : i18n.t(locale, 'error-generic')
    const tell = async (what: string, send: () => Promise<unknown>) => {
      try {
        await send()
      } catch (apologyError) {
        ctx.logger.warn({ err: apologyError }, `could not ${what} after a failed update`)
      }
    }
    if (ctx.callbackQuery !== undefined) {
      await tell('answer the button', () => ctx.answerCallbackQuery({ text }))
      // A button in a private chat: the chat is the person's own, even when its message is gone.
      const chatId = ctx.chat?.type === 'private' ? ctx.chat.id : ctx.chat === undefined ? ctx.callbackQuery.from.id : undefined
      if (chatId !== undefined) await tell('apologize', () => ctx.api.sendMessage(chatId, text))
    } else if (ctx.chat?.type === 'private') {
      await tell('apologize', () => ctx.reply(text))
    }
  }
}
