import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findUser } from '../../../db/repositories/users.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { callbackUpdate, textUpdate } from '../../helpers/updates.js'

let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => database.close())

describe('leaving a conversation', () => {
  it('says /cancel ended the form, and that there was nothing to end when there was none', async () => {
    const { bot, telegram } = createTestBot(database.db)
    const worker = { id: 9101 }
    await bot.handleUpdate(textUpdate(worker, '/cancel'))
    expect(telegram.lastText({ method: 'sendMessage' })).toBe('现在没有进行中的操作。')
    await bot.handleUpdate(callbackUpdate(worker, 'se:custom'))
    await bot.handleUpdate(textUpdate(worker, '/cancel'))
    expect(telegram.lastText({ method: 'sendMessage' })).toBe('好的，已退出。需要时再点菜单就行。')
    // The form is gone: a range typed now is a place search, not quiet hours.
    await bot.handleUpdate(textUpdate(worker, '22:00-07:00'))
    expect((await findUser(database.db, worker.id))?.quietStart).toBeNull()
  })

  it('leaves any form when a main-keyboard button is tapped, and does what the button says', async () => {
    const { bot, telegram } = createTestBot(database.db)
    const worker = { id: 9102 }
    await bot.handleUpdate(callbackUpdate(worker, 'se:custom'))
    await bot.handleUpdate(textUpdate(worker, '❓ 帮助'))
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('暖新助手能帮你做什么')
    await bot.handleUpdate(textUpdate(worker, '22:00-07:00'))
    expect((await findUser(database.db, worker.id))?.quietStart).toBeNull()
  })
})

describe('leaving a form that holds typed answers', () => {
  const admin = { id: 9201, first_name: 'Org' }
  const env = { ADMIN_IDS: String(admin.id) }
  const texts = (calls: { method: string; payload: Record<string, unknown> }[]) =>
    calls.filter((call) => call.method === 'sendMessage').map((call) => String(call.payload.text))

  it('says the new event was not saved when a main-keyboard button is tapped, then does what the button says', async () => {
    const { bot, telegram } = createTestBot(database.db, { env })
    await bot.handleUpdate(textUpdate(admin, '/newevent'))
    await bot.handleUpdate(callbackUpdate(admin, 'ea:step:kind:meal'))
    await bot.handleUpdate(textUpdate(admin, '冬季爱心餐'))
    const before = telegram.calls.length
    await bot.handleUpdate(textUpdate(admin, '📅 活动报名'))
    const sent = texts(telegram.calls.slice(before))
    expect(sent[0]).toBe('已退出「新建活动」，填写的内容没有保存。')
    expect(sent.at(-1)).toContain('活动')
    expect(sent.at(-1)).not.toContain('新建活动')
  })

  it('says so for other commands too, but /cancel keeps its own answer', async () => {
    const { bot, telegram } = createTestBot(database.db, { env })
    await bot.handleUpdate(textUpdate(admin, '/newevent'))
    await bot.handleUpdate(textUpdate(admin, '/help'))
    expect(texts(telegram.calls)).toContain('已退出「新建活动」，填写的内容没有保存。')
    await bot.handleUpdate(textUpdate(admin, '/newevent'))
    const before = telegram.calls.length
    await bot.handleUpdate(textUpdate(admin, '/cancel'))
    expect(texts(telegram.calls.slice(before))).toEqual(['好的，已退出。需要时再点菜单就行。'])
  })
})
