import type { Database } from '../db/client.js'
import { insertTicket, type NewFeedbackMessage } from '../db/repositories/feedback.js'
import { countDismissedSince, insertStationReport, lastReportAt } from '../db/repositories/station-reports.js'
import { findStation } from '../db/repositories/stations.js'
import type { FeedbackTicket, StationReport, StationReportKind, User } from '../db/schema/index.js'
import { overRateLimit, routeTicket, type TicketNotices } from './tickets.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** A rider reports (or checks in at) one station at most once in this long. */
export const REPORT_INTERVAL_MS = HOUR
/** Dismissals older than this no longer lower a reporter's weight. */
const DISMISSALS_COUNTED_DAYS = 90

/**
 * A reporter's weight: 1, halved once two of their reports of the last 90 days were dismissed and
 * halved again at four, so that one rider who keeps reporting what is not so cannot mark a station
 * 可能没开门 with a friend's single report.
 */
export function reporterWeight(dismissed: number): number {
  if (dismissed >= 4) return 0.25
  if (dismissed >= 2) return 0.5
  return 1
}

type Deps = { db: Database; now: () => Date; config: { feedbackMaxPerHour: number; feedbackFirstAnswerHours: number } }

export type ProblemKind = Exclude<StationReportKind, 'all_good'>

export type ReportInput = {
  stationId: number
  kind: ProblemKind
  /** The rider's own words, photo or voice (其它); '' and null for a one-tap choice. */
  text: string
  file: { id: string; kind: 'photo' | 'voice' } | null
  /** The ticket's first message as the organizer reads it (the choice's label, then the rider's words). */
  message: NewFeedbackMessage
}

export type ReportResult =
  { kind: 'filed'; report: StationReport; ticket: FeedbackTicket } | { kind: 'too-soon'; nextAt: Date } | { kind: 'gone' | 'limited' }

export type CheckInResult = { kind: 'checked-in'; report: StationReport } | { kind: 'too-soon'; nextAt: Date } | { kind: 'gone' }

async function activeStation(db: Database, stationId: number) {
  const station = await findStation(db, stationId)
  return station?.active === true ? station : undefined
}

async function tooSoon(db: Database, userId: number, stationId: number, checkIn: boolean, now: Date) {
  const last = await lastReportAt(db, { userId, stationId, checkIn, since: new Date(now.getTime() - REPORT_INTERVAL_MS) })
  return last === undefined ? undefined : ({ kind: 'too-soon', nextAt: new Date(last.getTime() + REPORT_INTERVAL_MS) } as const)
}

/**
 * Files a rider's 📣 报告情况: a station_reports row and a ticket of category station_report about
 * the station, routed, due and announced exactly like a 我有话说 ticket (so the digest and the
 * escalation pick it up), in one transaction. One problem report per rider and station an hour;
 * the feedback limit per hour counts it as a message too.
 */
export async function fileStationReport(
  deps: Deps,
  notices: TicketNotices,
  reporter: Pick<User, 'id'>,
  input: ReportInput,
): Promise<ReportResult> {
  const now = deps.now()
  const soon = await tooSoon(deps.db, reporter.id, input.stationId, false, now)
  if (soon !== undefined) return soon
  if (await overRateLimit(deps, reporter.id)) return { kind: 'limited' }
  return deps.db.transaction(async (tx) => {
    const station = await activeStation(tx, input.stationId)
    if (station === undefined) return { kind: 'gone' } as const
    const place = { stationId: station.id, eventId: null, city: station.city }
    const owner = await routeTicket(tx, place)
    const ticket = await insertTicket(
      tx,
      {
        userId: reporter.id,
        anonymous: false,
        ...place,
        category: 'station_report',
        assigneeId: owner?.id ?? null,
        dueAt: new Date(now.getTime() + deps.config.feedbackFirstAnswerHours * HOUR),
        now,
      },
      input.message,
    )
    const dismissed = await countDismissedSince(tx, reporter.id, new Date(now.getTime() - DISMISSALS_COUNTED_DAYS * DAY))
    const report = await insertStationReport(tx, {
      stationId: station.id,
      userId: reporter.id,
      kind: input.kind,
      text: input.text,
      fileId: input.file?.id ?? null,
      fileKind: input.file?.kind ?? null,
      ticketId: ticket.id,
      weight: reporterWeight(dismissed),
      createdAt: now,
    })
    if (owner !== undefined) await notices.organizer(tx, owner.id, ticket, 'feedback-notice-new', `feedback-new:${ticket.id}`)
    return { kind: 'filed', report, ticket } as const
  })
}

/** 👍 刚来过，一切正常: evidence that the data is right, with no ticket; once an hour per station. */
export async function checkInAtStation(deps: Pick<Deps, 'db' | 'now'>, rider: Pick<User, 'id'>, stationId: number): Promise<CheckInResult> {
  const now = deps.now()
  const soon = await tooSoon(deps.db, rider.id, stationId, true, now)
  if (soon !== undefined) return soon
  if ((await activeStation(deps.db, stationId)) === undefined) return { kind: 'gone' }
  const dismissed = await countDismissedSince(deps.db, rider.id, new Date(now.getTime() - DISMISSALS_COUNTED_DAYS * DAY))
  const report = await insertStationReport(deps.db, {
    stationId,
    userId: rider.id,
    kind: 'all_good',
    text: '',
    fileId: null,
    fileKind: null,
    ticketId: null,
    weight: reporterWeight(dismissed),
    createdAt: now,
  })
  return { kind: 'checked-in', report }
}
