import { and, eq } from 'drizzle-orm'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../../../bot/config.js'
import { outbox, registrations } from '../../../db/schema/index.js'
import { run as runWaitlistOffers } from '../../../jobs/waitlist-offers.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { createTestEvent } from '../../helpers/events.js'
import { callbackUpdate, textUpdate } from '../../helpers/updates.js'

// Wednesday 2026-11-25 10:00 in Shanghai; events start Saturday 12月5日 09:00, cancel cut-off 12月4日 09:00.
const start = new Date('2026-11-25T02:00:00Z')
const HOUR = 3_600_000
let clock = start
let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => database.close())

const setup = () => createTestBot(database.db, { now: () => clock })
let nextUser = 8000
const newRider = () => ({ id: nextUser++, first_name: '老张' })
const mine = async (eventId: number, userId: number) =>
  (
    await database.db
      .select()
      .from(registrations)
      .where(and(eq(registrations.eventId, eventId), eq(registrations.userId, userId)))
  )[0]
const offersFor = (registrationId: number) => database.db.select().from(outbox).where(eq(outbox.registrationId, registrationId))

const runJob = (at: Date) =>
  runWaitlistOffers({ db: database.db, now: () => at, config: parseConfig({}), logger: pino({ level: 'silent' }), api: setup().bot.api })

/** An event with one seat: a holds it, b and c wait in that order. */
async function fullEvent(title: string) {
  const event = await createTestEvent(database.db, { title, capacity: 1 })
  const { bot, telegram } = setup()
  const [a, b, c] = [newRider(), newRider(), newRider()]
  for (const rider of [a, b, c]) await bot.handleUpdate(callbackUpdate(rider, `ev:join:${event.id}`))
  return { event, bot, telegram, a, b, c }
}

