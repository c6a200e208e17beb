import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { addScope } from '../../../db/repositories/roles.js'
import { recordSearch } from '../../../db/repositories/search-cells.js'
import { upsertStations } from '../../../db/repositories/stations.js'
import { searchCells, stations, type NewStation } from '../../../db/schema/index.js'
import { cellCentre, cellOf } from '../../../domain/grid.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { textMessages } from '../../helpers/fake-telegram.js'
import { addUser } from '../../helpers/feedback.js'
import type { UploadedFile } from '../../helpers/multipart.js'
import { callbackUpdate, locationUpdate, textUpdate } from '../../helpers/updates.js'

// 天府广场, Chengdu; 1° of latitude is about 111.2 km.
const origin = { lat: 30.65, lng: 104.06 }
const north = (metres: number) => ({ lat: origin.lat + metres / 111_195, lng: origin.lng })

const station = (id: string, city: string, at: { lat: number; lng: number }, extra: Partial<NewStation> = {}): NewStation => ({
  externalId: `cv-${id}`,
  name: `覆盖驿站${id}`,
  kind: 'union',
  address: '',
  city,
  district: city === '成都' ? '青羊区' : '雁塔区',
  ...at,
  amenities: ['hot_water'],
  openingHours: '24/7',
  ...extra,
})

// Wednesday 2026-12-02 10:00 in Shanghai.
const now = new Date('2026-12-02T02:00:00Z')
const rider = { id: 6001, first_name: '小王' }
const admin = { id: 6100, first_name: '管理员' }
const chengdu = { id: 6101, first_name: '成都组织者' }
const xianStation = { id: 6102, first_name: '驿站组织者' }
const chongqing = { id: 6103, first_name: '重庆组织者' }

let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase()
  await upsertStations(database.db, [
    station('A', '成都', north(300)),
    // Open only at night: closed at 10:00.
    station('N', '成都', north(30_000), { openingHours: 'Mo-Su 20:00-23:00' }),
    station('X', '西安', { lat: 34.26, lng: 108.94 }),
  ])
  const [x] = await database.db.select({ id: stations.id }).from(stations).where(eq(stations.externalId, 'cv-X'))
  for (const user of [chengdu, xianStation, chongqing])
    await addUser(database.db, { id: user.id, firstName: user.first_name, role: 'organizer' })
  await addScope(database.db, { userId: chengdu.id, city: '成都', createdBy: null })
  await addScope(database.db, { userId: xianStation.id, stationId: x?.id ?? 0, createdBy: null })
  await addScope(database.db, { userId: chongqing.id, city: '重庆', createdBy: null })
})
afterAll(async () => database.close())
beforeEach(async () => {
  await database.db.delete(searchCells)
})

const setup = () => createTestBot(database.db, { now: () => now, env: { ADMIN_IDS: String(admin.id) } })

describe('a location search', () => {
  it('is recorded as its grid cell with the distance to the nearest open station, and no user id', async () => {
    const { bot } = setup()
    await bot.handleUpdate(locationUpdate(rider, origin.lat, origin.lng))
    const rows = await database.db.select().from(searchCells)
    expect(rows).toHaveLength(1)
    const [row] = rows
    expect(Object.keys(row ?? {}).sort()).toEqual(['city', 'col', 'id', 'nearestOpenMetres', 'row', 'searchedAt'])
    expect(row).toMatchObject({ ...cellOf(origin), city: '成都', searchedAt: now })
    expect(row?.nearestOpenMetres).toBeCloseTo(300, -1)
    expect(Object.values(row ?? {})).not.toContain(rider.id)
  })

  it('records no distance when only a closed station is within the radius, with that station’s city', async () => {
    const { bot } = setup()
    const place = north(30_000 - 2_000)
    await bot.handleUpdate(locationUpdate(rider, place.lat, place.lng))
    const [row] = await database.db.select().from(searchCells)
    expect(row).toMatchObject({ ...cellOf(place), city: '成都', nearestOpenMetres: null })
  })

  it('records an empty city far from every station', async () => {
    const { bot } = setup()
    await bot.handleUpdate(locationUpdate(rider, 20, 90))
    const [row] = await database.db.select().from(searchCells)
    expect(row).toMatchObject({ ...cellOf({ lat: 20, lng: 90 }), city: '', nearestOpenMetres: null })
  })

  it('is explained in /mydata, also to a rider with nothing else stored', async () => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate({ id: 6009 }, '/mydata'))
    const text = telegram.lastText()
    expect(text).toContain('没有保存你的任何个人信息')
    expect(text).toContain('约 500 米方格')
    expect(text).toContain('没有用户 ID')
    expect(text).toContain('保存 90 天')
  })

  it('is not recorded for an invalid location', async () => {
    const { bot } = setup()
    await bot.handleUpdate(locationUpdate(rider, 95, 10))
    expect(await database.db.select().from(searchCells)).toEqual([])
  })
})

