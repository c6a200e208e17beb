import { eq } from 'drizzle-orm'
import { Api } from 'grammy'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../../bot/config.js'
import type { JobDeps } from '../../bot/context.js'
import { ticketNotices } from '../../bot/ui/feedback-notices.js'
import { createTicket } from '../../core/tickets.js'
import { feedbackTickets, outbox, stationReports, stations } from '../../db/schema/index.js'
import { run as digest } from '../../jobs/feedback-digest.js'
import { run as escalate } from '../../jobs/feedback-escalation.js'
import { createTestBot } from '../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { addUser, seedChengduOrganizer } from '../helpers/feedback.js'
import { textUpdate } from '../helpers/updates.js'

const HOUR = 3_600_000
/** Filed on Wednesday 2026-11-25 at 10:00 Shanghai time. */
const filedAt = new Date('2026-11-25T02:00:00Z')
const organizer = { id: 7201, first_name: '成都组织者' }
const admins = [7301, 7302]
const rider = { id: 5201, first_name: '秘密骑手乙', username: 'secret_rider_b' }
const env = { FEEDBACK_FIRST_ANSWER_HOURS: '24', FEEDBACK_ESCALATE_HOURS: '48', FEEDBACK_MAX_PER_HOUR: '100' }
const config = parseConfig(env)

let database: TestDatabase
let ids: Record<'A' | 'B' | 'X', number>
let overdueId = 0
let answeredId = 0

const deps = (now: Date): JobDeps => ({
  config,
  db: database.db,
  logger: pino({ level: 'silent' }),
  now: () => now,
  api: new Api('1:test'),
})
const rowsOf = async (kind: string) => database.db.select().from(outbox).where(eq(outbox.kind, kind)).orderBy(outbox.id)

beforeAll(async () => {
  database = await createTestDatabase()
  ids = await seedChengduOrganizer(database.db, organizer)
  for (const id of admins) await addUser(database.db, { id, firstName: `管理员${id}`, role: 'admin' })
  await addUser(database.db, { id: rider.id, firstName: rider.first_name, username: rider.username })
  const file = async (anonymous: boolean) => {
    const result = await createTicket(
      { db: database.db, config, now: () => filedAt },
      ticketNotices,
      { id: rider.id },
      {
        subject: { kind: 'station', stationId: ids.A },
        category: 'need',
        anonymous,
        content: { kind: 'text', text: '需要热水', fileId: null },
      },
    )
    if (result.kind !== 'created') throw new Error(result.kind)
    return result.ticket.id
  }
  overdueId = await file(true)
  answeredId = await file(false)
  await database.db
    .update(feedbackTickets)
    .set({ status: 'answered', firstAnsweredAt: filedAt, answeredAt: filedAt })
    .where(eq(feedbackTickets.id, answeredId))
})
afterAll(async () => database.close())

describe('overdue tickets', () => {
  it('are flagged and listed first in the inbox once the first-answer time has passed', async () => {
    const early = createTestBot(database.db, { now: () => new Date(filedAt.getTime() + 23 * HOUR), env })
    await early.bot.handleUpdate(textUpdate(organizer, '/inbox'))
    expect(early.telegram.lastText({ chatId: organizer.id })).not.toContain('⏰')
    const late = createTestBot(database.db, { now: () => new Date(filedAt.getTime() + 25 * HOUR), env })
    await late.bot.handleUpdate(textUpdate(organizer, '/inbox'))
    const lines = late.telegram.lastText({ chatId: organizer.id }).split('\n')
    expect(lines[1]).toMatch(/^⏰/)
    expect(lines.filter((line) => line.startsWith('⏰'))).toHaveLength(1)
  })
})

