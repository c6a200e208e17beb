import { eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { updateStation } from '../../../db/repositories/station-changes.js'
import {
  findNearestOpenStations,
  refreshDueOpenIntervals,
  refreshOpenIntervals,
  storedOpenings,
} from '../../../db/repositories/station-open.js'
import { clearAmenityOutage, setAmenityOutage } from '../../../db/repositories/station-outages.js'
import { findNearestStations, upsertStations } from '../../../db/repositories/stations.js'
import { stationHoursExceptions, stationOpenHorizon, stationOpenIntervals, stations, type NewStation } from '../../../db/schema/index.js'
import { openingState } from '../../../domain/opening-hours.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { createRandom } from '../../helpers/random.js'

let handle: TestDatabase
beforeAll(async () => {
  handle = await createTestDatabase()
})
afterAll(() => handle.close())

// A rider at 天府广场, Chengdu; stations due north (0.001° latitude ≈ 111 m).
const origin = { lat: 30.657, lng: 104.066 }
const station = (key: string, northMetres: number, openingHours: string, extra: Partial<NewStation> = {}): NewStation => ({
  externalId: `open-${key}`,
  name: `驿站${key}`,
  kind: 'union',
  lat: origin.lat + northMetres / 111_195,
  lng: origin.lng,
  openingHours,
  ...extra,
})
// Wed 2026-11-25 22:00 and Thu 01:30 in Shanghai.
const wednesdayNight = new Date('2026-11-25T14:00:00Z')
const thursdaySmallHours = new Date('2026-11-25T17:30:00Z')
const names = (rows: { name: string }[]) => rows.map((row) => row.name)
const idOf = async (key: string) => {
  const [row] = await handle.db
    .select({ id: stations.id })
    .from(stations)
    .where(eq(stations.externalId, `open-${key}`))
  return row!.id
}

describe('open-now from stored intervals', () => {
  beforeAll(async () => {
    await upsertStations(handle.db, [
      station('A', 100, 'Mo-Su 09:30-21:00'),
      station('B', 200, 'Mo-Su 18:00-02:00'),
      station('C', 300, '24/7'),
      station('D', 400, ''),
      station('E', 500, '24/7', { active: false }),
    ])
  })

  it('lists overnight hours as open after midnight, with when they close, and 24/7 with no closing time', async () => {
    const rows = await findNearestOpenStations(handle.db, origin, { limit: 10, now: thursdaySmallHours, withinMetres: 20_000 })
    expect(rows.map((row) => [row.name, row.closesAt?.toISOString()])).toEqual([
      ['驿站B', '2026-11-25T18:00:00.000Z'],
      ['驿站C', undefined],
    ])
    expect(names(await findNearestOpenStations(handle.db, origin, { limit: 10, now: new Date('2026-11-26T02:00:00Z') }))).toEqual([
      '驿站A',
      '驿站C',
    ])
  })

  it('hides a station as soon as it is closed temporarily, and lists it again once the closure ends', async () => {
    const id = await idOf('C')
    const now = wednesdayNight
    const closedUntil = new Date('2026-11-26T04:00:00Z')
    expect(names(await findNearestOpenStations(handle.db, origin, { limit: 10, now }))).toContain('驿站C')
    await updateStation(handle.db, id, { closedUntil, closedReason: '装修' }, { actorId: 1, source: 'organizer' }, now)
    expect(names(await findNearestOpenStations(handle.db, origin, { limit: 10, now }))).toEqual(['驿站B'])
    expect((await storedOpenings(handle.db, [id], now)).get(id)).toEqual({ kind: 'closed', opensAt: closedUntil })
    expect(names(await findNearestOpenStations(handle.db, origin, { limit: 10, now: closedUntil }))).toEqual(['驿站A', '驿站C'])
    await updateStation(handle.db, id, { closedUntil: null, closedReason: '' }, { actorId: 1, source: 'organizer' }, now)
  })

  it('follows holiday hours once they are written and refreshed, closed all day for empty hours', async () => {
    const [a, b] = [await idOf('A'), await idOf('B')]
    await handle.db.transaction(async (tx) => {
      await tx.insert(stationHoursExceptions).values([
        { stationId: a, startsOn: '2026-11-25', endsOn: '2026-11-25', openingHours: 'Mo-Su 09:30-23:00' },
        { stationId: b, startsOn: '2026-11-25', endsOn: '2026-11-26', openingHours: '' },
      ])
      await refreshOpenIntervals(tx, [a, b], wednesdayNight)
    })
    const rows = await findNearestOpenStations(handle.db, origin, { limit: 10, now: wednesdayNight })
    expect(rows.map((row) => [row.name, row.closesAt?.toISOString()])).toEqual([
      ['驿站A', '2026-11-25T15:00:00.000Z'],
      ['驿站C', undefined],
    ])
    await handle.db.delete(stationHoursExceptions).where(inArray(stationHoursExceptions.stationId, [a, b]))
    await refreshOpenIntervals(handle.db, [a, b], wednesdayNight)
    expect(names(await findNearestOpenStations(handle.db, origin, { limit: 10, now: wednesdayNight }))).toEqual(['驿站B', '驿站C'])
  })

  it('refreshes on the way stations whose intervals do not cover the moment asked about', async () => {
    await handle.db.delete(stationOpenHorizon)
    await handle.db.delete(stationOpenIntervals)
    expect(names(await findNearestOpenStations(handle.db, origin, { limit: 10, now: wednesdayNight, withinMetres: 1_000 }))).toEqual([
      '驿站B',
      '驿站C',
    ])
    const saturday = new Date('2026-11-28T02:00:00Z')
    expect(names(await findNearestOpenStations(handle.db, origin, { limit: 10, now: saturday }))).toEqual(['驿站A', '驿站C'])
  })

  it('lets the job give every station a horizon, refresh those ending within a day, and leave the others', async () => {
    await handle.db.delete(stationOpenHorizon)
    const now = new Date('2026-11-25T04:00:00Z')
    const total = (await handle.db.select({ id: stations.id }).from(stations)).length
    expect(await refreshDueOpenIntervals(handle.db, now)).toBe(total)
    expect(await refreshDueOpenIntervals(handle.db, now)).toBe(0)
    const inactive = await idOf('E')
    expect(await handle.db.select().from(stationOpenIntervals).where(eq(stationOpenIntervals.stationId, inactive))).toEqual([])
    // The stored days run to Saturday 00:00; on Friday morning they end within a day.
    expect(await refreshDueOpenIntervals(handle.db, new Date('2026-11-26T04:00:00Z'))).toBe(0)
    expect(await refreshDueOpenIntervals(handle.db, new Date('2026-11-27T04:00:00Z'))).toBe(total)
  })
})

describe('open-now equals evaluating every station’s hours', () => {
  it('for random stations, closures and moments, within a radius and without', async () => {
    const random = createRandom(42)
    const hours = ['24/7', 'Mo-Su 09:00-21:00', 'Mo-Su 10:00-02:00', 'Mo-Fr 09:00-17:00', 'Sa,Su 08:00-12:00', '', 'nonsense']
    const base = new Date('2026-11-23T00:00:00Z')
    const rows = Array.from({ length: 150 }, (_, index) => ({
      ...station(`R${index}`, 0, random.pick(hours), { active: random.next() > 0.1 }),
      lat: origin.lat + random.between(-0.05, 0.05),
      lng: origin.lng + random.between(-0.05, 0.05),
      closedUntil: random.next() < 0.2 ? new Date(base.getTime() + random.between(0, 5) * 86_400_000) : null,
    }))
    await upsertStations(handle.db, rows, base)
    for (const row of rows.filter((candidate) => candidate.closedUntil !== null)) {
      await handle.db.update(stations).set({ closedUntil: row.closedUntil }).where(eq(stations.externalId, row.externalId))
    }
    await handle.db.delete(stationOpenHorizon)
    const everyone = await handle.db.select().from(stations)
    for (let query = 0; query < 20; query += 1) {
      const now = new Date(base.getTime() + random.between(0, 6) * 86_400_000)
      const point = { lat: origin.lat + random.between(-0.03, 0.03), lng: origin.lng + random.between(-0.03, 0.03) }
      const found = await findNearestOpenStations(handle.db, point, { limit: 8, now, withinMetres: 3_000 })
      const expected = everyone
        .filter((s) => s.active && openingState(s.openingHours, now).kind === 'open' && !(s.closedUntil !== null && s.closedUntil > now))
        .map((s) => ({ name: s.name, distance: distanceMetres(point, s) }))
        .filter((s) => s.distance <= 3_000)
        .sort((a, b) => a.distance - b.distance)
        .slice(0, 8)
      expect(names(found)).toEqual(names(expected))
    }
  })
})

function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }) {
  const rad = Math.PI / 180
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2
  return 2 * 6_378_168 * Math.asin(Math.sqrt(h))
}

