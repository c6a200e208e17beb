import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { takeLease } from '../../../db/repositories/leases.js'
import { leases, roleChanges } from '../../../db/schema/index.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { seedChengduOrganizer, ticketsOf } from '../../helpers/feedback.js'
import { callbackUpdate, textUpdate } from '../../helpers/updates.js'

// Two bots on one database stand for two instances behind a load balancer: each has its own
// in-process `sequentialize`, so only the database can keep one chat's updates apart.
const clock = new Date('2026-11-25T02:00:00Z')
const organizer = { id: 7101, first_name: '王组织' }
let database: TestDatabase
let ids: Record<'A' | 'B' | 'X', number>

beforeAll(async () => {
  database = await createTestDatabase()
  ids = await seedChengduOrganizer(database.db, organizer)
})
afterAll(async () => database.close())

const instances = (env: Record<string, string> = {}) =>
  [0, 1].map(() => createTestBot(database.db, { now: () => clock, lockChats: true, env }).bot)

describe('updates of one chat on two instances', () => {
  it('files one ticket when the content step gets two messages at once, one on each instance', async () => {
    const [first, second] = instances()
    if (first === undefined || second === undefined) throw new Error('two instances')
    const rider = { id: 5101, first_name: '小李' }
    await first.handleUpdate(textUpdate(rider, '/feedback'))
    await second.handleUpdate(callbackUpdate(rider, 'fb:cities'))
    await first.handleUpdate(callbackUpdate(rider, 'fb:city:成都'))
    await second.handleUpdate(callbackUpdate(rider, 'fb:kind:need'))
    await first.handleUpdate(callbackUpdate(rider, 'fb:anon:0'))
    await Promise.all([first.handleUpdate(textUpdate(rider, '热水器坏了')), second.handleUpdate(textUpdate(rider, '热水器坏了！'))])
    expect(await ticketsOf(database.db, rider.id)).toHaveLength(1)
    expect(ids.A).toBeGreaterThan(0)
    expect(await database.db.select().from(leases)).toEqual([])
  })

  it("records an admin's promotion once when their first two messages reach both instances", async () => {
    const admin = { id: 9101, first_name: '管理员' }
    const [first, second] = instances({ ADMIN_IDS: String(admin.id) })
    if (first === undefined || second === undefined) throw new Error('two instances')
    await Promise.all([first.handleUpdate(textUpdate(admin, '/start')), second.handleUpdate(textUpdate(admin, '/help'))])
    const changes = await database.db.select().from(roleChanges).where(eq(roleChanges.userId, admin.id))
    expect(changes).toHaveLength(1)
  })

  it('waits while another instance holds the chat, without holding up other chats', async () => {
    const [bot] = instances()
    if (bot === undefined) throw new Error('an instance')
    const busy = { id: 5102, first_name: '小忙' }
    const free = { id: 5103, first_name: '小闲' }
    expect(await takeLease(database.db, `chat:${busy.id}`, 'other-instance', 30)).toBe(true)
    let busyDone = false
    const waiting = bot.handleUpdate(textUpdate(busy, '/start')).then(() => (busyDone = true))
    await bot.handleUpdate(textUpdate(free, '/start'))
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(busyDone).toBe(false)
    await database.db.delete(leases).where(eq(leases.key, `chat:${busy.id}`))
    await waiting
    expect(busyDone).toBe(true)
  })

  it('takes over the claim of an instance that died (its lease expired)', async () => {
    const [bot] = instances()
    if (bot === undefined) throw new Error('an instance')
    const rider = { id: 5104, first_name: '小赵' }
    await database.db.insert(leases).values({ key: `chat:${rider.id}`, holder: 'killed-instance', expiresAt: new Date(Date.now() - 1000) })
    await bot.handleUpdate(textUpdate(rider, '/start'))
    expect(
      await database.db
        .select()
        .from(leases)
        .where(eq(leases.key, `chat:${rider.id}`)),
    ).toEqual([])
  })
})