describe('the daily digest', () => {
  it('queues nothing before anything is overdue', async () => {
    await digest(deps(new Date(filedAt.getTime() + 23 * HOUR)))
    expect(await rowsOf('feedback-digest')).toHaveLength(0)
  })

  it('sends each owner one list of their overdue tickets per Shanghai day from the digest time, without the sender', async () => {
    // Thursday 09:00 Shanghai, 23 hours after filing: not yet due. Friday 09:00: overdue.
    const friday = new Date('2026-11-27T01:00:00Z')
    await digest(deps(new Date(friday.getTime() - 60_000)))
    expect(await rowsOf('feedback-digest')).toHaveLength(0)
    await digest(deps(friday))
    await digest(deps(new Date(friday.getTime() + HOUR)))
    const rows = await rowsOf('feedback-digest')
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ userId: organizer.id, dedupeKey: `feedback-digest:${organizer.id}:2026-11-27` })
    const text = JSON.stringify(rows[0]?.payload)
    const [overdue, answered] = await Promise.all(
      [overdueId, answeredId].map(async (id) => (await database.db.select().from(feedbackTickets).where(eq(feedbackTickets.id, id)))[0]),
    )
    expect(text).toContain(`#${overdue?.number}`)
    expect(text).not.toContain(`#${answered?.number}`)
    for (const secret of [String(rider.id), rider.first_name, rider.username]) expect(text).not.toContain(secret)
    await digest(deps(new Date('2026-11-28T01:00:00Z')))
    expect(await rowsOf('feedback-digest')).toHaveLength(2)
  })

  it('logs what this run queued, so the second instance on the same day says it queued nothing', async () => {
    const lines: Record<string, unknown>[] = []
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) })
    const sunday = new Date('2026-11-29T01:00:00Z')
    await Promise.all([digest({ ...deps(sunday), logger }), digest({ ...deps(sunday), logger })])
    const said = lines.map(({ msg, owners, tickets, messages }) => ({ msg, owners, tickets, messages }))
    expect(said).toContainEqual({ msg: 'feedback digest queued', owners: 1, tickets: 1, messages: 1 })
    expect(said).toContainEqual({
      msg: 'feedback digest already queued today (by another run or instance)',
      owners: 1,
      tickets: undefined,
      messages: undefined,
    })
  })
})

describe('the weekly freshness part of the digest', () => {
  it('on Mondays lists each owner’s stations not verified for 90 days and their open reports', async () => {
    const monday = new Date('2026-11-30T01:00:00Z')
    await database.db.update(stations).set({ lastVerified: '2026-11-01' }).where(eq(stations.id, ids.A))
    await database.db.update(stations).set({ lastVerified: '2026-08-01' }).where(eq(stations.id, ids.B))
    await database.db.insert(stationReports).values({ stationId: ids.A, userId: rider.id, kind: 'no_hot_water' })
    await digest(deps(monday))
    const mondayRows = (await rowsOf('feedback-digest')).filter((row) => row.dedupeKey?.includes('2026-11-30'))
    const textFor = (userId: number) => {
      const payload = mondayRows.find((row) => row.userId === userId)?.payload
      return payload !== undefined && 'text' in payload ? payload.text : ''
    }
    // The organizer: the overdue ticket as every day, then their stations.
    expect(textFor(organizer.id)).toMatch(/今日超时留言[\s\S]*本周驿站信息/)
    expect(textFor(organizer.id)).toContain('超过 90 天没有核实的驿站 1 个：成都测试驿站B。')
    expect(textFor(organizer.id)).toContain('骑手反馈待处理 1 条')
    // 西安 has no organizer: its station is the admins' to check, and they get a digest for it alone.
    for (const admin of admins) {
      expect(textFor(admin)).toContain('超过 90 天没有核实的驿站 1 个：西安测试驿站X。')
      expect(textFor(admin)).not.toContain('今日超时留言')
    }
    await digest(deps(new Date('2026-12-01T01:00:00Z')))
    const tuesday = (await rowsOf('feedback-digest')).filter((row) => row.dedupeKey?.includes('2026-12-01'))
    expect(tuesday.map((row) => row.userId)).toEqual([organizer.id])
    expect(JSON.stringify(tuesday[0]?.payload)).not.toContain('本周驿站信息')
  })
})

describe('escalation', () => {
  it('goes to every admin once, after the escalation limit, and records when', async () => {
    const due = filedAt.getTime() + 24 * HOUR
    await escalate(deps(new Date(due + 47 * HOUR)))
    expect(await rowsOf('feedback-escalation')).toHaveLength(0)
    const at = new Date(due + 49 * HOUR)
    await escalate(deps(at))
    await escalate(deps(new Date(due + 50 * HOUR)))
    const rows = await rowsOf('feedback-escalation')
    expect(rows.map((row) => row.userId).sort()).toEqual(admins)
    expect(rows.map((row) => row.dedupeKey).sort()).toEqual(admins.map((id) => `feedback-escalation:${overdueId}:${id}`))
    for (const secret of [String(rider.id), rider.first_name, rider.username]) expect(JSON.stringify(rows)).not.toContain(secret)
    const [ticket] = await database.db.select().from(feedbackTickets).where(eq(feedbackTickets.id, overdueId))
    expect(ticket?.escalatedAt).toEqual(at)
  })
})
