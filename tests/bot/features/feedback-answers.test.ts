import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../../../bot/config.js'
import { ticketNotices } from '../../../bot/ui/feedback-notices.js'
import { createTicket, type Draft } from '../../../core/tickets.js'
import { feedbackTickets } from '../../../db/schema/index.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import type { FakeTelegram } from '../../helpers/fake-telegram.js'
import { addUser, outboxFor, seedChengduOrganizer } from '../../helpers/feedback.js'
import { callbackUpdate, textUpdate } from '../../helpers/updates.js'

const now = new Date('2026-11-25T02:00:00Z')
const organizer = { id: 7501, first_name: '王老师' }
const rider = { id: 5501, first_name: '小李' }
const visitor = { id: 5502, first_name: '路人' }
const env = { FEEDBACK_MAX_PER_HOUR: '100' }
const config = parseConfig(env)

let database: TestDatabase
let ids: Record<'A' | 'B' | 'X', number>
beforeAll(async () => {
  database = await createTestDatabase()
  ids = await seedChengduOrganizer(database.db, organizer)
  await addUser(database.db, { id: rider.id, firstName: rider.first_name })
})
afterAll(async () => database.close())

const setup = () => createTestBot(database.db, { now: () => now, env })
async function file(text: string, draft: Partial<Draft> = {}) {
  const result = await createTicket(
    { db: database.db, config, now: () => now },
    ticketNotices,
    { id: rider.id },
    {
      subject: { kind: 'station', stationId: ids.A },
      category: 'need',
      anonymous: false,
      content: { kind: 'text', text, fileId: null },
      ...draft,
    },
  )
  if (result.kind !== 'created') throw new Error(result.kind)
  return result.ticket
}
const ticket = async (id: number) => (await database.db.select().from(feedbackTickets).where(eq(feedbackTickets.id, id)))[0]
type Inline = { inline_keyboard?: { text: string; callback_data?: string }[][] }
async function answer(telegram: FakeTelegram, bot: ReturnType<typeof setup>['bot'], id: number, text: string) {
  await bot.handleUpdate(callbackUpdate(organizer, `fb:reply:${id}`))
  await bot.handleUpdate(textUpdate(organizer, text))
  return telegram.lastText({ chatId: organizer.id })
}

describe('what an answer answers (item 14)', () => {
  it('quotes the start of what the rider wrote in the answer', async () => {
    const filed = await file('春熙路驿站的热水器坏了三天了，一直没人修，冬天骑手都喝不上热水')
    const { bot, telegram } = setup()
    await answer(telegram, bot, filed.id, '已经联系维修，明天修好')
    const [row] = (await outboxFor(database.db, rider.id)).filter((item) => item.kind === 'feedback-answer')
    const text = row?.payload.method === 'sendMessage' ? row.payload.text : ''
    expect(text).toContain('春熙路驿站的热水器坏了')
    expect(text).toContain(`#${filed.number}`)
    expect(text).toContain('已经联系维修，明天修好')
  })

  it('shows a few words of each ticket on the /mytickets buttons', async () => {
    await file('希望驿站加个微波炉')
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate(rider, '/mytickets'))
    const labels = telegram.buttons({ chatId: rider.id, withMarkup: true }).map((button) => button.text)
    expect(labels.some((label) => label.includes('希望驿站加个微波炉'))).toBe(true)
    expect(labels.some((label) => label.includes('春熙路驿站的热水器'))).toBe(true)
  })
})

describe('after replying (item 16)', () => {
  it('offers the way back to the ticket, and the 你说我做 button says where it stands', async () => {
    const filed = await file('厕所没有灯')
    const { bot, telegram } = setup()
    const sent = await answer(telegram, bot, filed.id, '灯已经换好了')
    expect(sent).not.toContain('队列')
    expect(telegram.buttons({ chatId: organizer.id, withMarkup: true }).map((button) => button.callback_data)).toContain(
      `fb:open:${filed.id}`,
    )
    await bot.handleUpdate(callbackUpdate(organizer, `fb:open:${filed.id}`))
    expect(telegram.buttons({ chatId: organizer.id, withMarkup: true }).map((button) => button.text)).toContain(
      '🌐 你说我做：未公开 · 点此公开',
    )
    await bot.handleUpdate(callbackUpdate(organizer, `fb:public:${filed.id}`))
    // The card's buttons are edited in place to show the new state.
    const edit = telegram.callsOf('editMessageReplyMarkup').at(-1)
    const texts = ((edit?.payload.reply_markup as Inline | undefined)?.inline_keyboard ?? []).flat().map((button) => button.text)
    expect(texts).toContain('⏳ 你说我做：等骑手同意 · 点此撤回')
  })
})

