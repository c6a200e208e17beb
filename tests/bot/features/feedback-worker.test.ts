import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { events, feedbackMessages } from '../../../db/schema/index.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { captionedPhotoUpdate, outboxFor, seedChengduOrganizer, ticketsOf } from '../../helpers/feedback.js'
import { callbackUpdate, locationUpdate, stickerUpdate, textUpdate, voiceUpdate } from '../../helpers/updates.js'

const clock = new Date('2026-11-25T02:00:00Z')
const organizer = { id: 7001, first_name: '王组织' }

let database: TestDatabase
let ids: Record<'A' | 'B' | 'X', number>

beforeAll(async () => {
  database = await createTestDatabase()
  ids = await seedChengduOrganizer(database.db, organizer)
})
afterAll(async () => database.close())

const setup = () => createTestBot(database.db, { now: () => clock })

describe('the worker files a ticket', () => {
  it('offers nearby stations, then takes category, anonymity and a text, and gives a receipt', async () => {
    const rider = { id: 5001, first_name: '小李' }
    const { bot, telegram } = setup()
    await bot.handleUpdate(locationUpdate(rider, 30.65, 104.06))
    await bot.handleUpdate(textUpdate(rider, '💬 我有话说'))
    expect(telegram.allButtons({ chatId: rider.id }).map((button) => button.callback_data)).toContain(`fb:station:${ids.A}`)
    await bot.handleUpdate(callbackUpdate(rider, `fb:station:${ids.A}`))
    expect(telegram.lastText({ chatId: rider.id })).toContain('哪一类')
    await bot.handleUpdate(callbackUpdate(rider, 'fb:kind:need'))
    await bot.handleUpdate(callbackUpdate(rider, 'fb:anon:0'))
    expect(telegram.lastText({ chatId: rider.id })).toContain('语音')
    await bot.handleUpdate(textUpdate(rider, '驿站的热水器坏了，麻烦修一下'))

    const [ticket] = await ticketsOf(database.db, rider.id)
    expect(ticket).toMatchObject({
      stationId: ids.A,
      city: '成都',
      category: 'need',
      anonymous: false,
      status: 'new',
      assigneeId: organizer.id,
    })
    expect(ticket?.dueAt.getTime()).toBe(clock.getTime() + 24 * 3_600_000)
    expect(telegram.lastText({ chatId: rider.id })).toContain(`#${ticket?.number}`)
    expect(ticket?.number).toMatch(/^[2-9A-Z]{5}$/)
    const notices = await outboxFor(database.db, organizer.id)
    expect(notices.at(-1)?.payload).toMatchObject({ method: 'sendMessage' })
    expect(JSON.stringify(notices.at(-1)?.payload)).toContain(ticket?.number)
  })

  it('takes a photo with a caption about a searched station', async () => {
    const rider = { id: 5002, first_name: '小张' }
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate(rider, '/feedback'))
    await bot.handleUpdate(callbackUpdate(rider, 'fb:search'))
    await bot.handleUpdate(textUpdate(rider, '成都测试驿站B'))
    expect(telegram.allButtons({ chatId: rider.id }).map((button) => button.callback_data)).toContain(`fb:station:${ids.B}`)
    // District names repeat across cities, so the button names the city too.
    const markup = telegram.callsOf('sendMessage').at(-1)?.payload.reply_markup as { inline_keyboard: { text: string }[][] }
    expect(markup.inline_keyboard.flat().map((button) => button.text)).toContain('成都测试驿站B · 成都 测试区')
    await bot.handleUpdate(callbackUpdate(rider, `fb:station:${ids.B}`))
    await bot.handleUpdate(callbackUpdate(rider, 'fb:kind:complaint'))
    await bot.handleUpdate(callbackUpdate(rider, 'fb:anon:0'))
    await bot.handleUpdate(stickerUpdate(rider))
    expect(telegram.lastText({ chatId: rider.id })).toContain('请发送文字、照片或语音')
    await bot.handleUpdate(captionedPhotoUpdate(rider, '门口的充电桩坏了'))
    const [ticket] = await ticketsOf(database.db, rider.id)
    expect(ticket).toMatchObject({ stationId: ids.B, category: 'complaint' })
    const messages = await database.db
      .select()
      .from(feedbackMessages)
      .where(eq(feedbackMessages.ticketId, ticket?.id ?? 0))
    expect(messages).toMatchObject([{ author: 'worker', kind: 'photo', fileId: 'photo-1', text: '门口的充电桩坏了' }])
  })

  it('takes a voice message about a city, and keeps only the file id', async () => {
    const rider = { id: 5003, first_name: '小王' }
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate(rider, '/feedback'))
    await bot.handleUpdate(callbackUpdate(rider, 'fb:cities'))
    expect(telegram.allButtons({ chatId: rider.id }).map((button) => button.callback_data)).toContain('fb:city:成都')
    await bot.handleUpdate(callbackUpdate(rider, 'fb:city:成都'))
    await bot.handleUpdate(callbackUpdate(rider, 'fb:kind:suggestion'))
    await bot.handleUpdate(callbackUpdate(rider, 'fb:anon:1'))
    await bot.handleUpdate(voiceUpdate(rider))
    const [ticket] = await ticketsOf(database.db, rider.id)
    expect(ticket).toMatchObject({ stationId: null, city: '成都', category: 'suggestion', anonymous: true, assigneeId: organizer.id })
    const messages = await database.db
      .select()
      .from(feedbackMessages)
      .where(eq(feedbackMessages.ticketId, ticket?.id ?? 0))
    expect(messages).toMatchObject([{ kind: 'voice', fileId: 'voice-1', text: '' }])
    expect(telegram.callsOf('getFile')).toHaveLength(0)
  })

  it("takes an event as the subject, routed by the event's city", async () => {
    const day = 86_400_000
    const [event] = await database.db
      .insert(events)
      .values({
        kind: 'meal',
        title: '爱心午餐',
        city: '成都',
        stationId: ids.B,
        status: 'published',
        capacity: 70,
        createdBy: organizer.id,
        startsAt: new Date(clock.getTime() + day),
        endsAt: new Date(clock.getTime() + day + 7_200_000),
        registrationClosesAt: new Date(clock.getTime() + day),
        cancelClosesAt: new Date(clock.getTime() + day),
      })
      .returning()
    const rider = { id: 5007, first_name: '小吴' }
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate(rider, '/feedback'))
    await bot.handleUpdate(callbackUpdate(rider, 'fb:events'))
    expect(telegram.allButtons({ chatId: rider.id }).map((button) => button.callback_data)).toContain(`fb:event:${event?.id}`)
    await bot.handleUpdate(callbackUpdate(rider, `fb:event:${event?.id}`))
    await bot.handleUpdate(callbackUpdate(rider, 'fb:kind:praise'))
    await bot.handleUpdate(callbackUpdate(rider, 'fb:anon:0'))
    await bot.handleUpdate(textUpdate(rider, '午饭很好吃'))
    expect(await ticketsOf(database.db, rider.id)).toMatchObject([
      { eventId: event?.id, stationId: ids.B, city: '成都', assigneeId: organizer.id },
    ])
  })

  it('lets other features\' buttons through while the form waits, and offers "you said → we did" on the station card', async () => {
    const rider = { id: 5008, first_name: '小郑' }
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate(rider, '/feedback'))
    await bot.handleUpdate(callbackUpdate(rider, `st:nav:${ids.A}`))
    expect(telegram.callsOf('sendVenue')).toHaveLength(1)
    expect(telegram.allButtons({ chatId: rider.id }).map((button) => button.callback_data)).toContain(`fb:said:${ids.A}`)
    await bot.handleUpdate(callbackUpdate(rider, `fb:said:${ids.A}`))
    expect(telegram.lastText({ chatId: rider.id })).toContain('还没有公开')
    await bot.handleUpdate(callbackUpdate(rider, `fb:station:${ids.A}`))
    expect(telegram.lastText({ chatId: rider.id })).toContain('哪一类')
  })

  it('refuses a text over 2000 characters with a clear message and waits for a shorter one', async () => {
    const rider = { id: 5004, first_name: '小赵' }
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate(rider, '/feedback'))
    await bot.handleUpdate(callbackUpdate(rider, 'fb:city:成都'))
    await bot.handleUpdate(callbackUpdate(rider, 'fb:kind:other'))
    await bot.handleUpdate(callbackUpdate(rider, 'fb:anon:0'))
    await bot.handleUpdate(textUpdate(rider, '长'.repeat(2001)))
    expect(telegram.lastText({ chatId: rider.id })).toContain('2001')
    expect(await ticketsOf(database.db, rider.id)).toHaveLength(0)
    await bot.handleUpdate(textUpdate(rider, '长'.repeat(2000)))
    expect(await ticketsOf(database.db, rider.id)).toHaveLength(1)
  })

  it('continues a form at the same step after a restart (a new bot on the same database)', async () => {
    const rider = { id: 5005, first_name: '小钱' }
    const first = setup()
    await first.bot.handleUpdate(textUpdate(rider, '/feedback'))
    await first.bot.handleUpdate(callbackUpdate(rider, `fb:station:${ids.A}`))
    await first.bot.handleUpdate(callbackUpdate(rider, 'fb:kind:praise'))
    const second = setup()
    await second.bot.handleUpdate(callbackUpdate(rider, 'fb:anon:0'))
    await second.bot.handleUpdate(textUpdate(rider, '工作人员很热情，谢谢！'))
    expect(await ticketsOf(database.db, rider.id)).toMatchObject([{ category: 'praise', stationId: ids.A }])
  })

  it('starts afresh when 我有话说 is tapped again in the middle of the form', async () => {
    const rider = { id: 5009, first_name: '小冯' }
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate(rider, '💬 我有话说'))
    await bot.handleUpdate(callbackUpdate(rider, 'fb:city:成都'))
    await bot.handleUpdate(callbackUpdate(rider, 'fb:kind:need'))
    await bot.handleUpdate(callbackUpdate(rider, 'fb:anon:0'))
    await bot.handleUpdate(textUpdate(rider, '💬 我有话说'))
    expect(telegram.lastText({ chatId: rider.id })).toContain('这条留言是关于哪里的')
    expect(await ticketsOf(database.db, rider.id)).toHaveLength(0)
    await bot.handleUpdate(callbackUpdate(rider, 'fb:city:成都'))
    await bot.handleUpdate(callbackUpdate(rider, 'fb:kind:need'))
    await bot.handleUpdate(callbackUpdate(rider, 'fb:anon:1'))
    await bot.handleUpdate(textUpdate(rider, '想要更多充电桩'))
    expect(await ticketsOf(database.db, rider.id)).toMatchObject([{ anonymous: true }])
  })

  it('answers a stale form button outside the form and changes nothing', async () => {
    const rider = { id: 5006, first_name: '小孙' }
    const { bot, telegram } = setup()
    await bot.handleUpdate(callbackUpdate(rider, 'fb:kind:need'))
    expect(telegram.callsOf('answerCallbackQuery').at(-1)?.payload.text).toContain('失效')
    expect(await ticketsOf(database.db, rider.id)).toHaveLength(0)
  })
})

describe('the rate limit', () => {
  it('stops a worker after FEEDBACK_MAX_PER_HOUR messages with a friendly message', async () => {
    const rider = { id: 5010, first_name: '小周' }
    const { bot, telegram } = createTestBot(database.db, { now: () => clock, env: { FEEDBACK_MAX_PER_HOUR: '2' } })
    for (let index = 0; index < 2; index++) {
      await bot.handleUpdate(textUpdate(rider, '/feedback'))
      await bot.handleUpdate(callbackUpdate(rider, 'fb:city:成都'))
      await bot.handleUpdate(callbackUpdate(rider, 'fb:kind:need'))
      await bot.handleUpdate(callbackUpdate(rider, 'fb:anon:0'))
      await bot.handleUpdate(textUpdate(rider, `第 ${index + 1} 条`))
    }
    await bot.handleUpdate(textUpdate(rider, '/feedback'))
    expect(telegram.lastText({ chatId: rider.id })).toContain('歇一歇')
    expect(await ticketsOf(database.db, rider.id)).toHaveLength(2)
  })
})
