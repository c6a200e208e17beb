import { eq } from 'drizzle-orm'
import type { Update } from 'grammy/types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../../../bot/config.js'
import { ticketNotices } from '../../../bot/ui/feedback-notices.js'
import { createTicket } from '../../../core/tickets.js'
import { createBroadcast } from '../../../db/repositories/broadcasts.js'
import { recordSent } from '../../../db/repositories/outbox-sender.js'
import { broadcastReplyHints, feedbackMessages, feedbackTickets } from '../../../db/schema/index.js'
import { botInfo, createTestBot } from '../../helpers/bot.js'
import { addEvent, register } from '../../helpers/broadcast.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { addUser, outboxFor, seedChengduOrganizer } from '../../helpers/feedback.js'
import { callbackUpdate, textUpdate, type Sender } from '../../helpers/updates.js'

const now = new Date('2026-11-25T02:00:00Z')
const organizer = { id: 7601, first_name: '王老师' }
const rider = { id: 5601, first_name: '小李' }
const rider2 = { id: 5602, first_name: '小王' }
const rider3 = { id: 5603, first_name: '小张' }
const rider4 = { id: 5604, first_name: '小赵' }
const env = { FEEDBACK_MAX_PER_HOUR: '3' }
const config = parseConfig(env)

let database: TestDatabase
let ids: Record<'A' | 'B' | 'X', number>
let eventId = 0
let nextTelegramId = 90_000

beforeAll(async () => {
  database = await createTestDatabase()
  ids = await seedChengduOrganizer(database.db, organizer)
  for (const worker of [rider, rider2, rider3, rider4]) await addUser(database.db, { id: worker.id, firstName: worker.first_name })
  eventId = await addEvent(database.db, { title: '冬至饺子宴', city: '成都', startsAt: now, createdBy: organizer.id })
  await register(database.db, eventId, rider4.id, 'confirmed')
})
afterAll(async () => database.close())

const setup = () => createTestBot(database.db, { now: () => now, env })

/** Marks every queued row to the rider as sent (what the outbox sender does) and returns its Telegram message id by kind. */
async function deliver(kind: string, to: Sender = rider): Promise<number> {
  const rows = (await outboxFor(database.db, to.id)).filter((row) => row.kind === kind && row.telegramMessageId === null)
  let last = 0
  for (const row of rows) await recordSent(database.db, row.id, { messageId: (last = ++nextTelegramId), now })
  return last
}

function replyTo(from: Sender, messageId: number, text: string): Update {
  const update = textUpdate(from, text)
  if (update.message === undefined) throw new Error('no message')
  return {
    ...update,
    message: {
      ...update.message,
      reply_to_message: {
        message_id: messageId,
        date: 0,
        chat: { id: from.id, type: 'private', first_name: 'R' },
        from: botInfo,
        text: '…',
      },
    },
  } as unknown as Update
}

async function answeredTicket(text: string, from: Sender = rider) {
  const filed = await createTicket(
    { db: database.db, config, now: () => now },
    ticketNotices,
    { id: from.id },
    {
      subject: { kind: 'station', stationId: ids.A },
      category: 'need',
      anonymous: false,
      content: { kind: 'text', text, fileId: null },
    },
  )
  if (filed.kind !== 'created') throw new Error(filed.kind)
  const { bot } = setup()
  await bot.handleUpdate(callbackUpdate(organizer, `fb:reply:${filed.ticket.id}`))
  await bot.handleUpdate(textUpdate(organizer, '明天派人去看'))
  return { ticket: filed.ticket, answerMessageId: await deliver('feedback-answer', from) }
}