describe('publishing the rider’s words (item 15)', () => {
  it('asks the rider first; nothing is public until they agree, and no answer means no', async () => {
    const filed = await file('希望多放几把雨伞', { subject: { kind: 'station', stationId: ids.B } })
    const { bot, telegram } = setup()
    await answer(telegram, bot, filed.id, '已经加了十把雨伞')
    await bot.handleUpdate(callbackUpdate(organizer, `fb:public:${filed.id}`))
    expect(await ticket(filed.id)).toMatchObject({ public: true, publicConsent: 'asked' })
    const asks = (await outboxFor(database.db, rider.id)).filter(
      (row) => row.kind === 'feedback-consent' && JSON.stringify(row.payload).includes(filed.number),
    )
    expect(asks).toHaveLength(1)
    expect(JSON.stringify(asks[0]?.payload)).toContain('希望多放几把雨伞')
    expect(JSON.stringify(asks[0]?.payload)).toContain(`fb:consent-yes:${filed.id}`)
    await bot.handleUpdate(textUpdate(visitor, '/said'))
    expect(telegram.allButtons({ chatId: visitor.id }).map((button) => button.callback_data)).not.toContain(`fb:said:${ids.B}`)
    // The inbox shows that it waits for the rider.
    await bot.handleUpdate(textUpdate(organizer, '/inbox'))
    expect(telegram.lastText({ chatId: organizer.id })).toContain('等同意公开')
    // A stranger cannot answer for the rider.
    await bot.handleUpdate(callbackUpdate(visitor, `fb:consent-yes:${filed.id}`))
    expect(await ticket(filed.id)).toMatchObject({ publicConsent: 'asked' })
    await bot.handleUpdate(callbackUpdate(rider, `fb:consent-yes:${filed.id}`))
    expect(await ticket(filed.id)).toMatchObject({ public: true, publicConsent: 'granted' })
    await bot.handleUpdate(callbackUpdate(visitor, `fb:said:${ids.B}`))
    expect(telegram.lastText({ chatId: visitor.id })).toContain('希望多放几把雨伞')
    await bot.handleUpdate(textUpdate(organizer, '/inbox'))
    expect(telegram.lastText({ chatId: organizer.id })).toContain('🌐 已公开')
  })

  it('keeps it private when the rider says no, and the organizer cannot publish it then', async () => {
    const filed = await file('晚上能不能开到十点')
    const { bot, telegram } = setup()
    await answer(telegram, bot, filed.id, '已经延长到十点')
    await bot.handleUpdate(callbackUpdate(organizer, `fb:public:${filed.id}`))
    await bot.handleUpdate(callbackUpdate(rider, `fb:consent-no:${filed.id}`))
    expect(await ticket(filed.id)).toMatchObject({ public: false, publicConsent: 'refused' })
    const notices = (await outboxFor(database.db, organizer.id)).filter((row) => JSON.stringify(row.payload).includes('不同意公开'))
    expect(notices).toHaveLength(1)
    await bot.handleUpdate(callbackUpdate(organizer, `fb:public:${filed.id}`))
    expect(await ticket(filed.id)).toMatchObject({ public: false })
    expect(String(telegram.callsOf('answerCallbackQuery').at(-1)?.payload.text)).toContain('不同意')
  })
})

describe('tickets published before riders were asked', () => {
  it('count as private, and one tap asks the rider', async () => {
    const filed = await file('老的公开留言')
    const { bot, telegram } = setup()
    await answer(telegram, bot, filed.id, '老的答复')
    await database.db.update(feedbackTickets).set({ public: true, publicConsent: null }).where(eq(feedbackTickets.id, filed.id))
    await bot.handleUpdate(callbackUpdate(organizer, `fb:open:${filed.id}`))
    expect(telegram.buttons({ chatId: organizer.id, withMarkup: true }).map((button) => button.text)).toContain(
      '🌐 你说我做：未公开 · 点此公开',
    )
    await bot.handleUpdate(callbackUpdate(organizer, `fb:public:${filed.id}`))
    expect(await ticket(filed.id)).toMatchObject({ public: true, publicConsent: 'asked' })
  })
})
