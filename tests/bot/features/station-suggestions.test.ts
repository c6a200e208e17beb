import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addScope } from '../../../db/repositories/roles.js'
import { stations, stationSuggestions } from '../../../db/schema/index.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { addUser, outboxFor, seedStations } from '../../helpers/feedback.js'
import { callbackUpdate, locationUpdate, photoUpdate, stickerUpdate, textUpdate } from '../../helpers/updates.js'

const now = new Date('2026-11-25T02:00:00Z')
const organizer = { id: 9101, first_name: '成都组织者' }
const other = { id: 9102, first_name: '西安组织者' }
let riderId = 9200
const env = { FEEDBACK_MAX_PER_HOUR: '100' }

let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase()
  await seedStations(database.db)
  await addUser(database.db, { id: organizer.id, firstName: organizer.first_name, role: 'organizer' })
  await addUser(database.db, { id: other.id, firstName: other.first_name, role: 'organizer' })
  await addScope(database.db, { userId: organizer.id, city: '成都', createdBy: null })
  await addScope(database.db, { userId: other.id, city: '西安', createdBy: null })
})
afterAll(async () => database.close())

const setup = () => createTestBot(database.db, { now: () => now, env })
const newRider = () => ({ id: ++riderId, first_name: `骑手小${riderId}` })
const suggestionsOf = (userId: number) => database.db.select().from(stationSuggestions).where(eq(stationSuggestions.userId, userId))

/** Walks the whole form: location, name, two amenities, a note, a photo, 提交. */
async function suggest(bot: ReturnType<typeof setup>['bot'], rider: { id: number }, name = '喜乐驿站', point = { lat: 30.7, lng: 104.1 }) {
  await bot.handleUpdate(textUpdate(rider, '/suggest'))
  await bot.handleUpdate(locationUpdate(rider, point.lat, point.lng))
  await bot.handleUpdate(textUpdate(rider, name))
  await bot.handleUpdate(callbackUpdate(rider, 'sg:amenity:0'))
  await bot.handleUpdate(callbackUpdate(rider, 'sg:amenity:6'))
  await bot.handleUpdate(callbackUpdate(rider, 'sg:step:done'))
  await bot.handleUpdate(textUpdate(rider, '每天9点半到晚上9点，社区管'))
  await bot.handleUpdate(photoUpdate(rider))
  await bot.handleUpdate(callbackUpdate(rider, 'sg:step:submit'))
}

describe('a rider suggests a station', () => {
  it('walks the form and is thanked; the suggestion is stored for 成都', async () => {
    const rider = newRider()
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate(rider, '/suggest'))
    expect(telegram.lastText({ chatId: rider.id })).toContain('推荐一个驿站')
    expect(JSON.stringify(telegram.lastMessage({ chatId: rider.id })?.payload)).toContain('request_location')
    // Wrong message types are answered kindly and change nothing.
    await bot.handleUpdate(stickerUpdate(rider))
    expect(telegram.lastText({ chatId: rider.id })).toContain('请发送那个地方的位置')
    await bot.handleUpdate(locationUpdate(rider, 30.7, 104.1))
    await bot.handleUpdate(textUpdate(rider, '名'.repeat(41)))
    expect(telegram.lastText({ chatId: rider.id })).toContain('太长了')
    await bot.handleUpdate(textUpdate(rider, '喜乐驿站'))
    await bot.handleUpdate(callbackUpdate(rider, 'sg:amenity:0'))
    expect(JSON.stringify(telegram.lastMessage({ chatId: rider.id, method: 'editMessageReplyMarkup' })?.payload)).toContain('✅')
    await bot.handleUpdate(callbackUpdate(rider, 'sg:step:done'))
    await bot.handleUpdate(callbackUpdate(rider, 'sg:step:skip'))
    await bot.handleUpdate(textUpdate(rider, '没有照片'))
    expect(telegram.lastText({ chatId: rider.id })).toContain('请发一张照片')
    await bot.handleUpdate(callbackUpdate(rider, 'sg:step:skip'))
    expect(telegram.lastText({ chatId: rider.id })).toContain('请确认你的推荐')
    await bot.handleUpdate(callbackUpdate(rider, 'sg:step:submit'))
    expect(telegram.lastText({ chatId: rider.id })).toContain('谢谢你的推荐')
    const [row] = await suggestionsOf(rider.id)
    expect(row).toMatchObject({ name: '喜乐驿站', city: '成都', amenities: ['hot_water'], note: '', photoFileId: null, status: 'pending' })
  })

  it('finds a typed place among the stations and takes its location', async () => {
    const rider = newRider()
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate(rider, '/suggest'))
    await bot.handleUpdate(textUpdate(rider, '成都测试驿站B'))
    const near = telegram.callbackData({ chatId: rider.id }).find((data) => data.startsWith('sg:near:'))
    expect(near).toBeDefined()
    await bot.handleUpdate(callbackUpdate(rider, near ?? ''))
    expect(telegram.lastText({ chatId: rider.id })).toContain('这个地方叫什么')
  })

  it('offers the form under a short nearest list', async () => {
    const { bot, telegram } = setup()
    const rider = newRider()
    await bot.handleUpdate(locationUpdate(rider, 45.75, 126.65))
    expect(telegram.callbackData({ chatId: rider.id })).toContain('sg:start')
  })

  it('stops at three pending suggestions', async () => {
    const rider = newRider()
    // A fresh bot for each form: the flood guard would slow one rider down this fast.
    for (const name of ['一号驿站', '二号驿站', '三号驿站']) await suggest(setup().bot, rider, name)
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate(rider, '/suggest'))
    expect(telegram.lastText({ chatId: rider.id })).toContain('3 条推荐在等审核')
    expect(await suggestionsOf(rider.id)).toHaveLength(3)
  })
})

