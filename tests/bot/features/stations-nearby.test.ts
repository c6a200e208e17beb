import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listData, stationCallbacks } from '../../../bot/callbacks/stations.js'
import { searchStations } from '../../../db/repositories/station-search.js'
import { upsertStations } from '../../../db/repositories/stations.js'
import { findUser, setUserLocation } from '../../../db/repositories/users.js'
import type { NewStation } from '../../../db/schema/index.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { callbackUpdate, locationUpdate, textUpdate } from '../../helpers/updates.js'

// The field issue: a rider in Chengdu at 04:44 was sent to Xi'an and Luohe, 600–1,000 km away.
const chengdu = { lat: 30.65, lng: 104.06 }
const north = (metres: number) => chengdu.lat + metres / 111_195
const dayHours = 'Mo-Su 09:30-21:00'

const station = (id: string, extra: Partial<NewStation> & Pick<NewStation, 'lat' | 'lng'>): NewStation => ({
  externalId: id,
  name: `夜间驿站${id}`,
  kind: 'union',
  address: `测试路 ${id} 号`,
  city: '成都',
  district: '高新区',
  amenities: ['hot_water'],
  openingHours: dayHours,
  ...extra,
})

const fixture: NewStation[] = [
  station('A', { lat: north(400), lng: chengdu.lng, name: '春熙路工会驿站', openingHours: dayHours }),
  station('B', { lat: north(1_200), lng: chengdu.lng, openingHours: '24/7' }),
  station('C', { lat: north(2_000), lng: chengdu.lng }),
  station('D', { lat: north(3_000), lng: chengdu.lng }),
  station('E', { lat: north(8_000), lng: chengdu.lng, openingHours: '24/7' }),
  station('F', { lat: north(15_000), lng: chengdu.lng }),
  station('G', { lat: north(16_000), lng: chengdu.lng }),
  station('X', { lat: 34.26, lng: 108.94, name: '西安高新驿站', city: '西安', openingHours: '24/7' }),
  station('Y', { lat: 33.57, lng: 114.02, name: '漯河源汇驿站', city: '漯河', district: '源汇区', openingHours: '24/7' }),
]

// Wednesday 2026-11-25 04:44 in Shanghai.
const night = new Date('2026-11-24T20:44:00Z')
const rider = { id: 7001, first_name: '小夜' }

let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
  await upsertStations(database.db, fixture)
})
afterAll(async () => database.close())

const setup = (env: Record<string, string> = {}) => createTestBot(database.db, { now: () => night, env })
/** The "<b>N. name</b>（kind）" items in the order shown. */
const items = (text: string) => [...text.matchAll(/^<b>\d+\. (.+?)<\/b>（/gm)].map((match) => match[1])

