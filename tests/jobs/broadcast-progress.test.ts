import { and, eq, inArray } from 'drizzle-orm'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../../bot/config.js'
import type { JobDeps } from '../../bot/context.js'
import { createBroadcast, findBroadcast, setBroadcastStatus, setProgressMessage } from '../../db/repositories/broadcasts.js'
import { broadcasts, outbox } from '../../db/schema/index.js'
import { run } from '../../jobs/broadcast-progress.js'
import { createTestBot } from '../helpers/bot.js'
import { addEvent, addUser, register } from '../helpers/broadcast.js'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { inlineButtons } from '../helpers/fake-telegram.js'

let database: TestDatabase
const now = new Date('2026-11-23T04:00:00Z')
const ORGANIZER = 100
let eventId = 0

beforeAll(async () => {
  database = await createTestDatabase()
  await addUser(database.db, ORGANIZER, { role: 'organizer' })
  eventId = await addEvent(database.db, { title: '免费午餐', city: '成都市', startsAt: now, createdBy: ORGANIZER })
  for (const id of [1, 2, 3, 4]) {
    await addUser(database.db, id)
    await register(database.db, eventId, id, 'confirmed')
  }
})
afterAll(async () => database.close())

function jobDeps() {
  const { bot, telegram } = createTestBot(database.db, { now: () => now })
  const deps: JobDeps = { config: parseConfig({}), db: database.db, logger: pino({ level: 'silent' }), now: () => now, api: bot.api }
  return { deps, telegram }
}

async function newBroadcast(text: string) {
  const created = await createBroadcast(database.db, {
    createdBy: ORGANIZER,
    audience: { type: 'event', eventId },
    text,
    entities: null,
    photoFileId: null,
    now,
  })
  if (created.kind !== 'created') throw new Error('expected a broadcast')
  await setProgressMessage(database.db, created.broadcast.id, ORGANIZER, 555)
  return created.broadcast.id
}

const mark = (id: number, userIds: number[], status: 'sent' | 'failed' | 'blocked' | 'sending') =>
  database.db
    .update(outbox)
    .set({ status })
    .where(and(eq(outbox.broadcastId, id), inArray(outbox.userId, userIds)))

describe('broadcast-progress job', () => {
  it('edits the progress message only when the counts changed, then finishes with one final edit and one report', async () => {
    const { deps, telegram } = jobDeps()
    const id = await newBroadcast('进度测试')
    await run(deps)
    expect(telegram.callsOf('editMessageText')).toHaveLength(1)
    expect(telegram.callsOf('editMessageText')[0]?.payload).toMatchObject({ chat_id: ORGANIZER, message_id: 555 })
    expect(telegram.callsOf('editMessageText')[0]?.payload.text).toContain('待发送 4')
    await run(deps)
    expect(telegram.callsOf('editMessageText')).toHaveLength(1)

    await mark(id, [1], 'sent')
    await mark(id, [2], 'sending')
    await run(deps)
    expect(telegram.callsOf('editMessageText')).toHaveLength(2)
    expect(telegram.callsOf('editMessageText')[1]?.payload.text).toContain('已送达 1')
    expect((await findBroadcast(database.db, id))?.status).toBe('sending')

    await mark(id, [2], 'sent')
    await mark(id, [3], 'failed')
    await mark(id, [4], 'blocked')
    await run(deps)
    await run(deps)
    const broadcast = await findBroadcast(database.db, id)
    expect(broadcast).toMatchObject({ status: 'done', finishedAt: now })
    const edits = telegram.callsOf('editMessageText')
    expect(edits).toHaveLength(3)
    expect(edits[2]?.payload.text).toContain('已完成')
    expect(inlineButtons(edits[2]?.payload)).toEqual([])
    const reports = await database.db.select().from(outbox).where(eq(outbox.kind, 'broadcast-report'))
    expect(reports).toHaveLength(1)
    expect(reports[0]).toMatchObject({ userId: ORGANIZER, dedupeKey: `broadcast-report:${id}` })
    expect(reports[0]?.payload).toMatchObject({ method: 'sendMessage' })
    expect((reports[0]?.payload as { text: string }).text).toContain('已送达 2，失败 1，已屏蔽 1')
  })

  it('still finishes and reports when the progress message is gone', async () => {
    const { deps, telegram } = jobDeps()
    telegram.respond((call) =>
      call.method === 'editMessageText' ? { ok: false, error_code: 400, description: 'Bad Request: message to edit not found' } : undefined,
    )
    const id = await newBroadcast('消息被删')
    await mark(id, [1, 2, 3, 4], 'sent')
    await run(deps)
    expect((await findBroadcast(database.db, id))?.status).toBe('done')
    expect(
      await database.db
        .select()
        .from(outbox)
        .where(eq(outbox.dedupeKey, `broadcast-report:${id}`)),
    ).toHaveLength(1)
  })

  it('does not finish a paused broadcast that still has rows to send', async () => {
    const { deps } = jobDeps()
    const id = await newBroadcast('暂停中')
    await setBroadcastStatus(database.db, id, ['sending'], 'paused')
    await mark(id, [1], 'sent')
    await run(deps)
    expect((await findBroadcast(database.db, id))?.status).toBe('paused')
  })
  it('lets one instance at a time edit a progress message when two instances tick', async () => {
    // Only this test's broadcast is in flight.
    await database.db
      .update(broadcasts)
      .set({ status: 'done' })
      .where(inArray(broadcasts.status, ['sending', 'paused']))
    const first = jobDeps()
    const second = jobDeps()
    const id = await newBroadcast('两个实例')
    await Promise.all([run(first.deps), run(second.deps)])
    await mark(id, [1], 'sent')
    await run(second.deps)
    await run(first.deps)
    const edits = [first.telegram.callsOf('editMessageText').length, second.telegram.callsOf('editMessageText').length]
    expect(edits.sort()).toEqual([0, 2])
    await mark(id, [2, 3, 4], 'sent')
    await run(second.deps)
    expect((await findBroadcast(database.db, id))?.status).toBe('done')
  })
})