describe('a Telegram reply to a 我有话说 answer (item 4)', () => {
  it('is added to that ticket, reopens it and tells its owner', async () => {
    const { ticket, answerMessageId } = await answeredTicket('驿站的门锁坏了')
    const { bot, telegram } = setup()
    await bot.handleUpdate(replyTo(rider, answerMessageId, '好的收到，谢谢王老师'))
    const history = await database.db.select().from(feedbackMessages).where(eq(feedbackMessages.ticketId, ticket.id))
    expect(history.map((message) => message.text)).toContain('好的收到，谢谢王老师')
    const [row] = await database.db.select().from(feedbackTickets).where(eq(feedbackTickets.id, ticket.id))
    expect(row?.status).toBe('in_progress')
    expect(telegram.lastText({ chatId: rider.id })).toContain('已经加到你的这条留言里')
    const notices = (await outboxFor(database.db, organizer.id)).filter((item) => item.dedupeKey?.startsWith('feedback-added:'))
    expect(JSON.stringify(notices.at(-1)?.payload)).toContain(ticket.number)
  })

  it('tells the rider when the ticket is closed, and adds nothing', async () => {
    const { ticket, answerMessageId } = await answeredTicket('能不能多放几把椅子', rider2)
    await database.db.update(feedbackTickets).set({ status: 'closed' }).where(eq(feedbackTickets.id, ticket.id))
    const { bot, telegram } = setup()
    await bot.handleUpdate(replyTo(rider2, answerMessageId, '还有一件事'))
    expect(telegram.lastText({ chatId: rider2.id })).toContain('已经关闭')
    expect(telegram.allButtons({ chatId: rider2.id }).map((button) => button.callback_data)).toContain('fb:new')
    const history = await database.db.select().from(feedbackMessages).where(eq(feedbackMessages.ticketId, ticket.id))
    expect(history.map((message) => message.text)).not.toContain('还有一件事')
  })

  it('respects the feedback rate limit', async () => {
    // FEEDBACK_MAX_PER_HOUR is 3: the ticket and two replies fill the hour.
    const { ticket, answerMessageId } = await answeredTicket('第三条', rider3)
    const { bot, telegram } = setup()
    await bot.handleUpdate(replyTo(rider3, answerMessageId, '补充一'))
    await bot.handleUpdate(replyTo(rider3, answerMessageId, '补充二'))
    await bot.handleUpdate(replyTo(rider3, answerMessageId, '超过限制的补充'))
    expect(telegram.lastText({ chatId: rider3.id })).toContain('先歇一歇')
    const history = await database.db.select().from(feedbackMessages).where(eq(feedbackMessages.ticketId, ticket.id))
    expect(history.map((message) => message.text)).not.toContain('超过限制的补充')
  })
})

describe('a Telegram reply to a broadcast (item 4)', () => {
  it('tells the rider once how to reach the organizer of the event', async () => {
    const created = await createBroadcast(database.db, {
      createdBy: organizer.id,
      audience: { type: 'event', eventId },
      text: '饺子宴改到六点',
      entities: null,
      photoFileId: null,
      now,
    })
    if (created.kind !== 'created') throw new Error('expected a broadcast')
    const messageId = await deliver('broadcast', rider4)
    const { bot, telegram } = setup()
    await bot.handleUpdate(replyTo(rider4, messageId, '好的收到，谢谢王老师'))
    expect(telegram.lastText({ chatId: rider4.id })).toContain('组织者是看不到的')
    expect(telegram.allButtons({ chatId: rider4.id }).map((button) => button.callback_data)).toContain(`fb:new:${eventId}`)
    expect(await database.db.select().from(broadcastReplyHints)).toHaveLength(1)
    const hints = telegram.calls.length
    await bot.handleUpdate(replyTo(rider4, messageId, '收到'))
    expect(telegram.calls.slice(hints).some((call) => String(call.payload.text).includes('组织者是看不到的'))).toBe(false)
    // The button opens 我有话说 about that event: straight to the category.
    await bot.handleUpdate(callbackUpdate(rider4, `fb:new:${eventId}`))
    expect(telegram.lastText({ chatId: rider4.id })).toContain('哪一类')
  })

  it('leaves replies to other bot messages alone', async () => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(replyTo(rider4, 12345, '春熙路'))
    expect(telegram.lastText({ chatId: rider4.id })).not.toContain('组织者是看不到的')
    expect(telegram.lastText({ chatId: rider4.id })).not.toContain('留言')
  })
})
