import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStation, findPossibleDuplicates, listStationChanges, updateStation } from '../../../db/repositories/station-changes.js'
import { clearAmenityOutage, currentOutages, setAmenityOutage } from '../../../db/repositories/station-outages.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'

let handle: TestDatabase
beforeAll(async () => {
  handle = await createTestDatabase()
})
afterAll(() => handle.close())

describe('station history', () => {
  it('records the creation and each change with old and new values, and nothing for a patch that changes nothing', async () => {
    const { db } = handle
    const station = await createStation(
      db,
      { name: '尚华路茶铺', kind: 'merchant', lat: 30.66, lng: 104.07, openingHours: 'Mo-Su 09:30-21:00' },
      { actorId: 7, source: 'organizer' },
    )
    expect(station.externalId).toMatch(/^bot-/)
    const closedUntil = new Date('2026-12-10T00:00:00+08:00')
    const result = await updateStation(
      db,
      station.id,
      { closedUntil, closedReason: '装修', name: '尚华路茶铺' },
      { actorId: 8, source: 'merchant' },
    )
    expect(result.kind).toBe('updated')
    expect(await updateStation(db, station.id, { closedReason: '装修' }, { actorId: 8, source: 'merchant' })).toEqual({ kind: 'unchanged' })
    expect(await updateStation(db, 999_999, { name: 'x' }, { actorId: 8, source: 'merchant' })).toEqual({ kind: 'not-found' })

    const history = await listStationChanges(db, station.id, 10)
    expect(history).toHaveLength(2)
    expect(history[0]).toMatchObject({
      actorId: 8,
      source: 'merchant',
      fields: { closedUntil: { from: null, to: closedUntil.toISOString() }, closedReason: { from: '', to: '装修' } },
    })
    expect(history[1]!.fields.name).toEqual({ from: null, to: '尚华路茶铺' })
  })

  it('finds a similar name within 100 m as a possible duplicate, and not one farther away or differently named', async () => {
    const { db } = handle
    await createStation(db, { name: '喜乐驿站', kind: 'union', lat: 36.2, lng: 116.77 }, { actorId: 7, source: 'organizer' })
    expect((await findPossibleDuplicates(db, { lat: 36.2003, lng: 116.77 }, '喜乐驿站（社区）')).map((s) => s.name)).toEqual(['喜乐驿站'])
    expect(await findPossibleDuplicates(db, { lat: 36.21, lng: 116.77 }, '喜乐驿站')).toEqual([])
    expect(await findPossibleDuplicates(db, { lat: 36.2003, lng: 116.77 }, '顺丰网点')).toEqual([])
  })
})

describe('amenity outages', () => {
  it('are in force until their end, are recorded in the history, and clear once', async () => {
    const { db } = handle
    const station = await createStation(db, { name: '热水点', kind: 'union', lat: 31, lng: 121 }, { actorId: 1, source: 'organizer' })
    const now = new Date('2026-12-04T10:00:00Z')
    await setAmenityOutage(
      db,
      { stationId: station.id, amenity: 'hot_water', until: new Date('2026-12-04T12:00:00Z'), reason: '' },
      { actorId: 2, source: 'merchant' },
    )
    expect((await currentOutages(db, [station.id], now)).map((o) => o.amenity)).toEqual(['hot_water'])
    expect(await currentOutages(db, [station.id], new Date('2026-12-04T13:00:00Z'))).toEqual([])
    expect(await clearAmenityOutage(db, station.id, 'hot_water', { actorId: 2, source: 'merchant' })).toBe(true)
    expect(await clearAmenityOutage(db, station.id, 'hot_water', { actorId: 2, source: 'merchant' })).toBe(false)
    const history = await listStationChanges(db, station.id, 10)
    expect(history.map((change) => change.source)).toEqual(['merchant', 'merchant', 'organizer'])
    expect(history[0]!.fields['outage:hot_water']).toEqual({ from: '2026-12-04T12:00:00.000Z', to: null })
  })
})
