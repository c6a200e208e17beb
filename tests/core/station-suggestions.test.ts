import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { suggestionNotices } from '../../bot/features/station-suggestions/notices.js'
import {
  approveSuggestion,
  declineSuggestion,
  forgetSuggestions,
  MAX_PENDING_SUGGESTIONS,
  submitSuggestion,
  type SuggestionDraft,
} from '../../core/station-suggestions.js'
import { addScope } from '../../db/repositories/roles.js'
import { feedbackTickets, stationChanges, stations, stationSuggestions } from '../../db/schema/index.js'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { addUser, outboxFor, seedStations } from '../helpers/feedback.js'

let database: TestDatabase
let ids: Record<'A' | 'B' | 'X', number>
const now = new Date('2026-11-25T02:00:00Z')
const config = { feedbackMaxPerHour: 100, feedbackFirstAnswerHours: 24 }
const deps = () => ({ db: database.db, now: () => now, config })
const chengdu = { id: 8101, role: 'organizer' as const }
const xian = { id: 8102, role: 'organizer' as const }
let rider = 8200

beforeAll(async () => {
  database = await createTestDatabase()
  ids = await seedStations(database.db)
  await addUser(database.db, { id: chengdu.id, firstName: '成都组织者', role: 'organizer' })
  await addUser(database.db, { id: xian.id, firstName: '西安组织者', role: 'organizer' })
  await addScope(database.db, { userId: chengdu.id, city: '成都', createdBy: null })
  await addScope(database.db, { userId: xian.id, city: '西安', createdBy: null })
})
afterAll(async () => database.close())

async function newRider() {
  rider++
  await addUser(database.db, { id: rider, firstName: '骑手' })
  return rider
}

const draft = (over: Partial<SuggestionDraft> = {}): SuggestionDraft => ({
  lat: 30.6555,
  lng: 104.065,
  name: '喜乐驿站',
  amenities: ['hot_water', 'toilet'],
  note: '9:30-21:00，社区管',
  photoFileId: null,
  ...over,
})

async function submit(userId: number, over: Partial<SuggestionDraft> = {}) {
  const result = await submitSuggestion(deps(), suggestionNotices, { id: userId }, draft(over))
  if (result.kind !== 'submitted') throw new Error(result.kind)
  return result.suggestion
}

const suggestionRow = async (id: number) => (await database.db.select().from(stationSuggestions).where(eq(stationSuggestions.id, id)))[0]
const ticketRow = async (id: number | null) =>
  (
    await database.db
      .select()
      .from(feedbackTickets)
      .where(eq(feedbackTickets.id, id ?? 0))
  )[0]

describe('submitting', () => {
  it('stores the city of the nearest station and files a ticket owned by that city', async () => {
    const userId = await newRider()
    const suggestion = await submit(userId)
    expect(suggestion).toMatchObject({ city: '成都', status: 'pending', userId })
    expect(await ticketRow(suggestion.ticketId)).toMatchObject({ category: 'station_suggestion', assigneeId: chengdu.id, status: 'new' })
    const notices = await outboxFor(database.db, chengdu.id)
    expect(notices.at(-1)).toMatchObject({ kind: 'suggestion-notice' })
    expect(JSON.stringify(notices.at(-1)?.payload)).toContain('sg:list')
  })

  it('leaves the city empty far from every station', async () => {
    const suggestion = await submit(await newRider(), { lat: 45.75, lng: 126.65 })
    expect(suggestion.city).toBe('')
  })

  it(`allows at most ${MAX_PENDING_SUGGESTIONS} pending suggestions per rider`, async () => {
    const userId = await newRider()
    for (let i = 0; i < MAX_PENDING_SUGGESTIONS; i++) await submit(userId, { name: `驿站${i}` })
    const result = await submitSuggestion(deps(), suggestionNotices, { id: userId }, draft())
    expect(result.kind).toBe('too-many')
    const rows = await database.db.select().from(stationSuggestions).where(eq(stationSuggestions.userId, userId))
    expect(rows).toHaveLength(MAX_PENDING_SUGGESTIONS)
  })
})

