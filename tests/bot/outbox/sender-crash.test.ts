import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { and, eq } from 'drizzle-orm'
import { Api } from 'grammy'
import pino from 'pino'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { parseConfig } from '../../../bot/config.js'
import { createOutboxSender, type OutboxSenderOptions } from '../../../bot/outbox/sender.js'
import { openDatabase, type Database } from '../../../db/client.js'
import { INTERRUPTED_ERROR, markStarted, senderHeartbeatKey, type ClaimedRow } from '../../../db/repositories/outbox-sender.js'
import { enqueueMessages } from '../../../db/repositories/outbox.js'
import { broadcasts, leases, outbox } from '../../../db/schema/index.js'
import { run as runBroadcastProgress } from '../../../jobs/broadcast-progress.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { createLimitedTelegram, type LimitedTelegram } from '../../helpers/limited-telegram.js'
import { clearOutbox } from '../../helpers/outbox.js'

let handle: TestDatabase
const RATE = 30
const NOON = '2026-11-23T04:00:00Z' // 12:00 in Shanghai

beforeAll(async () => {
  handle = await createTestDatabase()
})
afterAll(async () => {
  await handle.close()
})
beforeEach(async () => {
  await clearOutbox(handle.db)
  await handle.db.delete(leases)
})

const clockFrom = (iso: string) => {
  const offset = Date.parse(iso) - Date.now()
  return () => new Date(Date.now() + offset)
}

function makeSender(db: Database, telegram: LimitedTelegram, options: Partial<OutboxSenderOptions> = {}) {
  return createOutboxSender({
    db,
    api: new Api('TEST', { fetch: telegram.fetch }),
    logger: pino({ level: 'silent' }),
    now: clockFrom(NOON),
    rate: RATE,
    backoff: () => 50,
    ...options,
  })
}

const queue = (db: Database, count: number, broadcastId?: number) =>
  enqueueMessages(
    db,
    Array.from({ length: count }, (_, i) => ({
      userId: i + 1,
      kind: 'test',
      payload: { method: 'sendMessage' as const, text: `m${i + 1}` },
      notBefore: new Date(Date.parse(NOON) - 1000),
      ...(broadcastId === undefined ? {} : { broadcastId }),
    })),
  )

/**
 * A sender that dies like a kill -9 right after its first row's request began: every row it
 * claimed stays 'sending', the first one marked as gone out, the others only claimed.
 */
async function crashAfterFirstStart(db: Database, telegram: LimitedTelegram, instanceId: string): Promise<readonly ClaimedRow[]> {
  let claimed: readonly ClaimedRow[] = []
  const afterClaim = async (rows: readonly ClaimedRow[]) => {
    claimed = rows
    const [first] = rows
    if (first !== undefined) await markStarted(db, first.id, { instanceId, now: new Date(NOON) })
    throw new Error('killed')
  }
  await makeSender(db, telegram, { instanceId, hooks: { afterClaim } }).runOnce()
  return claimed
}

const expireHeartbeat = (db: Database, instanceId: string) =>
  db
    .update(leases)
    .set({ expiresAt: new Date(Date.now() - 60_000) })
    .where(eq(leases.key, senderHeartbeatKey(instanceId)))

const statuses = async (db: Database) => (await db.select().from(outbox).orderBy(outbox.id)).map((row) => row.status)

