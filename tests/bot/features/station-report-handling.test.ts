import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { addScope } from '../../../db/repositories/roles.js'
import { currentOutages } from '../../../db/repositories/station-outages.js'
import { outbox, stationAmenityOutages, stationReports, stations } from '../../../db/schema/index.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { addUser, outboxFor, seedStations } from '../../helpers/feedback.js'
import { fileReport } from '../../helpers/station-reports.js'
import { callbackUpdate, photoUpdate, textUpdate } from '../../helpers/updates.js'

// 10:00 in Shanghai.
const now = new Date('2026-12-07T02:00:00Z')
const chengdu = { id: 7401, first_name: '成都组织者' }
const xian = { id: 7402, first_name: '西安组织者' }
const riderA = { id: 5401, first_name: '骑手甲' }
const riderB = { id: 5402, first_name: '骑手乙' }

let database: TestDatabase
let ids: Record<'A' | 'B' | 'X', number>

beforeAll(async () => {
  database = await createTestDatabase()
  ids = await seedStations(database.db)
  await addUser(database.db, { id: chengdu.id, firstName: chengdu.first_name, role: 'organizer' })
  await addScope(database.db, { userId: chengdu.id, city: '成都', createdBy: null })
  await addUser(database.db, { id: xian.id, firstName: xian.first_name, role: 'organizer' })
  await addScope(database.db, { userId: xian.id, city: '西安', createdBy: null })
  for (const rider of [riderA, riderB]) await addUser(database.db, { id: rider.id, firstName: rider.first_name })
})
afterAll(async () => database.close())

beforeEach(async () => {
  await database.db.delete(stationReports)
  await database.db.delete(stationAmenityOutages)
  await database.db.delete(outbox)
  await database.db.update(stations).set({ active: true, closedUntil: null, closedReason: '' })
})

const setup = () => createTestBot(database.db, { now: () => now, env: { FEEDBACK_MAX_PER_HOUR: '100' } })
const report = (rider: { id: number }, kind: Parameters<typeof fileReport>[1]['kind']) =>
  fileReport(database.db, { stationId: ids.A, userId: rider.id, kind, now: new Date(now.getTime() - 1_800_000) })
const statusOf = async (id: number) => (await database.db.select().from(stationReports).where(eq(stationReports.id, id)))[0]?.status
const noticesTo = async (userId: number) =>
  (await outboxFor(database.db, userId))
    .filter((row) => row.kind === 'station-report-outcome')
    .map((row) => ('text' in row.payload ? row.payload.text : ''))

describe('a station report in the inbox', () => {
  it('shows what the rider saw and the station, with ✅ 确认 and ❌ 驳回 on the card', async () => {
    const filed = await report(riderA, 'no_hot_water')
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate(chengdu, '/inbox'))
    expect(telegram.lastText({ chatId: chengdu.id })).toContain('驿站反馈·没有热水')
    expect(telegram.lastText({ chatId: chengdu.id })).toContain('成都测试驿站A')
    await bot.handleUpdate(callbackUpdate(chengdu, `fb:open:${filed.ticketId}`))
    expect(telegram.lastText({ chatId: chengdu.id })).toContain('📣 骑手反馈：⏳ 待核实')
    expect(telegram.callbackData({ chatId: chengdu.id })).toEqual(
      expect.arrayContaining([`rh:confirm:${filed.ticketId}`, `rh:dismiss:${filed.ticketId}`, `fb:reply:${filed.ticketId}`]),
    )
  })
})

