import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { updateStation } from '../../../db/repositories/station-changes.js'
import { setAmenityOutage } from '../../../db/repositories/station-outages.js'
import { feedbackMessages, outbox, stationReports } from '../../../db/schema/index.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { captionedPhotoUpdate, outboxFor, seedChengduOrganizer, ticketsOf } from '../../helpers/feedback.js'
import { callbackUpdate, locationUpdate, stickerUpdate, textUpdate, voiceUpdate } from '../../helpers/updates.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
// Wednesday 2026-11-25 10:00 in Shanghai.
const start = new Date('2026-11-25T02:00:00Z')
const organizer = { id: 7001, first_name: '王组织' }

let database: TestDatabase
let ids: Record<'A' | 'B' | 'X', number>
let clock = start

beforeAll(async () => {
  database = await createTestDatabase()
  ids = await seedChengduOrganizer(database.db, organizer)
})
afterAll(async () => database.close())
beforeEach(async () => {
  clock = start
  await database.db.delete(stationReports)
  await database.db.delete(outbox)
})

const setup = () => createTestBot(database.db, { now: () => clock })
const later = (ms: number) => {
  clock = new Date(clock.getTime() + ms)
}
const reportsOf = (userId: number) => database.db.select().from(stationReports).where(eq(stationReports.userId, userId))
const toasts = (telegram: ReturnType<typeof setup>['telegram']) =>
  telegram.callsOf('answerCallbackQuery').map((call) => String(call.payload.text ?? ''))

async function openCard(
  bot: ReturnType<typeof setup>['bot'],
  telegram: ReturnType<typeof setup>['telegram'],
  rider: { id: number },
  stationId: number,
) {
  telegram.clear()
  await bot.handleUpdate(callbackUpdate(rider, `st:nav:${stationId}`))
  return telegram.lastText({ chatId: rider.id })
}

