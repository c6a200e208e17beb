import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { listData, listQueryOf, stationCallbacks } from '../../../bot/callbacks/stations.js'
import { upsertStations } from '../../../db/repositories/stations.js'
import { findUser } from '../../../db/repositories/users.js'
import type { NewStation } from '../../../db/schema/index.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { callbackUpdate, locationUpdate, photoUpdate, stickerUpdate, textUpdate, voiceUpdate } from '../../helpers/updates.js'

// A rider at 天府广场, Chengdu. Stations lie due north at known distances (1° latitude ≈ 111.2 km).
const origin = { lat: 30.65, lng: 104.06 }
const north = (metres: number) => origin.lat + metres / 111_195

const station = (id: string, metres: number, extra: Partial<NewStation> = {}): NewStation => ({
  externalId: id,
  name: `测试驿站${id}`,
  kind: 'union',
  address: `青羊区测试路 ${id} 号`,
  city: '成都',
  district: '青羊区',
  lat: north(metres),
  lng: origin.lng,
  amenities: ['hot_water', 'rest_seats'],
  openingHours: '24/7',
  ...extra,
})

const fixture: NewStation[] = [
  station('A', 300),
  station('B', 900, { amenities: ['phone_charging', 'toilet'] }),
  station('C', 1_500, { openingHours: 'Mo-Su 18:00-02:00' }),
  station('D', 2_400, { amenities: ['microwave', 'hot_water'], openingHours: 'Mo-Fr 09:00-17:00; Sa,Su off' }),
  station('E', 3_000, { active: false }),
  station('F', 3_600),
  station('G', 4_200, { amenities: ['truck_parking'], kind: 'driver', name: '众成司机之家' }),
  station('H', 5_000, { openingHours: '' }),
  station('I', 7_000),
  station('J', 9_000, { name: '春熙路暖新驿站', address: '锦江区春熙路 1 号', district: '锦江区' }),
  station('K', 12_000, { amenities: ['hot_water', 'toilet'] }),
]

// Wednesday 2026-11-25 10:00 in Shanghai.
const wednesdayMorning = new Date('2026-11-25T02:00:00Z')
const rider = { id: 5001, first_name: '小李' }

let database: TestDatabase
let clock = wednesdayMorning

beforeAll(async () => {
  database = await createTestDatabase()
  await upsertStations(database.db, fixture)
})
afterAll(async () => database.close())

function setup() {
  return createTestBot(database.db, { now: () => clock })
}

// Station names in list order (the title line, which may name the origin, is skipped).
const namesIn = (text: unknown) =>
  [
    ...String(text)
      .split('\n')
      .slice(1)
      .join('\n')
      .matchAll(/测试驿站(\w)|(众成司机之家)|(春熙路暖新驿站)/g),
  ].map((m) => m[1] ?? m[2] ?? m[3])

beforeEach(() => {
  clock = wednesdayMorning
})

