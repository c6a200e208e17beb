import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { reportNotices } from '../../bot/ui/station-report-notices.js'
import {
  confirmReports,
  dismissReports,
  endAmenityOutage,
  outageAmenities,
  restoreStation,
  restoreStationAt,
  shanghaiDayEnd,
} from '../../core/station-report-resolution.js'
import { addScope } from '../../db/repositories/roles.js'
import { currentOutages } from '../../db/repositories/station-outages.js'
import {
  feedbackMessages,
  feedbackTickets,
  outbox,
  stationAmenityOutages,
  stationChanges,
  stationReports,
  stations,
  users,
} from '../../db/schema/index.js'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { addUser, outboxFor, seedStations } from '../helpers/feedback.js'
import { fileReport } from '../helpers/station-reports.js'

// 10:00 in Shanghai.
const now = new Date('2026-12-07T02:00:00Z')
const chengdu = { id: 7301, role: 'organizer' as const }
const xian = { id: 7302, role: 'organizer' as const }
const riders = [5301, 5302, 5303]

let database: TestDatabase
let ids: Record<'A' | 'B' | 'X', number>
const deps = () => ({ db: database.db, now: () => now })
const confirmation = { until: 'tomorrow' as const, reason: '骑手反馈，已核实' }

beforeAll(async () => {
  database = await createTestDatabase()
  ids = await seedStations(database.db)
  await addUser(database.db, { id: chengdu.id, firstName: '成都组织者', role: 'organizer' })
  await addScope(database.db, { userId: chengdu.id, city: '成都', createdBy: null })
  await addUser(database.db, { id: xian.id, firstName: '西安组织者', role: 'organizer' })
  await addScope(database.db, { userId: xian.id, city: '西安', createdBy: null })
  for (const id of riders) await addUser(database.db, { id, firstName: `骑手${id}` })
  await database.db.update(users).set({ locale: 'en' }).where(eq(users.id, 5303))
})
afterAll(async () => database.close())

beforeEach(async () => {
  // Each test starts from open stations without reports, outages or notices.
  await database.db.delete(stationReports)
  await database.db.delete(stationAmenityOutages)
  await database.db.delete(outbox)
  await database.db.update(stations).set({ active: true, closedUntil: null, closedReason: '', amenities: ['hot_water'] })
})

const report = (userId: number, kind: Parameters<typeof fileReport>[1]['kind'], stationId = ids.A) =>
  fileReport(database.db, { stationId, userId, kind, now: new Date(now.getTime() - 3_600_000) })
const reportRow = async (id: number) => (await database.db.select().from(stationReports).where(eq(stationReports.id, id)))[0]
const ticket = async (id: number) => (await database.db.select().from(feedbackTickets).where(eq(feedbackTickets.id, id)))[0]
const noticesTo = async (userId: number) =>
  (await outboxFor(database.db, userId))
    .filter((row) => row.kind === 'station-report-outcome')
    .map((row) => ('text' in row.payload ? row.payload.text : ''))

