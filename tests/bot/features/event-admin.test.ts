import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listSlots } from '../../../db/repositories/events.js'
import { events, stations } from '../../../db/schema/index.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { textMessages } from '../../helpers/fake-telegram.js'
import { callbackUpdate, locationUpdate, textUpdate } from '../../helpers/updates.js'

let database: TestDatabase
let stationId: number
beforeAll(async () => {
  database = await createTestDatabase()
  const [station] = await database.db
    .insert(stations)
    .values({
      externalId: 'ea-hubin',
      name: '湖滨暖新驿站',
      kind: 'union',
      city: '杭州',
      district: '上城区',
      address: '湖滨路 1 号',
      lat: 30.259,
      lng: 120.163,
    })
    .returning()
  stationId = station?.id ?? 0
})
afterAll(async () => database.close())

// 2026-12-01 10:00 in Shanghai.
const now = new Date('2026-12-01T02:00:00Z')
const adminId = 8001
const admin = { id: adminId, first_name: 'Org' }
const env = { ADMIN_IDS: String(adminId) }

/** The text of the last message sent or edited. */
/** Callback data of every button on the last message that had any. */

describe('creating an event', () => {
  it('walks through every step, re-asks on bad input, previews and publishes', async () => {
    const { bot, telegram } = createTestBot(database.db, { now: () => now, env })
    const say = async (text: string) => bot.handleUpdate(textUpdate(admin, text))
    const tap = async (data: string) => bot.handleUpdate(callbackUpdate(admin, data))

    await say('/newevent')
    expect(telegram.lastText(textMessages)).toContain('新建活动')
    expect(telegram.callbackData({ withMarkup: true })).toContain('ea:step:kind:health_check')
    await say('体检')
    expect(telegram.lastText(textMessages)).toContain('请点上面的按钮')
    await tap('ea:step:kind:health_check')
    expect(telegram.lastText(textMessages)).toContain('活动名称')
    await say('很'.repeat(61))
    expect(telegram.lastText(textMessages)).toContain('1–60')
    await say('冬季免费体检')
    await tap('ea:step:skip')
    expect(telegram.lastText(textMessages)).toContain('活动在哪里')
    await say('湖滨')
    expect(telegram.callbackData({ withMarkup: true })).toContain(`ea:step:station:${stationId}`)
    await tap(`ea:step:station:${stationId}`)
    expect(telegram.lastText(textMessages)).toContain('什么时候开始')
    await say('明天上午')
    expect(telegram.lastText(textMessages)).toContain('还差几点')
    await say('体检那天')
    expect(telegram.lastText(textMessages)).toContain('没看懂')
    await say('2026-11-01 09:00')
    expect(telegram.lastText(textMessages)).toContain('已经过去')
    await say('12月5日 9:00')
    await say('08:00')
    expect(telegram.lastText(textMessages)).toContain('晚于开始')
    await say('11:30')
    await say('0')
    expect(telegram.lastText(textMessages)).toContain('1 到 10000')
    await say('30')
    expect(telegram.lastText(textMessages)).toContain('分时段')
    await say('30 20')
    // 30 typed as the total, but 5 slots × 20 make 100: the organizer is asked, not overruled.
    expect(telegram.lastText(textMessages)).toContain('5 个时段 × 每段 20 人 = 100 人')
    expect(telegram.callbackData({ withMarkup: true })).toEqual(
      expect.arrayContaining(['ea:step:slotsum', 'ea:step:sloteven', 'ea:step:slotagain']),
    )
    await tap('ea:step:slotsum')
    await tap('ea:step:default')
    await tap('ea:step:default')
    expect(telegram.lastText(textMessages)).toContain('需要填写哪些信息')
    await tap('ea:step:ask:name')
    await tap('ea:step:ask:phone')
    await tap('ea:step:ask:phone')
    const toggled = telegram.callsOf('editMessageReplyMarkup').at(-1)
    expect(JSON.stringify(toggled?.payload)).toContain('✅ 姓名')
    await tap('ea:step:done')
    await say('你的骑手工号？')
    expect(telegram.lastText(textMessages)).toContain('敏感个人信息')
    await tap('ea:step:qplain')
    await tap('ea:step:done')
    const preview = telegram.lastText(textMessages)
    expect(preview).toContain('预览')
    expect(preview).toContain('冬季免费体检')
    expect(preview).toContain('12月5日（周六）09:00–11:30')
    expect(preview).toContain('湖滨暖新驿站')
    expect(preview).toContain('共 5 个时段')
    expect(preview).toContain('报名时填写：姓名')
    expect(preview).toContain('你的骑手工号？')
    expect(telegram.callbackData({ withMarkup: true })).toEqual(
      expect.arrayContaining(['ea:step:publish', 'ea:step:draft', 'ea:step:discard']),
    )
    await tap('ea:step:publish')
    expect(telegram.lastText(textMessages)).toContain('已发布')

    const [event] = await database.db.select().from(events).where(eq(events.title, '冬季免费体检'))
    expect(event).toMatchObject({
      status: 'published',
      kind: 'health_check',
      capacity: 100,
      stationId,
      city: '杭州',
      asks: ['name'],
      questions: ['你的骑手工号？'],
      sensitiveQuestions: [],
      startsAt: new Date('2026-12-05T01:00:00Z'),
      endsAt: new Date('2026-12-05T03:30:00Z'),
      registrationClosesAt: new Date('2026-12-05T01:00:00Z'),
      cancelClosesAt: new Date('2026-12-04T23:00:00Z'),
      createdBy: adminId,
    })
    expect(await listSlots(database.db, event?.id ?? 0)).toHaveLength(5)
  })

  it('continues at the same step after a restart, takes a shared location and saves a draft', async () => {
    const first = createTestBot(database.db, { now: () => now, env })
    await first.bot.handleUpdate(textUpdate(admin, '/newevent'))
    await first.bot.handleUpdate(callbackUpdate(admin, 'ea:step:kind:meal'))
    await first.bot.handleUpdate(textUpdate(admin, '爱心午餐'))

    // A new process on the same database: the conversation goes on at the description step.
    const { bot, telegram } = createTestBot(database.db, { now: () => now, env })
    const say = async (text: string) => bot.handleUpdate(textUpdate(admin, text))
    const tap = async (data: string) => bot.handleUpdate(callbackUpdate(admin, data))
    await say('每人一份热饭')
    expect(telegram.lastText(textMessages)).toContain('活动在哪里')
    await bot.handleUpdate(locationUpdate(admin, 30.26, 120.164))
    expect(telegram.lastText(textMessages)).toContain('详细地址')
    await say('湖滨路 8 号门口')
    // The nearest station is in 杭州, so the city is not asked.
    expect(telegram.lastText(textMessages)).toContain('什么时候开始')
    await say('12-06 11:00')
    await say('13:00')
    await say('70')
    await tap('ea:step:noslots')
    await say('12-06 10:00')
    await say('12-06 09:00')
    await tap('ea:step:done')
    await tap('ea:step:done')
    expect(telegram.lastText(textMessages)).toContain('不分时段')
    await tap('ea:step:draft')
    const [event] = await database.db.select().from(events).where(eq(events.title, '爱心午餐'))
    expect(event).toMatchObject({
      status: 'draft',
      description: '每人一份热饭',
      address: '湖滨路 8 号门口',
      city: '杭州',
      stationId: null,
      capacity: 70,
      registrationClosesAt: new Date('2026-12-06T02:00:00Z'),
      cancelClosesAt: new Date('2026-12-06T01:00:00Z'),
    })
  })

  it('asks which total is meant when the slots do not add up to the typed capacity, and shows how it was made', async () => {
    const { bot, telegram } = createTestBot(database.db, { now: () => now, env })
    const say = async (text: string) => bot.handleUpdate(textUpdate(admin, text))
    const tap = async (data: string) => bot.handleUpdate(callbackUpdate(admin, data))
    await say('/newevent')
    await tap('ea:step:kind:health_check')
    await say('名额核对体检')
    await tap('ea:step:skip')
    await say('湖滨')
    await tap(`ea:step:station:${stationId}`)
    await say('12月5日 9:00')
    await say('11:30')
    await say('20')
    await say('30 5')
    expect(telegram.lastText(textMessages)).toContain('你填的总名额是 20 人')
    expect(telegram.lastText(textMessages)).toContain('= 25 人')
    // Setting the slots again asks the slot question once more.
    await tap('ea:step:slotagain')
    expect(telegram.lastText(textMessages)).toContain('要分时段报名吗')
    await say('30 5')
    await tap('ea:step:sloteven')
    await tap('ea:step:default')
    await tap('ea:step:default')
    await tap('ea:step:done')
    await tap('ea:step:done')
    expect(telegram.lastText(textMessages)).toContain('名额 20 人（5 个时段 × 4 人）')
    await tap('ea:step:draft')
    const [event] = await database.db.select().from(events).where(eq(events.title, '名额核对体检'))
    expect(event?.capacity).toBe(20)
    expect((await listSlots(database.db, event?.id ?? 0)).map((slot) => slot.capacity)).toEqual([4, 4, 4, 4, 4])
  })

  it('reads dates in Chinese words in Shanghai time and echoes them back before using them', async () => {
    const { bot, telegram } = createTestBot(database.db, { now: () => now, env })
    const say = async (text: string) => bot.handleUpdate(textUpdate(admin, text))
    const tap = async (data: string) => bot.handleUpdate(callbackUpdate(admin, data))
    await say('/newevent')
    await tap('ea:step:kind:training')
    await say('口语时间测试')
    await tap('ea:step:skip')
    await say('湖滨')
    await tap(`ea:step:station:${stationId}`)
    await say('明天上午9点')
    expect(telegram.lastText(textMessages)).toBe('开始时间是 12月2日（周三）09:00，对吗？')
    await tap('ea:step:dateno')
    expect(telegram.lastText(textMessages)).toContain('重新输入开始时间')
    await say('九点')
    expect(telegram.lastText(textMessages)).toContain('还差哪一天')
    await say('下周六下午两点')
    expect(telegram.lastText(textMessages)).toBe('开始时间是 12月12日（周六）14:00，对吗？')
    await tap('ea:step:dateok')
    expect(telegram.lastText(textMessages)).toContain('几点结束')
    await say('下午5点')
    await say('40')
    await tap('ea:step:noslots')
    await tap('ea:step:default')
    await tap('ea:step:default')
    await tap('ea:step:done')
    // A health question is marked sensitive: riders consent to it separately.
    await say('骑手工号')
    await tap('ea:step:qplain')
    await say('有慢性病吗？')
    await tap('ea:step:qsens')
    await tap('ea:step:done')
    expect(telegram.lastText(textMessages)).toContain('问题 2：有慢性病吗？ 🔒 敏感')
    expect(telegram.lastText(textMessages)).not.toContain('问题 1：骑手工号 🔒')
    await tap('ea:step:draft')
    const [event] = await database.db.select().from(events).where(eq(events.title, '口语时间测试'))
    expect(event).toMatchObject({ startsAt: new Date('2026-12-12T06:00:00Z'), endsAt: new Date('2026-12-12T09:00:00Z') })
    expect(event).toMatchObject({ questions: ['骑手工号', '有慢性病吗？'], sensitiveQuestions: [1] })
  })

  it('leaves with the 取消 button or /cancel, storing nothing', async () => {
    const { bot, telegram } = createTestBot(database.db, { now: () => now, env })
    await bot.handleUpdate(textUpdate(admin, '/newevent'))
    await bot.handleUpdate(callbackUpdate(admin, 'ea:step:kind:lecture'))
    await bot.handleUpdate(callbackUpdate(admin, 'ea:step:stop'))
    expect(telegram.lastText(textMessages)).toContain('已退出')
    await bot.handleUpdate(textUpdate(admin, '/newevent'))
    await bot.handleUpdate(callbackUpdate(admin, 'ea:step:kind:lecture'))
    await bot.handleUpdate(textUpdate(admin, '/cancel'))
    expect(telegram.lastText(textMessages)).toContain('已退出')
    await bot.handleUpdate(textUpdate(admin, '不该成为标题'))
    expect(await database.db.select().from(events).where(eq(events.kind, 'lecture'))).toHaveLength(0)
  })

  it('refuses workers, and offers a scoped organizer only stations in their area', async () => {
    const { bot, telegram } = createTestBot(database.db, { now: () => now, env })
    await bot.handleUpdate(textUpdate({ id: 8002 }, '/newevent'))
    expect(telegram.lastText(textMessages)).toContain('只对负责该活动的组织者开放')
    await bot.handleUpdate(callbackUpdate({ id: 8002 }, 'ea:new'))
    expect(telegram.callsOf('answerCallbackQuery').at(-1)?.payload.text).toContain('组织者')

    const { addScope, setRole } = await import('../../../db/repositories/roles.js')
    await bot.handleUpdate(textUpdate({ id: 8003 }, '/start'))
    await setRole(database.db, { userId: 8003, role: 'organizer', changedBy: adminId, via: 'command' })
    await addScope(database.db, { userId: 8003, city: '宁波', createdBy: adminId })
    await bot.handleUpdate(textUpdate({ id: 8003 }, '/newevent'))
    await bot.handleUpdate(callbackUpdate({ id: 8003 }, 'ea:step:kind:market'))
    await bot.handleUpdate(textUpdate({ id: 8003 }, '周末市集'))
    await bot.handleUpdate(callbackUpdate({ id: 8003 }, 'ea:step:skip'))
    await bot.handleUpdate(textUpdate({ id: 8003 }, '湖滨'))
    expect(telegram.lastText(textMessages)).toContain('没找到')
    // A forged station button for a station outside the scope changes nothing.
    await bot.handleUpdate(callbackUpdate({ id: 8003 }, `ea:step:station:${stationId}`))
    expect(telegram.lastText(textMessages)).toContain('不在你负责的范围')
  })
})