describe('outbox sender after a crash', () => {
  it('leaves a live sender’s claimed rows alone, and once its heartbeat lapses loses only the row in flight', async () => {
    const telegram = createLimitedTelegram({ rate: RATE })
    await queue(handle.db, 5)
    const claimed = await crashAfterFirstStart(handle.db, telegram, 'crashed')
    expect(claimed).toHaveLength(5)

    await makeSender(handle.db, telegram, { instanceId: 'other' }).drain(300)
    expect(await statuses(handle.db)).toEqual(['sending', 'sending', 'sending', 'sending', 'sending'])
    expect(telegram.stats.calls).toBe(0)

    await expireHeartbeat(handle.db, 'crashed')
    // The default idle time outlasts the chat gap the dead sender's claims reserved.
    await makeSender(handle.db, telegram, { instanceId: 'restarted' }).drain()
    const rows = await handle.db.select().from(outbox).orderBy(outbox.id)
    expect(rows.map((row) => row.status)).toEqual(['failed', 'sent', 'sent', 'sent', 'sent'])
    expect(rows[0]?.lastError).toBe(INTERRUPTED_ERROR)
    // Given back unsent: the claim's attempt is undone, the send is the first attempt.
    expect(rows.slice(1).map((row) => row.attempts)).toEqual([1, 1, 1, 1])
    expect(telegram.count(1, 'm1')).toBe(0)
    expect(telegram.duplicates()).toBe(0)
  })

  it('makes the broadcast report final as soon as the dead sender’s rows are settled', async () => {
    const telegram = createLimitedTelegram({ rate: RATE })
    const [broadcast] = await handle.db
      .insert(broadcasts)
      .values({ createdBy: 100, audience: { type: 'everyone' }, text: '今晚驿站有热汤', recipientCount: 3 })
      .returning()
    await queue(handle.db, 3, broadcast?.id)
    await crashAfterFirstStart(handle.db, telegram, 'crashed')
    const { bot } = createTestBot(handle.db, { now: () => new Date(NOON) })
    const deps = { config: parseConfig({}), db: handle.db, logger: pino({ level: 'silent' }), now: () => new Date(NOON), api: bot.api }

    await runBroadcastProgress(deps)
    const report = () =>
      handle.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.kind, 'broadcast-report'), eq(outbox.userId, 100)))
    expect(await report()).toHaveLength(0)

    await expireHeartbeat(handle.db, 'crashed')
    await makeSender(handle.db, telegram, { instanceId: 'restarted' }).drain()
    await runBroadcastProgress(deps)
    const [finished] = await handle.db.select().from(broadcasts)
    expect(finished?.status).toBe('done')
    expect(await report()).toHaveLength(1)
    expect(telegram.duplicates()).toBe(0)
  })

  it('keeps a heartbeat while it runs and ends it when it stops', async () => {
    const telegram = createLimitedTelegram({ rate: RATE })
    await queue(handle.db, 2)
    const sender = makeSender(handle.db, telegram, { instanceId: 'beating' })
    await sender.runOnce()
    const [heartbeat] = await handle.db.select().from(leases)
    expect(heartbeat).toMatchObject({ key: senderHeartbeatKey('beating'), holder: 'beating' })
    expect(heartbeat?.expiresAt.getTime()).toBeGreaterThan(Date.now())
    await sender.stop()
    expect(await handle.db.select().from(leases)).toHaveLength(0)
  })
})

describe.skipIf(process.env.DATABASE_URL !== undefined && process.env.DATABASE_URL !== '')(
  'outbox sender after a crash, on a PGlite data directory',
  () => {
    it('settles the previous process’s rows at once on restart: the data-dir lock proves it gone', { timeout: 240_000 }, async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'nuanxin-crash-'))
      try {
        const telegram = createLimitedTelegram({ rate: RATE })
        const first = await openDatabase({ dataDir: dir })
        await queue(first.db, 4)
        await crashAfterFirstStart(first.db, telegram, 'previous-process')
        // Its heartbeat is still fresh when the process ends: only the restart can tell it is gone.
        expect(await first.db.select().from(leases)).toHaveLength(1)
        await first.close()

        const second = await openDatabase({ dataDir: dir })
        try {
          await makeSender(second.db, telegram, { instanceId: 'restarted' }).drain()
          expect(await statuses(second.db)).toEqual(['failed', 'sent', 'sent', 'sent'])
          expect(telegram.duplicates()).toBe(0)
        } finally {
          await second.close()
        }
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    })
  },
)
