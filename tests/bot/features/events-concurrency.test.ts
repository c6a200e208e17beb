import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registrations } from '../../../db/schema/index.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { createTestEvent } from '../../helpers/events.js'
import { callbackUpdate } from '../../helpers/updates.js'

const clock = new Date('2026-11-25T02:00:00Z')
let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => database.close())

describe('a burst of registrations', () => {
  it('gives 70 seats to exactly 70 of 500 workers tapping at once, and puts the other 430 in line', { timeout: 180_000 }, async () => {
    const event = await createTestEvent(database.db, { title: '爱心午餐 70 份', capacity: 70 })
    const { bot, telegram } = createTestBot(database.db, { now: () => clock })
    const workers = Array.from({ length: 500 }, (_, index) => ({ id: 100_000 + index, first_name: `骑手${index}` }))
    await Promise.all(workers.map((worker) => bot.handleUpdate(callbackUpdate(worker, `ev:join:${event.id}`))))

    const rows = await database.db.select().from(registrations).where(eq(registrations.eventId, event.id))
    const count = (status: string) => rows.filter((row) => row.status === status).length
    expect(count('confirmed')).toBe(70)
    expect(count('waitlisted')).toBe(430)
    expect(new Set(rows.map((row) => row.userId)).size).toBe(500)
    expect(rows).toHaveLength(500)
    expect(new Set(rows.map((row) => row.code)).size).toBe(500)
    // Every worker got an answer: 70 QR codes, and a waitlist position for the rest.
    expect(telegram.callsOf('sendPhoto')).toHaveLength(70)
    const positions = telegram
      .callsOf('sendMessage')
      .map((call) => /排第 (\d+) 位/.exec(String(call.payload.text))?.[1])
      .filter(Boolean)
    expect(positions).toHaveLength(430)
  })
})
