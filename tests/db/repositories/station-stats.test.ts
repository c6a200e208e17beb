import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addScope } from '../../../db/repositories/roles.js'
import { freshnessByOwner, stationStats } from '../../../db/repositories/station-stats.js'
import { upsertStations } from '../../../db/repositories/stations.js'
import { stationReports, stations } from '../../../db/schema/index.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { addUser, seedStations } from '../../helpers/feedback.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR
// 10:00 on 2026-12-07 in Shanghai.
const now = new Date('2026-12-07T02:00:00Z')
const chengdu = { id: 7501, role: 'organizer' as const }
const stationB = { id: 7502, role: 'organizer' as const }
const xian = { id: 7503, role: 'organizer' as const }
const everywhere = { id: 7504, role: 'organizer' as const }
const admin = { id: 7505, role: 'admin' as const }

let database: TestDatabase
let ids: Record<'A' | 'B' | 'X' | 'C', number>

beforeAll(async () => {
  database = await createTestDatabase()
  const db = database.db
  const seeded = await seedStations(db)
  await upsertStations(db, [{ externalId: 'cq-1', name: '重庆驿站', kind: 'union', city: '重庆', lat: 29.56, lng: 106.55 }])
  const [chongqing] = await db.select().from(stations).where(eq(stations.externalId, 'cq-1'))
  ids = { ...seeded, C: chongqing!.id }
  await addUser(db, { id: chengdu.id, firstName: '成都组织者', role: 'organizer' })
  await addUser(db, { id: stationB.id, firstName: 'B站站长', role: 'organizer' })
  await addUser(db, { id: xian.id, firstName: '西安组织者', role: 'organizer' })
  await addUser(db, { id: everywhere.id, firstName: '总组织者', role: 'organizer' })
  await addUser(db, { id: admin.id, firstName: '管理员', role: 'admin' })
  await addScope(db, { userId: chengdu.id, city: '成都', createdBy: null })
  await addScope(db, { userId: stationB.id, stationId: ids.B, createdBy: null })
  await addScope(db, { userId: xian.id, city: '西安', createdBy: null })

  await db.update(stations).set({ lastVerified: '2026-11-27' }).where(eq(stations.id, ids.A))
  await db.update(stations).set({ lastVerified: '2026-08-01' }).where(eq(stations.id, ids.B))
  const report = (stationId: number, status: 'open' | 'confirmed' | 'dismissed', createdAt: Date, resolvedAt: Date | null) => ({
    stationId,
    userId: 5501,
    kind: 'no_hot_water' as const,
    status,
    createdAt,
    resolvedAt,
  })
  await db.insert(stationReports).values([
    report(ids.A, 'open', new Date(now.getTime() - HOUR), null),
    report(ids.A, 'confirmed', new Date(now.getTime() - 5 * HOUR), new Date(now.getTime() - HOUR)),
    report(ids.A, 'dismissed', new Date(now.getTime() - 3 * HOUR), new Date(now.getTime() - HOUR)),
    // Handled too long ago to count for the median.
    report(ids.A, 'confirmed', new Date(now.getTime() - 200 * DAY), new Date(now.getTime() - 199 * DAY)),
    report(ids.X, 'open', new Date(now.getTime() - HOUR), null),
    { ...report(ids.X, 'confirmed', now, now), kind: 'all_good' as const },
  ])
})
afterAll(async () => database.close())

describe('stationStats', () => {
  it('gives an admin every city and every owning organizer, with the median time to handle a report', async () => {
    const stats = await stationStats(database.db, admin, now)
    expect(stats.byCity).toEqual([
      { city: '成都', stations: 2, verified: 1, openReports: 1, medianHandleHours: 3 },
      { city: '西安', stations: 1, verified: 0, openReports: 1, medianHandleHours: undefined },
      { city: '重庆', stations: 1, verified: 0, openReports: 0, medianHandleHours: undefined },
    ])
    expect(stats.byOrganizer).toEqual([
      { userId: chengdu.id, name: '成都组织者', stations: 2, verified: 1, openReports: 1, medianHandleHours: 3 },
      { userId: stationB.id, name: 'B站站长', stations: 1, verified: 0, openReports: 0, medianHandleHours: undefined },
      { userId: xian.id, name: '西安组织者', stations: 1, verified: 0, openReports: 1, medianHandleHours: undefined },
      // The station nobody is scoped to belongs to the organizer without a scope.
      { userId: everywhere.id, name: '总组织者', stations: 1, verified: 0, openReports: 0, medianHandleHours: undefined },
    ])
  })

  it('keeps a scoped organizer to their own stations', async () => {
    const stats = await stationStats(database.db, stationB, now)
    expect(stats.byCity).toEqual([{ city: '成都', stations: 1, verified: 0, openReports: 0, medianHandleHours: undefined }])
    expect(stats.byOrganizer.map((row) => [row.name, row.stations])).toEqual([
      ['成都组织者', 1],
      ['B站站长', 1],
    ])
  })

  it('counts a station verified 90 days ago as fresh and 91 days ago as not', async () => {
    await database.db.update(stations).set({ lastVerified: '2026-09-08' }).where(eq(stations.id, ids.C))
    expect((await stationStats(database.db, admin, now)).byCity.find((row) => row.city === '重庆')?.verified).toBe(1)
    await database.db.update(stations).set({ lastVerified: '2026-09-07' }).where(eq(stations.id, ids.C))
    expect((await stationStats(database.db, admin, now)).byCity.find((row) => row.city === '重庆')?.verified).toBe(0)
  })
})

describe('freshnessByOwner', () => {
  it('lists each owner’s stations not verified for 90 days, least recently checked first, and their open reports', async () => {
    const freshness = await freshnessByOwner(database.db, now, 3)
    expect(freshness.get(chengdu.id)).toEqual({ unverified: 1, examples: ['成都测试驿站B'], openReports: 1 })
    expect(freshness.get(stationB.id)).toEqual({ unverified: 1, examples: ['成都测试驿站B'], openReports: 0 })
    expect(freshness.get(xian.id)).toEqual({ unverified: 1, examples: ['西安测试驿站X'], openReports: 1 })
    expect(freshness.get(everywhere.id)).toEqual({ unverified: 1, examples: ['重庆驿站'], openReports: 0 })
    expect(freshness.has(admin.id)).toBe(false)
  })
})
