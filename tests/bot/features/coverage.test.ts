import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { upsertStations } from '../../../db/repositories/stations.js'
import { searchCells, type NewStation } from '../../../db/schema/index.js'
import { cellOf } from '../../../domain/grid.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { locationUpdate } from '../../helpers/updates.js'

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

let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase()
  await upsertStations(database.db, [
    station('A', '成都', north(300)),
    // Open only at night: closed at 10:00.
    station('N', '成都', north(30_000), { openingHours: 'Mo-Su 20:00-23:00' }),
    station('X', '西安', { lat: 34.26, lng: 108.94 }),
  ])
})
afterAll(async () => database.close())
beforeEach(async () => {
  await database.db.delete(searchCells)
})

const setup = () => createTestBot(database.db, { now: () => now })

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

  it('is not recorded for an invalid location', async () => {
    const { bot } = setup()
    await bot.handleUpdate(locationUpdate(rider, 95, 10))
    expect(await database.db.select().from(searchCells)).toEqual([])
  })
})
