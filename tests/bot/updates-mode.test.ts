import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { sendAsUser } from '../../bot/local/emulator/users.js'
import { enqueueMessages } from '../../db/repositories/outbox.js'
import { touchUser } from '../../db/repositories/users.js'
import { productionToken, useProductionPath } from '../helpers/production-path.js'

// The emulator stands in for api.telegram.org, as in app.test.ts; it answers an older waiting
// getUpdates with 409 Conflict when a second poller arrives, as Telegram does.
const token = productionToken
const rider = { id: 4343, is_bot: false as const, first_name: '小周' }
const hook = 'https://bot.example.org/tg/hook'
const telegram = useProductionPath(rider)
const { state } = telegram

const start = (env: Record<string, string>, onStopped?: (reason: Error) => void) =>
  telegram.start({ PORT: '0', ...env }, onStopped ? { onStopped } : {})

const callApi = (method: string, params: Record<string, unknown>) =>
  fetch(`${telegram.apiRoot()}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  })

async function eventually<T>(read: () => T, done: (value: T) => boolean): Promise<T> {
  let value = read()
  for (let attempt = 0; attempt < 100 && !done(value); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    value = read()
  }
  return value
}

const botTexts = () =>
  state
    .history(rider.id)
    .messages.filter((m) => m.from?.is_bot)
    .map((m) => m.text ?? '')

describe('UPDATES_MODE=none', () => {
  it('leaves the webhook of the other instances alone, takes no updates, and still sends the outbox', async () => {
    await callApi('setWebhook', { url: hook, secret_token: 'other-instances' })
    const running = await start({ UPDATES_MODE: 'none' })
    expect(running.mode).toBe('none')
    expect(state.webhook).toEqual({ url: hook, secretToken: 'other-instances' })
    await touchUser(running.database.db, { id: rider.id, firstName: rider.first_name, languageCode: 'zh-hans', isAdmin: false })
    await enqueueMessages(running.database.db, [
      { userId: rider.id, kind: 'test', payload: { method: 'sendMessage', text: '仅发送实例送达' } },
    ])
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
    const reason = await eventually(
      () => stoppedWith,
      (value) => value !== undefined,
    )
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
    await running.database.db.execute(
      sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`,
    )
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