describe('📣 报告情况', () => {
  it('offers the one-tap choices on the card and files 没有热水 as a report with a ticket routed like 我有话说', async () => {
    const rider = { id: 5101, first_name: '小李' }
    const { bot, telegram } = setup()
    await openCard(bot, telegram, rider, ids.A)
    const cardButtons = telegram.buttons({ chatId: rider.id })
    expect(cardButtons.map((button) => button.text)).toEqual(expect.arrayContaining(['高德地图导航', '📣 报告情况', '👍 刚来过，一切正常']))

    await bot.handleUpdate(callbackUpdate(rider, `sr:menu:${ids.A}`))
    expect(telegram.lastText({ chatId: rider.id })).toContain('现在怎么样')
    expect(telegram.buttons({ chatId: rider.id }).map((button) => button.text)).toEqual([
      '🔒 现在没开门',
      '♨️ 没有热水',
      '🔌 充电用不了',
      '🚻 厕所不能用',
      '📍 位置不对',
      '🕘 营业时间不对',
      '🚫 这里已经没有驿站了',
      '📝 其它（文字 / 照片 / 语音）',
    ])
    await bot.handleUpdate(callbackUpdate(rider, `sr:pick:${ids.A}:no_hot_water`))

    const [ticket] = await ticketsOf(database.db, rider.id)
    expect(ticket).toMatchObject({ category: 'station_report', stationId: ids.A, city: '成都', assigneeId: organizer.id, status: 'new' })
    expect(ticket?.dueAt.getTime()).toBe(clock.getTime() + 24 * HOUR)
    const [report] = await reportsOf(rider.id)
    expect(report).toMatchObject({ kind: 'no_hot_water', stationId: ids.A, ticketId: ticket?.id, status: 'open', weight: 1 })
    const [message] = await database.db
      .select()
      .from(feedbackMessages)
      .where(eq(feedbackMessages.ticketId, ticket?.id ?? 0))
    expect(message?.text).toBe('📣 驿站情况：没有热水')
    expect(telegram.lastText({ chatId: rider.id })).toContain(`#${ticket?.number}`)
    const notices = await outboxFor(database.db, organizer.id)
    expect(JSON.stringify(notices.at(-1)?.payload)).toContain('📣 驿站反馈')

    // Other riders see it at once, on the card and in the list, until it fades.
    later(35 * MINUTE)
    const other = { id: 5102, first_name: '小王' }
    expect(await openCard(bot, telegram, other, ids.A)).toContain('⚠️ 35 分钟前有骑手反馈：没有热水')
    telegram.clear()
    await bot.handleUpdate(locationUpdate(other, 30.65, 104.06))
    expect(telegram.lastText({ chatId: other.id })).toContain('⚠️ 35 分钟前有骑手反馈：没有热水')
    later(6 * HOUR)
    expect(await openCard(bot, telegram, other, ids.A)).not.toContain('有骑手反馈')
  })

  it('takes one report per rider and station an hour, with a friendly word on when they can again', async () => {
    const rider = { id: 5103, first_name: '小赵' }
    const { bot, telegram } = setup()
    await bot.handleUpdate(callbackUpdate(rider, `sr:pick:${ids.A}:toilet_broken`))
    later(20 * MINUTE)
    await bot.handleUpdate(callbackUpdate(rider, `sr:pick:${ids.A}:closed`))
    // 10:00 + 1 h, in Shanghai time.
    expect(telegram.lastText({ chatId: rider.id })).toContain('11:00 以后可以再报')
    await bot.handleUpdate(callbackUpdate(rider, `sr:pick:${ids.A}:other`))
    expect(telegram.lastText({ chatId: rider.id })).toContain('11:00 以后可以再报')
    // Another station, and the same one an hour later, are fine.
    await bot.handleUpdate(callbackUpdate(rider, `sr:pick:${ids.B}:closed`))
    later(41 * MINUTE)
    await bot.handleUpdate(callbackUpdate(rider, `sr:pick:${ids.A}:closed`))
    expect((await reportsOf(rider.id)).map((row) => row.kind).sort()).toEqual(['closed', 'closed', 'toilet_broken'])
    expect(await ticketsOf(database.db, rider.id)).toHaveLength(3)
  })

  it('weighs a rider whose reports were dismissed repeatedly at half', async () => {
    const rider = { id: 5104, first_name: '小钱' }
    const { bot } = setup()
    await bot.handleUpdate(callbackUpdate(rider, `sr:pick:${ids.A}:gone`))
    await bot.handleUpdate(callbackUpdate(rider, `sr:pick:${ids.B}:gone`))
    await database.db.update(stationReports).set({ status: 'dismissed' }).where(eq(stationReports.userId, rider.id))
    later(2 * HOUR)
    await bot.handleUpdate(callbackUpdate(rider, `sr:pick:${ids.A}:closed`))
    const latest = (await reportsOf(rider.id)).find((row) => row.kind === 'closed')
    expect(latest?.weight).toBe(0.5)
  })

  it('answers forged and stale data kindly and records nothing', async () => {
    const rider = { id: 5105, first_name: '小孙' }
    const { bot, telegram } = setup()
    for (const data of [`sr:pick:${ids.A}:all_good`, `sr:pick:${ids.A}:__proto__`, 'sr:pick:0:closed', 'sr:good:abc', 'sr:nope']) {
      await bot.handleUpdate(callbackUpdate(rider, data))
    }
    expect(toasts(telegram)).toEqual(Array(5).fill('这个按钮已经失效了，请重新发送位置或地名。'))
    await bot.handleUpdate(callbackUpdate(rider, 'sr:pick:999999:closed'))
    await bot.handleUpdate(callbackUpdate(rider, 'sr:good:999999'))
    await bot.handleUpdate(callbackUpdate(rider, 'sr:menu:999999'))
    expect(
      telegram
        .texts({ chatId: rider.id })
        .concat(toasts(telegram))
        .filter((text) => text.includes('不再开放')),
    ).toHaveLength(3)
    expect(await reportsOf(rider.id)).toEqual([])
    expect(await ticketsOf(database.db, rider.id)).toEqual([])
  })
})

describe('其它（文字 / 照片 / 语音）', () => {
  it('takes a short text, turning away stickers and overlong text kindly', async () => {
    const rider = { id: 5201, first_name: '小周' }
    const { bot, telegram } = setup()
    await bot.handleUpdate(callbackUpdate(rider, `sr:pick:${ids.A}:other`))
    expect(telegram.lastText({ chatId: rider.id })).toContain('说说看到了什么')
    await bot.handleUpdate(stickerUpdate(rider))
    expect(telegram.lastText({ chatId: rider.id })).toContain('发照片或者发语音')
    await bot.handleUpdate(textUpdate(rider, '门'.repeat(301)))
    expect(telegram.lastText({ chatId: rider.id })).toContain('301 字')
    expect(await reportsOf(rider.id)).toEqual([])
    await bot.handleUpdate(textUpdate(rider, '门口在修路，<电动车>进不去'))
    const [report] = await reportsOf(rider.id)
    expect(report).toMatchObject({ kind: 'other', text: '门口在修路，<电动车>进不去', fileId: null })
    expect(await ticketsOf(database.db, rider.id)).toHaveLength(1)
    later(5 * MINUTE)
    expect(await openCard(bot, telegram, { id: 5299 }, ids.A)).toContain('5 分钟前有骑手反馈：其它情况：门口在修路，&lt;电动车&gt;进不去')
  })

  it('takes a photo with its caption, or a voice message', async () => {
    const photoRider = { id: 5202, first_name: '小吴' }
    const voiceRider = { id: 5203, first_name: '小郑' }
    const { bot } = setup()
    await bot.handleUpdate(callbackUpdate(photoRider, `sr:pick:${ids.B}:other`))
    await bot.handleUpdate(captionedPhotoUpdate(photoRider, '饮水机坏了'))
    expect((await reportsOf(photoRider.id))[0]).toMatchObject({ text: '饮水机坏了', fileId: 'photo-1', fileKind: 'photo' })
    await bot.handleUpdate(callbackUpdate(voiceRider, `sr:pick:${ids.B}:other`))
    await bot.handleUpdate(voiceUpdate(voiceRider))
    expect((await reportsOf(voiceRider.id))[0]).toMatchObject({ text: '', fileId: 'voice-1', fileKind: 'voice' })
    const [ticket] = await ticketsOf(database.db, voiceRider.id)
    const [message] = await database.db
      .select()
      .from(feedbackMessages)
      .where(eq(feedbackMessages.ticketId, ticket?.id ?? 0))
    expect(message).toMatchObject({ kind: 'voice', fileId: 'voice-1' })
  })
})

