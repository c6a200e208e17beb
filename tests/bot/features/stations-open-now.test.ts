import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nearestPage } from '../../../bot/features/stations/nearest.js'
import { stationState } from '../../../bot/ui/station-card.js'
import { updateStation } from '../../../db/repositories/station-changes.js'
import { findStation, upsertStations } from '../../../db/repositories/stations.js'
import { stations } from '../../../db/schema/index.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'

let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase()
  const north = (metres: number) => 30.657 + metres / 111_195
  await upsertStations(database.db, [
    { externalId: 'on-A', name: '甲驿站', kind: 'union', lat: north(100), lng: 104.066, openingHours: '24/7' },
    { externalId: 'on-B', name: '乙驿站', kind: 'union', lat: north(200), lng: 104.066, openingHours: 'Mo-Su 09:30-21:00' },
    { externalId: 'on-C', name: '丙驿站', kind: 'union', lat: north(300), lng: 104.066, openingHours: '' },
  ])
})
afterAll(() => database.close())

const point = { lat: 30.657, lng: 104.066 }
// Wed 2026-11-25 10:00 in Shanghai.
const now = new Date('2026-11-25T02:00:00Z')
const page = (openNow: boolean) =>
  nearestPage(database.db, point, { page: 0, filters: { openNow, amenities: [] }, now, withinMetres: 20_000, fadeHours: 6 })
const summary = (listed: { name: string; state: { kind: string } }[]) => listed.map((station) => [station.name, station.state.kind])

describe('the nearest list with temporary closures', () => {
  it('never lists a temporarily closed station as open, and says when it opens again', async () => {
    expect(summary((await page(true)).stations)).toEqual([
      ['甲驿站', 'open'],
      ['乙驿站', 'open'],
    ])
    const [a] = await database.db.select({ id: stations.id }).from(stations).where(eq(stations.externalId, 'on-A'))
    const closedUntil = new Date('2026-11-26T00:00:00Z')
    await updateStation(database.db, a!.id, { closedUntil, closedReason: '装修' }, { actorId: 1, source: 'organizer' }, now)

    const openNow = await page(true)
    expect(summary(openNow.stations)).toEqual([['乙驿站', 'open']])
    expect(openNow.openCount).toBe(1)
    expect(openNow.notOpen.map((station) => [station.name, station.state])).toEqual([
      ['甲驿站', { kind: 'closed', opensAt: closedUntil }],
      ['丙驿站', { kind: 'unknown' }],
    ])
    expect(await stationState(database.db, (await findStation(database.db, a!.id))!, now)).toEqual({ kind: 'closed', opensAt: closedUntil })
    expect(summary((await page(false)).stations)).toEqual([
      ['甲驿站', 'closed'],
      ['乙驿站', 'open'],
      ['丙驿站', 'unknown'],
    ])
  })
})
