import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { cellDemand, recordSearch, SEARCH_RETENTION_DAYS } from '../../../db/repositories/search-cells.js'
import { searchCells } from '../../../db/schema/index.js'
import { cellOf } from '../../../domain/grid.js'
import { run as retention } from '../../../jobs/search-cells-retention.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { jobDeps } from '../../helpers/reminders.js'

let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => database.close())
beforeEach(async () => {
  await database.db.delete(searchCells)
})

const now = new Date('2026-12-05T04:00:00Z')
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000)
const 天府广场 = { lat: 30.65717, lng: 104.06597 }

describe('recorded location searches', () => {
  it('keep only the grid cell, the city and the distance: no point, no user', async () => {
    await recordSearch(database.db, 天府广场, 1234.5, '成都', now)
    const rows = await database.db.select().from(searchCells)
    expect(rows).toEqual([{ id: expect.any(Number), ...cellOf(天府广场), city: '成都', nearestOpenMetres: 1234.5, searchedAt: now }])
  })

  it('are kept 90 days: the retention job deletes older ones and nothing newer', async () => {
    expect(SEARCH_RETENTION_DAYS).toBe(90)
    await recordSearch(database.db, 天府广场, 100, '成都', daysAgo(120))
    await recordSearch(database.db, 天府广场, 200, '成都', daysAgo(90.01))
    await recordSearch(database.db, 天府广场, 300, '成都', daysAgo(89.99))
    await recordSearch(database.db, 天府广场, null, '', daysAgo(1))

    await retention(jobDeps(database.db, now))

    const left = await database.db.select({ metres: searchCells.nearestOpenMetres }).from(searchCells)
    expect(left.map((row) => row.metres).sort()).toEqual([300, null])
  })

  it('add up per cell, with a median distance that counts "none open" as farthest', async () => {
    const east = { lat: 天府广场.lat, lng: 天府广场.lng + 0.02 }
    for (const metres of [500, 3000, null]) await recordSearch(database.db, 天府广场, metres, '成都', daysAgo(2))
    for (const metres of [null, null, 800]) await recordSearch(database.db, east, metres, '成都', daysAgo(3))
    await recordSearch(database.db, east, 100, '成都', daysAgo(40))
    await recordSearch(database.db, east, 100, '西安', daysAgo(1))

    const cells = await cellDemand(database.db, '成都', daysAgo(30))
    expect(cells).toEqual([
      { ...cellOf(天府广场), searches: 3, medianMetres: 3000 },
      { ...cellOf(east), searches: 3, medianMetres: null },
    ])
  })
})