const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000)
// Searches in 成都: the busiest cell has an open station 400 m away (no gap); two gaps; one old gap.
const covered = north(600)
const farGap = north(6_000)
const nearGap = { lat: origin.lat, lng: origin.lng + 0.04 }
const oldGap = north(-8_000)
async function seedSearches() {
  for (let i = 0; i < 8; i++) await recordSearch(database.db, covered, 400, '成都', daysAgo(1))
  for (let i = 0; i < 5; i++) await recordSearch(database.db, farGap, i < 3 ? null : 5_700, '成都', daysAgo(2))
  for (let i = 0; i < 3; i++) await recordSearch(database.db, nearGap, 2_500, '成都', daysAgo(10))
  for (let i = 0; i < 10; i++) await recordSearch(database.db, oldGap, null, '成都', daysAgo(40))
  for (let i = 0; i < 2; i++) await recordSearch(database.db, { lat: 34.3, lng: 108.9 }, null, '西安', daysAgo(3))
  await recordSearch(database.db, { lat: 20, lng: 90 }, null, '', daysAgo(3))
}

const csvOf = (telegram: ReturnType<typeof setup>['telegram']) =>
  (telegram.callsOf('sendDocument').at(-1)?.payload.document as UploadedFile).data.toString('utf8').replace(/^\uFEFF/, '')

