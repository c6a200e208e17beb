import { eq } from 'drizzle-orm'
import { Api } from 'grammy'
import pino from 'pino'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createOutboxSender, type OutboxSenderOptions } from '../../../bot/outbox/sender.js'
import { openDatabase, type Database } from '../../../db/client.js'
import { INTERRUPTED_ERROR } from '../../../db/repositories/outbox-sender.js'
import { enqueueMessages, type OutboxMessage } from '../../../db/repositories/outbox.js'
import { broadcasts, outbox, outboxPacing, users } from '../../../db/schema/index.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { createLimitedTelegram, type LimitedTelegram } from '../../helpers/limited-telegram.js'
import { clearOutbox } from '../../helpers/outbox.js'

let handle: TestDatabase
const RATE = 30

beforeAll(async () => {
  handle = await createTestDatabase()
})
afterAll(async () => {
  await handle.close()
})
beforeEach(() => clearOutbox(handle.db))

/** A clock that starts at `iso` and runs with real time (slots are handed out relative to it). */
const clockFrom = (iso: string) => {
  const offset = Date.parse(iso) - Date.now()
  return () => new Date(Date.now() + offset)
}
const NOON = '2026-11-23T04:00:00Z' // 12:00 in Shanghai

function makeSender(telegram: LimitedTelegram, options: Partial<OutboxSenderOptions> = {}) {
  return createOutboxSender({
    db: handle.db,
    api: new Api('TEST', { fetch: telegram.fetch }),
    logger: pino({ level: 'silent' }),
    now: clockFrom(NOON),
    rate: RATE,
    backoff: () => 50,
    ...options,
  })
}

const message = (userId: number, text: string, extra: Partial<OutboxMessage> = {}): OutboxMessage => ({
  userId,
  kind: 'test',
  payload: { method: 'sendMessage', text },
  notBefore: new Date(Date.parse(NOON) - 1000),
  ...extra,
})
const rows = () => handle.db.select().from(outbox).orderBy(outbox.id)
const byStatus = async () => {
  const counts: Record<string, number> = {}
  for (const row of await rows()) counts[row.status] = (counts[row.status] ?? 0) + 1
  return counts
}

