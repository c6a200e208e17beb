import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client.js'
import { countStations, listStations } from '../../db/repositories/stations.js'
import { stationChanges, type NewStation } from '../../db/schema/index.js'
import { parseStationsFile } from '../../db/stations-file.js'
import { convertPoint } from '../../domain/geo.js'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { envWith, runTsx } from '../helpers/run.js'

// Each test starts one or two tsx processes that open the database themselves.
const slow = { timeout: 60_000 }

let folder: string
/** Set when DATABASE_URL is: the children then use this fresh PostgreSQL database instead of PGlite. */
let postgres: TestDatabase | undefined
let childEnv: Record<string, string | undefined>

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'nuanxin-cli-'))
  if (process.env.DATABASE_URL) {
    postgres = await createTestDatabase()
    childEnv = envWith({ DATABASE_URL: postgres.url ?? '' })
  } else {
    childEnv = envWith({ DATA_DIR: path.join(folder, 'data') })
  }
}, 60_000)
afterAll(async () => {
  await postgres?.close()
  await rm(folder, { recursive: true, force: true })
})

/** Looks into the database the children use; PGlite is opened only between child runs (it is locked while open). */
async function inDatabase<T>(read: (db: TestDatabase['db']) => Promise<T>): Promise<T> {
  if (postgres !== undefined) return read(postgres.db)
  const handle = await openDatabase({ dataDir: path.join(folder, 'data') })
  try {
    return await read(handle.db)
  } finally {
    await handle.close()
  }
}

async function fileWith(name: string, content: string): Promise<string> {
  const file = path.join(folder, name)
  await writeFile(file, content)
  return file
}

const importStations = (...args: string[]) => runTsx(['cli/stations-import.ts', ...args], childEnv)
const exportStations = (...args: string[]) => runTsx(['cli/stations-export.ts', ...args], childEnv)

const header = 'external_id,name,kind,address,city,district,lat,lng,amenities,opening_hours,phone,active,last_verified'
const goodCsv = [
  header,
  'cli-1,命令行驿站一,union,"锦江区春熙路 1 号, 二楼",成都,锦江区,30.6573,104.0798,hot_water;toilet,Mo-Su 09:30-21:00,028-8666 1234,true,2026-10-12',
  'cli-2,命令行驿站二,rider,碑林区东大街 2 号,西安,碑林区,34.2611,108.9422,phone_charging,24/7,,true,',
  'cli-3,命令行驿站三,driver,新城路 3 号,肥城,,35.9,116.77,truck_parking,,,false,2026-01-05',
  '',
].join('\n')

const sortById = (rows: NewStation[]) => [...rows].sort((a, b) => a.externalId.localeCompare(b.externalId))

describe('stations:import', () => {
  it('refuses a file with bad rows, listing each by line in Chinese, and imports nothing', slow, async () => {
    const file = await fileWith(
      'bad.csv',
      [
        header,
        'ok-1,好驿站,union,,,,30.6,104.0,,,,,',
        'bad-kind,驿站,spaceship,,,,30.6,104.0,,,,,',
        'swapped,驿站,union,,,,104.0,30.6,,,,,',
        '',
      ].join('\n'),
    )
    const run = await importStations(file)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('有 2 行数据有问题，这次什么都没有导入')
    expect(run.stderr).toContain('第 3 行 kind：不认识的类型「spaceship」')
    expect(run.stderr).toContain('第 4 行 lat：坐标不在中国境内')
    expect(run.stdout).not.toContain('导入完成')
    expect(await inDatabase(countStations)).toBe(0)
  })

  it('imports a good file and says how many were new, then that nothing changed on re-import', slow, async () => {
    const file = await fileWith('good.csv', goodCsv)
    const first = await importStations(file)
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('新增 3 个，更新 0 个，未变 0 个')
    expect(await inDatabase(countStations)).toBe(3)

    const again = await importStations(file)
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('新增 0 个，更新 0 个，未变 3 个')
    expect(await inDatabase(countStations)).toBe(3)
    // Each station's creation is in its history under the file's name; the unchanged re-import added nothing.
    const history = await inDatabase((db) => db.select().from(stationChanges))
    expect(history.map((change) => [change.source, change.note])).toEqual([
      ['import', 'good.csv'],
      ['import', 'good.csv'],
      ['import', 'good.csv'],
    ])
  })

  it('converts a file in GCJ-02 (--crs gcj02) to WGS-84', slow, async () => {
    const amap = convertPoint({ lat: 30.6573, lng: 104.0798 }, 'wgs84', 'gcj02')
    const file = await fileWith(
      'gcj.csv',
      `${header}\ncli-gcj,高德坐标驿站,city,,成都,,${amap.lat.toFixed(6)},${amap.lng.toFixed(6)},,,,,\n`,
    )
    const run = await importStations(file, '--crs', 'gcj02')
    expect(run.code).toBe(0)
    const stored = (await inDatabase(listStations)).find((station) => station.externalId === 'cli-gcj')
    expect(stored?.lat).toBeCloseTo(30.6573, 5)
    expect(stored?.lng).toBeCloseTo(104.0798, 5)
  })

  it('explains its usage for a file that is neither CSV nor JSON, and a missing file', slow, async () => {
    const usage = await importStations(path.join(folder, 'stations.txt'))
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('用法')
    const missing = await importStations(path.join(folder, 'missing.csv'))
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('读不了文件')
  })
})

describe('stations:export', () => {
  it('writes a CSV with the same stations that were imported', slow, async () => {
    const imported = parseStationsFile(goodCsv, 'csv', 'wgs84')
    if (!imported.ok) throw new Error('the fixture must be valid')
    const load = await importStations(await fileWith('export-source.csv', goodCsv))
    expect(load.code).toBe(0)

    const target = path.join(folder, 'exported.csv')
    const run = await exportStations(target)
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('已导出')

    const exported = parseStationsFile(await readFile(target, 'utf8'), 'csv', 'wgs84')
    if (!exported.ok) throw new Error(`the export must import again: ${JSON.stringify(exported.issues)}`)
    const mine = sortById(exported.stations).filter((station) => station.externalId.startsWith('cli-') && station.externalId !== 'cli-gcj')
    expect(mine).toEqual(sortById(imported.stations))
  })

  it('writes CSV to standard output when no file is given, in the coordinate system asked for', slow, async () => {
    await importStations(await fileWith('stdout-source.csv', goodCsv))
    const run = await exportStations('--crs', 'bd09')
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n')[0]).toBe(header)
    const exported = parseStationsFile(run.stdout, 'csv', 'bd09')
    if (!exported.ok) throw new Error(`the export must import again: ${JSON.stringify(exported.issues)}`)
    const first = exported.stations.find((station) => station.externalId === 'cli-1')
    // Read back as WGS-84 the station is where it was; written as Baidu sees it, it is not.
    expect(first?.lat).toBeCloseTo(30.6573, 5)
    expect(first?.lng).toBeCloseTo(104.0798, 5)
    expect(run.stdout).toContain(String(convertPoint({ lat: 30.6573, lng: 104.0798 }, 'wgs84', 'bd09').lat.toFixed(6)))
  })
})
