import { and, count, desc, eq, gt, inArray, ne, or, sql } from 'drizzle-orm'
import { unionAll } from 'drizzle-orm/pg-core'
import type { Database } from '../client.js'
import { stationReports, type StationReport, type StationReportKind } from '../schema/index.js'

const HOUR = 3_600_000

/** Two independent 现在没开门 reports within this long mark a station 可能没开门. */
const MAYBE_CLOSED_WINDOW_HOURS = 2
/**
 * How much reporter weight (1 each, less for riders whose reports were dismissed repeatedly) the
 * 现在没开门 reports of at least two distinct riders must add up to: two ordinary riders (2), or
 * one ordinary rider and one at half weight (1.5), but never two riders at a quarter or half.
 */
const MAYBE_CLOSED_WEIGHT = 1.5
/** A 👍 check-in older than this is no longer shown on the card. */
const CHECK_IN_SHOWN_HOURS = 7 * 24

export type NewStationReport = Pick<
  StationReport,
  'stationId' | 'userId' | 'kind' | 'text' | 'fileId' | 'fileKind' | 'ticketId' | 'weight'
> & {
  createdAt: Date
}

export async function insertStationReport(db: Database, report: NewStationReport): Promise<StationReport> {
  const [row] = await db.insert(stationReports).values(report).returning()
  if (row === undefined) throw new Error('insert of a station report returned nothing')
  return row
}

/**
 * When this user last reported a problem at this station (`checkIn`: last tapped 👍 there) after
 * `since`; undefined when they did not.
 */
export async function lastReportAt(
  db: Database,
  input: { userId: number; stationId: number; checkIn: boolean; since: Date },
): Promise<Date | undefined> {
  const [row] = await db
    .select({ createdAt: stationReports.createdAt })
    .from(stationReports)
    .where(
      and(
        eq(stationReports.userId, input.userId),
        eq(stationReports.stationId, input.stationId),
        input.checkIn ? eq(stationReports.kind, 'all_good') : ne(stationReports.kind, 'all_good'),
        gt(stationReports.createdAt, input.since),
      ),
    )
    .orderBy(desc(stationReports.createdAt))
    .limit(1)
  return row?.createdAt
}

/** How many of the user's reports organizers dismissed after `since` (for the reporter's weight). */
export async function countDismissedSince(db: Database, userId: number, since: Date): Promise<number> {
  const [row] = await db
    .select({ count: count() })
    .from(stationReports)
    .where(and(eq(stationReports.userId, userId), eq(stationReports.status, 'dismissed'), gt(stationReports.createdAt, since)))
  return row?.count ?? 0
}

type ShownReport = { kind: Exclude<StationReportKind, 'all_good'>; text: string; createdAt: Date; confirmed: boolean }

/** What riders said about a station that the card and the lists show. */
export type StationReportState = {
  /** The latest report still shown: not dismissed, not older than the latest 👍, confirmed or not faded. */
  latest: ShownReport | undefined
  /** The latest 👍 刚来过，一切正常 of the last week. */
  checkIn: Date | undefined
  /** Independent 现在没开门 reports (see MAYBE_CLOSED_WEIGHT) in the last two hours, after the latest 👍. */
  maybeClosed: boolean
}

const emptyState = (): StationReportState => ({ latest: undefined, checkIn: undefined, maybeClosed: false })

const newer = (a: Date | undefined, b: Date) => a === undefined || b > a

/**
 * The report state of a page of stations in three queries (latest 👍 per station, the latest
 * confirmed report per station, and the recent unfaded reports), whatever the page's size. Reports
 * fade `fadeHours` after they were made unless confirmed; dismissed reports never show; a 👍
 * check-in after a report means a rider found the station fine since, so the report no longer shows.
 */
export async function stationReportStates(
  db: Database,
  stationIds: readonly number[],
  now: Date,
  fadeHours: number,
): Promise<Map<number, StationReportState>> {
  const states = new Map<number, StationReportState>()
  if (stationIds.length === 0) return states
  const ids = [...new Set(stationIds)]
  for (const id of ids) states.set(id, emptyState())
  const ofStations = inArray(stationReports.stationId, ids)

  // One round trip: the latest 👍 of the week, the latest confirmed problem (however old) and the
  // problems still open or confirmed in the window, each part tagged.
  const columns = {
    part: sql<'check-in' | 'confirmed' | 'recent'>`'check-in'`.as('part'),
    stationId: stationReports.stationId,
    userId: stationReports.userId,
    kind: stationReports.kind,
    text: stationReports.text,
    status: stationReports.status,
    weight: stationReports.weight,
    createdAt: stationReports.createdAt,
  }
  const windowHours = Math.max(fadeHours, MAYBE_CLOSED_WINDOW_HOURS)
  const rows = await unionAll(
    db
      .selectDistinctOn([stationReports.stationId], columns)
      .from(stationReports)
      .where(
        and(
          ofStations,
          eq(stationReports.kind, 'all_good'),
          gt(stationReports.createdAt, new Date(now.getTime() - CHECK_IN_SHOWN_HOURS * HOUR)),
        ),
      )
      .orderBy(stationReports.stationId, desc(stationReports.createdAt)),
    db
      .selectDistinctOn([stationReports.stationId], { ...columns, part: sql<'confirmed'>`'confirmed'`.as('part') })
      .from(stationReports)
      .where(and(ofStations, eq(stationReports.status, 'confirmed'), ne(stationReports.kind, 'all_good')))
      .orderBy(stationReports.stationId, desc(stationReports.createdAt)),
    db
      .select({ ...columns, part: sql<'recent'>`'recent'`.as('part') })
      .from(stationReports)
      .where(
        and(
          ofStations,
          ne(stationReports.kind, 'all_good'),
          or(eq(stationReports.status, 'open'), eq(stationReports.status, 'confirmed')),
          gt(stationReports.createdAt, new Date(now.getTime() - windowHours * HOUR)),
        ),
      ),
  )
  for (const row of rows) if (row.part === 'check-in') states.get(row.stationId)!.checkIn = row.createdAt
  const confirmed = rows.filter((row) => row.part === 'confirmed')
  const recent = rows.filter((row) => row.part === 'recent')

  const fadeSince = now.getTime() - fadeHours * HOUR
  const closedSince = now.getTime() - MAYBE_CLOSED_WINDOW_HOURS * HOUR
  const closedWeights = new Map<number, Map<number, number>>()
  for (const report of [...confirmed, ...recent]) {
    const state = states.get(report.stationId)!
    if (report.kind === 'all_good' || !newer(state.checkIn, report.createdAt)) continue
    const shown = report.status === 'confirmed' || report.createdAt.getTime() > fadeSince
    if (shown && (state.latest === undefined || report.createdAt > state.latest.createdAt)) {
      state.latest = { kind: report.kind, text: report.text, createdAt: report.createdAt, confirmed: report.status === 'confirmed' }
    }
    if (report.kind === 'closed' && report.createdAt.getTime() > closedSince) {
      const byUser = closedWeights.get(report.stationId) ?? new Map<number, number>()
      byUser.set(report.userId, Math.max(byUser.get(report.userId) ?? 0, report.weight))
      closedWeights.set(report.stationId, byUser)
    }
  }
  for (const [stationId, byUser] of closedWeights) {
    const weight = [...byUser.values()].reduce((sum, value) => sum + value, 0)
    states.get(stationId)!.maybeClosed = byUser.size >= 2 && weight >= MAYBE_CLOSED_WEIGHT
  }
  return states
}
