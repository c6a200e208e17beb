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
  const name = `nuanxin_test_${randomBytes(6).toString('hex')}`
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(baseUrl)
  url.pathname = `/${name}`
  const handle = await openDatabase({ databaseUrl: url.toString() })
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close()
      const cleanup = postgres(baseUrl, { max: 1, onnotice: () => {} })
      await cleanup.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await cleanup.end()
    },
  }
}
