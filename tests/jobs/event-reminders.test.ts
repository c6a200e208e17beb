import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { events } from '../../db/schema/index.js'
import { run } from '../../jobs/event-reminders.js'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { insertEvent, insertRegistration, insertSlot, insertStation, insertUser, jobDeps, queued } from '../helpers/reminders.js'

let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => database.close())

/** An instant given as Asia/Shanghai wall-clock time. */
const sh = (local: string) => new Date(`${local}+08:00`)
const runAt = (local: string, env: Record<string, string> = {}) => run(jobDeps(database.db, sh(local), env))

let nextUser = 61_000
async function registered(
  startsAt: Date,
  options: { status?: 'confirmed' | 'offered' | 'waitlisted' | 'cancelled'; locale?: string } = {},
) {
  const userId = await insertUser(database.db, nextUser++, options.locale === undefined ? {} : { locale: options.locale })
  const eventId = await insertEvent(database.db, { startsAt, title: '爱心<午餐>' })
  const registrationId = await insertRegistration(database.db, { eventId, userId, status: options.status ?? 'confirmed' })
  return { userId, eventId, registrationId }
}

describe('the day-before reminder', () => {
  it('is queued once from 20:00 Shanghai time the day before, with everything the worker needs', async () => {
    const stationId = await insertStation(database.db, { name: '徐汇暖新驿站', address: '漕溪北路 88 号' })
    const userId = await insertUser(database.db, nextUser++)
    const eventId = await insertEvent(database.db, { startsAt: sh('2026-12-02T09:00'), title: '爱心<午餐>', stationId })
    const registrationId = await insertRegistration(database.db, { eventId, userId })

    await runAt('2026-12-01T19:59')
    expect(await queued(database.db, `reminder:day:${registrationId}`)).toHaveLength(0)

    await runAt('2026-12-01T20:00')
    const [row, ...rest] = await queued(database.db, `reminder:day:${registrationId}`)
    expect(rest).toHaveLength(0)
    expect(row).toMatchObject({ userId, kind: 'reminder-day', urgent: false, registrationId, status: 'pending' })
    expect(row?.expiresAt?.toISOString()).toBe(sh('2026-12-02T09:00').toISOString())
    const payload = row?.payload
    expect(payload).toMatchObject({ method: 'sendMessage', parseMode: 'HTML' })
    const text = payload?.method === 'sendMessage' ? payload.text : ''
    expect(text).toContain('明天')
    expect(text).toContain('爱心&lt;午餐&gt;')
    expect(text).toContain('12月2日（周三）09:00–11:00')
    expect(text).toContain('徐汇暖新驿站 · 漕溪北路 88 号')
    expect(text).toMatch(/<code>R\d+<\/code>/)
    expect(text).toContain('请在 12月2日（周三）06:00 前取消')
    expect(text).toContain('/myevents')

    await runAt('2026-12-01T20:01')
    await runAt('2026-12-01T23:00')
    expect(await queued(database.db, `reminder:day:${registrationId}`)).toHaveLength(1)
  })

  it('is queued only once when two instances run the job at the same moment', async () => {
    const { registrationId } = await registered(sh('2026-12-05T10:00'))
    const deps = jobDeps(database.db, sh('2026-12-04T20:00'))
    await Promise.all([run(deps), run(deps), run(deps)])
    expect(await queued(database.db, `reminder:day:${registrationId}`)).toHaveLength(1)
  })

  it('still comes after downtime later that evening or the next morning, but not once the event has started', async () => {
    const evening = await registered(sh('2026-12-08T09:00'))
    await runAt('2026-12-07T23:30')
    expect(await queued(database.db, `reminder:day:${evening.registrationId}`)).toHaveLength(1)

    // First run the next morning, three hours before the start: still useful, and says "today".
    const morning = await registered(sh('2026-12-08T10:00'), { locale: 'en' })
    await runAt('2026-12-08T07:00')
    const [row] = await queued(database.db, `reminder:day:${morning.registrationId}`)
    const text = row?.payload.method === 'sendMessage' ? row.payload.text : ''
    expect(text).toContain('You have an event today')
    expect(text).toContain('Tue 8/12 10:00–12:00')

    // First run after the start: nothing at all.
    const afterStart = await registered(sh('2026-12-08T07:30'))
    await runAt('2026-12-08T08:01')
    expect(await queued(database.db, `reminder:day:${afterStart.registrationId}`)).toHaveLength(0)
    expect(await queued(database.db, `reminder:soon:${afterStart.registrationId}`)).toHaveLength(0)
  })

  it('is not sent when the two-hour reminder is already due (first run shortly before the start)', async () => {
    const { registrationId } = await registered(sh('2026-12-11T09:00'))
    await runAt('2026-12-11T07:10')
    expect(await queued(database.db, `reminder:day:${registrationId}`)).toHaveLength(0)
    expect(await queued(database.db, `reminder:soon:${registrationId}`)).toHaveLength(1)
  })

  it('uses Shanghai dates, not UTC ones, for starts just after Shanghai midnight', async () => {
    // 07:30 on the 15th in Shanghai is still the 14th in UTC: a UTC calendar would remind a day early.
    const early = await registered(sh('2026-12-15T07:30'))
    // 00:30 on the 16th in Shanghai is 16:30 UTC on the 15th: its day before is the 15th, not the 14th.
    const late = await registered(sh('2026-12-16T00:30'))
    await runAt('2026-12-13T23:59')
    await runAt('2026-12-14T19:59')
    expect(await queued(database.db, `reminder:day:${early.registrationId}`)).toHaveLength(0)
    expect(await queued(database.db, `reminder:day:${late.registrationId}`)).toHaveLength(0)

    await runAt('2026-12-14T20:00')
    expect(await queued(database.db, `reminder:day:${early.registrationId}`)).toHaveLength(1)
    expect(await queued(database.db, `reminder:day:${late.registrationId}`)).toHaveLength(0)
    await runAt('2026-12-15T19:59')
    expect(await queued(database.db, `reminder:day:${late.registrationId}`)).toHaveLength(0)
    await runAt('2026-12-15T20:00')
    expect(await queued(database.db, `reminder:day:${late.registrationId}`)).toHaveLength(1)
  })

  it('gives the same answer when the process runs in another time zone', async () => {
    const saved = process.env.TZ
    process.env.TZ = 'America/Los_Angeles'
    try {
      const { registrationId } = await registered(sh('2026-12-18T08:00'))
      await runAt('2026-12-17T19:30')
      expect(await queued(database.db, `reminder:day:${registrationId}`)).toHaveLength(0)
      await runAt('2026-12-17T20:00')
      const [row] = await queued(database.db, `reminder:day:${registrationId}`)
      expect(row?.payload.method === 'sendMessage' && row.payload.text).toContain('12月18日（周五）08:00–10:00')
    } finally {
      if (saved === undefined) delete process.env.TZ
      else process.env.TZ = saved
    }
  })

  it('follows REMINDER_DAY_BEFORE_HOUR', async () => {
    const { registrationId } = await registered(sh('2026-12-21T15:00'))
    await runAt('2026-12-20T17:59', { REMINDER_DAY_BEFORE_HOUR: '18' })
    expect(await queued(database.db, `reminder:day:${registrationId}`)).toHaveLength(0)
    await runAt('2026-12-20T18:00', { REMINDER_DAY_BEFORE_HOUR: '18' })
    expect(await queued(database.db, `reminder:day:${registrationId}`)).toHaveLength(1)
  })
})