describe('confirming a report', () => {
  it('puts the amenity out, confirms every open report of that kind at the station, closes their tickets and tells each reporter once', async () => {
    const first = await report(riders[0]!, 'no_hot_water')
    const second = await report(riders[1]!, 'no_hot_water')
    const english = await report(riders[2]!, 'no_hot_water')
    const otherKind = await report(riders[0]!, 'toilet_broken')
    const elsewhere = await report(riders[1]!, 'no_hot_water', ids.B)

    const result = await confirmReports(deps(), reportNotices, chengdu, second.ticketId, confirmation)
    expect(result).toMatchObject({ kind: 'done', count: 3 })

    for (const row of [first, second, english]) {
      expect(await reportRow(row.id)).toMatchObject({ status: 'confirmed', resolvedAt: now, resolvedBy: chengdu.id })
      expect(await ticket(row.ticketId)).toMatchObject({ status: 'closed', closedAt: now, firstAnsweredAt: now })
    }
    expect((await reportRow(otherKind.id))?.status).toBe('open')
    expect((await reportRow(elsewhere.id))?.status).toBe('open')

    const [outage] = await currentOutages(database.db, [ids.A], now)
    expect(outage).toMatchObject({ amenity: 'hot_water', until: new Date('2026-12-08T16:00:00Z'), setBy: chengdu.id })
    const [change] = await database.db.select().from(stationChanges).where(eq(stationChanges.stationId, ids.A))
    expect(change).toMatchObject({ source: 'report', actorId: chengdu.id, note: `report #${second.id}` })

    expect(await noticesTo(riders[0]!)).toEqual([expect.stringContaining('没有热水，已确认')])
    expect(await noticesTo(riders[1]!)).toEqual([expect.stringContaining(`你反馈的「成都测试驿站A」没有热水，已确认`)])
    expect(await noticesTo(riders[2]!)).toEqual([expect.stringContaining('no hot water) is confirmed')])
    const history = await database.db.select().from(feedbackMessages).where(eq(feedbackMessages.ticketId, first.ticketId))
    expect(history.at(-1)).toMatchObject({ author: 'system', text: 'report-confirmed' })
  })

  it('changes nothing on a second tap, nor for an organizer of another city', async () => {
    const filed = await report(riders[0]!, 'no_hot_water')
    expect((await confirmReports(deps(), reportNotices, xian, filed.ticketId, confirmation)).kind).toBe('forbidden')
    expect((await reportRow(filed.id))?.status).toBe('open')
    expect(await currentOutages(database.db, [ids.A], now)).toEqual([])

    expect((await confirmReports(deps(), reportNotices, chengdu, filed.ticketId, confirmation)).kind).toBe('done')
    const changes = await database.db.select().from(stationChanges).where(eq(stationChanges.stationId, ids.A))
    expect((await confirmReports(deps(), reportNotices, chengdu, filed.ticketId, confirmation)).kind).toBe('unchanged')
    expect((await dismissReports(deps(), reportNotices, chengdu, filed.ticketId, '')).kind).toBe('unchanged')
    expect(await database.db.select().from(stationChanges).where(eq(stationChanges.stationId, ids.A))).toHaveLength(changes.length)
    expect(await noticesTo(riders[0]!)).toHaveLength(1)
    expect((await reportRow(filed.id))?.status).toBe('confirmed')
  })

  it('closes the station until the end of today (Shanghai) for 现在没开门', async () => {
    const filed = await report(riders[0]!, 'closed')
    await confirmReports(deps(), reportNotices, chengdu, filed.ticketId, { until: 'open', reason: '骑手反馈，已核实' })
    const [station] = await database.db.select().from(stations).where(eq(stations.id, ids.A))
    expect(station).toMatchObject({ closedUntil: new Date('2026-12-07T16:00:00Z'), closedReason: '骑手反馈，已核实', active: true })
    expect(shanghaiDayEnd(new Date('2026-12-07T17:00:00Z'))).toEqual(new Date('2026-12-08T16:00:00Z'))
  })

  it('takes the station offline for 这里已经没有驿站了', async () => {
    const filed = await report(riders[0]!, 'gone')
    await confirmReports(deps(), reportNotices, chengdu, filed.ticketId, confirmation)
    const [station] = await database.db.select().from(stations).where(eq(stations.id, ids.A))
    expect(station?.active).toBe(false)
    expect(await noticesTo(riders[0]!)).toEqual([expect.stringContaining('驿站已下线')])
  })

  it('marks a wrong-hours report confirmed without touching the station', async () => {
    const filed = await report(riders[0]!, 'wrong_hours')
    const before = await database.db.select().from(stations).where(eq(stations.id, ids.A))
    await confirmReports(deps(), reportNotices, chengdu, filed.ticketId, confirmation)
    expect(await database.db.select().from(stations).where(eq(stations.id, ids.A))).toEqual(before)
    expect((await reportRow(filed.id))?.status).toBe('confirmed')
    expect(await noticesTo(riders[0]!)).toEqual([expect.stringContaining('营业时间不对，已确认，信息已更正')])
  })

  it('takes out the kinds of charging the station lists', () => {
    expect(outageAmenities('charging_broken', ['hot_water', 'ebike_charging'])).toEqual(['ebike_charging'])
    expect(outageAmenities('charging_broken', ['phone_charging', 'ebike_charging'])).toEqual(['phone_charging', 'ebike_charging'])
    expect(outageAmenities('charging_broken', [])).toEqual(['phone_charging'])
    expect(outageAmenities('toilet_broken', [])).toEqual(['toilet'])
  })
})

