import { sql, type SQL } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listManagedStations } from '../../../db/repositories/managed-stations.js'
import { nameContains, searchStations } from '../../../db/repositories/station-search.js'
import { upsertStations } from '../../../db/repositories/stations.js'
import type { NewStation } from '../../../db/schema/index.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'

const station = (externalId: string, name: string, more: Partial<NewStation> = {}): NewStation => ({
  externalId,
  name,
  kind: 'union',
  city: '成都',
  district: '锦江区',
  address: '',
  lat: 30.65,
  lng: 104.06,
  ...more,
})

const fixture: NewStation[] = [
  station('s-1', '春熙路工会驿站', { address: '春熙路 18 号' }),
  station('s-2', '春熙路', { address: '春熙路 1 号' }),
  station('s-3', '太古里户外劳动者驿站', { address: '春熙路 9 号' }),
  station('s-4', '人民路爱心驿站', { city: '漯河', district: '源汇区', address: '人民路 6 号' }),
  station('s-5', '高新驿站', { city: '西安', district: '高新区', address: '科技路 3 号' }),
  station('s-6', '天府软件园驿站', { district: '高新区', address: '天府大道 1 号' }),
  station('s-7', '春熙路老驿站', { active: false }),
  station('s-8', '100%满意驿站', { address: 'A_B 路' }),
  station('s-9', 'Sunshine Hub', { address: 'Riverside Road' }),
  // Many that share a common word, as a city's stations share its name.
  ...Array.from({ length: 40 }, (_, index) =>
    station(`c-${index}`, `社区服务站${index}`, { district: '高新区', address: `建设路 ${index} 号` }),
  ),
]

let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase()
  await upsertStations(database.db, fixture)
  await database.db.execute(sql`ANALYZE stations`)
})
afterAll(() => database?.close())

const names = async (query: string, limit = 10) => (await searchStations(database.db, query, limit)).map((row) => row.name)

describe('typed-place search', () => {
  it('puts the exact name first, then names with the words, then addresses with them', async () => {
    expect(await names('春熙路')).toEqual(['春熙路', '春熙路工会驿站', '太古里户外劳动者驿站'])
  })

  it('finds two-character words, in the name or the district, as riders type them', async () => {
    expect(await names('高新', 3)).toEqual(['高新驿站', '天府软件园驿站', '社区服务站0'])
    expect(await names('人民路')).toEqual(['人民路爱心驿站'])
  })

  it('needs every typed word, in any of the fields', async () => {
    expect(await names('漯河 人民路')).toEqual(['人民路爱心驿站'])
    expect(await names('西安 科技路')).toEqual(['高新驿站'])
    expect(await names('成都 科技路')).toEqual([])
  })

  it('answers a single character without the pair index', async () => {
    expect(await names('漯')).toEqual(['人民路爱心驿站'])
  })

  it('finds a name with a typo or a missing character', async () => {
    expect(await names('春熙路工会驿')).toContain('春熙路工会驿站')
    expect(await names('春熙路公会驿站')).toContain('春熙路工会驿站')
    expect(await names('sunshin hub')).toEqual(['Sunshine Hub'])
  })

  it('matches Latin letters whatever their case', async () => {
    expect(await names('RIVERSIDE')).toEqual(['Sunshine Hub'])
  })

  it('never lists a deactivated station', async () => {
    expect(await names('春熙路老驿站')).not.toContain('春熙路老驿站')
  })

  it('takes % and _ as the characters typed, not as patterns', async () => {
    expect(await names('100%')).toEqual(['100%满意驿站'])
    expect(await names('A_B')).toEqual(['100%满意驿站'])
    expect(await names('%')).toEqual(['100%满意驿站'])
  })

  it('fills the list from the names when a common word is typed, the same each time', async () => {
    const first = await names('服务站', 10)
    expect(first).toHaveLength(10)
    expect(first.every((name) => name.startsWith('社区服务站'))).toBe(true)
    expect(await names('服务站', 10)).toEqual(first)
  })

  it('finds the candidates for a word of three characters or more through the trigram index', async () => {
    // With sequential scans priced out, a plan that still reads every row means no index fits.
    const plan = (query: SQL) =>
      database.db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL enable_seqscan = off`)
        return JSON.stringify(await tx.execute(sql`EXPLAIN ${query}`))
      })
    expect(await plan(sql`SELECT id FROM stations WHERE ${nameContains('春熙路')}`)).toContain('stations_search_trgm')
  })
})

describe("the organizers' station panel search", () => {
  it('finds names containing the typed text', async () => {
    const admin = { id: 1, role: 'admin' as const }
    const { stations, total } = await listManagedStations(database.db, admin, { query: '熙路', limit: 10, offset: 0 })
    expect(total).toBe(3)
    expect(stations.map((row) => row.name).sort()).toEqual(['春熙路', '春熙路工会驿站', '春熙路老驿站'].sort())
  })
})
