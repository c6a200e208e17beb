import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { countStations, listStations, upsertStations, type StationRecord } from '../../db/repositories/stations.js'
import { stations, type NewStation } from '../../db/schema/index.js'
import { seedSampleStations } from '../../db/seed.js'
import { parseStationsFile, serializeStations, type FileFormat, type ParseResult } from '../../db/stations-file.js'
import { convertPoint, type CoordinateSystem } from '../../domain/geo.js'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'

let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => database.close())
beforeEach(async () => {
  await database.db.delete(stations)
})

const header = 'external_id,name,kind,address,city,district,lat,lng,amenities,opening_hours,phone,active,last_verified'

const goodCsv = [
  header,
  'cd-101,春熙路测试驿站,union,"锦江区春熙路 1 号, 二楼",成都,锦江区,30.6573,104.0798,hot_water;toilet,Mo-Su 09:30-21:00,028-8666 1234,true,2026-10-12',
  'xa-101,钟楼测试驿站,rider,碑林区东大街 2 号,西安,碑林区,34.2611,108.9422,phone_charging、ebike_charging,24/7,,yes,',
  'fc-101,肥城测试驿站,driver,新城路 3 号,肥城,,35.9,116.77,truck_parking,,,false,2026-01-05',
  '',
].join('\n')

/** What goodCsv must put in the database, in external-id order. */
/** The bot's own columns, which files do not carry. */
const notClosed = { closedUntil: null, closedReason: '', photoFileId: null }

const goodStations: Omit<StationRecord, 'id'>[] = [
  {
    externalId: 'cd-101',
    name: '春熙路测试驿站',
    kind: 'union',
    address: '锦江区春熙路 1 号, 二楼',
    city: '成都',
    district: '锦江区',
    lat: 30.6573,
    lng: 104.0798,
    amenities: ['hot_water', 'toilet'],
    openingHours: 'Mo-Su 09:30-21:00',
    phone: '028-8666 1234',
    active: true,
    lastVerified: '2026-10-12',
    ...notClosed,
  },
  {
    externalId: 'fc-101',
    name: '肥城测试驿站',
    kind: 'driver',
    address: '新城路 3 号',
    city: '肥城',
    district: '',
    lat: 35.9,
    lng: 116.77,
    amenities: ['truck_parking'],
    openingHours: '',
    phone: '',
    active: false,
    lastVerified: '2026-01-05',
    ...notClosed,
  },
  {
    externalId: 'xa-101',
    name: '钟楼测试驿站',
    kind: 'rider',
    address: '碑林区东大街 2 号',
    city: '西安',
    district: '碑林区',
    lat: 34.2611,
    lng: 108.9422,
    amenities: ['phone_charging', 'ebike_charging'],
    openingHours: '24/7',
    phone: '',
    active: true,
    lastVerified: null,
    ...notClosed,
  },
]

/** What the import command does: validate the whole file, and write only when every row is good. */
async function importFile(content: string, format: FileFormat, crs: CoordinateSystem = 'wgs84') {
  const parsed = parseStationsFile(content, format, crs)
  const result = parsed.ok ? await upsertStations(database.db, parsed.stations) : undefined
  return { parsed, result }
}

const withoutIds = (rows: StationRecord[]) => rows.map(({ id: _id, ...rest }) => rest)
const issuesOf = (parsed: ParseResult) => (parsed.ok ? [] : parsed.issues.map(({ line, field, problem }) => ({ line, field, problem })))

