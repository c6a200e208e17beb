import { z } from 'zod'

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional()

const optionalUrl = (protocols: RegExp) =>
  optionalText.refine((value) => value === undefined || (URL.canParse(value) && protocols.test(value)), {
    message: 'must be a full URL',
  })

const integerIn = (fallback: number, min: number, max: number) =>
  optionalText
    .transform((value) => Number(value ?? String(fallback)))
    .refine((value) => Number.isInteger(value) && value >= min && value <= max, {
      message: `must be a whole number from ${min} to ${max}`,
    })

const configSchema = z
  .object({
    BOT_TOKEN: optionalText.refine((value) => value === undefined || /^\d+:[\w-]{30,}$/.test(value), {
      message: 'must look like 123456789:AA… (the token @BotFather gives)',
    }),
    DATABASE_URL: optionalUrl(/^postgres(ql)?:\/\//),
    DATA_DIR: optionalText.transform((value) => value ?? './data'),
    TELEGRAM_API_ROOT: optionalUrl(/^https?:\/\//),
    WEBHOOK_URL: optionalUrl(/^https:\/\//),
    WEBHOOK_SECRET: optionalText.refine((value) => value === undefined || /^[\w-]{1,256}$/.test(value), {
      message: 'must be 1–256 characters of A-Z, a-z, 0-9, _ and -',
    }),
    UPDATES_MODE: optionalText.pipe(z.enum(['webhook', 'polling', 'none']).optional()),
    PORT: optionalText
      .transform((value) => Number(value ?? '3000'))
      .refine((port) => Number.isInteger(port) && port >= 0 && port < 65536, { message: 'must be a port number (0 = any free port)' }),
    LOG_LEVEL: optionalText
      .transform((value) => value ?? 'info')
      .pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
    ADMIN_IDS: optionalText
      .transform((value) =>
        (value ?? '')
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      )
      .refine((ids) => ids.every((id) => /^\d{1,16}$/.test(id) && Number.isSafeInteger(Number(id))), {
        message: 'must be a comma-separated list of numeric Telegram user ids',
      })
      .transform((ids) => ids.map(Number)),
    NEARBY_RADIUS_KM: integerIn(20, 1, 100),
    OUTBOX_RATE: integerIn(25, 1, 30),
    REMINDER_DAY_BEFORE_HOUR: integerIn(20, 0, 23),
    WAITLIST_OFFER_HOURS: integerIn(12, 1, 72),
    CHECKIN_OPENS_HOURS: integerIn(2, 0, 72),
    FEEDBACK_FIRST_ANSWER_HOURS: integerIn(24, 1, 720),
    FEEDBACK_RESOLVE_HOURS: integerIn(72, 1, 2160),
    FEEDBACK_ESCALATE_HOURS: integerIn(48, 1, 2160),
    FEEDBACK_DIGEST_TIME: optionalText
      .transform((value) => value ?? '09:00')
      .refine((value) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value), { message: 'must be a time such as 09:00' }),
    FEEDBACK_MAX_PER_HOUR: integerIn(6, 1, 100),
    STATION_REPORT_FADE_HOURS: integerIn(6, 1, 168),
    FLOOD_MAX_UPDATES: integerIn(20, 1, 1000),
    FLOOD_WINDOW_SECONDS: integerIn(10, 1, 3600),
  })
  .superRefine((config, ctx) => {
    if (config.WEBHOOK_URL !== undefined && config.WEBHOOK_SECRET === undefined) {
      ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET'], message: 'is required when WEBHOOK_URL is set' })
    }
    if (config.WEBHOOK_URL !== undefined && config.BOT_TOKEN === undefined) {
      ctx.addIssue({ code: 'custom', path: ['BOT_TOKEN'], message: 'is required when WEBHOOK_URL is set' })
    }
    const updatesIssue = contradictoryUpdatesMode(config.UPDATES_MODE, config.WEBHOOK_URL, config.BOT_TOKEN)
    if (updatesIssue !== undefined) ctx.addIssue({ code: 'custom', path: ['UPDATES_MODE'], message: updatesIssue })
  })

export type Config = {
  botToken: string | undefined
  databaseUrl: string | undefined
  dataDir: string
  telegramApiRoot: string | undefined
  webhookUrl: string | undefined
  webhookSecret: string | undefined
  /**
   * How this instance takes updates: a webhook, long polling, or none at all (it only sends the
   * outbox and runs the jobs, next to webhook instances or the one poller).
   */
  updatesMode: UpdatesMode
  port: number
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  adminIds: ReadonlySet<number>
  /** How far (km) nearest-station lists look; nothing beyond is listed, open or not. */
  nearbyRadiusKm: number
  /** Outbox messages per second over all instances (Telegram allows about 30). */
  outboxRate: number
  /** Hour (Asia/Shanghai) of the day-before event reminder. */
  reminderDayBeforeHour: number
  /** How long a promoted waitlisted worker has to accept before the seat goes to the next. */
  waitlistOfferHours: number
  /** Check-in opens this many hours before an event starts (and closes when it ends). */
  checkInOpensHours: number
  feedbackFirstAnswerHours: number
  feedbackResolveHours: number
  feedbackEscalateHours: number
  /** HH:MM (Asia/Shanghai) of the daily digest of overdue feedback. */
  feedbackDigestTime: string
  feedbackMaxPerHour: number
  /** How long a rider's report (没有热水) shows on the card and in lists unless an organizer confirms it. */
  stationReportFadeHours: number
  /**
   * Flood guard: messages and button taps one worker may send in `floodWindowSeconds`; beyond
   * that they are told once to slow down and the rest is dropped until the window ends.
   */
  floodMaxUpdates: number
  floodWindowSeconds: number
}

export type UpdatesMode = 'webhook' | 'polling' | 'none'

/** Settings that cannot all be meant: one instance cannot both poll and have a webhook set. */
function contradictoryUpdatesMode(mode: UpdatesMode | undefined, webhookUrl: string | undefined, botToken: string | undefined) {
  if (mode === 'webhook' && webhookUrl === undefined) return 'is webhook, which needs WEBHOOK_URL'
  if (mode !== undefined && mode !== 'webhook' && webhookUrl !== undefined) {
    return `is ${mode} but WEBHOOK_URL is set: unset WEBHOOK_URL, or set UPDATES_MODE=webhook`
  }
  if (mode === 'none' && botToken === undefined) return 'is none, which needs BOT_TOKEN (local mode always takes its updates)'
  return undefined
}

export class ConfigError extends Error {
  override name = 'ConfigError'
  constructor(
    /** The environment variable at fault. */
    readonly variable: string,
    /** What is wrong with it, in English (operator-messages.ts gives the Chinese). */
    readonly problem: string,
  ) {
    super(`Invalid ${variable}: ${problem}`)
  }
}

/** Parses the environment once; a bad value throws a ConfigError whose message is one line naming the variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env)
  if (!result.success) {
    const issue = result.error.issues[0]
    const variable = String(issue?.path[0] ?? 'environment')
    throw new ConfigError(variable, issue?.message ?? 'bad value')
  }
  const value = result.data
  return {
    botToken: value.BOT_TOKEN,
    databaseUrl: value.DATABASE_URL,
    dataDir: value.DATA_DIR,
    telegramApiRoot: value.TELEGRAM_API_ROOT,
    webhookUrl: value.WEBHOOK_URL,
    webhookSecret: value.WEBHOOK_SECRET,
    updatesMode: value.UPDATES_MODE ?? (value.WEBHOOK_URL !== undefined ? 'webhook' : 'polling'),
    port: value.PORT,
    logLevel: value.LOG_LEVEL,
    adminIds: new Set(value.ADMIN_IDS),
    nearbyRadiusKm: value.NEARBY_RADIUS_KM,
    outboxRate: value.OUTBOX_RATE,
    reminderDayBeforeHour: value.REMINDER_DAY_BEFORE_HOUR,
    waitlistOfferHours: value.WAITLIST_OFFER_HOURS,
    checkInOpensHours: value.CHECKIN_OPENS_HOURS,
    feedbackFirstAnswerHours: value.FEEDBACK_FIRST_ANSWER_HOURS,
    feedbackResolveHours: value.FEEDBACK_RESOLVE_HOURS,
    feedbackEscalateHours: value.FEEDBACK_ESCALATE_HOURS,
    feedbackDigestTime: value.FEEDBACK_DIGEST_TIME,
    feedbackMaxPerHour: value.FEEDBACK_MAX_PER_HOUR,
    stationReportFadeHours: value.STATION_REPORT_FADE_HOURS,
    floodMaxUpdates: value.FLOOD_MAX_UPDATES,
    floodWindowSeconds: value.FLOOD_WINDOW_SECONDS,
  }
}
