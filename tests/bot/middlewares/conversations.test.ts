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

const lastText = (calls: { method: string; payload: Record<string, unknown> }[]) =>
  String(calls.filter((call) => call.method === 'sendMessage').at(-1)?.payload.text ?? '')

describe('leaving a conversation', () => {
  it('says /cancel ended the form, and that there was nothing to end when there was none', async () => {
    const { bot, telegram } = createTestBot(database.db)
    const worker = { id: 9101 }
    await bot.handleUpdate(textUpdate(worker, '/cancel'))
    expect(lastText(telegram.calls)).toBe('现在没有进行中的操作。')
    await bot.handleUpdate(callbackUpdate(worker, 'qh:custom'))
    await bot.handleUpdate(textUpdate(worker, '/cancel'))
    expect(lastText(telegram.calls)).toBe('好的，已退出。需要时再点菜单就行。')
    // The form is gone: a range typed now is a place search, not quiet hours.
    await bot.handleUpdate(textUpdate(worker, '22:00-07:00'))
    expect((await findUser(database.db, worker.id))?.quietStart).toBeNull()
  })

  it('leaves any form when a main-keyboard button is tapped, and does what the button says', async () => {
    const { bot, telegram } = createTestBot(database.db)
    const worker = { id: 9102 }
    await bot.handleUpdate(callbackUpdate(worker, 'qh:custom'))
    await bot.handleUpdate(textUpdate(worker, '❓ 帮助'))
    expect(lastText(telegram.calls)).toContain('暖新助手能帮你做什么')
    await bot.handleUpdate(textUpdate(worker, '22:00-07:00'))
    expect((await findUser(database.db, worker.id))?.quietStart).toBeNull()
  })
})