describe('a stations file with bad rows', () => {
  const badCsv = [
    header, // 1
    'ok-1,好驿站,union,地址,成都,锦江区,30.6573,104.0798,hot_water;toilet,Mo-Su 09:00-18:00,,true,2026-10-12', // 2
    'bad-kind,驿站,spaceship,,,,30.6,104.0,,,,,', // 3
    'bad-amenity,驿站,union,,,,30.6,104.0,hot_water;jacuzzi,,,,', // 4
    '', // 5: blank lines are skipped but still counted
    'swapped,驿站,union,,,,104.0798,30.6573,,,,,', // 6
    'paris,驿站,union,,,,48.85,2.35,,,,,', // 7
    'bad-hours,驿站,union,,,,30.6,104.0,,9点-17点,,,', // 8
    'no-name,,union,,,,30.6,104.0,,,,,', // 9
    'ok-1,重复,union,,,,30.6,104.0,,,,,', // 10
    'bad-date,驿站,union,,,,30.6,104.0,,,,,2026-13-45', // 11
    'no-feb-30,驿站,union,,,,30.6,104.0,,,,,2026-02-30', // 12
    'not-a-number,驿站,union,,,,北纬30度,104.0,,,,,', // 13
    'ok-2,另一个好驿站,city,,,,34.26,108.94,,,,,', // 14
    '',
  ].join('\n')

  it('reports every bad CSV row with its line and field, and imports nothing', async () => {
    const { parsed, result } = await importFile(badCsv, 'csv')
    expect(parsed.ok).toBe(false)
    expect(issuesOf(parsed)).toEqual([
      { line: 3, field: 'kind', problem: 'problem-unknown-kind' },
      { line: 4, field: 'amenities', problem: 'problem-unknown-amenity' },
      { line: 6, field: 'lat', problem: 'problem-outside-china' },
      { line: 7, field: 'lat', problem: 'problem-outside-china' },
      { line: 8, field: 'opening_hours', problem: 'problem-bad-hours' },
      { line: 9, field: 'name', problem: 'problem-required' },
      { line: 10, field: 'external_id', problem: 'problem-duplicate-id' },
      { line: 11, field: 'last_verified', problem: 'problem-bad-date' },
      { line: 12, field: 'last_verified', problem: 'problem-bad-date' },
      { line: 13, field: 'lat', problem: 'problem-not-number' },
    ])
    expect(result).toBeUndefined()
    expect(await countStations(database.db)).toBe(0)
  })

  it('says what was wrong: the bad value, what is allowed, and which line a duplicate repeats', () => {
    const parsed = parseStationsFile(badCsv, 'csv', 'wgs84')
    const issues = parsed.ok ? [] : parsed.issues
    expect(issues.find((issue) => issue.line === 3)?.args).toMatchObject({ value: 'spaceship', allowed: expect.stringContaining('union') })
    expect(issues.find((issue) => issue.line === 4)?.args).toMatchObject({
      value: 'jacuzzi',
      allowed: expect.stringContaining('hot_water'),
    })
    expect(issues.find((issue) => issue.line === 10)?.args).toEqual({ other: 2 })
    expect(issues.find((issue) => issue.line === 8)?.args?.detail).toEqual(expect.any(String))
  })

  it('reports bad JSON array elements by the line each element starts on, and imports nothing', async () => {
    const json = [
      '[', // 1
      '  {"external_id": "j1", "name": "甲", "kind": "union", "lat": 30.6, "lng": 104.0},', // 2
      '  {"external_id": "j2", "name": "乙", "kind": "ufo", "lat": 30.6, "lng": 104.0},', // 3
      '  {', // 4
      '    "external_id": "j3",',
      '    "name": "带 [括号] 和 {花括号} 的 \\"名字\\"",',
      '    "kind": "union",',
      '    "lat": 30.6, "lng": 104.0, "amenities": ["hot_water", "sauna"]',
      '  },',
      '  "not an object",', // 10
      '  {"external_id": "j1", "name": "丙", "kind": "union", "lat": 30.6, "lng": 104.0},', // 11
      '  {"external_id": "j5", "name": "丁", "kind": "union", "lat": 30.6, "lng": 104.0, "last_verified": "2026-02-30"}', // 12
      ']',
    ].join('\n')
    const { parsed } = await importFile(json, 'json')
    expect(issuesOf(parsed)).toEqual([
      { line: 3, field: 'kind', problem: 'problem-unknown-kind' },
      { line: 4, field: 'amenities', problem: 'problem-unknown-amenity' },
      { line: 10, field: '-', problem: 'problem-not-object' },
      { line: 11, field: 'external_id', problem: 'problem-duplicate-id' },
      { line: 12, field: 'last_verified', problem: 'problem-bad-date' },
    ])
    expect(await countStations(database.db)).toBe(0)
  })

  it('refuses a CSV without a required column, a CSV with a broken row, and JSON that is not an array', () => {
    expect(issuesOf(parseStationsFile('external_id,name,kind,lat\na,b,union,30\n', 'csv', 'wgs84'))).toEqual([
      { line: 1, field: '-', problem: 'problem-missing-columns' },
    ])
    expect(
      issuesOf(parseStationsFile('external_id,name,kind,lat,lng\na,b,union,30,104\nc,d,union,30,104,extra\n', 'csv', 'wgs84')),
    ).toEqual([{ line: 3, field: '-', problem: 'problem-bad-csv' }])
    expect(issuesOf(parseStationsFile('{"external_id": "a"}', 'json', 'wgs84'))).toEqual([
      { line: 1, field: '-', problem: 'problem-bad-json' },
    ])
    expect(issuesOf(parseStationsFile('[{"external_id": "a",}]', 'json', 'wgs84'))).toEqual([
      { line: 1, field: '-', problem: 'problem-bad-json' },
    ])
  })
})