describe('/coverage', () => {
  beforeEach(seedSearches)

  it('is refused to riders, with nothing sent but the answer', async () => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate(rider, '/coverage'))
    expect(telegram.lastText()).toContain('给组织者和管理员用的功能')
    expect(telegram.callsOf('sendPhoto')).toEqual([])
    expect(telegram.callsOf('sendDocument')).toEqual([])
  })

  it('shows a city organizer the gaps of their city over 30 days, ranked by searches, with a map link and a hint', async () => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate(chengdu, '/coverage'))
    const text = telegram.lastText(textMessages)
    expect(text).toContain('成都：哪里还缺驿站')
    expect(text).toContain('最近 30 天')
    expect(text).toContain('骑手用位置找驿站 16 次，落在 3 个约 500 米的方格里')
    expect(text).toContain('2 个方格')
    const lines = text.split('\n').filter((line) => /^\d+\. /.test(line))
    expect(lines).toHaveLength(2)
    const far = cellCentre(cellOf(farGap))
    expect(lines[0]).toContain(`${far.lat.toFixed(4)}, ${far.lng.toFixed(4)}`)
    expect(lines[0]).toContain('搜索 5 次')
    expect(lines[0]).toContain('20 公里内一般没有营业的驿站')
    expect(lines[0]).toContain('青羊区离「覆盖驿站A」')
    expect(lines[0]).toMatch(/href="https:\/\/uri\.amap\.com\/marker\?position=104\.\d+,30\.\d+/)
    expect(lines[1]).toContain('搜索 3 次')
    expect(lines[1]).toContain('最近的营业驿站一般在 2.5 公里外')
    expect(text).not.toContain('西安')
    expect(telegram.callbackData(textMessages)).toEqual(['cv:show:7:成都', 'cv:show:30:成都', 'cv:show:90:成都'])
  })

  it('sends the map as a PNG photo and every cell as a CSV', async () => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate(chengdu, '/coverage'))
    const [photo] = telegram.callsOf('sendPhoto')
    const png = (photo?.payload.photo as UploadedFile).data
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
    expect(png.readUInt32BE(16)).toBe(960)
    expect(String(photo?.payload.caption)).toContain('成都')

    const [header, ...rows] = csvOf(telegram).trim().split('\n')
    expect(header).toBe('行,列,中心纬度（WGS-84）,中心经度（WGS-84）,搜索次数,最近营业驿站距离中位数（米）,电动车超过10分钟')
    const centre = cellCentre(cellOf(covered))
    expect(rows).toEqual([
      `${cellOf(covered).row},${cellOf(covered).col},${centre.lat.toFixed(6)},${centre.lng.toFixed(6)},8,400,否`,
      expect.stringMatching(new RegExp(`^${cellOf(farGap).row},${cellOf(farGap).col},[\\d.]+,[\\d.]+,5,,是$`)),
      expect.stringMatching(new RegExp(`^${cellOf(nearGap).row},${cellOf(nearGap).col},[\\d.]+,[\\d.]+,3,2500,是$`)),
    ])
  })

  it('looks back 90 days or 7 days at the tap of a button', async () => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(callbackUpdate(chengdu, 'cv:show:90:成都'))
    const lines = telegram
      .lastText(textMessages)
      .split('\n')
      .filter((line) => /^\d+\. /.test(line))
    expect(lines[0]).toContain('搜索 10 次')
    expect(lines).toHaveLength(3)
    expect(telegram.callbackData(textMessages)).toContain('cv:show:90:成都')

    await bot.handleUpdate(callbackUpdate(chengdu, 'cv:show:7:成都'))
    expect(telegram.lastText(textMessages)).toContain('骑手用位置找驿站 13 次')
  })

  it('keeps an organizer to their scope: another city or the searches far from stations are refused', async () => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(callbackUpdate(chengdu, 'cv:show:30:西安'))
    await bot.handleUpdate(callbackUpdate(chengdu, 'cv:show:30'))
    expect(telegram.alerts()).toEqual(['这个地区不在你负责的范围内，什么都没有显示。', '这个地区不在你负责的范围内，什么都没有显示。'])
    expect(telegram.callsOf('sendPhoto')).toEqual([])
    expect(telegram.callsOf('sendDocument')).toEqual([])
  })

  it('shows a station-scoped organizer the city of their station', async () => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate(xianStation, '/coverage'))
    expect(telegram.lastText(textMessages)).toContain('西安：哪里还缺驿站')
    expect(csvOf(telegram).trim().split('\n')).toHaveLength(2)
  })

  it('lets an admin pick any area, the places far from every station included', async () => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate(admin, '/coverage'))
    expect(telegram.buttons(textMessages).map((button) => button.text)).toEqual([
      '成都 · 26 次',
      '西安 · 2 次',
      '附近没有驿站的地方 · 1 次',
    ])
    expect(telegram.callbackData(textMessages)).toEqual(['cv:show:30:成都', 'cv:show:30:西安', 'cv:show:30'])
    await bot.handleUpdate(callbackUpdate(admin, 'cv:show:30'))
    expect(telegram.lastText(textMessages)).toContain('附近没有驿站的地方：哪里还缺驿站')
    expect(telegram.lastText(textMessages)).toContain('附近没有收录的驿站')
    expect(telegram.callbackData(textMessages)).toContain('cv:cities')
    expect(telegram.callsOf('sendPhoto')).toHaveLength(1)
  })

  it('answers clearly when there are no searches, in the scope or in the period', async () => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate(chongqing, '/coverage'))
    expect(telegram.lastText()).toContain('最近 90 天，重庆还没有骑手用位置找过驿站')
    await database.db.delete(searchCells)
    await recordSearch(database.db, farGap, null, '成都', daysAgo(20))
    await bot.handleUpdate(callbackUpdate(chengdu, 'cv:show:7:成都'))
    expect(telegram.lastText()).toContain('最近 7 天，成都没有骑手用位置找过驿站')
    expect(telegram.callsOf('sendPhoto')).toEqual([])
  })

  it('answers a forged or outdated button as stale', async () => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(callbackUpdate(chengdu, 'cv:show:14:成都'))
    expect(telegram.alerts()).toEqual(['这个按钮已经失效了，请重新发送 /coverage。'])
  })
})
