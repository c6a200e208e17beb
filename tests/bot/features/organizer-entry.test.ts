import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { outbox } from '../../../db/schema/index.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { replyKeys } from '../../helpers/fake-telegram.js'
import { addUser } from '../../helpers/feedback.js'
import { textUpdate } from '../../helpers/updates.js'

let database: TestDatabase
const ADMIN = 9_300_001
const env = { ADMIN_IDS: String(ADMIN) }
const now = new Date('2026-11-25T02:00:00Z')

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => database.close())

const db = () => database.db
const setup = () => createTestBot(db(), { env, now: () => now })
type ReplyKeyboard = { keyboard?: { text: string }[][] }

describe('deep links no feature accepts', () => {
  for (const payload of ['ev_xxxx', `ev_${'1'.repeat(40)}`, 'org_!!', 'org_nosuchcode', 'ci', 'somethingelse']) {
    it(`answer /start ${payload.slice(0, 12)} with the welcome and a note, not "no such command"`, async () => {
      const { bot, telegram } = setup()
      await bot.handleUpdate(textUpdate({ id: 9_300_100 }, `/start ${payload}`))
      const text = String(telegram.lastMessage({ chatId: 9_300_100, method: 'sendMessage' })?.payload.text)
      expect(text).toContain('链接无效')
      expect(text).toContain('暖新助手')
      expect(text).not.toContain('没有这个命令')
      expect(telegram.keys({ chatId: 9_300_100, method: 'sendMessage' })).toContain('📍 发送位置找驿站')
    })
  }
})

describe('organizers on the main keyboard', () => {
  it('gives organizers 🧰 工作台 and a welcome about their tools; riders keep theirs', async () => {
    const organizer = 9_300_201
    const rider = 9_300_202
    await addUser(db(), { id: organizer, firstName: '王老师', role: 'organizer' })
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate({ id: organizer }, '/start'))
    const welcome = telegram.lastMessage({ chatId: organizer, method: 'sendMessage' })
    expect(replyKeys(welcome)).toContain('🧰 工作台')
    expect(String(welcome?.payload.text)).toContain('/inbox')
    expect(String(welcome?.payload.text)).not.toContain('跑单累了')
    await bot.handleUpdate(textUpdate({ id: rider }, '/start'))
    expect(telegram.keys({ chatId: rider, method: 'sendMessage' })).not.toContain('🧰 工作台')
    expect(String(telegram.lastMessage({ chatId: rider, method: 'sendMessage' })?.payload.text)).toContain('跑单累了')
  })

  it('opens the /organize hub from 🧰 工作台, and leaves a running form for it', async () => {
    const organizer = 9_300_203
    await addUser(db(), { id: organizer, firstName: '李老师', role: 'organizer' })
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate({ id: organizer }, '/feedback'))
    await bot.handleUpdate(textUpdate({ id: organizer }, '🧰 工作台'))
    expect(String(telegram.lastMessage({ chatId: organizer, method: 'sendMessage' })?.payload.text)).toContain('组织者工作台')
    // The 我有话说 form was left: text now goes to the station search, not the form's hint.
    telegram.clear()
    await bot.handleUpdate(textUpdate({ id: organizer }, '春熙路'))
    expect(String(telegram.lastMessage({ chatId: organizer, method: 'sendMessage' })?.payload.text)).not.toContain('请点上面的按钮')
  })

  it('takes 🧰 工作台 away from a demoted organizer: the notice carries the riders keyboard', async () => {
    const organizer = 9_300_204
    await addUser(db(), { id: organizer, firstName: '赵老师', role: 'organizer' })
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate({ id: ADMIN }, `/demote ${organizer}`))
    const [notice] = (await db().select().from(outbox).where(eq(outbox.userId, organizer))).filter((row) => row.kind === 'role-demoted')
    const markup = notice?.payload.replyMarkup as ReplyKeyboard | undefined
    expect(markup?.keyboard?.flat().map((key) => key.text)).toContain('💬 我有话说')
    expect(markup?.keyboard?.flat().map((key) => key.text)).not.toContain('🧰 工作台')
    // A stale 🧰 工作台 tap after that gets the riders' keyboard back.
    await bot.handleUpdate(textUpdate({ id: organizer }, '🧰 工作台'))
    expect(telegram.keys({ chatId: organizer, method: 'sendMessage' })).not.toContain('🧰 工作台')
  })
})
