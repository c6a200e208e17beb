import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { takeLease } from '../../../db/repositories/leases.js'
import {
  claimDue,
  INTERRUPTED_ERROR,
  markStarted,
  recordFailure,
  recordSent,
  recoverInterrupted,
  releaseClaims,
  senderHeartbeatKey,
  settleDeadSenders,
  shanghaiMinutes,
} from '../../../db/repositories/outbox-sender.js'
import { enqueueMessages } from '../../../db/repositories/outbox.js'
import { broadcasts, leases, outbox, users } from '../../../db/schema/index.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { clearOutbox } from '../../helpers/outbox.js'

let handle: TestDatabase
const noon = new Date('2026-11-23T04:00:00Z') // 12:00 in Shanghai
const at = (ms: number) => new Date(noon.getTime() + ms)
const text = (value: string) => ({ method: 'sendMessage' as const, text: value })

beforeAll(async () => {
  handle = await createTestDatabase()
})
afterAll(async () => {
  await handle.close()
})
beforeEach(() => clearOutbox(handle.db))

const statuses = async () => Object.fromEntries((await handle.db.select().from(outbox)).map((row) => [row.kind, row.status]))

describe('claimDue', () => {
  it('hands out slots 1/rate apart within the next second and marks the rows sending', async () => {
    await enqueueMessages(
      handle.db,
      Array.from({ length: 30 }, (_, i) => ({ userId: 100 + i, kind: `k${i}`, payload: text('hi'), notBefore: at(-1000) })),
    )
    const first = await claimDue(handle.db, { now: noon, rate: 10, limit: 100, instanceId: 'a' })
    expect(first.claimed.map((row) => row.slot.getTime() - noon.getTime())).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900])
    const rows = await handle.db.select().from(outbox).where(eq(outbox.status, 'sending'))
    expect(rows).toHaveLength(10)
    expect(rows.every((row) => row.attempts === 1 && row.claimedBy === 'a')).toBe(true)
    // The same moment again: all slots of the next second are taken already.
    expect((await claimDue(handle.db, { now: noon, rate: 10, limit: 100, instanceId: 'b' })).claimed).toHaveLength(0)
    const later = await claimDue(handle.db, { now: at(500), rate: 10, limit: 100, instanceId: 'b' })
    expect(later.claimed.map((row) => row.slot.getTime() - noon.getTime())).toEqual([1000, 1100, 1200, 1300, 1400])
  })

  it('takes one row per chat and keeps the next one back until the chat gap has passed', async () => {
    await enqueueMessages(
      handle.db,
      [1, 2, 3].map((n) => ({ userId: 7, kind: `m${n}`, payload: text(`m${n}`), notBefore: at(-n) })),
    )
    expect((await claimDue(handle.db, { now: noon, rate: 25, limit: 10, instanceId: 'a' })).claimed).toHaveLength(1)
    expect((await claimDue(handle.db, { now: at(900), rate: 25, limit: 10, instanceId: 'a' })).claimed).toHaveLength(0)
    expect((await claimDue(handle.db, { now: at(1300), rate: 25, limit: 10, instanceId: 'a' })).claimed).toHaveLength(1)
  })

  it('settles expired rows, rows of blocked users and of cancelled broadcasts, and skips paused broadcasts', async () => {
    await handle.db.insert(users).values([{ id: 1 }, { id: 2, blockedAt: at(-60_000) }])
    const [paused] = await handle.db
      .insert(broadcasts)
      .values({ createdBy: 9, audience: { type: 'everyone' }, status: 'paused' })
      .returning()
    const [cancelled] = await handle.db
      .insert(broadcasts)
      .values({ createdBy: 9, audience: { type: 'everyone' }, status: 'cancelled' })
      .returning()
    await enqueueMessages(handle.db, [
      { userId: 1, kind: 'expired', payload: text('x'), notBefore: at(-5000), expiresAt: at(-1) },
      { userId: 2, kind: 'blocked', payload: text('x'), notBefore: at(-5000) },
      { userId: 3, kind: 'paused', payload: text('x'), notBefore: at(-5000), broadcastId: paused?.id },
      { userId: 4, kind: 'cancelled', payload: text('x'), notBefore: at(-5000), broadcastId: cancelled?.id },
      { userId: 5, kind: 'future', payload: text('x'), notBefore: at(60_000) },
      { userId: 6, kind: 'due', payload: text('x'), notBefore: at(-5000) },
    ])
    const result = await claimDue(handle.db, { now: noon, rate: 25, limit: 10, instanceId: 'a' })
    expect(result.claimed.map((row) => row.kind)).toEqual(['due'])
    expect(result.dropped).toBe(3)
    expect(await statuses()).toEqual({
      expired: 'expired',
      blocked: 'blocked',
      paused: 'pending',
      cancelled: 'cancelled',
      future: 'pending',
      due: 'sending',
    })
    await handle.db
      .update(broadcasts)
      .set({ status: 'sending' })
      .where(eq(broadcasts.id, paused?.id ?? 0))
    expect((await claimDue(handle.db, { now: at(1000), rate: 25, limit: 10, instanceId: 'a' })).claimed.map((row) => row.kind)).toEqual([
      'paused',
    ])
  })

  it('keeps non-urgent rows pending during quiet hours that wrap midnight', async () => {
    await handle.db.insert(users).values([
      { id: 1, quietStart: 22 * 60, quietEnd: 7 * 60 },
      { id: 2, quietStart: 22 * 60, quietEnd: 7 * 60 },
    ])
    await enqueueMessages(handle.db, [
      { userId: 1, kind: 'normal', payload: text('x'), notBefore: new Date('2026-11-23T00:00:00Z') },
      { userId: 2, kind: 'urgent', payload: text('x'), notBefore: new Date('2026-11-23T00:00:00Z'), urgent: true },
    ])
    const night = new Date('2026-11-23T15:30:00Z') // 23:30 Shanghai
    expect(shanghaiMinutes(night)).toBe(23 * 60 + 30)
    expect((await claimDue(handle.db, { now: night, rate: 25, limit: 10, instanceId: 'a' })).claimed.map((row) => row.kind)).toEqual([
      'urgent',
    ])
    const early = new Date('2026-11-23T22:59:00Z') // 06:59 Shanghai
    expect((await claimDue(handle.db, { now: early, rate: 25, limit: 10, instanceId: 'a' })).claimed).toHaveLength(0)
    const morning = new Date('2026-11-23T23:00:00Z') // 07:00 Shanghai
    expect((await claimDue(handle.db, { now: morning, rate: 25, limit: 10, instanceId: 'a' })).claimed.map((row) => row.kind)).toEqual([
      'normal',
    ])
  })

  it('claims nothing while a 429 pause is on', async () => {
    await enqueueMessages(handle.db, [
      { userId: 1, kind: 'a', payload: text('a'), notBefore: at(-1) },
      { userId: 2, kind: 'b', payload: text('b'), notBefore: at(-1) },
    ])
    const [row] = (await claimDue(handle.db, { now: noon, rate: 1, limit: 1, instanceId: 'a' })).claimed
    await recordFailure(handle.db, row?.id ?? 0, { kind: 'rate-limited', error: '429', retryAt: at(3000) })
    const paused = await claimDue(handle.db, { now: at(2000), rate: 25, limit: 10, instanceId: 'a' })
    expect(paused).toMatchObject({ claimed: [], pausedUntil: at(3000) })
    expect((await claimDue(handle.db, { now: at(3000), rate: 25, limit: 10, instanceId: 'a' })).claimed).toHaveLength(2)
  })
})