describe('importing a good file', () => {
  it('stores every station as written', async () => {
    const { result } = await importFile(goodCsv, 'csv')
    expect(result).toEqual({ inserted: 3, updated: 0 })
    expect(withoutIds(await listStations(database.db))).toEqual(goodStations)
  })

  it('reads a file saved by Excel (byte-order mark, CRLF line ends) like a plain one', async () => {
    const excel = `\uFEFF${goodCsv.replaceAll('\n', '\r\n')}`
    expect(parseStationsFile(excel, 'csv', 'wgs84')).toEqual(parseStationsFile(goodCsv, 'csv', 'wgs84'))
  })

  it('reads the same stations from JSON as from CSV', () => {
    const json = JSON.stringify(
      goodStations.map((station) => ({
        external_id: station.externalId,
        name: station.name,
        kind: station.kind,
        address: station.address,
        city: station.city,
        district: station.district,
        lat: station.lat,
        lng: station.lng,
        amenities: station.amenities,
        opening_hours: station.openingHours,
        phone: station.phone,
        active: station.active,
        last_verified: station.lastVerified,
      })),
    )
    const fromJson = parseStationsFile(json, 'json', 'wgs84')
    const fromCsv = parseStationsFile(goodCsv, 'csv', 'wgs84')
    const byId = (result: ParseResult) =>
      result.ok ? [...result.stations].sort((a, b) => a.externalId.localeCompare(b.externalId)) : result.issues
    expect(byId(fromJson)).toEqual(byId(fromCsv))
  })

  it('updates the stations again on re-import, by external id, without duplicating any', async () => {
    await importFile(goodCsv, 'csv')
    const before = await listStations(database.db)
    const changed = goodCsv
      .replace('春熙路测试驿站', '春熙路测试驿站（新址）')
      .replace('truck_parking,,,false', 'truck_parking;toilet,,,true')
    const { result } = await importFile(changed, 'csv')
    expect(result).toEqual({ inserted: 0, updated: 3 })
    const after = await listStations(database.db)
    expect(after.map((station) => station.id)).toEqual(before.map((station) => station.id))
    expect(after.find((station) => station.externalId === 'cd-101')?.name).toBe('春熙路测试驿站（新址）')
    expect(after.find((station) => station.externalId === 'fc-101')).toMatchObject({ amenities: ['truck_parking', 'toilet'], active: true })
    expect(await countStations(database.db)).toBe(3)
  })

  it('counts new and updated stations separately when a file does both', async () => {
    await importFile(goodCsv, 'csv')
    const grown = `${goodCsv}lh-101,漯河测试驿站,city,,漯河,,33.58,114.02,,,,,\n`
    expect((await importFile(grown, 'csv')).result).toEqual({ inserted: 1, updated: 3 })
    expect(await countStations(database.db)).toBe(4)
  })

  it('lands all stations or none: a row the database refuses rolls back the rows before it', async () => {
    const many: NewStation[] = Array.from({ length: 700 }, (_, index) => ({
      externalId: `bulk-${index}`,
      name: `批量驿站${index}`,
      kind: 'union',
      lat: 30 + index / 1_000,
      lng: 104,
    }))
    // Row 650 is in the second batch of 500, after the first batch was written.
    many[650] = { ...many[650]!, name: null as unknown as string }
    await expect(upsertStations(database.db, many)).rejects.toThrow()
    expect(await countStations(database.db)).toBe(0)
  })
})