describe('approving', () => {
  it('creates the station with its history, closes the ticket and tells the rider', async () => {
    const userId = await newRider()
    const suggestion = await submit(userId, { lat: 30.7, lng: 104.1, name: '尚华路奶茶店' })
    const result = await approveSuggestion(deps(), suggestionNotices, chengdu, suggestion.id, { kind: 'check' })
    expect(result.kind).toBe('approved')
    if (result.kind !== 'approved') return
    expect(result.station).toMatchObject({ name: '尚华路奶茶店', city: '成都', amenities: ['hot_water', 'toilet'], active: true })
    const [change] = await database.db.select().from(stationChanges).where(eq(stationChanges.stationId, result.station.id))
    expect(change).toMatchObject({ source: 'suggestion', actorId: chengdu.id, note: `suggestion #${suggestion.id}` })
    expect(await suggestionRow(suggestion.id)).toMatchObject({ status: 'approved', stationId: result.station.id, decidedBy: chengdu.id })
    expect(await ticketRow(suggestion.ticketId)).toMatchObject({ status: 'closed' })
    const told = await outboxFor(database.db, userId)
    expect(told).toHaveLength(1)
    expect(JSON.stringify(told[0]?.payload)).toContain('你推荐的「尚华路奶茶店」已加入地图，谢谢！')
  })

  it('shows a similar station within 100 m instead of creating a duplicate, then links to it', async () => {
    const userId = await newRider()
    // Station A is 成都测试驿站A at 30.65, 104.06.
    const suggestion = await submit(userId, { lat: 30.6502, lng: 104.0601, name: '成都测试驿站A' })
    const before = (await database.db.select().from(stations)).length
    const check = await approveSuggestion(deps(), suggestionNotices, chengdu, suggestion.id, { kind: 'check' })
    expect(check.kind).toBe('duplicates')
    if (check.kind === 'duplicates') expect(check.candidates.map((station) => station.id)).toContain(ids.A)
    expect((await suggestionRow(suggestion.id))?.status).toBe('pending')
    const linked = await approveSuggestion(deps(), suggestionNotices, chengdu, suggestion.id, { kind: 'link', stationId: ids.A })
    expect(linked).toMatchObject({ kind: 'approved', created: false })
    expect((await database.db.select().from(stations)).length).toBe(before)
    expect(await suggestionRow(suggestion.id)).toMatchObject({ status: 'approved', stationId: ids.A })
  })

  it('creates anyway when asked, despite a similar station', async () => {
    const suggestion = await submit(await newRider(), { lat: 30.6502, lng: 104.0601, name: '成都测试驿站A' })
    const result = await approveSuggestion(deps(), suggestionNotices, chengdu, suggestion.id, { kind: 'create' })
    expect(result).toMatchObject({ kind: 'approved', created: true })
  })

  it('refuses an organizer of another city (forged data) and changes nothing', async () => {
    const userId = await newRider()
    const suggestion = await submit(userId, { lat: 30.71, lng: 104.11, name: '别人的驿站' })
    expect((await approveSuggestion(deps(), suggestionNotices, xian, suggestion.id, { kind: 'create' })).kind).toBe('forbidden')
    expect((await declineSuggestion(deps(), suggestionNotices, xian, suggestion.id, '不行')).kind).toBe('forbidden')
    expect(
      (await approveSuggestion(deps(), suggestionNotices, { id: userId, role: 'worker' }, suggestion.id, { kind: 'create' })).kind,
    ).toBe('forbidden')
    expect((await suggestionRow(suggestion.id))?.status).toBe('pending')
    expect(await outboxFor(database.db, userId)).toHaveLength(0)
  })

  it('decides once: a second tap or a decline after approval changes nothing', async () => {
    const userId = await newRider()
    const suggestion = await submit(userId, { lat: 30.72, lng: 104.12, name: '双击驿站' })
    await approveSuggestion(deps(), suggestionNotices, chengdu, suggestion.id, { kind: 'create' })
    const count = (await database.db.select().from(stations)).length
    expect((await approveSuggestion(deps(), suggestionNotices, chengdu, suggestion.id, { kind: 'create' })).kind).toBe('decided')
    expect((await declineSuggestion(deps(), suggestionNotices, chengdu, suggestion.id, '重复')).kind).toBe('decided')
    expect((await database.db.select().from(stations)).length).toBe(count)
    expect(await outboxFor(database.db, userId)).toHaveLength(1)
  })
})

describe('declining and forgetting', () => {
  it('records the reason, closes the ticket and tells the rider why', async () => {
    const userId = await newRider()
    const suggestion = await submit(userId, { lat: 30.73, lng: 104.13, name: '不存在的驿站' })
    expect((await declineSuggestion(deps(), suggestionNotices, chengdu, suggestion.id, '这里不提供驿站服务')).kind).toBe('declined')
    expect(await suggestionRow(suggestion.id)).toMatchObject({ status: 'declined', declineReason: '这里不提供驿站服务' })
    expect(await ticketRow(suggestion.ticketId)).toMatchObject({ status: 'closed' })
    expect(JSON.stringify((await outboxFor(database.db, userId))[0]?.payload)).toContain('这里不提供驿站服务')
  })

  it('deletes every suggestion of the rider and closes the tickets of pending ones', async () => {
    const userId = await newRider()
    const pending = await submit(userId, { lat: 30.74, lng: 104.14, name: '待删驿站' })
    expect(await forgetSuggestions(database.db, userId, now)).toBe(1)
    expect(await suggestionRow(pending.id)).toBeUndefined()
    expect(await ticketRow(pending.ticketId)).toMatchObject({ status: 'closed' })
  })
})