describe('organizers review', () => {
  it('approve: the station is created and the rider told through the outbox', async () => {
    const rider = newRider()
    const { bot, telegram } = setup()
    await suggest(bot, rider, '尚华路茶饮店', { lat: 30.8, lng: 104.2 })
    const [row] = await suggestionsOf(rider.id)
    await bot.handleUpdate(textUpdate(organizer, '/suggestions'))
    expect(telegram.callsOf('sendVenue').some((call) => call.payload.title === '尚华路茶饮店')).toBe(true)
    const card = telegram.callsOf('sendPhoto').findLast((call) => call.payload.chat_id === organizer.id)
    expect(String(card?.payload.caption)).toContain(`骑手小${rider.id}`)
    expect(JSON.stringify(card?.payload)).toContain(`sg:approve:${row?.id}`)
    await bot.handleUpdate(callbackUpdate(organizer, `sg:approve:${row?.id}`))
    expect(telegram.lastText({ chatId: organizer.id })).toContain('已加入地图')
    expect(await database.db.select().from(stations).where(eq(stations.name, '尚华路茶饮店'))).toHaveLength(1)
    expect(JSON.stringify((await outboxFor(database.db, rider.id)).map((message) => message.payload))).toContain(
      '你推荐的「尚华路茶饮店」已加入地图，谢谢！',
    )
    // A double tap: a clear answer, nothing new.
    await bot.handleUpdate(callbackUpdate(organizer, `sg:approve:${row?.id}`))
    expect(telegram.alerts().at(-1)).toContain('已经处理过了')
    expect(await database.db.select().from(stations).where(eq(stations.name, '尚华路茶饮店'))).toHaveLength(1)
  })

  it('decline with a preset reason, and refuses organizers of other cities and riders', async () => {
    const rider = newRider()
    const { bot, telegram } = setup()
    await suggest(bot, rider, '锁着门的地方', { lat: 30.81, lng: 104.21 })
    const [row] = await suggestionsOf(rider.id)
    await bot.handleUpdate(callbackUpdate(other, `sg:decline:${row?.id}`))
    expect(telegram.alerts().at(-1)).toContain('不在你负责的范围内')
    await bot.handleUpdate(callbackUpdate(rider, `sg:approve:${row?.id}`))
    expect(telegram.alerts().at(-1)).toContain('不在你负责的范围内')
    await bot.handleUpdate(textUpdate(rider, '/suggestions'))
    expect(telegram.lastText({ chatId: rider.id })).toContain('只有组织者')
    await bot.handleUpdate(callbackUpdate(organizer, `sg:decline:${row?.id}`))
    expect(telegram.lastText({ chatId: organizer.id })).toContain('不通过的原因')
    await bot.handleUpdate(callbackUpdate(organizer, 'sg:reason:closed'))
    expect(telegram.lastText({ chatId: organizer.id })).toContain('已标记不通过')
    expect((await suggestionsOf(rider.id))[0]).toMatchObject({ status: 'declined', declineReason: '这个地方已经关了' })
    expect(JSON.stringify((await outboxFor(database.db, rider.id)).map((message) => message.payload))).toContain('这个地方已经关了')
  })

  it('answers forged data as a stale button', async () => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(callbackUpdate(organizer, 'sg:approve:abc'))
    expect(telegram.alerts().at(-1)).toContain('按钮已经失效')
  })
})

describe('/mydata', () => {
  it('lists the suggestions and deletes them', async () => {
    const rider = newRider()
    const { bot, telegram } = setup()
    await suggest(bot, rider, '我的推荐驿站', { lat: 30.82, lng: 104.22 })
    await bot.handleUpdate(textUpdate(rider, '/mydata'))
    expect(telegram.lastText({ chatId: rider.id })).toContain('我的推荐驿站')
    await bot.handleUpdate(callbackUpdate(rider, 'ev:delete-yes'))
    expect(await suggestionsOf(rider.id)).toHaveLength(0)
  })
})