describe('waitlist', () => {
  it('puts workers in line with their position once the seats are gone', async () => {
    clock = start
    const { event, telegram, c } = await fullEvent('候补排队')
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('你现在排第 2 位')
    expect((await mine(event.id, c.id))?.status).toBe('waitlisted')
  })

  it('cancelling (after a confirm step) offers the seat to the next in line with an urgent outbox notice; accepting confirms', async () => {
    clock = start
    const { event, bot, telegram, a, b, c } = await fullEvent('递补')
    const aRegistration = await mine(event.id, a.id)
    await bot.handleUpdate(textUpdate(a, '/myevents'))
    expect(telegram.lastText({ method: 'sendMessage' })).toContain(`签到码 <b>${aRegistration?.code}</b>`)

    await bot.handleUpdate(callbackUpdate(a, `ev:cancel:${aRegistration?.id}`))
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('确定要取消「递补」的报名吗')
    expect((await mine(event.id, a.id))?.status).toBe('confirmed')
    await bot.handleUpdate(callbackUpdate(a, `ev:cancel-yes:${aRegistration?.id}`))
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('已取消「递补」的报名')
    expect((await mine(event.id, a.id))?.status).toBe('cancelled')

    const offered = await mine(event.id, b.id)
    expect(offered?.status).toBe('offered')
    expect(offered?.offerExpiresAt?.getTime()).toBe(clock.getTime() + 12 * HOUR)
    const [notice] = await offersFor(offered?.id ?? 0)
    expect(notice).toMatchObject({ userId: b.id, urgent: true, status: 'pending', dedupeKey: `offer:${offered?.id}:${clock.getTime()}` })
    expect(notice?.payload).toMatchObject({ method: 'sendMessage' })
    const payload = notice?.payload as { text: string; replyMarkup: { inline_keyboard: { callback_data: string }[][] } }
    expect(payload.text).toContain('有名额空出来了')
    expect(payload.replyMarkup.inline_keyboard[0]?.map((button) => button.callback_data)).toEqual([
      `ev:accept:${offered?.id}`,
      `ev:decline:${offered?.id}`,
    ])
    expect((await mine(event.id, c.id))?.status).toBe('waitlisted')

    // c cannot take b's offer with forged data; nothing changes.
    await bot.handleUpdate(callbackUpdate(c, `ev:accept:${offered?.id}`))
    expect(telegram.alerts().at(-1)).toContain('这不是你的报名')
    await bot.handleUpdate(callbackUpdate(c, `ev:cancel-yes:${offered?.id}`))
    expect(telegram.alerts().at(-1)).toContain('这不是你的报名')
    expect((await mine(event.id, b.id))?.status).toBe('offered')

    telegram.clear()
    await bot.handleUpdate(callbackUpdate(b, `ev:accept:${offered?.id}`))
    expect((await mine(event.id, b.id))?.status).toBe('confirmed')
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('报名成功')
    expect(telegram.callsOf('sendPhoto')).toHaveLength(1)
  })

  it('declining passes the seat on at once', async () => {
    clock = start
    const { event, bot, a, b, c } = await fullEvent('放弃')
    await bot.handleUpdate(callbackUpdate(a, `ev:cancel-yes:${(await mine(event.id, a.id))?.id}`))
    const offered = await mine(event.id, b.id)
    await bot.handleUpdate(callbackUpdate(b, `ev:decline:${offered?.id}`))
    expect((await mine(event.id, b.id))?.status).toBe('declined')
    const next = await mine(event.id, c.id)
    expect(next?.status).toBe('offered')
    expect(await offersFor(next?.id ?? 0)).toHaveLength(1)
    // b's own offer notice, still unsent, is withdrawn.
    expect((await offersFor(offered?.id ?? 0)).map((row) => row.status)).toEqual(['cancelled'])
  })

  it('expires unanswered offers when the job runs at a later clock, notifies, and offers the next', async () => {
    clock = start
    const { event, bot, a, b, c } = await fullEvent('过期')
    await bot.handleUpdate(callbackUpdate(a, `ev:cancel-yes:${(await mine(event.id, a.id))?.id}`))
    const offered = await mine(event.id, b.id)

    await runJob(new Date(start.getTime() + 11 * HOUR))
    expect((await mine(event.id, b.id))?.status).toBe('offered')

    await runJob(new Date(start.getTime() + 12 * HOUR))
    expect((await mine(event.id, b.id))?.status).toBe('expired')
    const notices = await offersFor(offered?.id ?? 0)
    const expiredNotice = notices.find((row) => row.kind === 'offer-expired')
    expect(expiredNotice).toMatchObject({ urgent: false, status: 'pending' })
    expect((expiredNotice?.payload as { text: string }).text).toContain('已经让给下一位')
    expect((await mine(event.id, c.id))?.status).toBe('offered')

    // A second run at the same clock changes nothing and queues nothing twice.
    const before = (await database.db.select().from(outbox)).length
    await runJob(new Date(start.getTime() + 12 * HOUR))
    expect((await database.db.select().from(outbox)).length).toBe(before)

    // b's late tap finds the offer gone.
    clock = new Date(start.getTime() + 13 * HOUR)
    await bot.handleUpdate(callbackUpdate(b, `ev:accept:${offered?.id}`))
    expect((await mine(event.id, b.id))?.status).toBe('expired')
  })

  it('makes offers last at most until the event starts', async () => {
    clock = new Date('2026-12-04T23:00:00Z') // 07:00 on the day; start at 09:00 (cut-off is later than usual here)
    const event = await createTestEvent(database.db, {
      title: '临近开始',
      capacity: 1,
      cancelClosesAt: new Date('2026-12-05T00:30:00Z'),
      registrationClosesAt: new Date('2026-12-05T00:30:00Z'),
    })
    const { bot } = setup()
    const [a, b] = [newRider(), newRider()]
    await bot.handleUpdate(callbackUpdate(a, `ev:join:${event.id}`))
    await bot.handleUpdate(callbackUpdate(b, `ev:join:${event.id}`))
    await bot.handleUpdate(callbackUpdate(a, `ev:cancel-yes:${(await mine(event.id, a.id))?.id}`))
    expect((await mine(event.id, b.id))?.offerExpiresAt?.toISOString()).toBe(event.startsAt.toISOString())
  })

  it('refuses to cancel after the cut-off and says until when it was possible', async () => {
    clock = start
    const { event, bot, telegram, a } = await fullEvent('截止')
    const registration = await mine(event.id, a.id)
    clock = new Date('2026-12-04T02:00:00Z')
    await bot.handleUpdate(callbackUpdate(a, `ev:cancel:${registration?.id}`))
    expect(telegram.alerts().at(-1)).toContain('已经过了取消截止时间 12月4日（周五）09:00')
    await bot.handleUpdate(callbackUpdate(a, `ev:cancel-yes:${registration?.id}`))
    expect(telegram.alerts().at(-1)).toContain('已经过了取消截止时间')
    expect((await mine(event.id, a.id))?.status).toBe('confirmed')
  })
})