describe('confirming from the card', () => {
  it('asks until when, puts the hot water out, tells both reporters and offers 热水已恢复', async () => {
    const first = await report(riderA, 'no_hot_water')
    const second = await report(riderB, 'no_hot_water')
    const { bot, telegram } = setup()
    await bot.handleUpdate(callbackUpdate(chengdu, `rh:confirm:${first.ticketId}`))
    expect(telegram.lastText({ chatId: chengdu.id })).toContain('持续到什么时候')
    expect(telegram.callbackData({ chatId: chengdu.id })).toEqual(
      expect.arrayContaining([
        `rh:apply:${first.ticketId}:today`,
        `rh:apply:${first.ticketId}:tomorrow`,
        `rh:apply:${first.ticketId}:open`,
      ]),
    )
    await bot.handleUpdate(callbackUpdate(chengdu, `rh:apply:${first.ticketId}:today`))
    expect(telegram.lastText({ chatId: chengdu.id })).toContain('2 条反馈已处理')
    expect(await statusOf(second.id)).toBe('confirmed')
    expect((await currentOutages(database.db, [ids.A], now))[0]?.until).toEqual(new Date('2026-12-07T16:00:00Z'))
    expect(await noticesTo(riderB.id)).toEqual(['你反馈的「成都测试驿站A」没有热水，已确认。谢谢你的反馈！'])

    // A double tap changes nothing and says so.
    await bot.handleUpdate(callbackUpdate(chengdu, `rh:apply:${first.ticketId}:open`))
    expect(telegram.alerts().at(-1)).toBe('这条反馈已经处理过了。')
    expect((await currentOutages(database.db, [ids.A], now))[0]?.until).toEqual(new Date('2026-12-07T16:00:00Z'))

    expect(telegram.callbackData({ chatId: chengdu.id })).toContain(`rh:restore:${first.ticketId}`)
    await bot.handleUpdate(callbackUpdate(chengdu, `rh:restore:${first.ticketId}`))
    expect(await currentOutages(database.db, [ids.A], now)).toEqual([])
    expect((await noticesTo(riderA.id)).at(-1)).toBe('你反馈过的「成都测试驿站A」热水已恢复，谢谢你的反馈！')
    await bot.handleUpdate(callbackUpdate(chengdu, `rh:restore:${first.ticketId}`))
    expect(telegram.alerts().at(-1)).toContain('不用恢复')
  })

  it('reopens from the station’s own button and tells the reporter', async () => {
    const filed = await report(riderA, 'closed')
    const { bot, telegram } = setup()
    await bot.handleUpdate(callbackUpdate(chengdu, `rh:confirm:${filed.ticketId}`))
    await bot.handleUpdate(callbackUpdate(xian, `rh:restore-at:${ids.A}:closed`))
    expect(telegram.alerts().at(-1)).toContain('不归你负责')
    await bot.handleUpdate(callbackUpdate(chengdu, `rh:restore-at:${ids.A}:closed`))
    expect(telegram.lastText({ chatId: chengdu.id })).toContain('已恢复')
    expect((await database.db.select().from(stations).where(eq(stations.id, ids.A)))[0]?.closedUntil).toBeNull()
    expect((await noticesTo(riderA.id)).at(-1)).toBe('你反馈过的「成都测试驿站A」已恢复开放，谢谢你的反馈！')
  })

  it('confirms 现在没开门 in one tap', async () => {
    const filed = await report(riderA, 'closed')
    const { bot, telegram } = setup()
    await bot.handleUpdate(callbackUpdate(chengdu, `rh:confirm:${filed.ticketId}`))
    expect(telegram.lastText({ chatId: chengdu.id })).toContain('今天标为暂停开放')
    const [station] = await database.db.select().from(stations).where(eq(stations.id, ids.A))
    expect(station?.closedUntil).toEqual(new Date('2026-12-07T16:00:00Z'))
  })

  it('links a wrong-hours report to ✏️ 更正信息 and confirms it with ✅ 已更正', async () => {
    const filed = await report(riderA, 'wrong_hours')
    const { bot, telegram } = setup()
    await bot.handleUpdate(callbackUpdate(chengdu, `rh:confirm:${filed.ticketId}`))
    expect(telegram.callbackData({ chatId: chengdu.id })).toEqual(
      expect.arrayContaining([`sa:edit:${ids.A}`, `rh:apply:${filed.ticketId}:open`]),
    )
    await bot.handleUpdate(callbackUpdate(chengdu, `rh:apply:${filed.ticketId}:open`))
    expect(await statusOf(filed.id)).toBe('confirmed')
    expect(await noticesTo(riderA.id)).toEqual([expect.stringContaining('营业时间不对，已确认，信息已更正')])
  })

  it('refuses an organizer of another city, a rider and forged data, changing nothing', async () => {
    const filed = await report(riderA, 'gone')
    const { bot, telegram } = setup()
    await bot.handleUpdate(callbackUpdate(xian, `rh:apply:${filed.ticketId}:open`))
    expect(telegram.alerts().at(-1)).toContain('不归你负责')
    await bot.handleUpdate(callbackUpdate(riderA, `rh:dismiss-now:${filed.ticketId}`))
    expect(telegram.alerts().at(-1)).toBe('这个功能只有组织者可以用。')
    await bot.handleUpdate(callbackUpdate(chengdu, `rh:apply:${filed.ticketId}:forever`))
    expect(telegram.alerts().at(-1)).toBe('这个按钮已经失效了。')
    await bot.handleUpdate(callbackUpdate(chengdu, 'rh:confirm:999999'))
    expect(telegram.alerts().at(-1)).toBe('找不到这条反馈。')
    expect(await statusOf(filed.id)).toBe('open')
    expect((await database.db.select().from(stations).where(eq(stations.id, ids.A)))[0]?.active).toBe(true)
  })
})