describe('👍 刚来过，一切正常 and the card', () => {
  it('records a check-in without a ticket, once an hour, and the card shows it and the freshness', async () => {
    const rider = { id: 5301, first_name: '小冯' }
    const { bot, telegram } = setup()
    await bot.handleUpdate(callbackUpdate(rider, `sr:good:${ids.B}`))
    expect(telegram.lastText({ chatId: rider.id })).toContain('谢谢')
    await bot.handleUpdate(callbackUpdate(rider, `sr:good:${ids.B}`))
    expect(telegram.lastText({ chatId: rider.id })).toContain('11:00 以后可以再点')
    expect(await reportsOf(rider.id)).toMatchObject([{ kind: 'all_good', ticketId: null }])
    expect(await ticketsOf(database.db, rider.id)).toEqual([])

    later(HOUR)
    const card = await openCard(bot, telegram, { id: 5399 }, ids.B)
    expect(card).toContain('1 小时前有骑手来过 ✅')
    expect(card).toContain('刚有骑手确认')
    later(24 * HOUR)
    expect(await openCard(bot, telegram, { id: 5399 }, ids.B)).not.toContain('刚有骑手确认')
  })

  it('shows a temporary closure with its reason, amenities out, and when the data was verified', async () => {
    const station = ids.X
    await updateStation(
      database.db,
      station,
      { closedUntil: new Date('2026-12-10T01:00:00Z'), closedReason: '装修', lastVerified: '2026-11-22' },
      { actorId: organizer.id, source: 'organizer' },
    )
    await setAmenityOutage(
      database.db,
      { stationId: station, amenity: 'hot_water', until: null, reason: '' },
      { actorId: organizer.id, source: 'organizer' },
    )
    const { bot, telegram } = setup()
    const card = await openCard(bot, telegram, { id: 5302 }, station)
    expect(card).toContain('⛔ 暂停开放（装修），12/10 09:00 恢复')
    expect(card).not.toContain('24 小时营业')
    expect(card).toContain('🚫 ♨️ 热水暂停供应')
    expect(card).toContain('3 天前核实')
  })
})

describe('可能没开门', () => {
  it('marks a station two riders found closed within two hours, and lists it below the open ones', async () => {
    const { bot, telegram } = setup()
    const looker = { id: 5401, first_name: '小陈' }
    await bot.handleUpdate(locationUpdate(looker, 30.65, 104.06))
    const before = telegram.lastText({ chatId: looker.id })
    expect(before.indexOf('成都测试驿站A')).toBeLessThan(before.indexOf('成都测试驿站B'))

    await bot.handleUpdate(callbackUpdate({ id: 5402 }, `sr:pick:${ids.A}:closed`))
    later(10 * MINUTE)
    // One rider is not enough.
    telegram.clear()
    await bot.handleUpdate(locationUpdate(looker, 30.65, 104.06))
    expect(telegram.lastText({ chatId: looker.id })).not.toContain('可能没开门')
    await bot.handleUpdate(callbackUpdate({ id: 5403 }, `sr:pick:${ids.A}:closed`))

    telegram.clear()
    await bot.handleUpdate(locationUpdate(looker, 30.65, 104.06))
    const after = telegram.lastText({ chatId: looker.id })
    expect(after.indexOf('成都测试驿站B')).toBeLessThan(after.indexOf('成都测试驿站A'))
    expect(after).toContain('可能没开门')
    expect(await openCard(bot, telegram, looker, ids.A)).toContain('可能没开门')

    // Two hours on the marks are gone and A is back in its place.
    later(2 * HOUR)
    telegram.clear()
    await bot.handleUpdate(locationUpdate(looker, 30.65, 104.06))
    const gone = telegram.lastText({ chatId: looker.id })
    expect(gone.indexOf('成都测试驿站A')).toBeLessThan(gone.indexOf('成都测试驿站B'))
    expect(gone).not.toContain('可能没开门')
  })
})
