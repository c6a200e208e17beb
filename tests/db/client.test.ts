import type { ChildProcess } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DataDirLockedError, openDatabase, type DatabaseHandle } from '../../db/client.js'
import { countStations, listStations, upsertStations } from '../../db/repositories/stations.js'
import { findUser, touchUser } from '../../db/repositories/users.js'
import { envWith, runTsx, spawnTsx } from '../helpers/run.js'

// These tests start processes that open PGlite on disk; the first open of a folder runs initdb.
const slow = { timeout: 60_000 }
const helper = 'tests/helpers/open-data-dir.ts'

let folder: string
let counter = 0
const open: DatabaseHandle[] = []
const children: ChildProcess[] = []

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'nuanxin-client-'))
})
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
  for (const handle of open.splice(0)) await handle.close().catch(() => {})
})
afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

const freshDir = () => path.join(folder, `data-${++counter}`)

async function openHere(dataDir: string, pgliteTemplate?: string): Promise<DatabaseHandle> {
  const handle = await openDatabase({ dataDir, ...(pgliteTemplate === undefined ? {} : { pgliteTemplate }) })
  open.push(handle)
  return handle
}

async function closeHere(handle: DatabaseHandle) {
  open.splice(open.indexOf(handle), 1)
  await handle.close()
}

/** Opens `dataDir` in another process, closes it again, and says what happened there. */
async function openElsewhere(dataDir: string) {
  const run = await runTsx([helper, 'open', dataDir], envWith({}))
  const lastLine = run.stdout.trim().split('\n').at(-1) ?? '{}'
  return {
    code: run.code,
    report: JSON.parse(lastLine) as { opened?: true; name?: string; message?: string; ms?: number },
    stderr: run.stderr,
  }
}

/** Starts another process that opens `dataDir` and keeps it open; resolves once it holds it. */
function holdElsewhere(dataDir: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawnTsx([helper, 'hold', dataDir], envWith({}))
    children.push(child)
    let output = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk
      if (output.includes('"holding":true')) resolve(child)
    })
    child.on('exit', (code) => reject(new Error(`the holding process exited (${code}): ${output}`)))
  })
}

describe('a PGlite data directory', () => {
  it('is refused at once to a second process while this one has it open, naming this process', slow, async () => {
    const dataDir = freshDir()
    await openHere(dataDir)
    const second = await openElsewhere(dataDir)
    expect(second.code).toBe(1)
    expect(second.report.name).toBe('DataDirLockedError')
    expect(second.report.message).toContain(`pid ${process.pid}`)
    expect(second.report.message).toContain(path.resolve(dataDir))
    // Refused without waiting for a lock to go stale (which would take many seconds).
    expect(second.report.ms).toBeLessThan(5_000)
  })

  it('can be opened by another process once this one has closed it', slow, async () => {
    const dataDir = freshDir()
    const first = await openHere(dataDir)
    await closeHere(first)
    const second = await openElsewhere(dataDir)
    expect(second.stderr).toBe('')
    expect(second.report).toEqual({ opened: true })
    expect(second.code).toBe(0)
  })

  it('is refused to this process while another process holds it, and taken over once that process is killed', slow, async () => {
    const dataDir = freshDir()
    const holder = await holdElsewhere(dataDir)
    const refused = openDatabase({ dataDir })
    await expect(refused).rejects.toBeInstanceOf(DataDirLockedError)
    await expect(refused).rejects.toThrow(`pid ${holder.pid}`)

    const exited = new Promise((resolve) => holder.once('exit', resolve))
    holder.kill('SIGKILL')
    await exited
    const handle = await openHere(dataDir)
    expect(await countStations(handle.db)).toBe(0)
  })

  it('is refused to a second open within the same process', slow, async () => {
    const dataDir = freshDir()
    await openHere(dataDir)
    await expect(openDatabase({ dataDir })).rejects.toBeInstanceOf(DataDirLockedError)
  })

  it('keeps what was written after it is closed and opened again', slow, async () => {
    const dataDir = freshDir()
    const first = await openHere(dataDir)
    await upsertStations(first.db, [
      { externalId: 'keep-1', name: '留存驿站一', kind: 'union', lat: 30.65, lng: 104.06, amenities: ['hot_water'] },
      { externalId: 'keep-2', name: '留存驿站二', kind: 'rider', lat: 34.26, lng: 108.94 },
    ])
    await touchUser(first.db, { id: 777, languageCode: 'zh-hans', isAdmin: false })
    await closeHere(first)

    const again = await openHere(dataDir)
    expect(await countStations(again.db)).toBe(2)
    expect((await listStations(again.db)).map((station) => [station.externalId, station.name, station.amenities])).toEqual([
      ['keep-1', '留存驿站一', ['hot_water']],
      ['keep-2', '留存驿站二', []],
    ])
    expect(await findUser(again.db, 777)).toMatchObject({ id: 777, languageCode: 'zh-hans' })
  })

  it(
    'starts empty from the install-time template instead of running initdb, and reopens it as it was left',
    { timeout: 180_000 },
    async () => {
      // A template with a table initdb never makes: finding it proves the data came from the template.
      const made = await PGlite.create()
      await made.exec('CREATE TABLE made_by_template (id int)')
      const template = path.join(folder, 'template.tgz')
      await writeFile(template, Buffer.from(await (await made.dumpDataDir('gzip')).arrayBuffer()))
      await made.close()
      const readMarker = (handle: DatabaseHandle) => handle.db.execute(sql`SELECT id FROM made_by_template`)

      const dataDir = freshDir()
      const first = await openHere(dataDir, template)
      await expect(readMarker(first)).resolves.toBeDefined()
      await upsertStations(first.db, [{ externalId: 'tpl-1', name: '模板驿站', kind: 'union', lat: 30.65, lng: 104.06 }])
      await closeHere(first)

      // A data directory that exists is opened as it is: the template is for empty ones only.
      const again = await openHere(dataDir, template)
      await expect(readMarker(again)).resolves.toBeDefined()
      expect(await countStations(again.db)).toBe(1)
    },
  )
})
