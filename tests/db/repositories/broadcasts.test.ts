import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countAudience, resolveAudience } from '../../../db/repositories/broadcast-audience.js'
import {
  broadcastCounts,
  cancelBroadcast,
  createBroadcast,
  finishBroadcast,
  listBroadcasts,
  setBroadcastStatus,
} from '../../../db/repositories/broadcasts.js'
import { broadcasts, outbox } from '../../../db/schema/index.js'
import { addEvent, addStation, addStationUse, addUser, north, register } from '../../helpers/broadcast.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'

let database: TestDatabase
const chengdu = { lat: 30.6586, lng: 104.0648 }
const xian = { lat: 34.2658, lng: 108.9541 }
let chengduStation = 0
let chengduEvent = 0
let xianEvent = 0
const now = new Date('2026-11-23T08:00:00Z')

beforeAll(async () => {
  database = await createTestDatabase()
  const { db } = database
  await addUser(db, 1, { role: 'organizer' })
  // Workers 10–15 registered for the Chengdu event, in every status; 15 blocked the bot.
  for (const id of [10, 11, 12, 13, 14, 15, 20, 21, 30, 31, 32, 33]) {
    await addUser(db, id, {
      blocked: id === 15 || id === 33,
      ...(id === 30 ? { at: north(chengdu, 0.9) } : {}),
      ...(id === 31 ? { at: north(chengdu, 1.1) } : {}),
      ...(id === 32 ? { at: north(chengdu, 4) } : {}),
      ...(id === 33 ? { at: north(chengdu, 0.1) } : {}),
    })
  }
  chengduStation = await addStation(db, { name: '春熙路暖新驿站', city: '成都市', ...chengdu })
  const xianStation = await addStation(db, { name: '钟楼暖新驿站', city: '西安市', ...xian })
  chengduEvent = await addEvent(db, { title: '免费午餐', city: '成都市', startsAt: now, createdBy: 1 })
  xianEvent = await addEvent(db, { title: '技能大赛', city: '', stationId: xianStation, startsAt: now, createdBy: 1 })
  await register(db, chengduEvent, 10, 'confirmed')
  await register(db, chengduEvent, 11, 'offered')
  await register(db, chengduEvent, 12, 'waitlisted')
  await register(db, chengduEvent, 13, 'cancelled')
  await register(db, chengduEvent, 14, 'declined')
  await register(db, chengduEvent, 15, 'confirmed')
  await register(db, xianEvent, 21, 'confirmed')
  await addStationUse(db, 20, chengduStation)
  await addStationUse(db, 21, xianStation)
  await addStationUse(db, 15, chengduStation)
})
afterAll(async () => database.close())

describe('resolveAudience', () => {
  it('reaches the registrants of an event: all, confirmed (with offered) or waitlisted, never the blocked', async () => {
    const { db } = database
    expect(await resolveAudience(db, { type: 'event', eventId: chengduEvent })).toEqual([10, 11, 12])
    expect(await resolveAudience(db, { type: 'event', eventId: chengduEvent, only: 'confirmed' })).toEqual([10, 11])
    expect(await resolveAudience(db, { type: 'event', eventId: chengduEvent, only: 'waitlisted' })).toEqual([12])
    expect(await countAudience(db, { type: 'event', eventId: chengduEvent })).toBe(3)
  })

  it('reaches workers who used a station in a city or registered for an event there (by city or station)', async () => {
    const { db } = database
    expect(await resolveAudience(db, { type: 'city', city: '成都市' })).toEqual([10, 11, 12, 13, 14, 20])
    expect(await resolveAudience(db, { type: 'city', city: '西安市' })).toEqual([21])
    expect(await resolveAudience(db, { type: 'city', city: '重庆市' })).toEqual([])
  })

  it('reaches workers whose last location is within the radius of a station, and no one just outside', async () => {
    const { db } = database
    expect(await resolveAudience(db, { type: 'near_station', stationId: chengduStation, km: 1 })).toEqual([30])
    expect(await resolveAudience(db, { type: 'near_station', stationId: chengduStation, km: 3 })).toEqual([30, 31])
    expect(await resolveAudience(db, { type: 'near_station', stationId: chengduStation, km: 5 })).toEqual([30, 31, 32])
    expect(await resolveAudience(db, { type: 'near_station', stationId: 999_999, km: 5 })).toEqual([])
  })

  it('reaches everyone who has not blocked the bot', async () => {
    expect(await resolveAudience(database.db, { type: 'everyone' })).toEqual([1, 10, 11, 12, 13, 14, 20, 21, 30, 31, 32])
  })
})

