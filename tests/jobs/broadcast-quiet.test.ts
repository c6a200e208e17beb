import { eq } from 'drizzle-orm'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../../bot/config.js'
import type { JobDeps } from '../../bot/context.js'
import { broadcastHeader, headerParts } from '../../bot/features/broadcast/format.js'
import { translatorFor } from '../../bot/i18n.js'
import { createBroadcast, setProgressMessage } from '../../db/repositories/broadcasts.js'
import { outbox, users } from '../../db/schema/index.js'
import { run } from '../../jobs/broadcast-progress.js'
import { createTestBot } from '../helpers/bot.js'
import { addEvent, addScope, addUser, register } from '../helpers/broadcast.js'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'

let database: TestDatabase
// 23:30 in Shanghai: inside 22:00–07:00 quiet hours.
const now = new Date('2026-11-23T15:30:00Z')
const ORGANIZER = 200
let eventId = 0

beforeAll(async () => {
  database = await createTestDatabase()
  await addUser(database.db, ORGANIZER, { role: 'organizer' })
  await addScope(database.db, ORGANIZER, { city: '成都市' })
  eventId = await addEvent(database.db, { title: '免费午餐', city: '成都市', startsAt: now, createdBy: ORGANIZER })
  for (const id of [11, 12]) {
    await addUser(database.db, id)
    await register(database.db, eventId, id, 'confirmed')
  }
  // 12 sleeps from 22:00 to 07:00.
  await database.db
    .update(users)
    .set({ quietStart: 22 * 60, quietEnd: 7 * 60 })
    .where(eq(users.id, 12))
})
afterAll(async () => database.close())

describe('broadcast progress and quiet hours (item 18)', () => {
  it('says how many recipients are in quiet hours and when they get it, instead of a stuck "waiting"', async () => {
    const created = await createBroadcast(database.db, {
      createdBy: ORGANIZER,
      audience: { type: 'event', eventId },
      text: '明天午餐改到十二点',
      entities: null,
      photoFileId: null,
      now,
    })
    if (created.kind !== 'created') throw new Error('expected a broadcast')
    await setProgressMessage(database.db, created.broadcast.id, ORGANIZER, 777)
    await database.db.update(outbox).set({ status: 'sent' }).where(eq(outbox.userId, 11))
    const { bot, telegram } = createTestBot(database.db, { now: () => now })
    const deps: JobDeps = { config: parseConfig({}), db: database.db, logger: pino({ level: 'silent' }), now: () => now, api: bot.api }
    await run(deps)
    const text = String(telegram.callsOf('editMessageText').at(-1)?.payload.text)
    expect(text).toContain('免打扰中 1 人，07:00 后发送')
    expect(text).toContain('待发送 0')
  })

  it('puts one header line above the message naming who sends it', async () => {
    const t = translatorFor('zh')
    const city = await headerParts(database.db, ORGANIZER, { type: 'city', city: '成都市' }, {})
    expect(broadcastHeader(t, city)).toBe('📢 成都市的组织者通知：')
    const event = await headerParts(database.db, ORGANIZER, { type: 'event', eventId }, { eventTitle: '免费午餐' })
    expect(broadcastHeader(t, event)).toBe('📢 活动「免费午餐」的组织者通知：')
    const created = await createBroadcast(database.db, {
      createdBy: ORGANIZER,
      audience: { type: 'event', eventId },
      text: '带标题的通知',
      entities: [{ type: 'bold', offset: 0, length: 3 }],
      photoFileId: null,
      now,
      header: (recipient) => broadcastHeader(translatorFor(recipient.locale === 'en' ? 'en' : 'zh'), event),
    })
    if (created.kind !== 'created') throw new Error('expected a broadcast')
    const [row] = await database.db.select().from(outbox).where(eq(outbox.broadcastId, created.broadcast.id)).limit(1)
    const header = '📢 活动「免费午餐」的组织者通知：\n'
    expect(row?.payload).toEqual({
      method: 'sendMessage',
      text: `${header}带标题的通知`,
      entities: [{ type: 'bold', offset: header.length, length: 3 }],
    })
  })
})
