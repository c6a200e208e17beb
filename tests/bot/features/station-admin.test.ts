import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listStationChanges } from '../../../db/repositories/station-changes.js'
import { findNearestStations, findStation } from '../../../db/repositories/stations.js'
import { stations } from '../../../db/schema/index.js'
import { createTestBot } from '../../helpers/bot.js'
import { addScope, addStation, addUser } from '../../helpers/broadcast.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { textMessages } from '../../helpers/fake-telegram.js'
import { callbackUpdate, locationUpdate, photoUpdate, textUpdate } from '../../helpers/updates.js'

let database: TestDatabase
const ORGANIZER = { id: 7101, first_name: '王老师' }
const XIAN_ORGANIZER = { id: 7102, first_name: '李老师' }
const RIDER = { id: 7103, first_name: '小韩' }
const chunxi = { lat: 30.6571, lng: 104.0806 }
let existingId: number

beforeAll(async () => {
  database = await createTestDatabase()
  const { db } = database
  await addUser(db, ORGANIZER.id, { role: 'organizer' })
  await addScope(db, ORGANIZER.id, { city: '成都市' })
  await addUser(db, XIAN_ORGANIZER.id, { role: 'organizer' })
  await addScope(db, XIAN_ORGANIZER.id, { city: '西安市' })
  await addUser(db, RIDER.id)
  existingId = await addStation(db, { name: '春熙路工会驿站', city: '成都市', lat: chunxi.lat, lng: chunxi.lng })
})
afterAll(async () => database.close())

function session(from: typeof ORGANIZER) {
  const { bot, telegram } = createTestBot(database.db, { now: () => new Date('2026-06-10T04:00:00Z') })
  return {
    telegram,
    say: (text: string) => bot.handleUpdate(textUpdate(from, text)),
    tap: (data: string) => bot.handleUpdate(callbackUpdate(from, data)),
    pin: (lat: number, lng: number) => bot.handleUpdate(locationUpdate(from, lat, lng)),
    photo: () => bot.handleUpdate(photoUpdate(from)),
    last: () => telegram.lastText(textMessages),
    /** The texts of the last `count` messages sent, together. */
    recent: (count: number) =>
      telegram
        .callsOf('sendMessage')
        .slice(-count)
        .map((call) => String((call.payload as { text?: string }).text))
        .join('\n'),
  }
}

describe('/addstation', () => {
  it('walks an organizer from a shared location to a saved station with its history', async () => {
    const { say, tap, pin, photo, last, telegram } = session(ORGANIZER)
    await say('/addstation')
    expect(last()).toContain('驿站在哪里')
    await pin(30.6612, 104.0721)
    expect(last()).toContain('叫什么名字')
    await say('红星路喜乐驿站')
    await tap('sa:step:kind:community')
    expect(last()).toContain('详细地址')
    await say('红星路二段 70 号')
    await tap('sa:step:amenity:hot_water')
    await tap('sa:step:amenity:toilet')
    await tap('sa:step:amenity:toilet')
    await tap('sa:step:amenity:phone_charging')
    expect(JSON.stringify(telegram.callsOf('editMessageReplyMarkup').at(-1)?.payload)).toContain('✅ 🔌 手机充电')
    await tap('sa:step:done')
    expect(last()).toContain('营业时间')
    await say('很早到很晚')
    expect(last()).toContain('没看懂')
    await say('每天9点半到晚上9点')
    expect(last()).toContain('每天 09:30–21:00')
    await tap('sa:step:again')
    await say('周一到周五 8:30-18:00 中午12点到2点休息')
    expect(last()).toContain('周一至周五 08:30–12:00、14:00–18:00')
    await tap('sa:step:ok')
    await say('电话')
    expect(last()).toContain('只能有数字')
    await say('028-8888 6666')
    await say('不是照片')
    expect(last()).toContain('照片')
    await photo()
    expect(last()).toContain('请核对')
    expect(last()).toContain('红星路喜乐驿站')
    await tap('sa:step:save')
    expect(last()).toContain('已保存')

    const [saved] = await database.db.select().from(stations).where(eq(stations.name, '红星路喜乐驿站'))
    expect(saved).toMatchObject({
      city: '成都市',
      kind: 'community',
      address: '红星路二段 70 号',
      amenities: ['hot_water', 'phone_charging'],
      openingHours: 'Mo-Fr 08:30-12:00,14:00-18:00',
      phone: '028-8888 6666',
      photoFileId: 'photo-1',
    })
    const history = await listStationChanges(database.db, saved!.id, 10)
    expect(history).toHaveLength(1)
    expect(history[0]).toMatchObject({ actorId: ORGANIZER.id, source: 'organizer' })
    expect(history[0]?.fields.name).toEqual({ from: null, to: '红星路喜乐驿站' })
    const near = await findNearestStations(database.db, { lat: 30.6612, lng: 104.0721 }, { limit: 1 })
    expect(near[0]?.id).toBe(saved!.id)
  })

  it('shows a similar station within 100 m before making a duplicate, and 取消 keeps it at one', async () => {
    const { say, tap, last } = session(ORGANIZER)
    await say('/addstation')
    await say('春熙路')
    await tap(`sa:step:pick:${existingId}`)
    await say('春熙路工会驿站')
    await tap('sa:step:kind:union')
    await tap('sa:step:skip')
    await tap('sa:step:done')
    await tap('sa:step:skip')
    await tap('sa:step:skip')
    await tap('sa:step:skip')
    await tap('sa:step:save')
    expect(last()).toContain('100 米内已有名字相近的驿站')
    expect(last()).toContain('春熙路工会驿站')
    await tap('sa:step:stop')
    const rows = await database.db.select().from(stations).where(eq(stations.name, '春熙路工会驿站'))
    expect(rows).toHaveLength(1)
  })

  it('keeps an organizer to their own city', async () => {
    const { say, pin, last, recent } = session(XIAN_ORGANIZER)
    await say('/addstation')
    // Among 成都市's stations: not 西安市's organizer's to add.
    await pin(30.66, 104.07)
    expect(recent(2)).toContain('「成都市」，不在你负责的城市')
    expect(last()).toContain('驿站在哪里')
    // Where no station is near yet, the organizer's one city is taken.
    await pin(34.2655, 108.9542)
    expect(last()).toContain('叫什么名字')
  })

  it('asks for the city when nothing says it (an unscoped organizer far from every station)', async () => {
    await addUser(database.db, 7104, { role: 'organizer' })
    const { say, pin, last } = session({ id: 7104, first_name: '赵老师' })
    await say('/addstation')
    await pin(36.2, 116.77)
    expect(last()).toContain('哪个城市')
    await say('肥城市')
    expect(last()).toContain('叫什么名字')
  })

  it('tells an organizer of single stations that they cannot add one', async () => {
    await addUser(database.db, 7105, { role: 'organizer' })
    await addScope(database.db, 7105, { stationId: existingId })
    const { say, last } = session({ id: 7105, first_name: '周店长' })
    await say('/addstation')
    expect(last()).toContain('不能新增驿站')
  })

  it('refuses riders kindly', async () => {
    const { say, tap, last, telegram } = session(RIDER)
    await say('/addstation')
    expect(last()).toContain('组织者')
    await tap('sa:add')
    expect(telegram.callsOf('answerCallbackQuery').length).toBeGreaterThan(0)
    expect(last()).toContain('组织者')
  })
})