describe('sharing a location', () => {
  it('answers with the five nearest open stations in true distance order, and remembers the location', async () => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(locationUpdate(rider, origin.lat, origin.lng))
    const [reply] = telegram.callsOf('sendMessage')
    expect(namesIn(reply?.payload.text)).toEqual(['A', 'B', 'D', 'F', '众成司机之家'])
    expect(reply?.payload.text).toContain('300 米')
    expect(reply?.payload.text).toContain('2.4 公里')
    const user = await findUser(database.db, rider.id)
    expect(user?.lastLat).toBeCloseTo(origin.lat, 6)
  })

  it('includes closed and unknown-hours stations once open-now is switched off, but never inactive ones', async () => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(
      callbackUpdate(rider, listData({ origin: { kind: 'point', ...origin }, page: 0, filters: { openNow: false, amenities: [] } })),
    )
    const [edit] = telegram.callsOf('editMessageText')
    expect(namesIn(edit?.payload.text)).toEqual(['A', 'B', 'C', 'D', 'F'])
    expect(edit?.payload.text).toContain('休息中，18:00 开门')
    expect(edit?.payload.text).not.toContain('测试驿站E')
  })

  it('pages through the list with next and previous', async () => {
    const { bot, telegram } = setup()
    const all = { openNow: false, amenities: [] }
    await bot.handleUpdate(callbackUpdate(rider, listData({ origin: { kind: 'point', ...origin }, page: 1, filters: all })))
    const [page2] = telegram.callsOf('editMessageText')
    expect(namesIn(page2?.payload.text)).toEqual(['众成司机之家', 'H', 'I', '春熙路暖新驿站', 'K'])
    expect(page2?.payload.text).toContain('第 2 页')
    expect(page2?.payload.text).toContain('⚪ 营业时间未知')
    const buttons = JSON.stringify(page2?.payload.reply_markup)
    expect(buttons).toContain('上一页')
    expect(buttons).not.toContain('下一页')
  })

  it.each([
    ['phone_charging', ['B']],
    ['toilet', ['B', 'K']],
    ['microwave', ['D']],
    ['truck_parking', ['众成司机之家']],
    ['toilet+truck_parking', []],
  ] as const)('filters by %s in place by editing the message', async (amenity, expected) => {
    const { bot, telegram } = setup()
    const amenities = amenity.split('+') as ('toilet' | 'truck_parking')[]
    const data = listData({ origin: { kind: 'point', ...origin }, page: 0, filters: { openNow: true, amenities } })
    await bot.handleUpdate(callbackUpdate(rider, data, 77))
    const [edit] = telegram.callsOf('editMessageText')
    expect(edit?.payload.message_id).toBe(77)
    expect(namesIn(edit?.payload.text)).toEqual(expected)
    if (expected.length === 0) expect(edit?.payload.text).toContain('没有符合筛选条件')
    expect(JSON.stringify(edit?.payload.reply_markup)).toContain('✅')
    expect(telegram.callsOf('answerCallbackQuery')).toHaveLength(1)
  })

  it('shows microwave stations only on days they are open', async () => {
    clock = new Date('2026-11-28T02:00:00Z') // Saturday 10:00: D is closed at weekends
    const { bot, telegram } = setup()
    await bot.handleUpdate(
      callbackUpdate(
        rider,
        listData({ origin: { kind: 'point', ...origin }, page: 0, filters: { openNow: true, amenities: ['microwave'] } }),
      ),
    )
    // None is open; the closed one is offered below with when it opens (field issue, item 1).
    const [openNow, closed] = String(telegram.callsOf('editMessageText')[0]?.payload.text).split('附近休息中的驿站')
    expect(namesIn(openNow)).toEqual([])
    expect(openNow).toContain('附近 20 公里内现在没有营业的驿站')
    expect(closed).toMatch(/测试驿站D[^]*周一 09:00 开门/)
    telegram.clear()
    await bot.handleUpdate(
      callbackUpdate(
        rider,
        listData({ origin: { kind: 'point', ...origin }, page: 0, filters: { openNow: false, amenities: ['microwave'] } }),
      ),
    )
    expect(telegram.callsOf('editMessageText')[0]?.payload.text).toContain('周一 09:00 开门')
  })

  it('finds the overnight station open after midnight and says when it closes', async () => {
    clock = new Date('2026-11-25T17:30:00Z') // Thursday 01:30 in Shanghai
    const { bot, telegram } = setup()
    await bot.handleUpdate(locationUpdate(rider, origin.lat, origin.lng))
    const text = String(telegram.callsOf('sendMessage')[0]?.payload.text)
    expect(namesIn(text)).toEqual(['A', 'B', 'C', 'F', '众成司机之家'])
    expect(text).toContain('营业中，02:00 打烊')
  })

  it('ignores a double tap that would show the same list (Telegram: message is not modified)', async () => {
    const { bot, telegram } = setup()
    telegram.respond((call) =>
      call.method === 'editMessageText'
        ? {
            ok: false,
            error_code: 400,
            description: 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same',
          }
        : undefined,
    )
    const data = listData({ origin: { kind: 'point', ...origin }, page: 0, filters: { openNow: true, amenities: [] } })
    await bot.handleUpdate(callbackUpdate(rider, data))
    await bot.handleUpdate(callbackUpdate(rider, data))
    expect(telegram.callsOf('answerCallbackQuery').map((call) => call.payload.text)).toEqual([undefined, undefined])
    expect(telegram.callsOf('sendMessage')).toHaveLength(0)
  })
})

