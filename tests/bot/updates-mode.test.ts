import type { AddressInfo } from 'node:net'
import { sql } from 'drizzle-orm'
import pino from 'pino'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type App } from '../../bot/app.js'
import { parseConfig } from '../../bot/config.js'
import { createEmulatorServer } from '../../bot/local/emulator/server.js'
import { EmulatorState } from '../../bot/local/emulator/state.js'
import { sendAsUser } from '../../bot/local/emulator/users.js'
import { enqueueMessages } from '../../db/repositories/outbox.js'
import { touchUser } from '../../db/repositories/users.js'
import { createEmptyPostgresDatabase } from '../helpers/db.js'

// The emulator stands in for api.telegram.org, as in app.test.ts; it answers an older waiting
// getUpdates with 409 Conflict when a second poller arrives, as Telegram does.
const token = '1000000001:PRODUCTION-path-test-token-abcdefghij'
const rider = { id: 4343, is_bot: false, first_name: '小周' }
const hook = 'https://bot.example.org/tg/hook'
let state: EmulatorState
let telegram: ReturnType<typeof createEmulatorServer>
let apiRoot: string
let app: App | undefined
let dropDatabase = async () => {}

beforeAll(async () => {
  state = new EmulatorState(1_000_000_001)
  state.addUser(rider)
  telegram = createEmulatorServer(state, token, { session: () => ({}), addUser: () => 0, onError: () => {} })
  await new Promise<void>((resolve) => telegram.listen(0, '127.0.0.1', resolve))
  apiRoot = `http://127.0.0.1:${(telegram.address() as AddressInfo).port}`
})
afterEach(async () => {
  await app?.stop()
  app = undefined
  await dropDatabase()
  dropDatabase = async () => {}
})
afterAll(async () => {
  telegram.closeAllConnections()
  await new Promise((resolve) => telegram.close(resolve))
})

async function start(env: Record<string, string>, onStopped?: (reason: Error) => void) {
  const full: Record<string, string> = { BOT_TOKEN: token, TELEGRAM_API_ROOT: apiRoot, LOG_LEVEL: 'silent', PORT: '0', ...env }
  if (process.env.DATABASE_URL) {
    const database = await createEmptyPostgresDatabase(process.env.DATABASE_URL)
    full.DATABASE_URL = database.url
    dropDatabase = database.drop
  }
  app = await startApp(parseConfig(full), pino({ level: 'silent' }), { inMemoryDatabase: true, ...(onStopped ? { onStopped } : {}) })
  return app
}

const callApi = (method: string, params: Record<string, unknown>) =>
  fetch(`${apiRoot}/bot${token}/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) })

async function eventually<T>(read: () => T, done: (value: T) => boolean): Promise<T> {
  let value = read()
  for (let attempt = 0; attempt < 100 && !done(value); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    value = read()
  }
  return value
}

const botTexts = () => state.history(rider.id).messages.filter((m) => m.from?.is_bot).map((m) => m.text ?? '')

describe('UPDATES_MODE=none', () => {
  it("leaves the webhook of the other instances alone, takes no updates, and still sends the outbox", async () => {
    await callApi('setWebhook', { url: hook, secret_token: 'other-instances' })
    const running = await start({ UPDATES_MODE: 'none' })
    expect(running.mode).toBe('none')
    expect(state.webhook).toEqual({ url: hook, secretToken: 'other-instances' })
    await touchUser(running.database.db, { id: rider.id, firstName: rider.first_name, languageCode: 'zh-hans', isAdmin: false })
    await enqueueMessages(running.database.db, [{ userId: rider.id, kind: 'test', payload: { method: 'sendMessage', text: '仅发送实例送达' } }])
    expect(await eventually(botTexts, (texts) => texts.includes('仅发送实例送达'))).toContain('仅发送实例送达')
    // A webhook is set, so the emulator would refuse a poller; none of this instance's updates are fetched.
    sendAsUser(state, rider.id, { text: '/help' })
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(botTexts().some((text) => text.includes('暖新助手能帮你做什么'))).toBe(false)
    await callApi('deleteWebhook', {})
    await callApi('getUpdates', { timeout: 0, offset: -1 })
  })
})

describe('a second poller (409 Conflict)', () => {
  it('is logged and the first instance stops gracefully instead of crashing', async () => {
    let stoppedWith: Error | undefined
    const running = await start({}, (reason) => (stoppedWith = reason))
    expect(running.mode).toBe('polling')
    await new Promise((resolve) => setTimeout(resolve, 300))
    // The second poller: the emulator ends the instance's waiting getUpdates with 409.
    await callApi('getUpdates', { timeout: 0 })
    const reason = await eventually(() => stoppedWith, (value) => value !== undefined)
    expect(reason?.message).toContain('409')
    // Stopped: the database is closed, and a second stop is harmless.
    await expect(running.database.db.execute(sql`select 1`)).rejects.toThrow()
    await running.stop()
  })
})

describe('/healthz and /livez', () => {
  it('in webhook mode: ready once migrated, not ready when a migration is missing', async () => {
    const running = await start({ WEBHOOK_URL: hook, WEBHOOK_SECRET: 's3cret-token' })
    const get = (path: string) => fetch(`http://127.0.0.1:${running.webhookPort}${path}`)
    expect((await get('/livez')).status).toBe(200)
    const ready = await get('/healthz')
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ok' }])
    await running.database.db.execute(sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`)
    const missing = await get('/healthz')
    expect([missing.status, await missing.json()]).toEqual([503, { status: 'not-ready', reason: '1 migrations not applied' }])
  })

  it('in local mode, on the web chat server', async () => {
    const running = await start({ BOT_TOKEN: '' })
    expect(running.mode).toBe('local')
    const base = running.localUrl ?? ''
    expect((await fetch(`${base}/livez`)).status).toBe(200)
    const ready = await fetch(`${base}/healthz`)
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ok' }])
  })
})
