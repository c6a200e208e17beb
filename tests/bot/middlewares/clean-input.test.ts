import { eq } from 'drizzle-orm'
import type { Update } from 'grammy/types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { feedbackMessages, users } from '../../../db/schema/index.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { seedStations, ticketsOf } from '../../helpers/feedback.js'
import { callbackUpdate, textUpdate } from '../../helpers/updates.js'

const apology = '抱歉，刚才出了点问题'
let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
  await seedStations(database.db)
})
afterAll(async () => database.close())

const said = (telegram: ReturnType<typeof createTestBot>['telegram'], chatId: number) =>
  telegram.calls.filter((call) => call.payload.chat_id === chatId).map((call) => String(call.payload.text ?? ''))

describe('control characters in what people send', () => {
  it('searches 春熙\\u0000路-style text as if the NUL were not there', async () => {
    const { bot, telegram } = createTestBot(database.db)
    const rider = { id: 9101, first_name: '小李' }
    await bot.handleUpdate(textUpdate(rider, '成都测试\u0000驿站A'))
    expect(said(telegram, rider.id).join('\n')).toContain('成都测试驿站A')
    expect(said(telegram, rider.id).join('\n')).not.toContain(apology)
  })

  it('files feedback whose text holds a NUL, keeping newlines and tabs', async () => {
    const { bot, telegram } = createTestBot(database.db)
    const rider = { id: 9102, first_name: '小张' }
    await bot.handleUpdate(textUpdate(rider, '/feedback'))
    await bot.handleUpdate(callbackUpdate(rider, 'fb:cities'))
    await bot.handleUpdate(callbackUpdate(rider, 'fb:city:成都'))
    await bot.handleUpdate(callbackUpdate(rider, 'fb:kind:need'))
    await bot.handleUpdate(callbackUpdate(rider, 'fb:anon:1'))
    await bot.handleUpdate(textUpdate(rider, '热水器\u0000坏了\u0007\n\t请修一下'))
    const [ticket] = await ticketsOf(database.db, rider.id)
    expect(ticket).toBeDefined()
    const [message] = await database.db
      .select()
      .from(feedbackMessages)
      .where(eq(feedbackMessages.ticketId, ticket?.id ?? 0))
    expect(message?.text).toBe('热水器坏了\n\t请修一下')
    expect(telegram.lastText({ chatId: rider.id })).toContain(`#${ticket?.number ?? ''}`)
    expect(said(telegram, rider.id).join('\n')).not.toContain(apology)
  })

  it('stores a name without its control characters', async () => {
    const { bot } = createTestBot(database.db)
    await bot.handleUpdate(textUpdate({ id: 9103, first_name: '小\u0000王\u001b' }, '/start'))
    const [row] = await database.db.select().from(users).where(eq(users.id, 9103))
    expect(row?.firstName).toBe('小王')
  })

  it('keeps a command working when a control character comes before it (entities move with the text)', async () => {
    const { bot, telegram } = createTestBot(database.db)
    const rider = { id: 9104, first_name: '小赵' }
    const update = textUpdate(rider, '/help') as Update & { message: { text: string; entities: unknown[] } }
    update.message.text = '\u0000/help'
    update.message.entities = [{ type: 'bot_command', offset: 1, length: 5 }]
    await bot.handleUpdate(update)
    const reply = said(telegram, rider.id).join('\n')
    expect(reply).not.toContain('没有这个命令')
    expect(reply).not.toContain(apology)
    expect(reply).not.toBe('')
  })

  it('answers a text of control characters only, in Chinese, and does nothing else', async () => {
    const { bot, telegram } = createTestBot(database.db)
    const rider = { id: 9105, first_name: '小孙' }
    await bot.handleUpdate(textUpdate(rider, '\u0000\u0001 '))
    expect(said(telegram, rider.id)).toEqual(['消息里只有无法识别的字符，我没看懂。请重新打字发送。'])
  })
})
