import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
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

/**
 * An empty data directory made by initdb at install time (scripts/build.js, next to the compiled
 * db/ in dist/). Loading it on a first start costs about half the memory of running initdb, which
 * starts a second PostgreSQL in WebAssembly; without it (tsx, tests) PGlite runs initdb.
 */
const pgliteTemplate = fileURLToPath(new URL('./pglite-template.tgz', import.meta.url))

export type OpenDatabaseOptions =
  | { databaseUrl: string; maxConnections?: number }
  /**
   * dataDir undefined: an in-memory database (tests, benchmarks). pgliteTemplate: the data
   * directory tarball a first start loads, when it exists (default: the one the build made).
   */
  | { databaseUrl?: undefined; dataDir: string | undefined; pgliteTemplate?: string }

/**
 * Opens PostgreSQL (postgres.js) when a URL is given, otherwise embedded PGlite, and applies the
 * committed migrations. A PGlite data directory is locked for the life of the process: two
 * processes on one directory silently lose committed writes, so a second one is refused with a
 * DataDirLockedError; the leases left in it by the previous process are deleted.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  // Each driver is imported only when used: a bot on PostgreSQL never loads PGlite's WebAssembly
  // PostgreSQL, and one on PGlite never loads postgres.js.
  if (options.databaseUrl !== undefined) return openPostgres(options.databaseUrl, options.maxConnections ?? 10)
  return openPglite(options.dataDir, options.pgliteTemplate ?? pgliteTemplate)
}

/**
 * Set for every connection: how close typed words must be to a stretch of a station's text to
 * count as a near miss (the typed-place search's last tier, through the trigram index). pg_trgm's
 * default, 0.6, misses a single wrong character in a seven-character name (春熙路公会驿站: 0.45).
 */
const searchSettings = { 'pg_trgm.word_similarity_threshold': '0.4' }

async function openPostgres(databaseUrl: string, maxConnections: number): Promise<DatabaseHandle> {
  const [{ default: postgres }, { drizzle }, { migrate }] = await Promise.all([
    import('postgres'),
    import('drizzle-orm/postgres-js'),
    import('drizzle-orm/postgres-js/migrator'),
  ])
  const client = postgres(databaseUrl, {
    max: maxConnections,
    onnotice: () => {},
    connection: { application_name: 'nuanxin', ...searchSettings },
  })
  const db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Database
  try {
    await migrateUnderLock(client, () => migrate(db as never, { migrationsFolder }))
  } catch (error) {
    await client.end({ timeout: 5 })
    throw error
  }
  return { db, driver: 'postgres', close: () => client.end({ timeout: 5 }) }
}

async function openPglite(dataDirOption: string | undefined, templateFile: string): Promise<DatabaseHandle> {
  const [{ PGlite }, { cube }, { earthdistance }, { pg_trgm }, { drizzle }, { migrate }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/cube'),
    import('@electric-sql/pglite/contrib/earthdistance'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ])
  let release: (() => Promise<void>) | undefined
  let dataDir: string | undefined
  if (dataDirOption !== undefined) {
    dataDir = path.resolve(dataDirOption, 'pglite')
    await mkdir(dataDir, { recursive: true })
    release = await lockDataDir(dataDir)
  }
  try {
    const fresh = dataDir !== undefined && !existsSync(path.join(dataDir, 'PG_VERSION'))
    const template = fresh && existsSync(templateFile) ? new Blob([await readFile(templateFile)]) : undefined
    const client = await PGlite.create({
      ...(dataDir === undefined ? {} : { dataDir }),
      ...(template === undefined ? {} : { loadDataDir: template }),
      extensions: { cube, earthdistance, pg_trgm },
      // PGlite's default shared_buffers (128MB) is sized for a server; the embedded database needs far less.
      startParams: [
        ...PGlite.defaultStartParams,
        '-c',
        'shared_buffers=16MB',
        ...Object.entries(searchSettings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
      ],
    })
    const db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Database
    await migrate(db as never, { migrationsFolder })
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
