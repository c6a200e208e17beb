import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../../../bot/config.js'
import { ticketNotices } from '../../../bot/ui/feedback-notices.js'
import { createTicket, type Draft } from '../../../core/tickets.js'
import { addScope } from '../../../db/repositories/roles.js'
import { feedbackMessages, feedbackTickets, outbox } from '../../../db/schema/index.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { addUser, outboxFor, seedStations } from '../../helpers/feedback.js'
import { callbackUpdate, photoUpdate, textUpdate } from '../../helpers/updates.js'

const start = new Date('2026-11-25T02:00:00Z')
let now = start
const chengdu = { id: 7101, first_name: '成都组织者' }
const chengdu2 = { id: 7102, first_name: '成都二号' }
const xian = { id: 7103, first_name: '西安组织者' }
const rider = { id: 5101, first_name: '秘密骑手甲', username: 'secret_rider_a' }

let database: TestDatabase
let ids: Record<'A' | 'B' | 'X', number>
const env = { FEEDBACK_MAX_PER_HOUR: '100' }
const config = parseConfig(env)

beforeAll(async () => {
  database = await createTestDatabase()
  ids = await seedStations(database.db)
  for (const organizer of [chengdu, chengdu2, xian])
    await addUser(database.db, { id: organizer.id, firstName: organizer.first_name, role: 'organizer' })
  await addScope(database.db, { userId: chengdu.id, city: '成都', createdBy: null })
  await addScope(database.db, { userId: chengdu2.id, stationId: ids.B, createdBy: null })
  await addScope(database.db, { userId: xian.id, city: '西安', createdBy: null })
  await addUser(database.db, { id: rider.id, firstName: rider.first_name, username: rider.username })
})
afterAll(async () => database.close())

const setup = () => createTestBot(database.db, { now: () => now, env })

async function file(draft: Partial<Draft> = {}) {
  const result = await createTicket(
    { db: database.db, config, now: () => now },
    ticketNotices,
    { id: rider.id },
    {
      subject: { kind: 'station', stationId: ids.A },
      category: 'complaint',
      anonymous: false,
      content: { kind: 'text', text: '热水器坏了', fileId: null },
      ...draft,
    },
  )
  if (result.kind !== 'created') throw new Error(result.kind)
  return result.ticket
}

const ticket = async (id: number) => (await database.db.select().from(feedbackTickets).where(eq(feedbackTickets.id, id)))[0]

/** Everything the bot sent or queued for a chat, as one string. */
async function everythingTo(telegram: ReturnType<typeof setup>['telegram'], chatId: number) {
  const calls = telegram.calls.filter((call) => call.payload.chat_id === chatId || call.method === 'answerCallbackQuery')
  return JSON.stringify(calls) + JSON.stringify(await outboxFor(database.db, chatId))
}

describe('anonymous tickets', () => {
  it('never show the sender to organizers: not in notices, the inbox, the card, media or reassignment', async () => {
    now = start
    const filed = await file({ anonymous: true, content: { kind: 'voice', text: '', fileId: 'voice-anon' } })
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate(chengdu, '/inbox'))
    await bot.handleUpdate(callbackUpdate(chengdu, 'hub:inbox'))
    await bot.handleUpdate(callbackUpdate(chengdu, `fb:open:${filed.id}`))
    expect(telegram.lastText({ chatId: chengdu.id })).toContain(`#${filed.number}`)
    expect(telegram.callsOf('sendMessage').some((call) => String(call.payload.text).includes('匿名骑手'))).toBe(true)
    expect(telegram.callsOf('sendVoice').at(-1)?.payload).toMatchObject({ chat_id: chengdu.id, voice: 'voice-anon' })
    await bot.handleUpdate(callbackUpdate(chengdu, `fb:assign-menu:${filed.id}`))
    await bot.handleUpdate(callbackUpdate(chengdu, `fb:assign:${filed.id}:${chengdu2.id}`))
    await bot.handleUpdate(callbackUpdate(chengdu2, `fb:open:${filed.id}`))
    await bot.handleUpdate(callbackUpdate(chengdu2, `fb:note:${filed.id}`))
    await bot.handleUpdate(textUpdate(chengdu2, '先联系物业'))
    await bot.handleUpdate(callbackUpdate(chengdu2, `fb:open:${filed.id}`))
    for (const organizer of [chengdu, chengdu2]) {
      const seen = await everythingTo(telegram, organizer.id)
      expect(seen).toContain(filed.number)
      for (const secret of [String(rider.id), rider.first_name, rider.username]) expect(seen).not.toContain(secret)
    }
  })

  it('show the sender of a named ticket', async () => {
    const filed = await file()
    const { bot, telegram } = setup()
    await bot.handleUpdate(callbackUpdate(chengdu, `fb:open:${filed.id}`))
    expect(telegram.lastText({ chatId: chengdu.id })).toContain('秘密骑手甲 (@secret_rider_a)')
  })
})

