import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { events } from '../../db/schema/index.js'
import { run } from '../../jobs/registration-closing.js'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { insertEvent, insertRegistration, insertUser, insertView, jobDeps, queued } from '../helpers/reminders.js'

let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => database.close())

const sh = (local: string) => new Date(`${local}+08:00`)
const runAt = (local: string) => run(jobDeps(database.db, sh(local)))

let nextUser = 62_000
const viewer = async (eventId: number, locale?: string) => {
  const userId = await insertUser(database.db, nextUser++, locale === undefined ? {} : { locale })
  await insertView(database.db, eventId, userId)
  return userId
}

describe('the "registration closes soon" notice', () => {
  it('goes once to workers who opened the event and hold no active registration', async () => {
    const closesAt = sh('2027-01-05T18:00')
    const eventId = await insertEvent(database.db, {
      startsAt: sh('2027-01-06T09:00'),
      registrationClosesAt: closesAt,
      title: '匠星<大赛>',
    })
    const onlyLooked = await viewer(eventId)
    const english = await viewer(eventId, 'en')
    const gaveUp = await viewer(eventId)
    await insertRegistration(database.db, { eventId, userId: gaveUp, status: 'cancelled' })
    const registered = []
    for (const status of ['confirmed', 'offered', 'waitlisted'] as const) {
      const userId = await viewer(eventId)
      await insertRegistration(database.db, { eventId, userId, status })
      registered.push(userId)
    }
    const neverLooked = await insertUser(database.db, nextUser++)

    await runAt('2027-01-04T17:59')
    expect(await queued(database.db, `closing:${eventId}:`)).toHaveLength(0)

    await runAt('2027-01-04T18:00')
    await runAt('2027-01-04T18:05')
    const rows = await queued(database.db, `closing:${eventId}:`)
    expect(rows.map((row) => row.userId).sort()).toEqual([onlyLooked, english, gaveUp].sort())
    expect(rows.map((row) => row.userId)).not.toContain(neverLooked)
    for (const row of rows) {
      expect(row.dedupeKey).toBe(`closing:${eventId}:${row.userId}`)
      expect(row.expiresAt?.toISOString()).toBe(closesAt.toISOString())
      expect(row.kind).toBe('registration-closing')
      expect(row.urgent).toBe(false)
      expect(row.payload).toMatchObject({
        method: 'sendMessage',
        parseMode: 'HTML',
        replyMarkup: { inline_keyboard: [[{ callback_data: `ev:view:${eventId}` }]] },
      })
    }
    const text = (userId: number) => {
      const payload = rows.find((row) => row.userId === userId)?.payload
      return payload?.method === 'sendMessage' ? payload.text : ''
    }
    expect(text(onlyLooked)).toContain('匠星&lt;大赛&gt;')
    expect(text(onlyLooked)).toContain('1月5日（周二）18:00')
    expect(text(english)).toContain('Registration for')
  })

  it('is not sent for deadlines more than a day away, past ones, closed registration, or unpublished events', async () => {
    const far = await insertEvent(database.db, { startsAt: sh('2027-02-03T09:00'), registrationClosesAt: sh('2027-02-02T18:01') })
    const past = await insertEvent(database.db, { startsAt: sh('2027-02-02T09:00'), registrationClosesAt: sh('2027-02-01T17:00') })
    const closed = await insertEvent(database.db, {
      startsAt: sh('2027-02-02T09:00'),
      registrationClosesAt: sh('2027-02-01T20:00'),
      registrationClosed: true,
    })
    const cancelled = await insertEvent(database.db, { startsAt: sh('2027-02-02T09:00'), registrationClosesAt: sh('2027-02-01T20:00') })
    await database.db.update(events).set({ status: 'cancelled' }).where(eq(events.id, cancelled))
    const draft = await insertEvent(database.db, {
      startsAt: sh('2027-02-02T09:00'),
      registrationClosesAt: sh('2027-02-01T20:00'),
      status: 'draft',
    })
    for (const eventId of [far, past, closed, cancelled, draft]) await viewer(eventId)

    await runAt('2027-02-01T18:00')
    for (const eventId of [far, past, closed, cancelled, draft]) {
      expect(await queued(database.db, `closing:${eventId}:`)).toHaveLength(0)
    }
    await runAt('2027-02-01T18:01')
    expect(await queued(database.db, `closing:${far}:`)).toHaveLength(1)
  })

  it('is queued once when two instances run at the same moment', async () => {
    const eventId = await insertEvent(database.db, { startsAt: sh('2027-03-02T09:00'), registrationClosesAt: sh('2027-03-01T20:00') })
    await viewer(eventId)
    await viewer(eventId)
    const deps = jobDeps(database.db, sh('2027-03-01T08:00'))
    await Promise.all([run(deps), run(deps)])
    expect(await queued(database.db, `closing:${eventId}:`)).toHaveLength(2)
  })
})