describe('navigation', () => {
  it('sends the venue and links for Amap, Baidu and Tencent maps', async () => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(locationUpdate(rider, origin.lat, origin.lng))
    const markup = telegram.callsOf('sendMessage')[0]?.payload.reply_markup as {
      inline_keyboard: { text: string; callback_data: string }[][]
    }
    const navigate = markup.inline_keyboard[0]?.[0]
    expect(navigate?.text).toBe('🧭 1')
    telegram.clear()
    await bot.handleUpdate(callbackUpdate(rider, navigate?.callback_data ?? ''))
    const [venue] = telegram.callsOf('sendVenue')
    expect(venue?.payload).toMatchObject({ title: '测试驿站A', latitude: north(300), longitude: origin.lng })
    const links = JSON.stringify(telegram.callsOf('sendMessage')[0]?.payload.reply_markup)
    expect(links).toContain('uri.amap.com')
    expect(links).toContain('api.map.baidu.com')
    expect(links).toContain('apis.map.qq.com')
  })
})

describe('typed places', () => {
  it('offers matching stations by name and then lists the nearest from the chosen one', async () => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate(rider, '春熙路'))
    const [results] = telegram.callsOf('sendMessage')
    const markup = results?.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }
    expect(markup.inline_keyboard[0]?.[0]?.text).toContain('春熙路暖新驿站')
    telegram.clear()
    await bot.handleUpdate(callbackUpdate(rider, markup.inline_keyboard[0]?.[0]?.callback_data ?? ''))
    const list = String(telegram.callsOf('sendMessage')[0]?.payload.text)
    expect(list).toContain('「春熙路暖新驿站」附近的驿站')
    expect(namesIn(list)).toEqual(['春熙路暖新驿站', 'I', 'K', '众成司机之家', 'F'])
  })

  it('ranks a near-miss spelling by trigram similarity', async () => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate(rider, '众成司机驿站'))
    expect(JSON.stringify(telegram.callsOf('sendMessage')[0]?.payload.reply_markup)).toContain('众成司机之家')
  })

  it('finds stations by district and says so when nothing matches', async () => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate(rider, '锦江区'))
    expect(JSON.stringify(telegram.callsOf('sendMessage')[0]?.payload.reply_markup)).toContain('春熙路暖新驿站')
    telegram.clear()
    await bot.handleUpdate(textUpdate(rider, '火星基地'))
    expect(telegram.callsOf('sendMessage')[0]?.payload.text).toContain('没找到')
  })
})

describe('bad input', () => {
  it.each([
    ['a sticker', stickerUpdate(rider), '贴纸'],
    ['a voice message', voiceUpdate(rider), '语音'],
    ['a photo', photoUpdate(rider), '图片'],
    ['overlong text', textUpdate(rider, '路'.repeat(200)), '太长'],
    ['an unknown command', textUpdate(rider, '/frobnicate'), '没有这个命令'],
  ])('answers %s with a short helpful message', async (_name, update, expected) => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(update)
    expect(telegram.calls.map((call) => call.method)).toEqual(['sendMessage'])
    expect(telegram.calls[0]?.payload.text).toContain(expected)
  })

  it.each([
    'n:91.00000,104.00000:0:0',
    'n:30.6,104.0:0:zzzzzzz',
    'n:s0:0:0',
    'v:abc',
    'v:99999999999',
    'p:-1',
    'x'.repeat(64),
    'n:30.65,104.06:999:0',
  ])('refuses forged callback data %s without changing anything', async (data) => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(callbackUpdate(rider, data))
    expect(telegram.calls.map((call) => call.method)).toEqual(['answerCallbackQuery'])
    expect(telegram.calls[0]?.payload.text).toContain('失效')
  })

  it('says a station is gone when a stale button points to an inactive or deleted one', async () => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(callbackUpdate(rider, stationCallbacks.navigate.pack({ stationId: 999999 })))
    expect(telegram.calls[0]?.payload.text).toContain('不再开放')
  })

  it('stays quiet in groups and points commands to the private chat', async () => {
    const { bot, telegram } = setup()
    const group = { id: -100123, type: 'supergroup' as const, title: '骑手群' }
    await bot.handleUpdate(textUpdate(rider, '春熙路', group))
    expect(telegram.calls).toHaveLength(0)
    await bot.handleUpdate(textUpdate(rider, '/start', group))
    expect(telegram.callsOf('sendMessage')[0]?.payload.text).toContain('私聊')
  })

  it('round-trips its own callback data', () => {
    const query = {
      origin: { kind: 'point' as const, lat: 30.65732, lng: 104.06581 },
      page: 3,
      filters: { openNow: true, amenities: ['toilet', 'hot_water'] as const },
    }
    const data = listData(query)
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64)
    expect(listQueryOf(data)).toEqual({ ...query, filters: { openNow: true, amenities: ['hot_water', 'toilet'] } })
  })
})
