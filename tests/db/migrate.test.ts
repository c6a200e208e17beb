import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client.js'
import { describeFailure } from '../../db/migrate.js'
import { createEmptyPostgresDatabase } from '../helpers/db.js'

const baseUrl = process.env.DATABASE_URL

describe.skipIf(baseUrl === undefined || baseUrl === '')('start-up migrations on PostgreSQL', () => {
  it('lets two instances started at the same moment on an empty database both come up', { timeout: 120_000 }, async () => {
    // Without the lock one of the two failed on the catalog's unique indexes in about half the trials.
    for (let trial = 0; trial < 5; trial++) {
      const empty = await createEmptyPostgresDatabase(baseUrl ?? '')
      try {
        const results = await Promise.allSettled([openDatabase({ databaseUrl: empty.url }), openDatabase({ databaseUrl: empty.url })])
        for (const result of results) if (result.status === 'fulfilled') await result.value.close()
        const failures = results.flatMap((result) => (result.status === 'rejected' ? [describeFailure(result.reason)] : []))
        expect(failures).toEqual([])
      } finally {
        await empty.drop()
      }
    }
  })
})

describe('describeFailure', () => {
  it('names the root cause that drizzle keeps behind "Failed query"', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "pg_type_typname_nsp_index"'), { code: '23505' })
    const error = new Error('Failed query: CREATE EXTENSION IF NOT EXISTS cube\nparams: ', { cause })
    expect(describeFailure(error)).toBe(
      'Failed query: CREATE EXTENSION IF NOT EXISTS cube ← caused by: duplicate key value violates unique constraint "pg_type_typname_nsp_index" (23505)',
    )
  })
})
