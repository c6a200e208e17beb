import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databaseFloodCounter, memoryFloodCounter } from '../../../bot/middlewares/flood-guard.js'
import { incrementFloodCounter } from '../../../db/repositories/flood-counters.js'
import { floodCounters, users } from '../../../db/schema/index.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { createTestEvent } from '../../helpers/events.js'
import type { FakeTelegram } from '../../helpers/fake-telegram.js'
import { seedChengduOrganizer } from '../../helpers/feedback.js'
import { callbackUpdate, textUpdate } from '../../helpers/updates.js'

let database: TestDatabase
const organizer = { id: 9301, first_name: '王老师' }

beforeAll(async () => {
  database = await createTestDatabase()
  await seedChengduOrganizer(database.db, organizer)
})
afterAll(async () => database.close())

const notice = '慢一点～你发得太快了。请 10 秒后再发，在这之前发来的消息我先不处理。'
const env = { FLOOD_MAX_UPDATES: '5', FLOOD_WINDOW_SECONDS: '10' }

/** A bot whose flood guard counts in memory on a clock the test moves. */
function floodBot(extra: { now?: () => Date } = {}) {
  let time = 1_000_000
  const clock = () => time
  const made = createTestBot(database.db, { env, ...extra, flood: { counter: memoryFloodCounter(10_000, clock), clock } })
  return { ...made, advance: (ms: number) => void (time += ms) }
}

const textsTo = (telegram: FakeTelegram, chatId: number) =>
  telegram.calls.filter((call) => call.method === 'sendMessage' && call.payload.chat_id === chatId).map((call) => String(call.payload.text))
const isHelp = (text: string) => text.includes('/nearby')

describe('flood guard', () => {
  it('answers the first updates of a flood, says 「慢一点」 once and drops the rest until the window ends', async () => {
    const { bot, telegram, advance } = floodBot()
    const rider = { id: 9310, first_name: '小快' }
    for (let index = 0; index < 30; index++) await bot.handleUpdate(textUpdate(rider, '/help'))

    const said = textsTo(telegram, rider.id)
    expect(said.filter(isHelp)).toHaveLength(5)
    expect(said.filter((text) => text === notice)).toHaveLength(1)
    expect(said).toHaveLength(6)

    advance(10_001)
    await bot.handleUpdate(textUpdate(rider, '/help'))
    expect(textsTo(telegram, rider.id).filter(isHelp)).toHaveLength(6)
  })

  it('drops the excess before the sender is recorded', async () => {
    const { bot } = floodBot()
    const rider = { id: 9311, first_name: '原名' }
    for (let index = 0; index < 5; index++) await bot.handleUpdate(textUpdate(rider, '/help'))
    await bot.handleUpdate(textUpdate({ ...rider, first_name: '改名' }, '/help'))
    const [row] = await database.db.select().from(users).where(eq(users.id, rider.id))
    expect(row?.firstName).toBe('原名')
  })

  it('leaves other riders alone while one floods', async () => {
    const { bot, telegram } = floodBot()
    const flooder = { id: 9320 }
    const other = { id: 9321 }
    for (let index = 0; index < 20; index++) {
      await bot.handleUpdate(textUpdate(flooder, '/help'))
      if (index % 5 === 0) await bot.handleUpdate(textUpdate(other, '/help'))
    }
    expect(textsTo(telegram, other.id).filter(isHelp)).toHaveLength(4)
    expect(textsTo(telegram, other.id)).not.toContain(notice)
    expect(textsTo(telegram, flooder.id).filter(isHelp)).toHaveLength(5)
  })

  it('tells English speakers in English', async () => {
    const { bot, telegram } = floodBot()
    const rider = { id: 9322, language_code: 'en' }
    for (let index = 0; index < 7; index++) await bot.handleUpdate(textUpdate(rider, '/help'))
    expect(textsTo(telegram, rider.id).at(-1)).toBe(
      'Slow down a little, you are sending very fast. Please wait 10 seconds; I will skip what you send before then.',
    )
  })

  it('never throttles an organizer typing check-in codes at the door', async () => {
    const now = new Date('2026-12-01T02:00:00Z')
    await createTestEvent(database.db, { city: '成都', title: '门口签到', startsAt: new Date(now.getTime() + 3_600_000) })
    const { bot, telegram } = floodBot({ now: () => now })
    await bot.handleUpdate(textUpdate(organizer, '/checkin'))
    expect(textsTo(telegram, organizer.id).at(-1)).toContain('签到：门口签到')
    for (let index = 0; index < 30; index++) await bot.handleUpdate(textUpdate(organizer, `ZZZ${String(index).padStart(3, '0')}`))
    const said = textsTo(telegram, organizer.id)
    expect(said.filter((text) => text.includes('没有找到'))).toHaveLength(30)
    expect(said).not.toContain(notice)
  })

  it('answers both taps of a double tap as usual, and a tap past the limit with a toast', async () => {
    const { bot, telegram } = floodBot()
    const rider = { id: 9330 }
    const list = 'n:30.65000,104.06000:0:0'
    await bot.handleUpdate(callbackUpdate(rider, list))
    await bot.handleUpdate(callbackUpdate(rider, list))
    const answers = () => telegram.callsOf('answerCallbackQuery')
    expect(answers()).toHaveLength(2)
    expect(answers().map((call) => call.payload.text)).not.toContain('慢一点～请 10 秒后再点。')
    expect(textsTo(telegram, rider.id)).not.toContain(notice)

    for (let index = 0; index < 4; index++) await bot.handleUpdate(callbackUpdate(rider, list))
    expect(answers()).toHaveLength(6)
    expect(answers().at(-1)?.payload.text).toBe('慢一点～请 10 秒后再点。')
    expect(textsTo(telegram, rider.id).filter((text) => text === notice)).toHaveLength(1)
  })

  it('shares one count and one notice between instances on the same database', async () => {
    const shared = { FLOOD_MAX_UPDATES: '5', FLOOD_WINDOW_SECONDS: '3600' }
    const counter = () => ({ counter: databaseFloodCounter(database.db, 3_600_000) })
    const a = createTestBot(database.db, { env: shared, flood: counter() })
    const b = createTestBot(database.db, { env: shared, flood: counter() })
    const rider = { id: 9340 }
    for (let index = 0; index < 12; index++) await (index % 2 === 0 ? a : b).bot.handleUpdate(textUpdate(rider, '/help'))
    const said = [...textsTo(a.telegram, rider.id), ...textsTo(b.telegram, rider.id)]
    expect(said.filter(isHelp)).toHaveLength(5)
    expect(said.filter((text) => text.startsWith('慢一点'))).toHaveLength(1)
  })
})

describe('flood counters in the database', () => {
  it('counts up within a window and starts again at 1 once it expired', async () => {
    expect(await incrementFloodCounter(database.db, 'flood:test', 60_000)).toBe(1)
    expect(await incrementFloodCounter(database.db, 'flood:test', 60_000)).toBe(2)
    await database.db
      .update(floodCounters)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(floodCounters.key, 'flood:test'))
    expect(await incrementFloodCounter(database.db, 'flood:test', 60_000)).toBe(1)
  })
})
