import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reporterWeight } from '../../../core/station-reports.js'
import { createStation } from '../../../db/repositories/station-changes.js'
import {
  countDismissedSince,
  insertStationReport,
  lastReportAt,
  stationReportStates,
  type NewStationReport,
} from '../../../db/repositories/station-reports.js'
import { stationReports, type StationReportKind, type StationReportStatus } from '../../../db/schema/index.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const now = new Date('2026-11-25T04:00:00Z')
const ago = (ms: number) => new Date(now.getTime() - ms)

let handle: TestDatabase
beforeAll(async () => {
  handle = await createTestDatabase()
})
afterAll(() => handle.close())

let stationCount = 0
async function newStation() {
  stationCount++
  const station = await createStation(
    handle.db,
    { name: `报告测试驿站${stationCount}`, kind: 'union', lat: 30.6 + stationCount / 1000, lng: 104.06, openingHours: '24/7' },
    { actorId: null, source: 'import' },
  )
  return station.id
}

async function report(
  stationId: number,
  userId: number,
  kind: StationReportKind,
  at: Date,
  extra: Partial<NewStationReport> & { status?: StationReportStatus } = {},
) {
  const { status, ...rest } = extra
  const row = await insertStationReport(handle.db, {
    stationId,
    userId,
    kind,
    text: '',
    fileId: null,
    fileKind: null,
    ticketId: null,
    weight: 1,
    createdAt: at,
    ...rest,
  })
  if (status !== undefined) await handle.db.update(stationReports).set({ status }).where(eq(stationReports.id, row.id))
  return row
}

const stateOf = async (stationId: number, fadeHours = 6) =>
  (await stationReportStates(handle.db, [stationId], now, fadeHours)).get(stationId)

describe('what the card and the list show', () => {
  it('shows the latest unfaded report, and nothing once it is older than the fade time', async () => {
    const station = await newStation()
    await report(station, 1, 'toilet_broken', ago(3 * HOUR))
    await report(station, 2, 'no_hot_water', ago(35 * MINUTE))
    expect((await stateOf(station))?.latest).toMatchObject({ kind: 'no_hot_water', confirmed: false })
    expect((await stateOf(station))?.latest?.createdAt).toEqual(ago(35 * MINUTE))
    // With a 30-minute fade nothing is left.
    expect((await stateOf(station, 0.5))?.latest).toBeUndefined()
  })

  it('never shows a dismissed report, and keeps a confirmed one past the fade time', async () => {
    const station = await newStation()
    await report(station, 1, 'charging_broken', ago(20 * HOUR), { status: 'confirmed' })
    await report(station, 2, 'gone', ago(10 * MINUTE), { status: 'dismissed' })
    expect((await stateOf(station))?.latest).toMatchObject({ kind: 'charging_broken', confirmed: true })
  })

  it('takes a later 👍 check-in as the rider finding the station fine: older reports stop showing', async () => {
    const station = await newStation()
    await report(station, 1, 'no_hot_water', ago(2 * HOUR))
    await report(station, 2, 'all_good', ago(HOUR))
    const state = await stateOf(station)
    expect(state?.latest).toBeUndefined()
    expect(state?.checkIn).toEqual(ago(HOUR))
    await report(station, 3, 'toilet_broken', ago(5 * MINUTE))
    expect((await stateOf(station))?.latest?.kind).toBe('toilet_broken')
  })

  it('marks 可能没开门 only for two distinct riders with enough weight within two hours', async () => {
    const twoRiders = await newStation()
    await report(twoRiders, 1, 'closed', ago(90 * MINUTE))
    await report(twoRiders, 2, 'closed', ago(10 * MINUTE))
    const oneRiderTwice = await newStation()
    await report(oneRiderTwice, 1, 'closed', ago(90 * MINUTE))
    await report(oneRiderTwice, 1, 'closed', ago(10 * MINUTE))
    const tooOld = await newStation()
    await report(tooOld, 1, 'closed', ago(3 * HOUR))
    await report(tooOld, 2, 'closed', ago(10 * MINUTE))
    const lightweights = await newStation()
    await report(lightweights, 1, 'closed', ago(30 * MINUTE), { weight: 0.5 })
    await report(lightweights, 2, 'closed', ago(10 * MINUTE), { weight: 0.5 })
    const oneHalf = await newStation()
    await report(oneHalf, 1, 'closed', ago(30 * MINUTE), { weight: 0.5 })
    await report(oneHalf, 2, 'closed', ago(10 * MINUTE))
    const dismissed = await newStation()
    await report(dismissed, 1, 'closed', ago(30 * MINUTE), { status: 'dismissed' })
    await report(dismissed, 2, 'closed', ago(10 * MINUTE))

    const states = await stationReportStates(handle.db, [twoRiders, oneRiderTwice, tooOld, lightweights, oneHalf, dismissed], now, 6)
    expect(states.get(twoRiders)?.maybeClosed).toBe(true)
    expect(states.get(oneRiderTwice)?.maybeClosed).toBe(false)
    expect(states.get(tooOld)?.maybeClosed).toBe(false)
    expect(states.get(lightweights)?.maybeClosed).toBe(false)
    expect(states.get(oneHalf)?.maybeClosed).toBe(true)
    expect(states.get(dismissed)?.maybeClosed).toBe(false)
  })

  it('answers for every station asked about, reported or not', async () => {
    const quiet = await newStation()
    const states = await stationReportStates(handle.db, [quiet, quiet], now, 6)
    expect([...states.keys()]).toEqual([quiet])
    expect(states.get(quiet)).toEqual({ latest: undefined, checkIn: undefined, maybeClosed: false })
    expect((await stationReportStates(handle.db, [], now, 6)).size).toBe(0)
  })
})

describe('limits and weight', () => {
  it('finds the rider’s last report at a station, problems and check-ins apart', async () => {
    const station = await newStation()
    await report(station, 77, 'no_hot_water', ago(20 * MINUTE))
    const since = ago(HOUR)
    expect(await lastReportAt(handle.db, { userId: 77, stationId: station, checkIn: false, since })).toEqual(ago(20 * MINUTE))
    expect(await lastReportAt(handle.db, { userId: 77, stationId: station, checkIn: true, since })).toBeUndefined()
    expect(await lastReportAt(handle.db, { userId: 78, stationId: station, checkIn: false, since })).toBeUndefined()
  })

  it('counts the rider’s dismissed reports of the period, and lowers their weight after repeated dismissals', async () => {
    const station = await newStation()
    await report(station, 88, 'gone', ago(100 * 24 * HOUR), { status: 'dismissed' })
    await report(station, 88, 'gone', ago(10 * 24 * HOUR), { status: 'dismissed' })
    await report(station, 88, 'closed', ago(5 * 24 * HOUR), { status: 'confirmed' })
    expect(await countDismissedSince(handle.db, 88, ago(90 * 24 * HOUR))).toBe(1)
    expect([0, 1, 2, 3, 4, 9].map(reporterWeight)).toEqual([1, 1, 0.5, 0.5, 0.25, 0.25])
  })
})