describe('answers', () => {
  it('queue the reply for the worker in the outbox and mark the ticket answered', async () => {
    now = start
    const filed = await file()
    now = new Date(start.getTime() + 2 * 3_600_000)
    const { bot, telegram } = setup()
    await bot.handleUpdate(callbackUpdate(chengdu, `fb:reply:${filed.id}`))
    await bot.handleUpdate(textUpdate(chengdu, '已经联系维修，明天修好'))
    expect(telegram.lastText({ chatId: chengdu.id })).toContain('已排队')
    const rows = (await outboxFor(database.db, rider.id)).filter((row) => row.kind === 'feedback-answer')
    expect(rows.at(-1)).toMatchObject({ userId: rider.id, dedupeKey: expect.stringMatching(/^feedback-answer:\d+:0$/) })
    expect(JSON.stringify(rows.at(-1)?.payload)).toContain('已经联系维修，明天修好')
    expect(JSON.stringify(rows.at(-1)?.payload)).toContain(`fb:good:${filed.id}`)
    expect(await ticket(filed.id)).toMatchObject({ status: 'answered', firstAnsweredAt: now, answeredAt: now })
    // The worker never gets a direct call: only the outbox talks to them.
    expect(telegram.calls.filter((call) => call.payload.chat_id === rider.id)).toHaveLength(0)
  })

  it('split a reply longer than one message into several, losing nothing', async () => {
    const filed = await file()
    const { bot } = setup()
    const long = `${'很长的回复'.repeat(818)}尾巴`
    await bot.handleUpdate(callbackUpdate(chengdu, `fb:reply:${filed.id}`))
    await bot.handleUpdate(textUpdate(chengdu, long))
    const rows = (await database.db.select().from(outbox).where(eq(outbox.userId, rider.id))).filter(
      (row) => row.dedupeKey?.startsWith('feedback-answer:') && JSON.stringify(row.payload).includes('很长'),
    )
    expect(rows.length).toBeGreaterThanOrEqual(2)
    const texts = rows.map((row) => (row.payload.method === 'sendMessage' ? row.payload.text : ''))
    for (const text of texts) expect([...text].length).toBeLessThanOrEqual(4096)
    expect(texts.join('')).toContain(long)
  })

  it('go to the ticket whose reply button was tapped last', async () => {
    const first = await file()
    const second = await file()
    const { bot } = setup()
    await bot.handleUpdate(callbackUpdate(chengdu, `fb:reply:${first.id}`))
    await bot.handleUpdate(callbackUpdate(chengdu, `fb:reply:${second.id}`))
    await bot.handleUpdate(textUpdate(chengdu, '回复第二条'))
    expect(await ticket(first.id)).toMatchObject({ status: 'new' })
    expect(await ticket(second.id)).toMatchObject({ status: 'answered' })
  })

  it('send a photo reply by file id', async () => {
    const filed = await file()
    const { bot } = setup()
    await bot.handleUpdate(callbackUpdate(chengdu, `fb:reply:${filed.id}`))
    await bot.handleUpdate(photoUpdate(chengdu))
    const rows = await outboxFor(database.db, rider.id)
    expect(rows.at(-1)?.payload).toMatchObject({ method: 'sendPhoto', photo: 'photo-1' })
  })
})

