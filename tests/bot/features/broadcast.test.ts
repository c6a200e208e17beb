import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { broadcasts, outbox, users } from '../../../db/schema/index.js'
import { createTestBot } from '../../helpers/bot.js'
import {
  addEvent,
  addScope,
  addStation,
  addUser,
  captionedPhotoUpdate,
  formattedTextUpdate,
  north,
  register,
} from '../../helpers/broadcast.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { inlineButtons } from '../../helpers/fake-telegram.js'
import { callbackUpdate, stickerUpdate, textUpdate } from '../../helpers/updates.js'

let database: TestDatabase
const now = new Date('2026-11-23T04:00:00Z')
const chengdu = { lat: 30.6586, lng: 104.0648 }
const ORGANIZER = { id: 100 } // scoped to 成都市
const ADMIN = { id: 200 }
const WORKER = { id: 300 }
let chengduEvent = 0
let xianEvent = 0
let chengduStation = 0

beforeAll(async () => {
  database = await createTestDatabase()
  const { db } = database
  await addUser(db, ORGANIZER.id, { role: 'organizer' })
  await addScope(db, ORGANIZER.id, { city: '成都市' })
  await addUser(db, ADMIN.id, { role: 'admin' })
  await addUser(db, WORKER.id)
  chengduStation = await addStation(db, { name: '春熙路暖新驿站', city: '成都市', ...chengdu })
  await addStation(db, { name: '钟楼暖新驿站', city: '西安市', lat: 34.2658, lng: 108.9541 })
  chengduEvent = await addEvent(db, {
    title: '冬至免费饺子宴',
    city: '成都市',
    startsAt: new Date('2026-11-25T04:00:00Z'),
    createdBy: ADMIN.id,
  })
  xianEvent = await addEvent(db, { title: '西安技能大赛', city: '西安市', startsAt: new Date('2026-11-26T04:00:00Z'), createdBy: ADMIN.id })
  for (const [id, status] of [
    [1, 'confirmed'],
    [2, 'offered'],
    [3, 'waitlisted'],
    [4, 'cancelled'],
  ] as const) {
    await addUser(db, id, { at: north(chengdu, id === 1 ? 0.5 : 20) })
    await register(db, chengduEvent, id, status)
  }
  await addUser(db, 5, { blocked: true })
  await register(db, chengduEvent, 5, 'confirmed')
})
afterAll(async () => database.close())

let bot: ReturnType<typeof createTestBot>['bot']
let telegram: ReturnType<typeof createTestBot>['telegram']
beforeEach(async () => {
  ;({ bot, telegram } = createTestBot(database.db, { now: () => now }))
  await database.db.delete(broadcasts)
})

const sent = () => telegram.callsOf('sendMessage')
const lastSent = () => sent().at(-1)?.payload
const tap = (from: { id: number }, data: string) => bot.handleUpdate(callbackUpdate(from, data))
const say = (from: { id: number }, text: string) => bot.handleUpdate(textUpdate(from, text))
const alerts = () => telegram.callsOf('answerCallbackQuery').map((call) => call.payload.text)

async function pickEventAudience(from = ORGANIZER) {
  await say(from, '/broadcast')
  await tap(from, 'bc:type:event')
  await tap(from, `bc:event:${chengduEvent}`)
  await tap(from, 'bc:only:all')
}