describe('recording results', () => {
  it('records a sent row, blocks a user with their other pending rows, releases unsent claims', async () => {
    await handle.db.insert(users).values([{ id: 1 }, { id: 2 }])
    await enqueueMessages(handle.db, [
      { userId: 1, kind: 'sent', payload: text('a'), notBefore: at(-3) },
      { userId: 2, kind: 'forbidden', payload: text('b'), notBefore: at(-2) },
      { userId: 2, kind: 'later', payload: text('c'), notBefore: at(60_000) },
      { userId: 3, kind: 'released', payload: text('d'), notBefore: at(-1) },
    ])
    const { claimed } = await claimDue(handle.db, { now: noon, rate: 25, limit: 10, instanceId: 'a' })
    const id = (kind: string) => claimed.find((row) => row.kind === kind)?.id ?? 0
    await recordSent(handle.db, id('sent'), { messageId: 55, now: at(10) })
    await recordFailure(handle.db, id('forbidden'), { kind: 'blocked', error: '403', userId: 2, now: at(20) })
    await releaseClaims(handle.db, [id('released')])
    expect(await statuses()).toEqual({ sent: 'sent', forbidden: 'blocked', later: 'blocked', released: 'pending' })
    const [sent] = await handle.db.select().from(outbox).where(eq(outbox.kind, 'sent'))
    expect(sent).toMatchObject({ telegramMessageId: 55, sentAt: at(10), attempts: 1 })
    const [released] = await handle.db.select().from(outbox).where(eq(outbox.kind, 'released'))
    expect(released?.attempts).toBe(0)
    const [user] = await handle.db.select().from(users).where(eq(users.id, 2))
    expect(user?.blockedAt).toEqual(at(20))
  })

  it('marks rows left sending past the lease failed, never pending', async () => {
    await enqueueMessages(handle.db, [{ userId: 1, kind: 'a', payload: text('a'), notBefore: at(-1) }])
    await claimDue(handle.db, { now: noon, rate: 25, limit: 10, instanceId: 'dead' })
    expect(await recoverInterrupted(handle.db, { now: at(59_000), leaseMs: 60_000 })).toBe(0)
    expect(await recoverInterrupted(handle.db, { now: at(61_000), leaseMs: 60_000 })).toBe(1)
    const [row] = await handle.db.select().from(outbox)
    expect(row).toMatchObject({ status: 'failed', lastError: INTERRUPTED_ERROR })
    expect((await claimDue(handle.db, { now: at(62_000), rate: 25, limit: 10, instanceId: 'b' })).claimed).toHaveLength(0)
  })

  it('settles the rows of a sender without a live heartbeat: started ones failed, only claimed ones queued again', async () => {
    await handle.db.delete(leases)
    await enqueueMessages(
      handle.db,
      [1, 2, 3, 4, 5].map((id) => ({ userId: id, kind: `k${id}`, payload: text(`m${id}`), notBefore: at(-id) })),
    )
    const byId = async (instanceId: string, limit: number) =>
      (await claimDue(handle.db, { now: noon, rate: 25, limit, instanceId })).claimed
    const [gone1, gone2] = await byId('gone', 2)
    const [lapsed] = await byId('lapsed', 1)
    const [live1, live2] = await byId('live', 2)
    await takeLease(handle.db, senderHeartbeatKey('live'), 'live', 60)
    await takeLease(handle.db, senderHeartbeatKey('lapsed'), 'lapsed', 60)
    await handle.db
      .update(leases)
      .set({ expiresAt: at(-60_000) })
      .where(eq(leases.key, senderHeartbeatKey('lapsed')))
    for (const [row, instanceId] of [
      [gone1, 'gone'],
      [lapsed, 'lapsed'],
      [live1, 'live'],
    ] as const) {
      expect(await markStarted(handle.db, row?.id ?? 0, { instanceId, now: at(10) })).toBe(true)
    }

    expect(await settleDeadSenders(handle.db)).toEqual({ interrupted: 2, requeued: 1 })
    const rows = new Map((await handle.db.select().from(outbox)).map((row) => [row.id, row]))
    expect(rows.get(gone1?.id ?? 0)).toMatchObject({ status: 'failed', lastError: INTERRUPTED_ERROR })
    expect(rows.get(lapsed?.id ?? 0)).toMatchObject({ status: 'failed', lastError: INTERRUPTED_ERROR })
    expect(rows.get(gone2?.id ?? 0)).toMatchObject({ status: 'pending', attempts: 0, claimedBy: null, startedAt: null })
    expect(rows.get(live1?.id ?? 0)).toMatchObject({ status: 'sending', claimedBy: 'live' })
    expect(rows.get(live2?.id ?? 0)).toMatchObject({ status: 'sending', claimedBy: 'live', startedAt: null })
    expect(await settleDeadSenders(handle.db)).toEqual({ interrupted: 0, requeued: 0 })
  })

  it('lets a sender start only rows still claimed by it, and give back only rows whose request never began', async () => {
    await handle.db.delete(leases)
    await enqueueMessages(handle.db, [{ userId: 1, kind: 'a', payload: text('a'), notBefore: at(-1) }])
    const [row] = (await claimDue(handle.db, { now: noon, rate: 25, limit: 1, instanceId: 'stalled' })).claimed
    const id = row?.id ?? 0
    // Presumed dead (no heartbeat): the row goes back and another sender claims it.
    await settleDeadSenders(handle.db)
    expect(await markStarted(handle.db, id, { instanceId: 'stalled', now: at(5) })).toBe(false)
    await claimDue(handle.db, { now: at(2000), rate: 25, limit: 1, instanceId: 'other' })
    expect(await markStarted(handle.db, id, { instanceId: 'stalled', now: at(2005) })).toBe(false)
    await releaseClaims(handle.db, [id], { instanceId: 'stalled' })
    expect((await handle.db.select().from(outbox))[0]).toMatchObject({ status: 'sending', claimedBy: 'other' })
    expect(await markStarted(handle.db, id, { instanceId: 'other', now: at(2010) })).toBe(true)
    expect(await markStarted(handle.db, id, { instanceId: 'other', now: at(2011) })).toBe(false)
    await releaseClaims(handle.db, [id], { instanceId: 'other' })
    expect((await handle.db.select().from(outbox))[0]).toMatchObject({ status: 'sending', startedAt: at(2010) })
  })

  it('claims a row sent back for a retry afresh, not as already started', async () => {
    await enqueueMessages(handle.db, [{ userId: 1, kind: 'a', payload: text('a'), notBefore: at(-1) }])
    const [row] = (await claimDue(handle.db, { now: noon, rate: 25, limit: 1, instanceId: 'a' })).claimed
    await markStarted(handle.db, row?.id ?? 0, { instanceId: 'a', now: at(1) })
    await recordFailure(handle.db, row?.id ?? 0, { kind: 'retry', error: '502', retryAt: at(100) })
    const [again] = (await claimDue(handle.db, { now: at(5000), rate: 25, limit: 1, instanceId: 'a' })).claimed
    expect(again).toMatchObject({ id: row?.id, attempts: 2 })
    expect(await markStarted(handle.db, row?.id ?? 0, { instanceId: 'a', now: at(5001) })).toBe(true)
  })
})