describe('the worker follows up', () => {
  it('rates: not satisfied reopens and tells the owner, satisfied closes, a second tap changes nothing', async () => {
    now = start
    const filed = await file()
    const { bot, telegram } = setup()
    await bot.handleUpdate(callbackUpdate(chengdu, `fb:reply:${filed.id}`))
    await bot.handleUpdate(textUpdate(chengdu, '第一次回复'))
    await bot.handleUpdate(callbackUpdate(rider, `fb:bad:${filed.id}`))
    expect(await ticket(filed.id)).toMatchObject({ status: 'in_progress', rating: 'unsatisfied' })
    expect(JSON.stringify((await outboxFor(database.db, chengdu.id)).at(-1)?.payload)).toContain('不满意')
    await bot.handleUpdate(callbackUpdate(rider, `fb:bad:${filed.id}`))
    expect(telegram.callsOf('answerCallbackQuery').at(-1)?.payload.text).toContain('已经评价过')
    await bot.handleUpdate(callbackUpdate(chengdu, `fb:reply:${filed.id}`))
    await bot.handleUpdate(textUpdate(chengdu, '第二次回复'))
    await bot.handleUpdate(callbackUpdate(rider, `fb:good:${filed.id}`))
    expect(await ticket(filed.id)).toMatchObject({ status: 'closed', rating: 'satisfied' })
    await bot.handleUpdate(callbackUpdate(rider, `fb:bad:${filed.id}`))
    expect(await ticket(filed.id)).toMatchObject({ status: 'closed', rating: 'satisfied' })
  })

  it('adds to an open ticket (the owner is told), then closes it; a closed ticket takes no additions', async () => {
    const filed = await file()
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate(rider, '/mytickets'))
    expect(telegram.allButtons({ chatId: rider.id }).map((button) => button.callback_data)).toContain(`fb:own:${filed.id}`)
    await bot.handleUpdate(callbackUpdate(rider, `fb:own:${filed.id}`))
    expect(telegram.allButtons({ chatId: rider.id }).map((button) => button.callback_data)).toContain(`fb:add:${filed.id}`)
    await bot.handleUpdate(callbackUpdate(rider, `fb:add:${filed.id}`))
    await bot.handleUpdate(textUpdate(rider, '补充：晚上也没热水'))
    expect(telegram.lastText({ chatId: rider.id })).toContain('已补充')
    const messages = await database.db.select().from(feedbackMessages).where(eq(feedbackMessages.ticketId, filed.id))
    expect(messages.map((message) => message.text)).toEqual(['热水器坏了', '补充：晚上也没热水'])
    expect(JSON.stringify((await outboxFor(database.db, chengdu.id)).at(-1)?.payload)).toContain('补充')
    await bot.handleUpdate(callbackUpdate(rider, `fb:close:${filed.id}`))
    expect(await ticket(filed.id)).toMatchObject({ status: 'closed' })
    await bot.handleUpdate(callbackUpdate(rider, `fb:add:${filed.id}`))
    expect(telegram.callsOf('answerCallbackQuery').at(-1)?.payload.text).toContain('已经关闭')
  })

  it('never shows internal notes to the worker', async () => {
    const filed = await file()
    const { bot, telegram } = setup()
    await bot.handleUpdate(callbackUpdate(chengdu, `fb:note:${filed.id}`))
    await bot.handleUpdate(textUpdate(chengdu, '内部：这个骑手常投诉'))
    await bot.handleUpdate(callbackUpdate(rider, `fb:own:${filed.id}`))
    expect(telegram.lastText({ chatId: rider.id })).toContain('热水器坏了')
    expect(await everythingTo(telegram, rider.id)).not.toContain('内部：')
  })
})

