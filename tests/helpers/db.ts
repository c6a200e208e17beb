import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { openDatabase, type DatabaseHandle } from '../../db/client.js'

export type TestDatabase = DatabaseHandle & { url: string | undefined }

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new PostgreSQL
 * database (dropped on close) when DATABASE_URL is set.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const baseUrl = process.env.DATABASE_URL
  if (baseUrl === undefined || baseUrl === '') {
    return { ...(await openDatabase({ dataDir: undefined })), url: undefined }
  }
  const empty = await createEmptyPostgresDatabase(baseUrl)
  const handle = await openDatabase({ databaseUrl: empty.url })
  return {
    ...handle,
    url: empty.url,
    close: async () => {
      await handle.close()
      await empty.drop()
    },
  }
}

/** A new, empty PostgreSQL database next to `baseUrl`'s, for code that opens the database itself. */
export async function createEmptyPostgresDatabase(
  baseUrl: string,
  prefix = 'nuanxin_test',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(baseUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = postgres(baseUrl, { max: 1, onnotice: () => {} })
      await cleanup.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await cleanup.end()
    },
  }
}