describe('composing a broadcast', () => {
  it('goes audience → message → exact preview → one broadcast with one outbox row per recipient, formatting kept', async () => {
    await say(ORGANIZER, '/broadcast')
    expect(inlineButtons(lastSent()).map((button) => button.callback_data)).toEqual(['bc:type:event', 'bc:type:city', 'bc:type:near'])
    await tap(ORGANIZER, 'bc:type:event')
    // Only events within the organizer's scope are offered.
    expect(inlineButtons(lastSent()).map((button) => button.callback_data)).toEqual([`bc:event:${chengduEvent}`])
    await tap(ORGANIZER, `bc:event:${chengduEvent}`)
    await tap(ORGANIZER, 'bc:only:all')
    expect(lastSent()?.text).toContain('<b>3</b>')

    const entities = [
      { type: 'bold' as const, offset: 0, length: 4 },
      { type: 'text_link' as const, offset: 5, length: 2, url: 'https://example.org/' },
    ]
    telegram.clear()
    await bot.handleUpdate(formattedTextUpdate(ORGANIZER, '重要通知 地址 改到春熙路', entities))
    const [intro, preview, summary] = sent().map((call) => call.payload)
    expect(intro?.text).toContain('预览')
    // Field issue item 18: one header line names who sends it (here the event); the formatting moves down with the text.
    const header = '📢 活动「冬至免费饺子宴」的组织者通知：\n'
    const shifted = entities.map((entity) => ({ ...entity, offset: entity.offset + header.length }))
    expect(preview).toMatchObject({ chat_id: ORGANIZER.id, text: `${header}重要通知 地址 改到春熙路`, entities: shifted })
    expect(preview?.parse_mode).toBeUndefined()
    expect(summary?.text).toContain('冬至免费饺子宴')
    expect(summary?.text).toContain('<b>3</b>')
    expect(inlineButtons(summary).map((button) => button.callback_data)).toEqual(['bc:send', 'bc:edit', 'bc:audience', 'bc:abort'])

    await tap(ORGANIZER, 'bc:send')
    const all = await database.db.select().from(broadcasts)
    expect(all).toHaveLength(1)
    const broadcast = all[0]!
    expect(broadcast).toMatchObject({
      createdBy: ORGANIZER.id,
      recipientCount: 3,
      status: 'sending',
      entities,
      progressChatId: ORGANIZER.id,
    })
    expect(broadcast.progressMessageId).not.toBeNull()
    const rows = await database.db.select().from(outbox).where(eq(outbox.broadcastId, broadcast.id)).orderBy(outbox.userId)
    expect(rows.map((row) => row.userId)).toEqual([1, 2, 3])
    expect(rows[0]?.payload).toEqual({ method: 'sendMessage', text: `${header}重要通知 地址 改到春熙路`, entities: shifted })
    const progress = lastSent()
    expect(progress?.text).toContain(`#${broadcast.id}`)
    expect(inlineButtons(progress).map((button) => button.callback_data)).toEqual([`bc:pause:${broadcast.id}`, `bc:stop:${broadcast.id}`])

    // A second tap on 确认发送 finds no conversation: nothing more is created.
    await tap(ORGANIZER, 'bc:send')
    expect(alerts().at(-1)).toContain('失效')
    expect(await database.db.select().from(broadcasts)).toHaveLength(1)
    expect(await database.db.select().from(outbox).where(eq(outbox.broadcastId, broadcast.id))).toHaveLength(3)
  })

  it('sends a photo back as recipients will see it and queues the largest size with its caption entities', async () => {
    await pickEventAudience()
    await tap(ORGANIZER, 'bc:type:event') // a stale button of an earlier step changes nothing
    const captionEntities = [{ type: 'italic' as const, offset: 0, length: 2 }]
    telegram.clear()
    await bot.handleUpdate(captionedPhotoUpdate(ORGANIZER, '今晚开饭', captionEntities))
    const header = '📢 活动「冬至免费饺子宴」的组织者通知：\n'
    const shifted = captionEntities.map((entity) => ({ ...entity, offset: entity.offset + header.length }))
    expect(telegram.callsOf('sendPhoto')[0]?.payload).toMatchObject({
      photo: 'large',
      caption: `${header}今晚开饭`,
      caption_entities: shifted,
    })
    await tap(ORGANIZER, 'bc:send')
    const [row] = await database.db.select().from(outbox).where(eq(outbox.kind, 'broadcast')).orderBy(outbox.id).limit(1)
    expect(row?.payload).toEqual({ method: 'sendPhoto', photo: 'large', caption: `${header}今晚开饭`, captionEntities: shifted })
  })

  it('refuses overlong text and other message types, and keeps waiting for the message', async () => {
    await pickEventAudience()
    telegram.clear()
    // The limit leaves room for the header line (item 18).
    await say(ORGANIZER, '饭'.repeat(4000))
    expect(lastSent()?.text).toContain('4000')
    await bot.handleUpdate(stickerUpdate(ORGANIZER))
    expect(lastSent()?.text).toContain('只能群发文字')
    await say(ORGANIZER, '改期通知')
    expect(sent().some((call) => String(call.payload.text).endsWith('\n改期通知'))).toBe(true)
    await tap(ORGANIZER, 'bc:abort')
    expect(lastSent()?.text).toContain('已放弃')
    expect(await database.db.select().from(broadcasts)).toHaveLength(0)
  })

  it('lets the organizer change the message after the preview', async () => {
    await pickEventAudience()
    await say(ORGANIZER, '第一版')
    await tap(ORGANIZER, 'bc:edit')
    await say(ORGANIZER, '第二版')
    await tap(ORGANIZER, 'bc:send')
    expect((await database.db.select().from(broadcasts)).map((row) => row.text)).toEqual(['第二版'])
  })

  it('continues at the same step after a restart', async () => {
    await pickEventAudience()
    ;({ bot, telegram } = createTestBot(database.db, { now: () => now }))
    await say(ORGANIZER, '重启后的通知')
    expect(sent()[1]?.payload.text).toBe('📢 活动「冬至免费饺子宴」的组织者通知：\n重启后的通知')
    await tap(ORGANIZER, 'bc:send')
    expect(await database.db.select().from(broadcasts)).toHaveLength(1)
  })
})

