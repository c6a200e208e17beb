import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { broadcastCounts, createBroadcast, findBroadcast, setProgressMessage } from '../../../db/repositories/broadcasts.js'
import { broadcasts, outbox } from '../../../db/schema/index.js'
import { createTestBot } from '../../helpers/bot.js'
import { addEvent, addScope, addUser, register } from '../../helpers/broadcast.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { inlineButtons } from '../../helpers/fake-telegram.js'
import { callbackUpdate, textUpdate } from '../../helpers/updates.js'

let database: TestDatabase
const now = new Date('2026-11-23T04:00:00Z')
const ORGANIZER = { id: 100 }
const OTHER_ORGANIZER = { id: 101 }
const ADMIN = { id: 200 }
const WORKER = { id: 300 }
const PROGRESS_MESSAGE = 777
let eventId = 0

beforeAll(async () => {
  database = await createTestDatabase()
  const { db } = database
  await addUser(db, ORGANIZER.id, { role: 'organizer' })
  await addUser(db, OTHER_ORGANIZER.id, { role: 'organizer' })
  await addScope(db, OTHER_ORGANIZER.id, { city: '西安市' })
  await addUser(db, ADMIN.id, { role: 'admin' })
  await addUser(db, WORKER.id)
  eventId = await addEvent(db, { title: '<免费>体检', city: '成都市', startsAt: now, createdBy: ORGANIZER.id })
  for (const id of [1, 2, 3, 4]) {
    await addUser(db, id)
    await register(db, eventId, id, 'confirmed')
  }
})
afterAll(async () => database.close())

let bot: ReturnType<typeof createTestBot>['bot']
let telegram: ReturnType<typeof createTestBot>['telegram']
let broadcastId = 0
beforeEach(async () => {
  ;({ bot, telegram } = createTestBot(database.db, { now: () => now }))
  await database.db.delete(broadcasts)
  const created = await createBroadcast(database.db, {
    createdBy: ORGANIZER.id,
    audience: { type: 'event', eventId },
    text: `体检改到周六 ${Math.random()}`,
    entities: null,
    photoFileId: null,
    now,
  })
  if (created.kind !== 'created') throw new Error('expected a broadcast')
  broadcastId = created.broadcast.id
  await setProgressMessage(database.db, broadcastId, ORGANIZER.id, PROGRESS_MESSAGE)
})

const tap = (from: { id: number }, data: string) => bot.handleUpdate(callbackUpdate(from, data, PROGRESS_MESSAGE))
const status = async () => (await findBroadcast(database.db, broadcastId))?.status
const lastAlert = () => telegram.callsOf('answerCallbackQuery').at(-1)?.payload.text
const lastEdit = () => telegram.callsOf('editMessageText').at(-1)?.payload

