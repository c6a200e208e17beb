import { eq } from 'drizzle-orm'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { parseConfig } from '../../../bot/config.js'
import { ticketNotices } from '../../../bot/ui/feedback-notices.js'
import { assignUnownedTickets } from '../../../core/ticket-assignment.js'
import { createTicket, type Draft } from '../../../core/tickets.js'
import { feedbackMessages, feedbackTickets, invites, organizerScopes, outbox, roleChanges } from '../../../db/schema/index.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { addUser, seedStations } from '../../helpers/feedback.js'
import { textUpdate } from '../../helpers/updates.js'

let database: TestDatabase | undefined
let ids: Record<'A' | 'B' | 'X', number>
const ADMIN = 9_400_001
const RIDER = 9_400_002
const env = { ADMIN_IDS: String(ADMIN), FEEDBACK_MAX_PER_HOUR: '100' }
const config = parseConfig(env)
const now = new Date('2026-11-25T02:00:00Z')

// An empty database for each test: the point is what happens before anyone can own a ticket.
beforeEach(async () => {
  await database?.close()
  database = await createTestDatabase()
  ids = await seedStations(database.db)
  await addUser(database.db, { id: RIDER, firstName: '小李' })
})
afterAll(async () => database?.close())

const db = () => {
  if (database === undefined) throw new Error('no database')
  return database.db
}
const setup = () => createTestBot(db(), { env, now: () => now })
async function file(draft: Partial<Draft> = {}) {
  const result = await createTicket(
    { db: db(), config, now: () => now },
    ticketNotices,
    { id: RIDER },
    {
      subject: { kind: 'station', stationId: ids.A },
      category: 'need',
      anonymous: false,
      content: { kind: 'text', text: '想要一个充电柜', fileId: null },
      ...draft,
    },
  )
  if (result.kind !== 'created') throw new Error(result.kind)
  expect(result.ticket.assigneeId).toBeNull()
  return result.ticket
}
const ticketRow = async (id: number) => (await db().select().from(feedbackTickets).where(eq(feedbackTickets.id, id)))[0]
const noticesTo = async (userId: number) =>
  (await db().select().from(outbox).where(eq(outbox.userId, userId))).filter((row) => row.kind === 'feedback-notice')

describe('feedback filed before any organizer or admin exists', () => {
  it('goes to the ADMIN_IDS admin on their first message, who is told once', async () => {
    const filed = await file()
    const { bot } = setup()
    await bot.handleUpdate(textUpdate({ id: ADMIN, first_name: '王老师' }, '/start'))
    await bot.handleUpdate(textUpdate({ id: ADMIN, first_name: '王老师' }, '/start'))
    expect((await ticketRow(filed.id))?.assigneeId).toBe(ADMIN)
    const notices = await noticesTo(ADMIN)
    expect(notices).toHaveLength(1)
    expect(JSON.stringify(notices[0]?.payload)).toContain(`#${filed.number}`)
    // A second instance running the same assignment finds nothing left.
    expect(await assignUnownedTickets(db(), ticketNotices, now)).toBe(0)
    const history = await db().select().from(feedbackMessages).where(eq(feedbackMessages.ticketId, filed.id))
    expect(history.map((message) => message.text)).toContain(`assigned:${ADMIN}`)
  })

  it('never notices twice when two instances assign at once', async () => {
    const filed = await file()
    await addUser(db(), { id: ADMIN, firstName: '王老师', role: 'admin' })
    const counts = await Promise.all([assignUnownedTickets(db(), ticketNotices, now), assignUnownedTickets(db(), ticketNotices, now)])
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1)
    expect((await ticketRow(filed.id))?.assigneeId).toBe(ADMIN)
    expect(await noticesTo(ADMIN)).toHaveLength(1)
  })

  it('goes to the organizer appointed with /appoint when routing prefers them', async () => {
    // An admin in the database only (not ADMIN_IDS), made after the ticket was filed.
    const filed = await file()
    const admin = 9_400_010
    const organizer = 9_400_011
    await addUser(db(), { id: admin, firstName: '管理员', role: 'admin' })
    await addUser(db(), { id: organizer, firstName: '成都老师' })
    const { bot } = setup()
    await bot.handleUpdate(textUpdate({ id: admin }, `/appoint ${organizer} 成都`))
    expect((await ticketRow(filed.id))?.assigneeId).toBe(organizer)
    expect(await noticesTo(organizer)).toHaveLength(1)
  })

  it('goes to an organizer who accepts an invite', async () => {
    const filed = await file({ subject: { kind: 'city', city: '西安' } })
    const admin = 9_400_020
    const organizer = 9_400_021
    await addUser(db(), { id: admin, firstName: '管理员', role: 'admin' })
    await addUser(db(), { id: organizer, firstName: '西安老师' })
    await db()
      .insert(invites)
      .values({ code: 'xianInvite1', city: '西安', createdBy: admin, expiresAt: new Date(now.getTime() + 3_600_000) })
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate({ id: organizer }, '/start org_xianInvite1'))
    expect(telegram.lastText({ chatId: organizer, method: 'sendMessage' })).toContain('组织者')
    expect((await ticketRow(filed.id))?.assigneeId).toBe(organizer)
    expect(await noticesTo(organizer)).toHaveLength(1)
    expect(await db().select().from(roleChanges)).toHaveLength(1)
    expect(await db().select().from(organizerScopes)).toHaveLength(1)
  })

  it('shows admins the tickets nobody owns as their own 未分配 group in /inbox', async () => {
    const filed = await file()
    const admin = 9_400_030
    await addUser(db(), { id: admin, firstName: '管理员', role: 'admin' })
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate({ id: admin }, '/inbox'))
    const text = telegram.lastText({ chatId: admin, method: 'sendMessage' })
    expect(text).toContain('未分配')
    expect(text.indexOf('未分配')).toBeLessThan(text.indexOf(filed.number))
  })

  it('goes to the next responsible organizer when its owner is demoted', async () => {
    const admin = 9_400_040
    const first = 9_400_041
    const second = 9_400_042
    await addUser(db(), { id: admin, firstName: '管理员', role: 'admin' })
    await addUser(db(), { id: first, firstName: '甲老师', role: 'organizer' })
    await addUser(db(), { id: second, firstName: '乙老师', role: 'organizer' })
    const result = await createTicket(
      { db: db(), config, now: () => now },
      ticketNotices,
      { id: RIDER },
      {
        subject: { kind: 'station', stationId: ids.A },
        category: 'need',
        anonymous: false,
        content: { kind: 'text', text: '充电桩坏了', fileId: null },
      },
    )
    if (result.kind !== 'created') throw new Error(result.kind)
    expect(result.ticket.assigneeId).toBe(first)
    const { bot } = setup()
    await bot.handleUpdate(textUpdate({ id: admin }, `/demote ${first}`))
    expect((await ticketRow(result.ticket.id))?.assigneeId).toBe(second)
    expect(await noticesTo(second)).toHaveLength(1)
  })
})
