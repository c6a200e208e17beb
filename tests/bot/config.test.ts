import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../../bot/config.js'
import { configProblemInChinese } from '../../bot/operator-messages.js'

const token = '123456:TEST-token-for-the-fake-telegram-xyz'

/** The error parseConfig throws for `env`, checked to be a one-line ConfigError. */
function failure(env: Record<string, string>): ConfigError {
  let caught: unknown
  try {
    parseConfig(env)
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(ConfigError)
  const error = caught as ConfigError
  expect(error.message).not.toContain('\n')
  return error
}

describe('parseConfig', () => {
  it('runs with nothing set: PGlite in ./data, port 3000, info logs, no admins, no webhook', () => {
    const config = parseConfig({})
    expect(config).toEqual({
      botToken: undefined,
      databaseUrl: undefined,
      dataDir: './data',
      telegramApiRoot: undefined,
      webhookUrl: undefined,
      webhookSecret: undefined,
      updatesMode: 'polling',
      port: 3000,
      logLevel: 'info',
      adminIds: new Set(),
      nearbyRadiusKm: 20,
      outboxRate: 25,
      reminderDayBeforeHour: 20,
      waitlistOfferHours: 12,
      checkInOpensHours: 2,
      feedbackFirstAnswerHours: 24,
      feedbackResolveHours: 72,
      feedbackEscalateHours: 48,
      feedbackDigestTime: '09:00',
      feedbackMaxPerHour: 6,
      stationReportFadeHours: 6,
      floodMaxUpdates: 20,
      floodWindowSeconds: 10,
    })
  })

  it('takes the flood guard limit and window in whole numbers', () => {
    const config = parseConfig({ FLOOD_MAX_UPDATES: '40', FLOOD_WINDOW_SECONDS: '30' })
    expect(config).toMatchObject({ floodMaxUpdates: 40, floodWindowSeconds: 30 })
    expect(() => parseConfig({ FLOOD_MAX_UPDATES: '0' })).toThrow('Invalid FLOOD_MAX_UPDATES: must be a whole number from 1 to 1000')
    expect(() => parseConfig({ FLOOD_WINDOW_SECONDS: '1.5' })).toThrow('Invalid FLOOD_WINDOW_SECONDS')
  })

  it('takes how long riders’ station reports show, in whole hours from 1 to 168', () => {
    expect(parseConfig({ STATION_REPORT_FADE_HOURS: '12' }).stationReportFadeHours).toBe(12)
    expect(() => parseConfig({ STATION_REPORT_FADE_HOURS: '0' })).toThrow('Invalid STATION_REPORT_FADE_HOURS')
  })

  it('takes a nearby radius in whole kilometres from 1 to 100', () => {
    expect(parseConfig({ NEARBY_RADIUS_KM: '8' }).nearbyRadiusKm).toBe(8)
    expect(() => parseConfig({ NEARBY_RADIUS_KM: '0' })).toThrow('Invalid NEARBY_RADIUS_KM: must be a whole number from 1 to 100')
    expect(() => parseConfig({ NEARBY_RADIUS_KM: '2.5' })).toThrow('Invalid NEARBY_RADIUS_KM')
    expect(() => parseConfig({ NEARBY_RADIUS_KM: '500' })).toThrow('Invalid NEARBY_RADIUS_KM')
  })

  it('refuses an outbox rate above what Telegram allows and a digest time that is not a time', () => {
    expect(() => parseConfig({ OUTBOX_RATE: '31' })).toThrow('Invalid OUTBOX_RATE: must be a whole number from 1 to 30')
    expect(() => parseConfig({ OUTBOX_RATE: '2.5' })).toThrow('Invalid OUTBOX_RATE')
    expect(() => parseConfig({ FEEDBACK_DIGEST_TIME: '9点' })).toThrow('Invalid FEEDBACK_DIGEST_TIME: must be a time such as 09:00')
    expect(parseConfig({ FEEDBACK_DIGEST_TIME: '18:30', REMINDER_DAY_BEFORE_HOUR: '19' })).toMatchObject({
      feedbackDigestTime: '18:30',
      reminderDayBeforeHour: 19,
    })
  })

  it('treats empty and blank variables as unset', () => {
    const config = parseConfig({ BOT_TOKEN: '', PORT: ' ', LOG_LEVEL: '', ADMIN_IDS: '', DATA_DIR: '  ', DATABASE_URL: '' })
    expect(config).toMatchObject({ botToken: undefined, port: 3000, logLevel: 'info', dataDir: './data', databaseUrl: undefined })
    expect(config.adminIds.size).toBe(0)
  })

  it('reads every variable that is set', () => {
    const config = parseConfig({
      BOT_TOKEN: ` ${token} `,
      DATABASE_URL: 'postgresql://bot@db.internal:5432/nuanxin',
      DATA_DIR: '/var/lib/nuanxin',
      TELEGRAM_API_ROOT: 'http://telegram-bot-api:8081',
      WEBHOOK_URL: 'https://bot.example.cn/telegram',
      WEBHOOK_SECRET: 'secret_value-1',
      PORT: '8080',
      LOG_LEVEL: 'debug',
    })
    expect(config).toMatchObject({
      botToken: token,
      databaseUrl: 'postgresql://bot@db.internal:5432/nuanxin',
      dataDir: '/var/lib/nuanxin',
      telegramApiRoot: 'http://telegram-bot-api:8081',
      webhookUrl: 'https://bot.example.cn/telegram',
      webhookSecret: 'secret_value-1',
      port: 8080,
      logLevel: 'debug',
    })
  })

  it('accepts PORT=0, which asks for any free port', () => {
    expect(parseConfig({ PORT: '0' }).port).toBe(0)
  })

  it('parses ADMIN_IDS into a set of numbers, ignoring spaces and empty items', () => {
    const config = parseConfig({ ADMIN_IDS: ' 1001, 2002 ,,7123456789 ' })
    expect(config.adminIds).toEqual(new Set([1001, 2002, 7123456789]))
    expect(config.adminIds.has(1001)).toBe(true)
  })

  it.each([
    ['BOT_TOKEN', { BOT_TOKEN: '123:short' }],
    ['BOT_TOKEN', { BOT_TOKEN: 'not-a-token-at-all-but-quite-long-anyway' }],
    ['PORT', { PORT: 'abc' }],
    ['PORT', { PORT: '-1' }],
    ['PORT', { PORT: '65536' }],
    ['PORT', { PORT: '80.5' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['ADMIN_IDS', { ADMIN_IDS: '1,x' }],
    ['ADMIN_IDS', { ADMIN_IDS: '-5' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://bot@db.internal/nuanxin' }],
    ['DATABASE_URL', { DATABASE_URL: 'db.internal:5432' }],
    ['TELEGRAM_API_ROOT', { TELEGRAM_API_ROOT: 'ftp://telegram' }],
    ['WEBHOOK_URL', { WEBHOOK_URL: 'http://bot.example.cn/telegram', WEBHOOK_SECRET: 's', BOT_TOKEN: token }],
    ['WEBHOOK_SECRET', { WEBHOOK_URL: 'https://bot.example.cn/telegram', BOT_TOKEN: token }],
    ['WEBHOOK_SECRET', { WEBHOOK_SECRET: 'has spaces!' }],
    ['BOT_TOKEN', { WEBHOOK_URL: 'https://bot.example.cn/telegram', WEBHOOK_SECRET: 's' }],
  ])('rejects a bad %s with one line naming it: %o', (variable, env) => {
    const error = failure(env)
    expect(error.name).toBe('ConfigError')
    expect(error.message).toMatch(new RegExp(`^Invalid ${variable}: \\S`))
  })

  it('says why a webhook without a secret is refused', () => {
    expect(failure({ WEBHOOK_URL: 'https://bot.example.cn/telegram', BOT_TOKEN: token }).message).toContain('WEBHOOK_URL')
  })

  it('does not repeat a secret value in its error message', () => {
    const password = 'hunter2-very-secret'
    expect(failure({ DATABASE_URL: `mysql://bot:${password}@db/nuanxin` }).message).not.toContain(password)
    expect(failure({ BOT_TOKEN: `123:${password}` }).message).not.toContain(password)
  })

  it('takes updates by webhook when WEBHOOK_URL is set, by polling otherwise, or not at all with UPDATES_MODE=none', () => {
    const webhook = { BOT_TOKEN: token, WEBHOOK_URL: 'https://bot.example.org/tg', WEBHOOK_SECRET: 's3cret' }
    expect(parseConfig(webhook).updatesMode).toBe('webhook')
    expect(parseConfig({ BOT_TOKEN: token }).updatesMode).toBe('polling')
    expect(parseConfig({ BOT_TOKEN: token, UPDATES_MODE: 'none' }).updatesMode).toBe('none')
    expect(parseConfig({ ...webhook, UPDATES_MODE: 'webhook' }).updatesMode).toBe('webhook')
  })

  it('refuses contradictory update settings with one line naming UPDATES_MODE', () => {
    const webhook = { BOT_TOKEN: token, WEBHOOK_URL: 'https://bot.example.org/tg', WEBHOOK_SECRET: 's3cret' }
    expect(failure({ BOT_TOKEN: token, UPDATES_MODE: 'webhook' }).message).toBe('Invalid UPDATES_MODE: is webhook, which needs WEBHOOK_URL')
    expect(failure({ ...webhook, UPDATES_MODE: 'polling' }).message).toBe(
      'Invalid UPDATES_MODE: is polling but WEBHOOK_URL is set: unset WEBHOOK_URL, or set UPDATES_MODE=webhook',
    )
    expect(failure({ ...webhook, UPDATES_MODE: 'none' }).message).toContain('Invalid UPDATES_MODE: is none but WEBHOOK_URL is set')
    expect(failure({ UPDATES_MODE: 'none' }).message).toContain('Invalid UPDATES_MODE: is none, which needs BOT_TOKEN')
    expect(failure({ BOT_TOKEN: token, UPDATES_MODE: 'sometimes' }).message).toMatch(/^Invalid UPDATES_MODE: /)
    // The operator reads it in Chinese first.
    expect(configProblemInChinese('is none but WEBHOOK_URL is set: unset WEBHOOK_URL, or set UPDATES_MODE=webhook')).toBe(
      '是 none，但设置了 WEBHOOK_URL：请去掉 WEBHOOK_URL，或设为 UPDATES_MODE=webhook',
    )
    expect(configProblemInChinese('is webhook, which needs WEBHOOK_URL')).toBe('是 webhook，需要同时设置 WEBHOOK_URL')
  })

  it('accepts .env.example as it is, and it lists every variable the config reads', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8')
    const env = Object.fromEntries([...example.matchAll(/^([A-Z_]+)=(.*)$/gm)].map((match) => [match[1] ?? '', match[2] ?? '']))
    expect(() => parseConfig(env)).not.toThrow()
    expect(parseConfig(env)).toEqual(parseConfig({}))
    const source = readFileSync(new URL('../../bot/config.ts', import.meta.url), 'utf8')
    const read = [...source.matchAll(/^ {4}([A-Z][A-Z_]+):/gm)].map((match) => match[1])
    expect(Object.keys(env).sort()).toEqual([...read].sort())
  })
})