describe('dismissing a report', () => {
  it('marks the reports dismissed, closes the tickets with the reason and tells the reporters the station is fine', async () => {
    const first = await report(riders[0]!, 'closed')
    const second = await report(riders[1]!, 'closed')
    const result = await dismissReports(deps(), reportNotices, chengdu, first.ticketId, '今天正常营业，门在侧面')
    expect(result).toMatchObject({ kind: 'done', count: 2 })
    expect(await reportRow(second.id)).toMatchObject({ status: 'dismissed', resolvedBy: chengdu.id, resolvedAt: now })
    expect((await database.db.select().from(stations).where(eq(stations.id, ids.A)))[0]?.closedUntil).toBeNull()
    const [notice] = await noticesTo(riders[1]!)
    expect(notice).toContain('我们核实后，驿站情况正常，谢谢你的反馈')
    expect(notice).toContain('今天正常营业，门在侧面')
    const history = await database.db
      .select()
      .from(feedbackMessages)
      .where(and(eq(feedbackMessages.ticketId, second.ticketId), eq(feedbackMessages.author, 'organizer')))
    expect(history.map((message) => message.text)).toEqual(['今天正常营业，门在侧面'])
    expect((await ticket(second.ticketId))?.status).toBe('closed')
  })
})

describe('the station fine again', () => {
  it('clears the outage and tells the reporters of the confirmed reports, once', async () => {
    const filed = await report(riders[0]!, 'no_hot_water')
    await report(riders[1]!, 'no_hot_water')
    await confirmReports(deps(), reportNotices, chengdu, filed.ticketId, { until: 'open', reason: '' })
    expect(await currentOutages(database.db, [ids.A], now)).toHaveLength(1)
    expect((await restoreStation(deps(), reportNotices, xian, filed.ticketId)).kind).toBe('forbidden')

    expect(await restoreStation(deps(), reportNotices, chengdu, filed.ticketId)).toMatchObject({ kind: 'done', count: 2 })
    expect(await currentOutages(database.db, [ids.A], now)).toEqual([])
    expect(await noticesTo(riders[1]!)).toEqual([expect.any(String), expect.stringContaining('热水已恢复，谢谢你的反馈')])
    expect((await restoreStation(deps(), reportNotices, chengdu, filed.ticketId)).kind).toBe('unchanged')
    expect(await noticesTo(riders[1]!)).toHaveLength(2)
  })

  it('works from the station too, for whoever manages it', async () => {
    await database.db
      .update(stations)
      .set({ amenities: ['ebike_charging'] })
      .where(eq(stations.id, ids.A))
    const filed = await report(riders[0]!, 'charging_broken')
    await confirmReports(deps(), reportNotices, chengdu, filed.ticketId, { until: 'open', reason: '' })
    expect((await currentOutages(database.db, [ids.A], now)).map((outage) => outage.amenity)).toEqual(['ebike_charging'])
    expect((await restoreStationAt(deps(), reportNotices, xian, ids.A, 'charging_broken')).kind).toBe('forbidden')
    expect((await restoreStationAt(deps(), reportNotices, chengdu, ids.A, 'toilet_broken')).kind).toBe('unchanged')
    expect(await restoreStationAt(deps(), reportNotices, chengdu, ids.A, 'charging_broken')).toMatchObject({ kind: 'done', count: 1 })
    expect(await currentOutages(database.db, [ids.A], now)).toEqual([])
    expect((await noticesTo(riders[0]!)).at(-1)).toContain('充电已恢复')
  })

  it('tells the reporters when the panel or the merchant says the amenity is back, and only then', async () => {
    const filed = await report(riders[0]!, 'no_hot_water')
    await confirmReports(deps(), reportNotices, chengdu, filed.ticketId, { until: 'open', reason: '' })
    const before = (await noticesTo(riders[0]!)).length
    const merchant = { actorId: 8801, source: 'merchant' as const }
    expect(await endAmenityOutage(deps(), reportNotices, merchant, ids.A, 'toilet')).toBe(false)
    expect(await endAmenityOutage(deps(), reportNotices, merchant, ids.A, 'hot_water')).toBe(true)
    expect(await currentOutages(database.db, [ids.A], now)).toEqual([])
    expect((await noticesTo(riders[0]!)).at(-1)).toContain('热水已恢复，谢谢你的反馈')
    expect(await noticesTo(riders[0]!)).toHaveLength(before + 1)
    // A double tap: nothing is out any more, nobody is told twice.
    expect(await endAmenityOutage(deps(), reportNotices, merchant, ids.A, 'hot_water')).toBe(false)
    expect(await noticesTo(riders[0]!)).toHaveLength(before + 1)
  })

  it('reopens a station closed from reports', async () => {
    const filed = await report(riders[0]!, 'closed')
    await confirmReports(deps(), reportNotices, chengdu, filed.ticketId, confirmation)
    expect((await restoreStation(deps(), reportNotices, chengdu, filed.ticketId)).kind).toBe('done')
    expect((await database.db.select().from(stations).where(eq(stations.id, ids.A)))[0]?.closedUntil).toBeNull()
    expect((await noticesTo(riders[0]!)).at(-1)).toContain('已恢复开放')
  })
})
