import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { feedbackStats } from '../../../db/repositories/feedback-stats.js'
import {
  addMessage,
  countWorkerMessagesSince,
  insertTicket,
  listInbox,
  randomTicketNumber,
  updateTicket,
} from '../../../db/repositories/feedback.js'
import { addScope } from '../../../db/repositories/roles.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { addUser, seedStations } from '../../helpers/feedback.js'

const HOUR = 3_600_000
const t0 = new Date('2026-11-25T02:00:00Z')
let database: TestDatabase
let ids: Record<'A' | 'B' | 'X', number>

beforeAll(async () => {
  database = await createTestDatabase()
  ids = await seedStations(database.db)
  await addUser(database.db, { id: 8001, firstName: '成都', role: 'organizer' })
  await addScope(database.db, { userId: 8001, city: '成都', createdBy: null })
  await addUser(database.db, { id: 8002, firstName: '总管', role: 'admin' })
})
afterAll(async () => database.close())

const ticket = (stationId: number | null, city: string, offsetHours: number, userId = 9001) =>
  insertTicket(
    database.db,
    {
      userId,
      anonymous: false,
      stationId,
      eventId: null,
      city,
      category: 'need',
      assigneeId: null,
      dueAt: new Date(t0.getTime() + (offsetHours + 24) * HOUR),
      now: new Date(t0.getTime() + offsetHours * HOUR),
    },
    { kind: 'text', text: 'x', fileId: null },
  )

describe('ticket numbers', () => {
  it('are five characters without look-alikes (0/O, 1/I/L)', () => {
    expect(randomTicketNumber(() => 0)).toBe('22222')
    expect(randomTicketNumber(() => 0.999)).toBe('ZZZZZ')
    for (let index = 0; index < 200; index++) expect(randomTicketNumber()).toMatch(/^[2-9A-HJKMNP-Z]{5}$/)
  })
})

describe('the feedback repository', () => {
  it('scopes the inbox to the organizer and puts overdue and new tickets first', async () => {
    const old = await ticket(ids.A, '成都', 0)
    const answered = await ticket(ids.B, '成都', -100)
    await updateTicket(database.db, answered.id, {
      status: 'answered',
      firstAnsweredAt: new Date(t0.getTime() - 97 * HOUR),
      answeredAt: t0,
    })
    const fresh = await ticket(null, '成都', 20)
    const elsewhere = await ticket(ids.X, '西安', 0)
    const now = new Date(t0.getTime() + 30 * HOUR)
    const organizerView = await listInbox(database.db, { id: 8001, role: 'organizer' }, now, 10)
    expect(organizerView.map((item) => item.id)).toEqual([old.id, fresh.id, answered.id])
    expect(organizerView[0]?.stationName).toBe('成都测试驿站A')
    const adminView = await listInbox(database.db, { id: 8002, role: 'admin' }, now, 10)
    expect(adminView.map((item) => item.id)).toContain(elsewhere.id)
  })

  it("counts a worker's messages of the last hour for the rate limit", async () => {
    const first = await ticket(null, '成都', 0, 9100)
    await addMessage(database.db, {
      ticketId: first.id,
      author: 'worker',
      authorId: 9100,
      kind: 'text',
      text: 'y',
      fileId: null,
      createdAt: new Date(t0.getTime() + 0.5 * HOUR),
    })
    await addMessage(database.db, {
      ticketId: first.id,
      author: 'organizer',
      authorId: 8001,
      kind: 'text',
      text: 'z',
      fileId: null,
      createdAt: new Date(t0.getTime() + 0.5 * HOUR),
    })
    expect(await countWorkerMessagesSince(database.db, 9100, t0)).toBe(2)
    expect(await countWorkerMessagesSince(database.db, 9100, new Date(t0.getTime() + 0.25 * HOUR))).toBe(1)
  })

  it('reports the median time to the first answer over the tickets the organizer sees', async () => {
    const stats = await feedbackStats(database.db, { id: 8001, role: 'organizer' })
    expect(stats.medianFirstAnswerHours).toBe(3)
    expect(stats.byStatus).toContainEqual({ key: 'answered', count: 1 })
    expect(stats.byStation.map((row) => row.key)).not.toContain('西安测试驿站X')
  })
})
