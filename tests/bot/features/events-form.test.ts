import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registrations } from '../../../db/schema/index.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { contactUpdate, createTestEvent } from '../../helpers/events.js'
import { textMessages } from '../../helpers/fake-telegram.js'
import { callbackUpdate, textUpdate } from '../../helpers/updates.js'

// Wednesday 2026-11-25 10:00 in Shanghai; the default test event is Saturday 12月5日 09:00–11:30.
const clock = new Date('2026-11-25T02:00:00Z')
let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => database.close())

const setup = () => createTestBot(database.db, { now: () => clock })
let nextUser = 7500
const newRider = () => ({ id: nextUser++, first_name: '小王' })

const registrationOf = async (eventId: number, userId: number) =>
  (await database.db.select().from(registrations).where(eq(registrations.eventId, eventId))).find((r) => r.userId === userId)

describe('the registration form and personal data', () => {
  it('offers the answers saved last time in one message, and asks again when the rider wants to change them', async () => {
    const first = await createTestEvent(database.db, { title: '上次的活动', asks: ['name', 'phone', 'occupation', 'platform'] })
    const next = await createTestEvent(database.db, { title: '这次的活动', asks: ['name', 'phone', 'occupation', 'platform'] })
    const third = await createTestEvent(database.db, { title: '再下次', asks: ['name', 'platform'] })
    const { bot, telegram } = setup()
    const rider = newRider()
    const send = (update: Parameters<typeof bot.handleUpdate>[0]) => bot.handleUpdate(update)
    await send(callbackUpdate(rider, `ev:join:${first.id}`))
    await send(callbackUpdate(rider, 'ev:consent-yes'))
    await send(textUpdate(rider, '李明'))
    await send(contactUpdate(rider, { phone_number: '+8613812345678', user_id: rider.id }))
    await send(callbackUpdate(rider, 'ev:job:0'))
    await send(callbackUpdate(rider, 'ev:platform:0'))
    await send(callbackUpdate(rider, 'ev:platform-done'))
    expect(telegram.lastText(textMessages)).toContain('报名成功')

    await send(callbackUpdate(rider, `ev:join:${next.id}`))
    await send(callbackUpdate(rider, 'ev:consent-yes'))
    expect(telegram.lastText(textMessages)).toContain('用上次的信息：李明 · 138****5678 · 外卖骑手 · 美团')
    await send(callbackUpdate(rider, 'ev:reuse-yes'))
    expect(telegram.lastText(textMessages)).toContain('报名成功')
    expect(await registrationOf(next.id, rider.id)).toMatchObject({
      name: '李明',
      phone: '+8613812345678',
      occupation: '外卖骑手',
      platform: '美团',
    })

    await send(callbackUpdate(rider, `ev:join:${third.id}`))
    await send(callbackUpdate(rider, 'ev:consent-yes'))
    expect(telegram.lastText(textMessages)).toContain('用上次的信息：李明 · 美团')
    await send(callbackUpdate(rider, 'ev:reuse-no'))
    expect(telegram.lastText(textMessages)).toContain('请输入你的姓名')
    await send(textUpdate(rider, '李小明'))
    await send(callbackUpdate(rider, 'ev:platform:1'))
    await send(callbackUpdate(rider, 'ev:platform-done'))
    expect(await registrationOf(third.id, rider.id)).toMatchObject({ name: '李小明', platform: '饿了么' })
  })

  it('asks sensitive questions only after their own consent, and /mydata deletes the answers', async () => {
    const event = await createTestEvent(database.db, {
      title: '义诊',
      asks: ['name'],
      questions: ['骑手工号', '有什么慢性病吗？'],
      sensitiveQuestions: [1],
    })
    const { bot, telegram } = setup()
    const send = (update: Parameters<typeof bot.handleUpdate>[0]) => bot.handleUpdate(update)
    const declines = newRider()
    await send(callbackUpdate(declines, `ev:join:${event.id}`))
    const consent = telegram.lastText(textMessages)
    expect(consent).toContain('姓名')
    expect(consent).toContain('「骑手工号」')
    expect(consent).toContain('另有 1 个涉及敏感个人信息的问题')
    expect(consent).not.toContain('慢性病')
    await send(callbackUpdate(declines, 'ev:consent-yes'))
    expect(telegram.lastText(textMessages)).toContain('🔒')
    expect(telegram.lastText(textMessages)).toContain('「有什么慢性病吗？」')
    await send(callbackUpdate(declines, 'ev:sensitive-no'))
    await send(textUpdate(declines, '赵六'))
    expect(telegram.lastText(textMessages)).toContain('骑手工号')
    await send(textUpdate(declines, 'A1'))
    expect(telegram.lastText(textMessages)).toContain('报名成功')
    expect(telegram.texts(textMessages).some((text) => text.includes('主办方想问：<b>有什么慢性病吗？'))).toBe(false)
    expect(await registrationOf(event.id, declines.id)).toMatchObject({ answers: ['A1', ''], sensitiveConsentAt: null })

    const agrees = newRider()
    await send(callbackUpdate(agrees, `ev:join:${event.id}`))
    await send(callbackUpdate(agrees, 'ev:consent-yes'))
    await send(callbackUpdate(agrees, 'ev:sensitive-yes'))
    await send(textUpdate(agrees, '钱七'))
    await send(textUpdate(agrees, 'B2'))
    expect(telegram.lastText(textMessages)).toContain('有什么慢性病吗？')
    await send(textUpdate(agrees, '高血压'))
    const stored = await registrationOf(event.id, agrees.id)
    expect(stored?.answers).toEqual(['B2', '高血压'])
    expect(stored?.sensitiveConsentAt).not.toBeNull()

    await send(textUpdate(agrees, '/mydata'))
    expect(telegram.lastText(textMessages)).toContain('有什么慢性病吗？ 高血压')
    await send(callbackUpdate(agrees, 'ev:delete-yes'))
    expect(await registrationOf(event.id, agrees.id)).toMatchObject({ answers: [], sensitiveConsentAt: null, status: 'confirmed' })
  })
})