describe('controlling a running broadcast', () => {
  it('pauses and resumes, editing the progress message with the matching buttons', async () => {
    await tap(ORGANIZER, `bc:pause:${broadcastId}`)
    expect(await status()).toBe('paused')
    expect(lastEdit()).toMatchObject({ chat_id: ORGANIZER.id, message_id: PROGRESS_MESSAGE })
    expect(lastEdit()?.text).toContain('已暂停')
    expect(inlineButtons(lastEdit()).map((button) => button.callback_data)).toEqual([`bc:resume:${broadcastId}`, `bc:stop:${broadcastId}`])
    await tap(ORGANIZER, `bc:pause:${broadcastId}`) // a double tap keeps it paused
    expect(await status()).toBe('paused')
    await tap(ORGANIZER, `bc:resume:${broadcastId}`)
    expect(await status()).toBe('sending')
    expect(inlineButtons(lastEdit()).map((button) => button.callback_data)).toEqual([`bc:pause:${broadcastId}`, `bc:stop:${broadcastId}`])
  })

  it('cancels only after a confirmation, withdrawing the pending rows and keeping those sent', async () => {
    await database.db.update(outbox).set({ status: 'sent' }).where(eq(outbox.userId, 1))
    await tap(ORGANIZER, `bc:stop:${broadcastId}`)
    expect(await status()).toBe('sending')
    const ask = telegram.callsOf('sendMessage').at(-1)?.payload
    expect(ask?.text).toContain('3 条')
    expect(inlineButtons(ask).map((button) => button.callback_data)).toEqual([`bc:stop-yes:${broadcastId}`, `bc:stop-no:${broadcastId}`])
    await tap(ORGANIZER, `bc:stop-no:${broadcastId}`)
    expect(await status()).toBe('sending')
    await tap(ORGANIZER, `bc:stop-yes:${broadcastId}`)
    expect(await status()).toBe('cancelled')
    expect(await broadcastCounts(database.db, broadcastId)).toMatchObject({ sent: 1, cancelled: 3, remaining: 0 })
    const progress = telegram
      .callsOf('editMessageText')
      .find((call) => call.payload.message_id === PROGRESS_MESSAGE && String(call.payload.text).includes('· 已取消'))
    expect(progress).toBeDefined()
    expect(inlineButtons(progress?.payload)).toEqual([])
    await tap(ORGANIZER, `bc:resume:${broadcastId}`)
    expect(lastAlert()).toContain('已经结束')
    expect(await status()).toBe('cancelled')
  })

  it('refuses workers and other organizers, and lets an admin act', async () => {
    for (const who of [WORKER, OTHER_ORGANIZER]) {
      for (const data of [`bc:pause:${broadcastId}`, `bc:stop-yes:${broadcastId}`]) {
        await tap(who, data)
        expect(lastAlert()).toContain('只有发起人或管理员')
      }
    }
    expect(await status()).toBe('sending')
    expect(await broadcastCounts(database.db, broadcastId)).toMatchObject({ pending: 4 })
    await tap(ADMIN, `bc:pause:${broadcastId}`)
    expect(await status()).toBe('paused')
  })

  it('keeps the buttons of a running broadcast working while another one is being composed', async () => {
    await bot.handleUpdate(textUpdate(ORGANIZER, '/broadcast'))
    await tap(ORGANIZER, `bc:pause:${broadcastId}`)
    expect(await status()).toBe('paused')
    await tap(ORGANIZER, 'bc:type:event')
    expect(telegram.callsOf('sendMessage').at(-1)?.payload.text).toContain('选择活动')
    await tap(ORGANIZER, 'hub:broadcast') // starts over
    expect(telegram.callsOf('sendMessage').at(-1)?.payload.text).toContain('发给谁')
  })

  it('answers malformed or unknown broadcast buttons as stale', async () => {
    for (const data of ['bc:pause:', 'bc:pause:0', 'b:zz:1', `bc:pause:${broadcastId}:x`, 'bc:pause:99999']) {
      await tap(ORGANIZER, data)
      expect(lastAlert()).toContain('失效')
    }
    expect(await status()).toBe('sending')
  })
})

describe('/broadcasts', () => {
  it('lists the organizer’s own broadcasts with audience and counts; admins see everyone’s; workers are turned away', async () => {
    await database.db.update(outbox).set({ status: 'failed' }).where(eq(outbox.userId, 2))
    await bot.handleUpdate(textUpdate(ORGANIZER, '/broadcasts'))
    const list = telegram.callsOf('sendMessage').at(-1)?.payload.text as string
    expect(list).toContain(`#${broadcastId}`)
    expect(list).toContain('2026-11-23 12:00') // Asia/Shanghai
    expect(list).toContain('&lt;免费&gt;体检')
    expect(list).toContain('4 人')
    expect(list).toContain('⚠️ 1')

    await bot.handleUpdate(textUpdate(OTHER_ORGANIZER, '/broadcasts'))
    expect(telegram.callsOf('sendMessage').at(-1)?.payload.text).toContain('还没有群发记录')
    await bot.handleUpdate(textUpdate(ADMIN, '/broadcasts'))
    expect(telegram.callsOf('sendMessage').at(-1)?.payload.text).toContain(`#${broadcastId}`)
    await bot.handleUpdate(textUpdate(WORKER, '/broadcasts'))
    expect(telegram.callsOf('sendMessage').at(-1)?.payload.text).toContain('只对组织者开放')
  })
})
