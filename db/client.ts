import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { cube } from '@electric-sql/pglite/contrib/cube'
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'
import { migrateUnderLock } from './migrate.js'
import * as schema from './schema/index.js'

type Schema = typeof schema
export type Database = PgDatabase<PgQueryResultHKT, Schema>
type Driver = 'postgres' | 'pglite'

export type DatabaseHandle = {
  db: Database
  driver: Driver
  close: () => Promise<void>
}

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError'
  readonly lockDir: string
  constructor(
    readonly dataDir: string,
    /** The pid in the lock (0 when it could not be read). */
    readonly owner: number,
  ) {
    const lockDir = `${dataDir}.lock`
    super(
      `The database in ${dataDir} is in use by another process (pid ${owner}). ` +
        `Stop that process first, or set DATA_DIR to another folder. If no such process is running, delete ${lockDir}.`,
    )
    this.lockDir = lockDir
  }
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url))

/** PGlite's default shared_buffers (128MB) is sized for a server; the embedded database needs far less. */
const pgliteStartParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB']

export type OpenDatabaseOptions =
  | { databaseUrl: string; maxConnections?: number }
  /** dataDir undefined: an in-memory database (tests, benchmarks). */
  | { databaseUrl?: undefined; dataDir: string | undefined }

/**
 * Opens PostgreSQL (postgres.js) when a URL is given, otherwise embedded PGlite, and applies the
 * committed migrations. A PGlite data directory is locked for the life of the process: two
 * processes on one directory silently lose committed writes, so a second one is refused with a
 * DataDirLockedError; the leases left in it by the previous process are deleted.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl !== undefined) {
    const client = postgres(options.databaseUrl, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      connection: { application_name: 'nuanxin' },
    })
    const db = drizzlePostgres(client, { schema, casing: 'snake_case' }) as unknown as Database
    try {
      await migrateUnderLock(client, () => migratePostgres(db as never, { migrationsFolder }))
    } catch (error) {
      await client.end({ timeout: 5 })
      throw error
    }
    return { db, driver: 'postgres', close: () => client.end({ timeout: 5 }) }
  }

  let release: (() => Promise<void>) | undefined
  let dataDir: string | undefined
  if (options.dataDir !== undefined) {
    dataDir = path.resolve(options.dataDir, 'pglite')
    await mkdir(dataDir, { recursive: true })
    release = await lockDataDir(dataDir)
  }
  try {
    const client = await PGlite.create({
      ...(dataDir === undefined ? {} : { dataDir }),
      extensions: { cube, earthdistance, pg_trgm },
      startParams: pgliteStartParams,
    })
    const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Database
    await migratePglite(db as never, { migrationsFolder })
    // The data-dir lock proves that whoever holds a lease in here (a chat, a broadcast's progress
    // message, an outbox sender's heartbeat) is a process that is gone: its claims end now, so the
    // rows a killed sender left are settled at once instead of when its heartbeat would lapse.
    if (dataDir !== undefined) await db.delete(schema.leases)
    return {
      db,
      driver: 'pglite',
      close: async () => {
        await client.close()
        await release?.()
      },
    }
  } catch (error) {
    await release?.()
    throw error
  }
}

/**
 * Takes the data directory for this process: an atomic mkdir of `<dir>.lock` holding our pid, like
 * PostgreSQL's postmaster.pid. A lock whose process is gone (killed, crashed) is taken over. No
 * heartbeat: PGlite runs synchronous WebAssembly that can block the event loop for seconds, which
 * would make mtime-refreshing locks (proper-lockfile) look stale while their owner is alive.
 */
/** Lock directories this process holds: a pid file naming our own pid but not in here is a dead predecessor's (pid reuse, e.g. pid 1 in a container). */
const heldLocks = new Set<string>()

async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockDir = `${dataDir}.lock`
  const pidFile = path.join(lockDir, 'pid')
  const locked = (owner: number) => new DataDirLockedError(dataDir, owner)
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await mkdir(lockDir)
      await writeFile(pidFile, String(process.pid))
      heldLocks.add(lockDir)
      return async () => {
        heldLocks.delete(lockDir)
        await rm(lockDir, { recursive: true, force: true })
      }
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error
    }
    let owner = Number(await readFile(pidFile, 'utf8').catch(() => ''))
    if (!(owner > 0)) {
      // Another process may be between its mkdir and writing its pid: give it a moment.
      await new Promise((resolve) => setTimeout(resolve, 300))
      owner = Number(await readFile(pidFile, 'utf8').catch(() => ''))
    }
    const ownerAlive = owner === process.pid ? heldLocks.has(lockDir) : owner > 0 && isAlive(owner)
    if (ownerAlive) throw locked(owner)
    // Two processes that both find a dead owner can race here; the window is a few milliseconds
    // right after a crash, and PostgreSQL's own postmaster.pid check has the same edge.
    await rm(lockDir, { recursive: true, force: true })
  }
  throw locked(0)
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM'
  }
}