describe('the nearest list at night (field issue, item 1)', () => {
  it('stays inside 20 km, says only two are open, and offers the nearest closed ones with when they open', async () => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(locationUpdate(rider, chengdu.lat, chengdu.lng))
    const text = telegram.texts({ method: 'sendMessage' })[0] ?? ''
    expect(text).toContain('附近 20 公里内现在营业的驿站只有 2 个')
    const [open, closed] = text.split('附近休息中的驿站')
    expect(items(open ?? '')).toEqual(['夜间驿站B', '夜间驿站E'])
    expect(items(closed ?? '')).toEqual(['春熙路工会驿站', '夜间驿站C', '夜间驿站D'])
    expect(closed).toContain('🔴 休息中，09:30 开门')
    expect(text).not.toMatch(/西安|漯河/)
    // One tap away: a 🧭 button for each of the five shown.
    const buttons = JSON.stringify(telegram.callsOf('sendMessage')[0]?.payload.reply_markup)
    for (const index of [1, 2, 3, 4, 5]) expect(buttons).toContain(`🧭 ${index}`)
  })

  it('shows no walking time for a distance nobody walks, only the distance and the e-bike time', async () => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(locationUpdate(rider, chengdu.lat, chengdu.lng))
    const text = telegram.texts({ method: 'sendMessage' })[0] ?? ''
    const near = text.slice(text.indexOf('夜间驿站B'), text.indexOf('夜间驿站E'))
    const far = text.slice(text.indexOf('夜间驿站E'), text.indexOf('附近休息中的驿站'))
    expect(near).toMatch(/📏 1\.2 公里 · 🚶 约 21 分钟 · 🛵 约 6 分钟/)
    expect(far).toMatch(/📏 8\.0 公里 · 🛵 约 42 分钟/)
    expect(far).not.toContain('🚶')
  })

  it('keeps the radius with open-now off: all stations inside it, never the far cities, on any page', async () => {
    const { bot, telegram } = setup()
    const all = { openNow: false, amenities: [] }
    await bot.handleUpdate(callbackUpdate(rider, listData({ origin: { kind: 'point', ...chengdu }, page: 1, filters: all })))
    const text = telegram.texts({ method: 'editMessageText' })[0] ?? ''
    expect(items(text)).toEqual(['夜间驿站F', '夜间驿站G'])
    expect(JSON.stringify(telegram.callsOf('editMessageText')[0]?.payload.reply_markup)).not.toContain('下一页')
    telegram.clear()
    await bot.handleUpdate(callbackUpdate(rider, listData({ origin: { kind: 'point', ...chengdu }, page: 2, filters: all })))
    expect(telegram.texts({ method: 'editMessageText' })[0] ?? '').toContain('20 公里内后面没有更多')
  })

  it('takes the radius from NEARBY_RADIUS_KM', async () => {
    const { bot, telegram } = setup({ NEARBY_RADIUS_KM: '5' })
    await bot.handleUpdate(locationUpdate(rider, chengdu.lat, chengdu.lng))
    const text = telegram.texts({ method: 'sendMessage' })[0] ?? ''
    expect(text).toContain('附近 5 公里内现在营业的驿站只有 1 个')
    expect(text).not.toContain('夜间驿站E')
  })
})

describe('a station chosen from a typed search (field issue, item 2)', () => {
  it('comes first with its state even when closed, then its open neighbours', async () => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate(rider, '春熙路工会驿站'))
    const [chosen] = await searchStations(database.db, '春熙路工会驿站', 1)
    telegram.clear()
    await bot.handleUpdate(callbackUpdate(rider, stationCallbacks.place.pack({ stationId: chosen?.id ?? 0 })))
    const text = telegram.texts({ method: 'sendMessage' })[0] ?? ''
    expect(items(text)[0]).toBe('春熙路工会驿站')
    const first = text.slice(text.indexOf('1. 春熙路工会驿站'), text.indexOf('2. '))
    expect(first).toContain('🔴 休息中，09:30 开门')
    expect(items(text).slice(1, 3)).toEqual(['夜间驿站B', '夜间驿站E'])
    expect(text.split('\n')[0]).toContain('「春熙路工会驿站」附近的驿站')
  })
})

describe('search result buttons (field issue, item 3)', () => {
  it("name the city as well as the district, since 高新区 is in both Chengdu and Xi'an", async () => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate(rider, '高新'))
    const buttons = JSON.stringify(telegram.callsOf('sendMessage')[0]?.payload.reply_markup)
    expect(buttons).toContain('西安高新驿站 · 西安 高新区')
  })
})

describe('impossible locations (field issue, item 26)', () => {
  it.each([
    [0, 0],
    [90, 180],
  ])('answers %d,%d with nothing near and how to search by name, and does not remember it', async (lat, lng) => {
    const { bot, telegram } = setup()
    const user = { id: 7100 + lat, first_name: '测试' }
    await bot.handleUpdate(textUpdate(user, '/start'))
    await setUserLocation(database.db, user.id, chengdu)
    telegram.clear()
    await bot.handleUpdate(locationUpdate(user, lat, lng))
    const text = telegram.texts({ method: 'sendMessage' })[0] ?? ''
    expect(text).toContain('附近 20 公里内还没有收录的驿站')
    expect(text).toContain('春熙路')
    expect(text).not.toMatch(/公里 ·|西安|漯河/)
    expect((await findUser(database.db, user.id))?.lastLat).toBeCloseTo(chengdu.lat, 6)
  })
})
