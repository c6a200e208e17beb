import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { takeLease } from '../../../db/repositories/leases.js'
import { leases } from '../../../db/schema/index.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { textUpdate } from '../../helpers/updates.js'

let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => database.close())

// Only the config says PostgreSQL; the bot works on the test database either way.
const postgresConfig = { DATABASE_URL: 'postgres://config-only@127.0.0.1:5432/unused' }
const holderOf = async (chatId: number) =>
  (
    await database.db
      .select({ holder: leases.holder })
      .from(leases)
      .where(eq(leases.key, `chat:${chatId}`))
  )[0]?.holder

/**
 * Another instance holds the chat for a second when the update arrives. An instance that locks
 * chats waits, takes the claim over once it expires and gives it up when done (no row left); one
 * that does not lock handles the update at once and never touches the claim.
 */
describe('which instances lock chats by default', () => {
  it('a webhook instance on PostgreSQL does: updates may reach any instance behind the balancer', async () => {
    const { bot, telegram } = createTestBot(database.db, {
      env: { ...postgresConfig, WEBHOOK_URL: 'https://bot.example.org/hook', WEBHOOK_SECRET: 'secret' },
    })
    await takeLease(database.db, 'chat:9401', 'another-instance', 1)
    await bot.handleUpdate(textUpdate({ id: 9401 }, '/help'))
    expect(telegram.callsOf('sendMessage')).toHaveLength(1)
    expect(await holderOf(9401)).toBeUndefined()
  })

  it('a long-polling instance does not: it is the only one taking updates', async () => {
    const { bot, telegram } = createTestBot(database.db, { env: { ...postgresConfig, UPDATES_MODE: 'polling' } })
    await takeLease(database.db, 'chat:9402', 'another-instance', 1)
    await bot.handleUpdate(textUpdate({ id: 9402 }, '/help'))
    expect(telegram.callsOf('sendMessage')).toHaveLength(1)
    expect(await holderOf(9402)).toBe('another-instance')
  })
})
