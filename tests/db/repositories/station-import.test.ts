import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listStationChanges } from '../../../db/repositories/station-changes.js'
import { importStations } from '../../../db/repositories/station-import.js'
import { listStations } from '../../../db/repositories/stations.js'
import { stationChanges, type NewStation } from '../../../db/schema/index.js'
import { parseStationsFile } from '../../../db/stations-file.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'

let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => database.close())

const header = 'external_id,name,kind,address,city,district,lat,lng,amenities,opening_hours,phone,active,last_verified'
function rowsOf(...lines: string[]): NewStation[] {
  const parsed = parseStationsFile([header, ...lines].join('\n'), 'csv', 'wgs84')
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
  return parsed.stations
}
const tea = (hours: string) =>
  `imp-tea,尚华路茶饮职工驿站,merchant,尚华路 8 号,成都市,锦江区,30.651,104.081,hot_water;phone_charging,${hours},,true,`
const park = 'imp-park,公园清凉点,cooling,,成都市,,30.66,104.07,cooling_supplies,24/7,,true,'
const history = async () => database.db.select().from(stationChanges)

describe('importStations: the import CLI’s changes in the history', () => {
  it('records each new station as created by the import, with the file’s name', async () => {
    const result = await importStations(database.db, rowsOf(tea('Mo-Su 09:30-21:00'), park), 'summer.csv')
    expect(result).toEqual({ inserted: 2, updated: 0, unchanged: 0 })
    const [station] = (await listStations(database.db)).filter((row) => row.externalId === 'imp-tea')
    const [created] = await listStationChanges(database.db, station!.id, 5)
    expect(created).toMatchObject({ actorId: null, source: 'import', note: 'summer.csv' })
    expect(created?.fields).toMatchObject({
      name: { from: null, to: '尚华路茶饮职工驿站' },
      openingHours: { from: null, to: 'Mo-Su 09:30-21:00' },
      amenities: { from: null, to: ['hot_water', 'phone_charging'] },
    })
  })

  it('records only the fields that changed, old → new, and nothing for unchanged rows', async () => {
    const before = (await history()).length
    const result = await importStations(database.db, rowsOf(tea('Mo-Su 10:00-20:00'), park), 'autumn.csv')
    expect(result).toEqual({ inserted: 0, updated: 1, unchanged: 1 })
    const after = await history()
    expect(after).toHaveLength(before + 1)
    expect(after.at(-1)).toMatchObject({
      source: 'import',
      note: 'autumn.csv',
      fields: { openingHours: { from: 'Mo-Su 09:30-21:00', to: 'Mo-Su 10:00-20:00' } },
    })
    expect(Object.keys(after.at(-1)!.fields)).toEqual(['openingHours'])
    const [station] = (await listStations(database.db)).filter((row) => row.externalId === 'imp-tea')
    expect(station?.openingHours).toBe('Mo-Su 10:00-20:00')
  })

  it('writes nothing at all when the same file comes again', async () => {
    const before = (await history()).length
    const result = await importStations(database.db, rowsOf(tea('Mo-Su 10:00-20:00'), park), 'autumn.csv')
    expect(result).toEqual({ inserted: 0, updated: 0, unchanged: 2 })
    expect(await history()).toHaveLength(before)
  })

  it('lands all or nothing: a failing row leaves neither stations nor history behind', async () => {
    const before = (await history()).length
    const tooLong = { ...rowsOf(park)[0]!, externalId: 'imp-bad', name: '驿站', kind: 'x'.repeat(10_000), lat: Number.NaN }
    await expect(importStations(database.db, [...rowsOf(tea('24/7')), tooLong], 'broken.csv')).rejects.toThrow()
    expect(await history()).toHaveLength(before)
    const [station] = (await listStations(database.db)).filter((row) => row.externalId === 'imp-tea')
    expect(station?.openingHours).toBe('Mo-Su 10:00-20:00')
  })
})
