import { readFile } from 'node:fs/promises'
import { sql } from 'drizzle-orm'
import type { Sql } from 'postgres'
import type { Database } from './client.js'

/**
 * Any fixed 64-bit number, shared by every instance of the bot: the key of the session-level
 * advisory lock that start-up migrations run under.
 */
const MIGRATION_LOCK_KEY = 7_384_110_452_001n

/**
 * Runs `migrate` while holding a PostgreSQL advisory lock on a connection of its own. Two
 * instances started at the same moment on an empty database would otherwise both run
 * `CREATE EXTENSION` / `CREATE SCHEMA` and one would fail on a unique index of the catalog; with
 * the lock the others wait, then find every migration applied and do nothing. The lock is
 * session-level, so an instance killed mid-migration releases it with its connection.
 */
export async function migrateUnderLock(client: Sql, migrate: () => Promise<void>): Promise<void> {
  const connection = await client.reserve()
  try {
    await connection`select pg_advisory_lock(${MIGRATION_LOCK_KEY.toString()}::bigint)`
    try {
      await migrate()
    } finally {
      await connection`select pg_advisory_unlock(${MIGRATION_LOCK_KEY.toString()}::bigint)`
    }
  } finally {
    connection.release()
  }
}

/**
 * The chain of causes of a start-up failure on one line: drizzle reports "Failed query: …" and
 * keeps the database's own message (say, a unique violation) in `cause`.
 */
export function describeFailure(error: unknown): string {
  const parts: string[] = []
  let current: unknown = error
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    if (current instanceof Error) {
      const code = (current as { code?: unknown }).code
      const message = current.message.split('\n')[0] ?? ''
      parts.push(typeof code === 'string' && code !== '' ? `${message} (${code})` : message)
      current = current.cause
    } else {
      parts.push(String(current))
      break
    }
  }
  return parts.join(' ← caused by: ')
}

const journalFile = new URL('./migrations/meta/_journal.json', import.meta.url)

/**
 * How many of this build's migrations the database has not applied yet (readiness: a database
 * that was reset or restored from an old backup is not ready). drizzle applies a migration when its
 * timestamp is newer than the last one recorded, so that is what is compared.
 */
export async function pendingMigrations(db: Database): Promise<number> {
  const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { entries: { when: number }[] }
  const result = await db.execute(sql`select coalesce(max(created_at), 0)::text as last from drizzle.__drizzle_migrations`)
  // postgres.js returns the rows themselves, PGlite an object holding them.
  const rows = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as { last: string }[]
  const last = Number(rows[0]?.last ?? 0)
  return journal.entries.filter((entry) => entry.when > last).length
}