describe('the two-hour reminder', () => {
  it('is queued from two hours before the start, once, expiring at the start', async () => {
    const { registrationId, userId } = await registered(sh('2026-12-23T14:00'))
    await runAt('2026-12-23T11:59')
    expect(await queued(database.db, `reminder:soon:${registrationId}`)).toHaveLength(0)
    await runAt('2026-12-23T12:00')
    await runAt('2026-12-23T12:30')
    const rows = await queued(database.db, `reminder:soon:${registrationId}`)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ userId, kind: 'reminder-soon', urgent: false, registrationId })
    expect(rows[0]?.expiresAt?.toISOString()).toBe(sh('2026-12-23T14:00').toISOString())
    expect(rows[0]?.payload.method === 'sendMessage' && rows[0].payload.text).toContain('大约 2 小时后开始')
  })

  it('follows a registration time slot, and shows the slot', async () => {
    const userId = await insertUser(database.db, nextUser++)
    const eventId = await insertEvent(database.db, {
      startsAt: sh('2026-12-26T09:00'),
      endsAt: sh('2026-12-26T17:00'),
      title: '免费体检',
      address: '',
    })
    const slotId = await insertSlot(database.db, eventId, sh('2026-12-26T14:00'))
    const registrationId = await insertRegistration(database.db, { eventId, userId, slotId })
    await runAt('2026-12-26T11:59')
    expect(await queued(database.db, `reminder:soon:${registrationId}`)).toHaveLength(0)
    await runAt('2026-12-26T12:00')
    const [row] = await queued(database.db, `reminder:soon:${registrationId}`)
    expect(row?.expiresAt?.toISOString()).toBe(sh('2026-12-26T14:00').toISOString())
    const text = row?.payload.method === 'sendMessage' ? row.payload.text : ''
    expect(text).toContain('你的时段：12月26日（周六）14:00–14:30')
    expect(text).not.toContain('📍')
    expect(text).toContain('已过取消截止时间')
  })
})

describe('who gets reminders', () => {
  it('reminds offered seats but not waitlisted, cancelled, blocked, or registrants of cancelled and draft events', async () => {
    const start = sh('2026-12-29T10:00')
    const offered = await registered(start, { status: 'offered' })
    const waitlisted = await registered(start, { status: 'waitlisted' })
    const cancelled = await registered(start, { status: 'cancelled' })
    const cancelledEvent = await registered(start)
    await database.db.update(events).set({ status: 'cancelled' }).where(eq(events.id, cancelledEvent.eventId))
    const draft = await registered(start)
    await database.db.update(events).set({ status: 'draft' }).where(eq(events.id, draft.eventId))
    const blockedUser = await insertUser(database.db, nextUser++, { blockedAt: new Date() })
    const blocked = await insertRegistration(database.db, {
      eventId: await insertEvent(database.db, { startsAt: start }),
      userId: blockedUser,
    })

    await runAt('2026-12-28T20:00')
    await runAt('2026-12-29T08:00')
    const offeredRows = await queued(database.db, `reminder:day:${offered.registrationId}`)
    expect(offeredRows).toHaveLength(1)
    expect(offeredRows[0]?.payload.method === 'sendMessage' && offeredRows[0].payload.text).toContain('候补转正')
    expect(await queued(database.db, `reminder:soon:${offered.registrationId}`)).toHaveLength(1)
    for (const registrationId of [
      waitlisted.registrationId,
      cancelled.registrationId,
      cancelledEvent.registrationId,
      draft.registrationId,
      blocked,
    ]) {
      expect(await queued(database.db, `reminder:day:${registrationId}`)).toHaveLength(0)
      expect(await queued(database.db, `reminder:soon:${registrationId}`)).toHaveLength(0)
    }
  })
})