describe('organizer actions re-check roles', () => {
  it('refuses forged inbox, reply and status callbacks from a worker', async () => {
    const filed = await file()
    const { bot, telegram } = setup()
    // Answers to this rider's earlier tickets quote their own words (item 14): only what the forged taps produce counts.
    const queuedBefore = (await outboxFor(database.db, rider.id)).length
    for (const data of [
      `fb:open:${filed.id}`,
      `fb:reply:${filed.id}`,
      `fb:status:${filed.id}:closed`,
      `fb:assign:${filed.id}:${rider.id}`,
      'fb:inbox',
      'hub:inbox',
    ]) {
      await bot.handleUpdate(callbackUpdate(rider, data))
    }
    await bot.handleUpdate(textUpdate(rider, '这不是回复'))
    expect(await ticket(filed.id)).toMatchObject({ status: 'new', assigneeId: chengdu.id })
    expect(telegram.callsOf('answerCallbackQuery').filter((call) => String(call.payload.text).includes('只有组织者'))).toHaveLength(5)
    const calls = telegram.calls.filter((call) => call.payload.chat_id === rider.id || call.method === 'answerCallbackQuery')
    expect(JSON.stringify(calls) + JSON.stringify((await outboxFor(database.db, rider.id)).slice(queuedBefore))).not.toContain('热水器坏了')
  })

  it("refuses another worker's taps on someone else's ticket", async () => {
    const filed = await file()
    const { bot } = setup()
    await bot.handleUpdate(callbackUpdate(chengdu, `fb:reply:${filed.id}`))
    await bot.handleUpdate(textUpdate(chengdu, '回复'))
    const stranger = { id: 5198, first_name: '陌生人' }
    for (const data of [`fb:own:${filed.id}`, `fb:close:${filed.id}`, `fb:bad:${filed.id}`, `fb:add:${filed.id}`])
      await bot.handleUpdate(callbackUpdate(stranger, data))
    await bot.handleUpdate(textUpdate(stranger, '不是我的留言'))
    expect(await ticket(filed.id)).toMatchObject({ status: 'answered', rating: null })
    const messages = await database.db.select().from(feedbackMessages).where(eq(feedbackMessages.ticketId, filed.id))
    expect(messages.map((message) => message.text)).not.toContain('不是我的留言')
  })

  it('refuses an organizer of another city', async () => {
    const filed = await file()
    const { bot, telegram } = setup()
    await bot.handleUpdate(callbackUpdate(xian, `fb:open:${filed.id}`))
    expect(telegram.lastText({ chatId: xian.id })).toContain('不归你负责')
    await bot.handleUpdate(callbackUpdate(xian, `fb:status:${filed.id}:closed`))
    await bot.handleUpdate(callbackUpdate(xian, `fb:reply:${filed.id}`))
    await bot.handleUpdate(callbackUpdate(xian, `fb:public:${filed.id}`))
    expect(await ticket(filed.id)).toMatchObject({ status: 'new', public: false })
    expect(await everythingTo(telegram, xian.id)).not.toContain('热水器坏了')
    await bot.handleUpdate(textUpdate(xian, '/feedbackstats'))
    expect(telegram.lastText({ chatId: xian.id })).toContain('共 0 条')
  })

  it('refuses reassigning to someone who is not an organizer', async () => {
    const filed = await file()
    const { bot } = setup()
    await bot.handleUpdate(callbackUpdate(chengdu, `fb:assign:${filed.id}:${rider.id}`))
    expect(await ticket(filed.id)).toMatchObject({ assigneeId: chengdu.id })
  })
})

describe('status, public list and statistics', () => {
  it('tells the worker about a status change through the outbox', async () => {
    const filed = await file()
    const { bot } = setup()
    await bot.handleUpdate(callbackUpdate(chengdu, `fb:status:${filed.id}:in_progress`))
    expect(await ticket(filed.id)).toMatchObject({ status: 'in_progress' })
    expect(JSON.stringify((await outboxFor(database.db, rider.id)).at(-1)?.payload)).toContain('处理中')
  })

  it('publishes an answered ticket, anonymised, on the station card list', async () => {
    const filed = await file({
      subject: { kind: 'station', stationId: ids.B },
      content: { kind: 'text', text: '希望加个微波炉', fileId: null },
    })
    const { bot, telegram } = setup()
    await bot.handleUpdate(callbackUpdate(chengdu, `fb:public:${filed.id}`))
    expect(await ticket(filed.id)).toMatchObject({ public: false })
    await bot.handleUpdate(callbackUpdate(chengdu, `fb:reply:${filed.id}`))
    await bot.handleUpdate(textUpdate(chengdu, '微波炉已经装好了'))
    await bot.handleUpdate(callbackUpdate(chengdu, `fb:public:${filed.id}`))
    expect(await ticket(filed.id)).toMatchObject({ public: true })
    // The rider's words go public only once they agree (field issue item 15).
    await bot.handleUpdate(callbackUpdate(rider, `fb:consent-yes:${filed.id}`))
    const visitor = { id: 5199, first_name: '路人' }
    await bot.handleUpdate(textUpdate(visitor, '/said'))
    expect(telegram.allButtons({ chatId: visitor.id }).map((button) => button.callback_data)).toContain(`fb:said:${ids.B}`)
    await bot.handleUpdate(callbackUpdate(visitor, `fb:said:${ids.B}`))
    const said = telegram.lastText({ chatId: visitor.id })
    expect(said).toContain('希望加个微波炉')
    expect(said).toContain('微波炉已经装好了')
    for (const secret of [String(rider.id), rider.first_name, rider.username]) expect(said).not.toContain(secret)
  })

  it('counts by status, category and station, with the median time to first answer', async () => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(callbackUpdate(chengdu, 'fb:stats'))
    const text = telegram.lastText({ chatId: chengdu.id })
    expect(text).toMatch(/共 \d+ 条/)
    expect(text).toContain('投诉')
    expect(text).toContain('成都测试驿站A')
    expect(text).toMatch(/首次回复用时中位数：[\d.]+ 小时/)
  })
})