describe('the card after a confirmation', () => {
  it('keeps the way back (热水已恢复) when the card’s buttons are redrawn', async () => {
    const filed = await report(riderA, 'no_hot_water')
    const { bot, telegram } = setup()
    await bot.handleUpdate(callbackUpdate(chengdu, `rh:apply:${filed.ticketId}:open`))
    await bot.handleUpdate(callbackUpdate(chengdu, `fb:open:${filed.ticketId}`))
    expect(telegram.callbackData({ chatId: chengdu.id })).not.toContain(`rh:confirm:${filed.ticketId}`)
    expect(telegram.buttons({ chatId: chengdu.id }).map((button) => button.text)).toContain('♨️ 热水已恢复')
    await bot.handleUpdate(callbackUpdate(chengdu, `fb:public:${filed.ticketId}`))
    const edited = telegram.callsOf('editMessageReplyMarkup').at(-1)
    expect(JSON.stringify(edited?.payload)).toContain(`rh:restore:${filed.ticketId}`)
  })
})

describe('dismissing from the card', () => {
  it('takes an optional reason, then tells the reporter the station is fine', async () => {
    const filed = await report(riderA, 'closed')
    const { bot, telegram } = setup()
    await bot.handleUpdate(callbackUpdate(chengdu, `rh:dismiss:${filed.ticketId}`))
    expect(telegram.callbackData({ chatId: chengdu.id })).toEqual(
      expect.arrayContaining([`rh:dismiss-now:${filed.ticketId}`, `rh:dismiss-why:${filed.ticketId}`]),
    )
    await bot.handleUpdate(callbackUpdate(chengdu, `rh:dismiss-why:${filed.ticketId}`))
    expect(telegram.lastText({ chatId: chengdu.id })).toContain('驳回的原因')
    await bot.handleUpdate(photoUpdate(chengdu))
    expect(telegram.lastText({ chatId: chengdu.id })).toContain('请发一段文字')
    await bot.handleUpdate(textUpdate(chengdu, '今天正常开门，入口在北侧'))
    expect(telegram.lastText({ chatId: chengdu.id })).toContain('已驳回')
    expect(await statusOf(filed.id)).toBe('dismissed')
    expect(await noticesTo(riderA.id)).toEqual([
      '关于你反馈的「成都测试驿站A」（现在没开门）：我们核实后，驿站情况正常，谢谢你的反馈！\n说明：今天正常开门，入口在北侧',
    ])
  })

  it('dismisses without a reason in one more tap', async () => {
    const filed = await report(riderB, 'toilet_broken')
    const { bot } = setup()
    await bot.handleUpdate(callbackUpdate(chengdu, `rh:dismiss-now:${filed.ticketId}`))
    expect(await statusOf(filed.id)).toBe('dismissed')
    expect(await noticesTo(riderB.id)).toEqual(['关于你反馈的「成都测试驿站A」（厕所不能用）：我们核实后，驿站情况正常，谢谢你的反馈！'])
  })
})

describe('/stationstats', () => {
  it('shows an organizer their cities and organizers as a table, and refuses riders', async () => {
    await report(riderA, 'no_hot_water')
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate(chengdu, '/stationstats'))
    const text = telegram.lastText({ chatId: chengdu.id })
    expect(text).toContain('驿站统计')
    expect(text).toMatch(/成都 +2 +0 +1 +-/)
    expect(text).toMatch(/成都组织者 +2 +0 +1 +-/)
    expect(text).not.toContain('西安')
    await bot.handleUpdate(textUpdate(riderA, '/stationstats'))
    expect(telegram.lastText({ chatId: riderA.id })).toBe('这个功能只有组织者可以用。')
  })
})
