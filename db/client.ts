import { mkdir, readFile, writeFile } from 'node:fs/promises'
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
import lockfile from 'proper-lockfile'
import postgres from 'postgres'
import * as schema from './schema/index.js'

export type Schema = typeof schema
export type Database = PgDatabase<PgQueryResultHKT, Schema>
export type Driver = 'postgres' | 'pglite'

export type DatabaseHandle = {
  db: Database
  driver: Driver
  close: () => Promise<void>
}

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError'
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
 * DataDirLockedError.
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
      await migratePostgres(db as never, { migrationsFolder })
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

async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockPath = `${dataDir}.lock`
  const pidFile = path.join(lockPath, 'pid')
  // The lock's mtime is refreshed every 2 s, so a lock left by a killed process goes stale after 10 s.
  const lock = (retries: number) =>
    lockfile.lock(dataDir, {
      lockfilePath: lockPath,
      stale: 10_000,
      update: 2_000,
      retries: { retries, minTimeout: 1_000, maxTimeout: 2_000 },
      onCompromised: (error) => {
        throw error
      },
    })
  let release: () => Promise<void>
  try {
    release = await lock(0)
  } catch (error) {
    if ((error as { code?: string }).code !== 'ELOCKED') throw error
    const owner = Number(await readFile(pidFile, 'utf8').catch(() => ''))
    if (owner > 0 && isAlive(owner)) {
      throw new DataDirLockedError(
        `The database in ${dataDir} is in use by another process (pid ${owner}). ` +
          'Stop that process first, or set DATA_DIR to another folder.',
      )
    }
    // The owner is gone (killed or crashed): wait until its lock goes stale, then take it.
    release = await lock(12).catch((retryError: unknown) => {
      throw (retryError as { code?: string }).code === 'ELOCKED'
        ? new DataDirLockedError(`The database in ${dataDir} is locked by another process; stop it or set DATA_DIR.`)
        : retryError
    })
  }
  await writeFile(pidFile, String(process.pid))
  return release
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM'
  }
}