describe('outbox sender', () => {
  it('delivers every row exactly once within the limits, several to one chat spaced apart', async () => {
    const telegram = createLimitedTelegram({ rate: RATE })
    const queued = [
      ...Array.from({ length: 40 }, (_, i) => message(1000 + i, `hello ${i}`)),
      message(1000, 'second'),
      message(1000, 'third'),
    ]
    await enqueueMessages(handle.db, queued)
    const sender = makeSender(telegram)
    sender.start()
    for (let i = 0; i < 200 && (await byStatus()).sent !== queued.length; i++) await new Promise((resolve) => setTimeout(resolve, 50))
    await sender.stop()
    expect(await byStatus()).toEqual({ sent: queued.length })
    expect(telegram.stats.tooManyRequests).toBe(0)
    expect(telegram.duplicates()).toBe(0)
    expect(telegram.deliveredTotal()).toBe(queued.length)
    expect((await rows()).every((row) => row.telegramMessageId !== null && row.sentAt !== null && row.attempts === 1)).toBe(true)
  })

  it('gives back the rows still waiting for their slot when stopped', async () => {
    const telegram = createLimitedTelegram({ rate: RATE })
    await enqueueMessages(
      handle.db,
      Array.from({ length: 10 }, (_, i) => message(i + 1, `m${i}`)),
    )
    const sender = makeSender(telegram, { rate: 5 })
    sender.start()
    for (let i = 0; i < 100 && telegram.stats.calls === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10))
    await sender.stop()
    const after = await rows()
    const sent = after.filter((row) => row.status === 'sent')
    expect(sent.length).toBeGreaterThan(0)
    expect(after.filter((row) => row.status !== 'sent').every((row) => row.status === 'pending' && row.attempts === 0)).toBe(true)
    expect(telegram.deliveredTotal()).toBe(sent.length)
  })

  it('marks a user who blocked the bot and withdraws their other rows', async () => {
    await handle.db.insert(users).values([{ id: 1 }, { id: 2 }])
    const telegram = createLimitedTelegram({ rate: RATE, blocked: [2] })
    await enqueueMessages(handle.db, [
      message(1, 'a'),
      message(2, 'b'),
      message(2, 'c', { notBefore: new Date(Date.parse(NOON) + 3_600_000) }),
    ])
    await makeSender(telegram).drain()
    expect((await rows()).map((row) => row.status)).toEqual(['sent', 'blocked', 'blocked'])
    const [blocked] = await handle.db.select().from(users).where(eq(users.id, 2))
    expect(blocked?.blockedAt).not.toBeNull()
    expect(telegram.stats.forbidden).toBe(1)
  })

  it('retries server errors and refused connections, gives up on a lost answer without resending', async () => {
    const telegram = createLimitedTelegram({ rate: RATE })
    await enqueueMessages(handle.db, [message(1, 'five hundred'), message(2, 'refused'), message(3, 'lost')])
    telegram.script('5xx', 'refused', 'lost')
    await makeSender(telegram, { rate: 5 }).drain()
    const [first, second, third] = await rows()
    expect(first).toMatchObject({ status: 'sent', attempts: 2 })
    expect(second).toMatchObject({ status: 'sent', attempts: 2 })
    expect(third?.status).toBe('failed')
    expect(third?.lastError).toMatch(/^uncertain, not retried/)
    expect([telegram.count(1, 'five hundred'), telegram.count(2, 'refused'), telegram.count(3, 'lost')]).toEqual([1, 1, 1])
  })

  it('survives random 5xx without duplicates', async () => {
    const telegram = createLimitedTelegram({ rate: RATE, serverErrorRate: 0.2, seed: 42 })
    await enqueueMessages(
      handle.db,
      Array.from({ length: 30 }, (_, i) => message(i + 1, `m${i}`)),
    )
    await makeSender(telegram).drain()
    expect(telegram.stats.serverErrors).toBeGreaterThan(0)
    expect(telegram.duplicates()).toBe(0)
    for (const row of await rows()) {
      if (row.status !== 'sent') expect(row).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/gave up/) })
    }
  })

  it('honours a 429: every instance pauses, the row is sent once afterwards', async () => {
    const telegram = createLimitedTelegram({ rate: RATE })
    await enqueueMessages(
      handle.db,
      Array.from({ length: 10 }, (_, i) => message(i + 1, `m${i}`)),
    )
    telegram.script('429')
    await makeSender(telegram).drain()
    const [pacing] = await handle.db.select().from(outboxPacing)
    expect(pacing?.pausedUntil).not.toBeNull()
    expect(telegram.stats.tooManyRequests).toBe(1)
    expect(await byStatus()).toEqual({ sent: 10 })
    expect(telegram.duplicates()).toBe(0)
  })

  it('never resends rows whose sender died between sending and recording', async () => {
    const telegram = createLimitedTelegram({ rate: RATE })
    await enqueueMessages(handle.db, [message(1, 'sent then killed'), message(2, 'claimed then killed')])
    const kill = () => {
      throw new Error('killed')
    }
    await makeSender(telegram, { hooks: { beforeRecord: kill } }).runOnce()
    expect(await byStatus()).toEqual({ sending: 2 })
    await enqueueMessages(handle.db, [message(3, 'after')])
    expect(telegram.count(1, 'sent then killed')).toBe(1)
    await makeSender(telegram, { leaseMs: 0, now: clockFrom('2026-11-23T04:10:00Z') }).drain()
    const after = await rows()
    expect(after.map((row) => row.status)).toEqual(['failed', 'failed', 'sent'])
    expect(after[0]?.lastError).toBe(INTERRUPTED_ERROR)
    expect(telegram.count(1, 'sent then killed')).toBe(1)
    expect(telegram.count(2, 'claimed then killed')).toBe(1)
    expect(telegram.duplicates()).toBe(0)
  })

  it('loses a row left claimed past the lease by a sender whose heartbeat has not lapsed, instead of risking a duplicate', async () => {
    const telegram = createLimitedTelegram({ rate: RATE })
    await enqueueMessages(handle.db, [message(1, 'never')])
    await makeSender(telegram, { hooks: { afterClaim: () => Promise.reject(new Error('killed')) } }).runOnce()
    await makeSender(telegram, { leaseMs: 0, now: clockFrom('2026-11-23T04:10:00Z') }).drain()
    expect((await rows()).map((row) => row.status)).toEqual(['failed'])
    expect(telegram.stats.calls).toBe(0)
  })

  it('shares the work and the rate between two instances on one database', async () => {
    const telegram = createLimitedTelegram({ rate: RATE })
    await enqueueMessages(
      handle.db,
      Array.from({ length: 60 }, (_, i) => message(i + 1, `m${i}`)),
    )
    const second = handle.url === undefined ? undefined : await openDatabase({ databaseUrl: handle.url, maxConnections: 2 })
    try {
      const a = makeSender(telegram, { instanceId: 'a' })
      const b = makeSender(telegram, { instanceId: 'b', db: (second?.db ?? handle.db) as Database })
      await Promise.all([a.drain(), b.drain()])
    } finally {
      await second?.close()
    }
    expect(await byStatus()).toEqual({ sent: 60 })
    expect(telegram.duplicates()).toBe(0)
    expect(telegram.stats.tooManyRequests).toBe(0)
    expect(new Set((await rows()).map((row) => row.claimedBy)).size).toBeGreaterThan(0)
  })

  it('holds non-urgent rows in quiet hours (22:00–07:00 Shanghai) and sends urgent ones', async () => {
    await handle.db.insert(users).values([
      { id: 1, quietStart: 1320, quietEnd: 420 },
      { id: 2, quietStart: 1320, quietEnd: 420 },
    ])
    const telegram = createLimitedTelegram({ rate: RATE })
    const evening = new Date('2026-11-23T14:30:00Z') // 22:30 Shanghai
    await enqueueMessages(handle.db, [
      message(1, 'reminder', { notBefore: evening }),
      message(2, 'cancelled!', { notBefore: evening, urgent: true }),
    ])
    await makeSender(telegram, { now: clockFrom('2026-11-23T15:00:00Z') }).drain()
    expect((await rows()).map((row) => row.status)).toEqual(['pending', 'sent'])
    await makeSender(telegram, { now: clockFrom('2026-11-23T23:00:00Z') }).drain() // 07:00
    expect((await rows()).map((row) => row.status)).toEqual(['sent', 'sent'])
  })

  it('drops expired rows and skips a paused broadcast until it resumes', async () => {
    const telegram = createLimitedTelegram({ rate: RATE })
    const [broadcast] = await handle.db
      .insert(broadcasts)
      .values({ createdBy: 9, audience: { type: 'everyone' }, status: 'paused' })
      .returning()
    await enqueueMessages(handle.db, [
      message(1, 'too late', { expiresAt: new Date(Date.parse(NOON) - 1) }),
      message(2, 'news', { broadcastId: broadcast?.id }),
      message(3, 'news', { broadcastId: broadcast?.id }),
    ])
    await makeSender(telegram).drain()
    expect((await rows()).map((row) => row.status)).toEqual(['expired', 'pending', 'pending'])
    await handle.db.update(broadcasts).set({ status: 'sending' })
    await makeSender(telegram).drain()
    expect((await rows()).map((row) => row.status)).toEqual(['expired', 'sent', 'sent'])
    expect(telegram.count(1, 'too late')).toBe(0)
  })
})
