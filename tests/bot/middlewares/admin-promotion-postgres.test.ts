import { inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { roleChanges } from '../../../db/schema/index.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { textUpdate } from '../../helpers/updates.js'

// PGlite runs one statement at a time, so only PostgreSQL lets two instances' first statements for
// one user interleave (as two processes behind a load balancer would). touchUser reads the role
// from before its upsert, so both instances saw "not yet admin"; without the chat lock
// (lockChats: false) 13 of these 20 admins got two rows.
const baseUrl = process.env.DATABASE_URL
const clock = new Date('2026-11-25T02:00:00Z')
const admins = Array.from({ length: 20 }, (_, index) => ({ id: 9200 + index, first_name: `管理员${index}` }))

describe.skipIf(baseUrl === undefined || baseUrl === '')("an admin's first message reaching two instances on PostgreSQL", () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDatabase()
  })
  afterAll(async () => database.close())

  it('records the promotion from ADMIN_IDS in role_changes once per admin', async () => {
    const env = { ADMIN_IDS: admins.map((admin) => admin.id).join(',') }
    const [first, second] = [0, 1].map(() => createTestBot(database.db, { now: () => clock, lockChats: true, env }).bot)
    if (first === undefined || second === undefined) throw new Error('two instances')
    await Promise.all(
      admins.flatMap((admin) => [first.handleUpdate(textUpdate(admin, '/start')), second.handleUpdate(textUpdate(admin, '/start'))]),
    )
    const changes = await database.db
      .select()
      .from(roleChanges)
      .where(
        inArray(
          roleChanges.userId,
          admins.map((admin) => admin.id),
        ),
      )
    expect(changes.map((change) => change.userId).sort()).toEqual(admins.map((admin) => admin.id))
    expect(changes.every((change) => change.via === 'config' && change.toRole === 'admin' && change.fromRole === null)).toBe(true)
  })
})
