import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { takeLease } from '../../db/repositories/leases.js'
import { leases } from '../../db/schema/index.js'
import { run } from '../../jobs/lease-cleanup.js'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { jobDeps } from '../helpers/reminders.js'

let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => database.close())

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000)

describe('the lease-cleanup job', () => {
  it('deletes claims expired over an hour ago, keeps recent and live ones', async () => {
    await database.db.insert(leases).values([
      { key: 'chat:1', holder: 'killed-instance', expiresAt: minutesAgo(24 * 60) },
      { key: 'broadcast-progress:7', holder: 'finished-broadcast', expiresAt: minutesAgo(61) },
      { key: 'chat:2', holder: 'just-expired', expiresAt: minutesAgo(59) },
    ])
    expect(await takeLease(database.db, 'chat:3', 'live-instance', 30)).toBe(true)

    await run(jobDeps(database.db, new Date()))

    const left = await database.db.select({ key: leases.key }).from(leases)
    expect(left.map((row) => row.key).sort()).toEqual(['chat:2', 'chat:3'])
  })
})