describe('coordinates in GCJ-02 and BD-09', () => {
  it.each(['gcj02', 'bd09'] as const)('are converted from %s to WGS-84 on import', async (crs) => {
    const shifted = goodStations.map((station) => ({ station, point: convertPoint(station, 'wgs84', crs) }))
    let content = goodCsv
    for (const { station, point } of shifted) {
      content = content.replace(`${station.lat},${station.lng}`, `${point.lat.toFixed(6)},${point.lng.toFixed(6)}`)
    }
    expect(content).not.toBe(goodCsv)
    await importFile(content, 'csv', crs)
    const stored = await listStations(database.db)
    for (const { station, point } of shifted) {
      const row = stored.find((candidate) => candidate.externalId === station.externalId)
      const expected = convertPoint({ lat: Number(point.lat.toFixed(6)), lng: Number(point.lng.toFixed(6)) }, crs, 'wgs84')
      expect(row?.lat).toBeCloseTo(expected.lat, 6)
      expect(row?.lng).toBeCloseTo(expected.lng, 6)
      // And so back where the station really is, within about a metre.
      expect(Math.abs((row?.lat ?? 0) - station.lat)).toBeLessThan(1e-5)
      expect(Math.abs((row?.lng ?? 0) - station.lng)).toBeLessThan(1e-5)
    }
  })
})

describe('export', () => {
  it.each([
    ['csv', 'wgs84'],
    ['json', 'wgs84'],
    ['csv', 'gcj02'],
    ['json', 'gcj02'],
  ] as const)('writes %s (%s) that imports back to the same stations and exports the same again', async (format, crs) => {
    await importFile(goodCsv, 'csv')
    const original = withoutIds(await listStations(database.db))
    const exported = serializeStations(await listStations(database.db), format, crs)

    await database.db.delete(stations)
    const { parsed, result } = await importFile(exported, format, crs)
    expect(issuesOf(parsed)).toEqual([])
    expect(result).toEqual({ inserted: 3, updated: 0 })
    const reimported = withoutIds(await listStations(database.db))
    expect(reimported.map(({ lat: _lat, lng: _lng, ...rest }) => rest)).toEqual(original.map(({ lat: _lat, lng: _lng, ...rest }) => rest))
    reimported.forEach((station, index) => {
      expect(Math.abs(station.lat - original[index]!.lat)).toBeLessThan(1e-5)
      expect(Math.abs(station.lng - original[index]!.lng)).toBeLessThan(1e-5)
    })
    expect(serializeStations(await listStations(database.db), format, crs)).toBe(exported)
  })

  it('writes BD-09 that imports back to within centimetres of each station', async () => {
    // Baidu's inverse transform is approximate (about 5e-7°), so unlike WGS-84 and GCJ-02 the
    // last exported digit may change from one round trip to the next; the station does not move.
    await importFile(goodCsv, 'csv')
    const original = await listStations(database.db)
    const exported = serializeStations(original, 'csv', 'bd09')
    await database.db.delete(stations)
    await importFile(exported, 'csv', 'bd09')
    const reimported = await listStations(database.db)
    expect(reimported).toHaveLength(original.length)
    reimported.forEach((station, index) => {
      expect(Math.abs(station.lat - original[index]!.lat)).toBeLessThan(2e-6)
      expect(Math.abs(station.lng - original[index]!.lng)).toBeLessThan(2e-6)
    })
  })

  it('writes the CSV header in the import column order, and amenities joined by semicolons', async () => {
    await importFile(goodCsv, 'csv')
    const csv = serializeStations(await listStations(database.db), 'csv', 'wgs84')
    const [firstLine, secondLine] = csv.split('\n')
    expect(firstLine).toBe(header)
    expect(secondLine).toContain('hot_water;toilet')
    expect(secondLine).toContain('"锦江区春熙路 1 号, 二楼"')
  })
})

describe('the sample stations', () => {
  const sampleFile = new URL('../../db/seed/sample-stations.json', import.meta.url)

  it('parse without a single issue', async () => {
    const parsed = parseStationsFile(await readFile(sampleFile, 'utf8'), 'json', 'wgs84')
    expect(issuesOf(parsed)).toEqual([])
    expect(parsed.ok && parsed.stations.length).toBeGreaterThan(0)
  })

  it('are loaded into an empty database once, and never again', async () => {
    const parsed = parseStationsFile(await readFile(sampleFile, 'utf8'), 'json', 'wgs84')
    const expected = parsed.ok ? parsed.stations.length : -1
    expect(await seedSampleStations(database.db)).toBe(expected)
    expect(await countStations(database.db)).toBe(expected)
    expect(await seedSampleStations(database.db)).toBe(0)
    expect(await countStations(database.db)).toBe(expected)
  })

  it('are not loaded into a database that already has stations', async () => {
    await importFile(goodCsv, 'csv')
    expect(await seedSampleStations(database.db)).toBe(0)
    expect(await countStations(database.db)).toBe(3)
  })
})