describe('✏️ editing a station', () => {
  it('changes one field through the menu and records old → new', async () => {
    const { say, tap, last, telegram } = session(ORGANIZER)
    await say(`/editstation ${existingId}`)
    expect(telegram.callbackData({ withMarkup: true })).toEqual(
      expect.arrayContaining([`sa:field:hours:${existingId}`, `sa:field:name:${existingId}`, `sa:field:photo:${existingId}`]),
    )
    await tap(`sa:field:hours:${existingId}`)
    await say('24小时')
    expect(last()).toContain('24 小时营业')
    await tap('sa:step:ok')
    expect(last()).toContain('已修改')
    expect((await findStation(database.db, existingId))?.openingHours).toBe('24/7')
    const [change] = await listStationChanges(database.db, existingId, 1)
    expect(change).toMatchObject({ actorId: ORGANIZER.id, source: 'organizer', fields: { openingHours: { from: '', to: '24/7' } } })
  })

  it('re-checks the scope on every tap: an organizer of another city cannot open or use the menu', async () => {
    const { say, tap, telegram } = session(XIAN_ORGANIZER)
    await say(`/editstation ${existingId}`)
    expect(telegram.lastText(textMessages)).toContain('不在你负责的范围')
    await tap(`sa:field:name:${existingId}`)
    const answer = telegram.callsOf('answerCallbackQuery').at(-1)
    expect(JSON.stringify(answer?.payload)).toContain('不在你负责的范围')
    await say('改个名字')
    expect((await findStation(database.db, existingId))?.name).toBe('春熙路工会驿站')
  })

  it('moves a station by a shared location, and leaves it as it was when the same value comes again', async () => {
    const { say, tap, pin, last } = session(ORGANIZER)
    await tap(`sa:field:location:${existingId}`)
    expect(last()).toContain('驿站在哪里')
    await pin(30.6575, 104.0811)
    expect(last()).toContain('已修改')
    const moved = await findStation(database.db, existingId)
    expect([moved?.lat, moved?.lng]).toEqual([30.6575, 104.0811])
    const [change] = await listStationChanges(database.db, existingId, 1)
    expect(change?.fields).toEqual({ lat: { from: chunxi.lat, to: 30.6575 }, lng: { from: chunxi.lng, to: 104.0811 } })

    await say(`/editstation ${existingId}`)
    await tap(`sa:field:name:${existingId}`)
    expect(last()).toContain('现在是：春熙路工会驿站')
    await say('春熙路工会驿站')
    expect(last()).toContain('没有改动')
  })

  it('answers stale and forged buttons without changing anything', async () => {
    const { say, tap, telegram } = session(ORGANIZER)
    await tap('sa:step:save')
    expect(JSON.stringify(telegram.callsOf('answerCallbackQuery').at(-1)?.payload)).toContain('已失效')
    await tap('sa:field:name:999999')
    expect(JSON.stringify(telegram.callsOf('answerCallbackQuery').at(-1)?.payload)).toContain('不在你负责的范围')
    await say('/editstation abc')
    expect(telegram.lastText(textMessages)).toContain('用法')
  })

  it('does not let a city’s organizer move a station into another city', async () => {
    await addStation(database.db, { name: '钟楼驿站', city: '西安市', lat: 34.261, lng: 108.9423 })
    const { tap, pin, last } = session(ORGANIZER)
    await tap(`sa:field:location:${existingId}`)
    await pin(34.2615, 108.9425)
    expect(last()).toContain('不在你负责的范围')
    expect((await findStation(database.db, existingId))?.city).toBe('成都市')
  })
})
