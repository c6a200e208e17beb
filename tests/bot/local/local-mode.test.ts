import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type App } from '../../../bot/app.js'
import { parseConfig } from '../../../bot/config.js'
import { stationReportStates } from '../../../db/repositories/station-reports.js'
import { listStations } from '../../../db/repositories/stations.js'
import { createEmptyPostgresDatabase } from '../../helpers/db.js'

type Message = {
  message_id: number
  from: { is_bot: boolean }
  text?: string
  venue?: { title: string }
  reply_markup?: { inline_keyboard: { text: string; callback_data?: string }[][] }
}

let app: App
let url: string
let dropDatabase = async () => {}

beforeAll(async () => {
  // Local mode on PGlite in memory, or on a fresh PostgreSQL database when DATABASE_URL is set.
  const env: Record<string, string> = { PORT: '0', LOG_LEVEL: 'silent' }
  if (process.env.DATABASE_URL) {
    const database = await createEmptyPostgresDatabase(process.env.DATABASE_URL)
    env.DATABASE_URL = database.url
    dropDatabase = database.drop
  }
  app = await startApp(parseConfig(env), pino({ level: 'silent' }), { inMemoryDatabase: true })
  url = app.localUrl ?? ''
})
afterAll(async () => {
  await app.stop()
  await dropDatabase()
})

const post = async (path: string, body: unknown) => {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return (await response.json()) as Record<string, unknown>
}
const history = async (userId: number) =>
  (await (await fetch(`${url}/api/chats/${userId}`)).json()) as {
    messages: Message[]
    keyboard: { keyboard: { text: string; request_location?: boolean }[][] } | null
  }

/** Polls the chat until `check` finds what it waits for (the bot answers asynchronously). */
async function waitFor<T>(userId: number, check: (messages: Message[]) => T | undefined): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const found = check((await history(userId)).messages)
    if (found !== undefined) return found
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('the bot did not answer in time')
}

describe('local mode', () => {
  it('runs the bot against the emulator through grammY: /start shows the location keyboard', async () => {
    expect(app.mode).toBe('local')
    await post('/api/chats/10001/messages', { text: '/start' })
    const welcome = await waitFor(10001, (messages) => messages.find((m) => m.from.is_bot && m.text?.includes('暖新助手')))
    expect(welcome.text).toContain('你好')
    expect((await history(10001)).keyboard?.keyboard[0]?.[0]).toMatchObject({ request_location: true })
  })

  it('answers a shared location with the nearest sample stations and edits the list when a filter is pressed', async () => {
    await post('/api/chats/10002/messages', { location: { latitude: 34.26101, longitude: 108.94269 } })
    const list = await waitFor(10002, (messages) => messages.find((m) => m.from.is_bot && m.text?.includes('离你最近的驿站')))
    // Nearest first, within the open ones and within the closed ones offered after them when few are open.
    const sections = (list.text ?? '').split('附近休息中的驿站')
    expect(sections.join('')).toMatch(/📏/)
    for (const section of sections) {
      const distances = [...section.matchAll(/📏 ([\d.]+) (米|公里)/g)].map((m) => Number(m[1]) * (m[2] === '公里' ? 1000 : 1))
      expect([...distances].sort((a, b) => a - b)).toEqual(distances)
    }
    const hotWater = list.reply_markup?.inline_keyboard.flat().find((button) => button.text.includes('热水'))
    await post('/api/chats/10002/callback', { message_id: list.message_id, data: hotWater?.callback_data })
    const edited = await waitFor(10002, (messages) =>
      messages.find((m) => m.message_id === list.message_id && m.text?.includes('筛选：营业中 · ♨️ 热水')),
    )
    expect(edited.message_id).toBe(list.message_id)
  })

  it('keeps each simulated user in their own chat', async () => {
    const rider = (await history(10001)).messages.map((m) => m.text ?? '')
    expect(rider.some((text) => text.includes('离你最近的驿站'))).toBe(false)
  })

  it('refuses a button that is not on the message (forged callback) without reaching the bot', async () => {
    const [list] = (await history(10002)).messages.filter((m) => m.reply_markup !== undefined)
    const answer = await post('/api/chats/10002/callback', { message_id: list?.message_id, data: 'v:1' })
    expect(answer).toMatchObject({ ok: false, error_code: 400 })
  })

  it('loads what the street adds to the sample stations: a closure for repairs, riders’ reports and a 👍', async () => {
    const db = app.database.db
    const now = new Date()
    const byId = new Map((await listStations(db)).map((station) => [station.externalId, station]))
    const closed = byId.get('cd-003')!
    expect(closed.closedUntil!.getTime()).toBeGreaterThan(now.getTime())
    expect(closed.closedReason).toMatch(/^水管维修，\d+月\d+日恢复$/)
    const ids = ['cd-001', 'cd-002', 'cd-011'].map((key) => byId.get(key)!.id)
    const states = await stationReportStates(db, ids, now, 6)
    expect(states.get(ids[0]!)?.latest?.kind).toBe('no_hot_water')
    expect(states.get(ids[1]!)?.checkIn).toBeInstanceOf(Date)
    expect(states.get(ids[2]!)?.maybeClosed).toBe(true)
  })
})