describe('audiences and scope', () => {
  it('refuses a city outside the organizer scope, typed or forged', async () => {
    await say(ORGANIZER, '/broadcast')
    await tap(ORGANIZER, 'bc:type:city')
    expect(inlineButtons(lastSent()).map((button) => button.text)).toEqual(['成都市'])
    await say(ORGANIZER, '西安市')
    expect(lastSent()?.text).toContain('没有找到你负责的城市')
    await tap(ORGANIZER, 'bc:city:1')
    await say(ORGANIZER, '成都市')
    expect(lastSent()?.text).toContain('成都市')
    expect(lastSent()?.text).toContain('<b>4</b>') // registrants of the Chengdu event, any status but blocked
  })

  it('refuses a forged event outside the scope and a forged everyone for organizers', async () => {
    await say(ORGANIZER, '/broadcast')
    await tap(ORGANIZER, 'bc:type:event')
    await tap(ORGANIZER, `bc:event:${xianEvent}`)
    expect(sent().at(-2)?.payload.text).toContain('没有权限')
    await tap(ORGANIZER, 'bc:type:everyone')
    expect(sent().at(-2)?.payload.text).toContain('没有权限')
    expect(lastSent()?.text).toContain('发给谁')
  })

  it('offers everyone to admins only, counting everyone who has not blocked the bot', async () => {
    await say(ADMIN, '/broadcast')
    expect(inlineButtons(lastSent()).map((button) => button.callback_data)).toContain('bc:type:everyone')
    await tap(ADMIN, 'bc:type:everyone')
    expect(lastSent()?.text).toContain('<b>7</b>') // 100, 200, 300 and workers 1–4
  })

  it('finds a station by name and counts workers within the chosen radius', async () => {
    await say(ORGANIZER, '/broadcast')
    await tap(ORGANIZER, 'bc:type:near')
    await say(ORGANIZER, '钟楼')
    expect(lastSent()?.text).toContain('没找到你负责的')
    await say(ORGANIZER, '春熙路')
    expect(inlineButtons(lastSent()).map((button) => button.callback_data)).toEqual([`bc:station:${chengduStation}`])
    await tap(ORGANIZER, `bc:station:${chengduStation}`)
    await tap(ORGANIZER, 'bc:km:1')
    expect(lastSent()?.text).toContain('<b>1</b>')
  })

  it('says so when nobody matches, and offers no send button', async () => {
    await say(ORGANIZER, '/broadcast')
    await tap(ORGANIZER, 'bc:type:event')
    await tap(ORGANIZER, `bc:event:${chengduEvent}`)
    await tap(ORGANIZER, 'bc:only:confirmed')
    // Everyone confirmed blocks the bot before the preview.
    await database.db.update(users).set({ blockedAt: now }).where(eq(users.id, 1))
    await database.db.update(users).set({ blockedAt: now }).where(eq(users.id, 2))
    await say(ORGANIZER, '通知')
    expect(lastSent()?.text).toContain('没有符合条件')
    expect(inlineButtons(lastSent()).map((button) => button.callback_data)).toEqual(['bc:audience', 'bc:abort'])
    await tap(ORGANIZER, 'bc:send')
    expect(await database.db.select().from(broadcasts)).toHaveLength(0)
    await database.db.update(users).set({ blockedAt: null })
  })

  it('turns workers away from /broadcast and the hub button', async () => {
    await say(WORKER, '/broadcast')
    expect(lastSent()?.text).toContain('只对组织者开放')
    await tap(WORKER, 'hub:broadcast')
    expect(lastSent()?.text).toContain('只对组织者开放')
    await tap(ORGANIZER, 'hub:broadcast')
    expect(lastSent()?.text).toContain('发给谁')
  })
})