describe('an amenity that is out', () => {
  it('stops matching that amenity’s filter until it is back, open or not', async () => {
    const db = handle.db
    await upsertStations(
      db,
      [station('O1', 300, '24/7', { amenities: ['hot_water', 'toilet'] }), station('O2', 600, '24/7', { amenities: ['hot_water'] })],
      wednesdayNight,
    )
    const near = { lat: origin.lat + 300 / 111_195, lng: origin.lng }
    const first = await idOf('O1')
    const actor = { actorId: null, source: 'system' as const }
    const hotWater = { amenities: ['hot_water'], limit: 2, withinMetres: 200, now: wednesdayNight }
    expect(names(await findNearestOpenStations(db, near, hotWater))).toEqual(['驿站O1'])

    await setAmenityOutage(db, { stationId: first, amenity: 'hot_water', until: null, reason: '' }, actor)
    expect(names(await findNearestOpenStations(db, near, hotWater))).toEqual([])
    expect(names(await findNearestStations(db, near, hotWater))).toEqual([])
    // Its other amenities still match, and without a filter it is listed as before.
    expect(names(await findNearestOpenStations(db, near, { ...hotWater, amenities: ['toilet'] }))).toEqual(['驿站O1'])
    expect(names(await findNearestOpenStations(db, near, { ...hotWater, amenities: [] }))).toContain('驿站O1')

    await clearAmenityOutage(db, first, 'hot_water', actor)
    expect(names(await findNearestStations(db, near, hotWater))).toEqual(['驿站O1'])
  })
})