describe('createBroadcast', () => {
  const entities = [{ type: 'bold' as const, offset: 0, length: 2 }]

  it('creates the broadcast and one outbox row per recipient, formatting kept; the same again is a duplicate', async () => {
    const { db } = database
    const input = {
      createdBy: 1,
      audience: { type: 'event' as const, eventId: chengduEvent },
      text: '通知：明天午餐改到12点',
      entities,
      photoFileId: null,
      now,
    }
    const first = await createBroadcast(db, input)
    expect(first.kind).toBe('created')
    if (first.kind === 'empty') return
    expect(first.broadcast).toMatchObject({ recipientCount: 3, status: 'sending' })
    const rows = await db.select().from(outbox).where(eq(outbox.broadcastId, first.broadcast.id)).orderBy(outbox.userId)
    expect(rows.map((row) => [row.userId, row.kind, row.dedupeKey])).toEqual([
      [10, 'broadcast', `broadcast:${first.broadcast.id}:10`],
      [11, 'broadcast', `broadcast:${first.broadcast.id}:11`],
      [12, 'broadcast', `broadcast:${first.broadcast.id}:12`],
    ])
    expect(rows[0]?.payload).toEqual({ method: 'sendMessage', text: input.text, entities })

    const again = await createBroadcast(db, { ...input, now: new Date(now.getTime() + 30_000) })
    expect(again).toMatchObject({ kind: 'duplicate', broadcast: { id: first.broadcast.id } })
    expect(await db.select().from(broadcasts).where(eq(broadcasts.text, input.text))).toHaveLength(1)
  })

  it('creates one broadcast when two identical confirms race', async () => {
    const input = {
      createdBy: 1,
      audience: { type: 'city' as const, city: '成都市' },
      text: '同时确认两次',
      entities: null,
      photoFileId: null,
      now,
    }
    const results = await Promise.all([createBroadcast(database.db, input), createBroadcast(database.db, input)])
    expect(results.map((result) => result.kind).sort()).toEqual(['created', 'duplicate'])
    expect(await database.db.select().from(broadcasts).where(eq(broadcasts.text, input.text))).toHaveLength(1)
  })

  it('queues photos with their caption and caption entities, and refuses an empty audience', async () => {
    const { db } = database
    const photo = await createBroadcast(db, {
      createdBy: 1,
      audience: { type: 'city', city: '西安市' },
      text: '报名啦',
      entities,
      photoFileId: 'big-photo',
      now,
    })
    if (photo.kind === 'empty') throw new Error('expected a broadcast')
    const [row] = await db.select().from(outbox).where(eq(outbox.broadcastId, photo.broadcast.id))
    expect(row?.payload).toEqual({ method: 'sendPhoto', photo: 'big-photo', caption: '报名啦', captionEntities: entities })
    expect(
      await createBroadcast(db, {
        createdBy: 1,
        audience: { type: 'city', city: '重庆市' },
        text: 'x',
        entities: null,
        photoFileId: null,
        now,
      }),
    ).toEqual({ kind: 'empty' })
  })
})

describe('status changes', () => {
  async function newBroadcast(text: string) {
    const created = await createBroadcast(database.db, {
      createdBy: 1,
      audience: { type: 'city', city: '成都市' },
      text,
      entities: null,
      photoFileId: null,
      now,
    })
    if (created.kind !== 'created') throw new Error('expected a new broadcast')
    return created.broadcast.id
  }
  const markRows = async (id: number, userIds: number[], status: 'sent' | 'failed' | 'blocked' | 'sending') => {
    for (const userId of userIds) {
      await database.db
        .update(outbox)
        .set({ status })
        .where(and(eq(outbox.broadcastId, id), eq(outbox.userId, userId)))
    }
  }

  it('pauses and resumes only from the matching status', async () => {
    const id = await newBroadcast('暂停测试')
    expect(await setBroadcastStatus(database.db, id, ['sending'], 'paused')).toBe(true)
    expect(await setBroadcastStatus(database.db, id, ['sending'], 'paused')).toBe(false)
    expect(await setBroadcastStatus(database.db, id, ['paused'], 'sending')).toBe(true)
  })

  it('cancels: pending rows are withdrawn, sent rows stay; a second cancel changes nothing', async () => {
    const id = await newBroadcast('取消测试')
    await markRows(id, [10, 11], 'sent')
    expect(await cancelBroadcast(database.db, id, now)).toBe(true)
    expect(await cancelBroadcast(database.db, id, now)).toBe(false)
    expect(await broadcastCounts(database.db, id)).toMatchObject({ sent: 2, cancelled: 4, pending: 0, remaining: 0 })
  })

  it('finishes once nothing is pending or being sent, and only the first call gets it (and queues the report)', async () => {
    const { db } = database
    const id = await newBroadcast('完成测试')
    const report = () => ({ userId: 1, kind: 'broadcast-report', payload: { method: 'sendMessage' as const, text: 'done' } })
    await markRows(id, [10, 11, 12, 13], 'sent')
    await markRows(id, [14], 'failed')
    await markRows(id, [20], 'sending')
    expect(await finishBroadcast(db, id, now, report)).toBeUndefined()
    await markRows(id, [20], 'blocked')
    expect(await broadcastCounts(db, id)).toMatchObject({ sent: 4, failed: 1, blocked: 1, remaining: 0 })
    expect(await finishBroadcast(db, id, now, report)).toMatchObject({ id, status: 'done' })
    expect(await finishBroadcast(db, id, now, report)).toBeUndefined()
    expect(
      await db
        .select()
        .from(outbox)
        .where(eq(outbox.dedupeKey, `broadcast-report:${id}`)),
    ).toHaveLength(1)
  })

  it('lists the newest first, per organizer or for everyone', async () => {
    const mine = await listBroadcasts(database.db, { createdBy: 1, limit: 2 })
    expect(mine).toHaveLength(2)
    expect(mine[0]!.id).toBeGreaterThan(mine[1]!.id)
    expect(await listBroadcasts(database.db, { createdBy: 999, limit: 10 })).toEqual([])
  })
})
