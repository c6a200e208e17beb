import type { Database } from '../db/client.js'
import { addMessage, findInboxItem, lockTicket, updateTicket } from '../db/repositories/feedback.js'
import { canManage } from '../db/repositories/roles.js'
import { updateStationIn, type Actor } from '../db/repositories/station-changes.js'
import { clearAmenityOutageIn, currentOutages, setAmenityOutageIn } from '../db/repositories/station-outages.js'
import {
  findTicketReport,
  listConfirmedSince,
  lockOpenReports,
  resolveReports,
  type TicketReport,
} from '../db/repositories/station-report-handling.js'
import { findStation } from '../db/repositories/stations.js'
import type { FeedbackTicket, StationReport, StationReportKind, User } from '../db/schema/index.js'
import { shanghaiDate } from '../domain/time.js'
import type { Amenity } from '../domain/vocabulary.js'
import { mayHandle } from './tickets.js'

const DAY = 86_400_000

type Deps = { db: Database; now: () => Date }
type Organizer = Pick<User, 'id' | 'role'>

/** What confirming a report of this kind does to the station. */
export type ReportEffect = 'close' | 'outage' | 'deactivate' | 'correct'

const effects: Record<Exclude<StationReportKind, 'all_good'>, ReportEffect> = {
  closed: 'close',
  no_hot_water: 'outage',
  charging_broken: 'outage',
  toilet_broken: 'outage',
  gone: 'deactivate',
  wrong_location: 'correct',
  wrong_hours: 'correct',
  other: 'correct',
}

export const reportEffect = (kind: StationReportKind): ReportEffect => (kind === 'all_good' ? 'correct' : effects[kind])

const CHARGING: readonly Amenity[] = ['phone_charging', 'ebike_charging']

/** The amenities a report of this kind takes out: charging is whichever kinds of charging the station lists. */
export function outageAmenities(kind: StationReportKind, listed: readonly string[]): Amenity[] {
  if (kind === 'no_hot_water') return ['hot_water']
  if (kind === 'toilet_broken') return ['toilet']
  if (kind !== 'charging_broken') return []
  const charging = CHARGING.filter((amenity) => listed.includes(amenity))
  return charging.length > 0 ? charging : ['phone_charging']
}

/** Until when a confirmed outage lasts: the end of today or of tomorrow (Shanghai), or until someone says it is back. */
export type OutageUntil = 'today' | 'tomorrow' | 'open'

/** Midnight (Shanghai) at the end of the day `days` after the day of `now`. */
export function shanghaiDayEnd(now: Date, days = 0): Date {
  return new Date(Date.parse(`${shanghaiDate(now)}T00:00:00+08:00`) + (days + 1) * DAY)
}

const untilDate = (until: OutageUntil, now: Date): Date | null =>
  until === 'open' ? null : shanghaiDayEnd(now, until === 'tomorrow' ? 1 : 0)

type ReportOutcome = 'confirmed' | 'dismissed' | 'restored'

/** The notice each reporter gets, queued in the caller's transaction and rendered by the bot in their language. */
export type ReportNotices = {
  reporter: (tx: Database, notice: { report: StationReport; stationName: string; outcome: ReportOutcome; reason: string }) => Promise<void>
}

/** What was resolved: the station and the kind of report. */
type Resolved = Pick<TicketReport, 'stationId' | 'stationName' | 'kind'>

export type ResolutionResult = { kind: 'done'; report: Resolved; count: number } | { kind: 'forbidden' | 'gone' | 'unchanged' }

/** A resolution's station-side change, given the organizer's choice; what the bot says it is (a closure's reason). */
export type Confirmation = { until: OutageUntil; reason: string }

type Resolution = { status: 'confirmed'; confirmation: Confirmation } | { status: 'dismissed'; reason: string }

/** The report behind a ticket, once the organizer may handle that ticket. */
async function reportFor(tx: Database, organizer: Organizer | undefined, ticketId: number) {
  const item = await findInboxItem(tx, ticketId)
  const report = item === undefined ? undefined : await findTicketReport(tx, ticketId)
  if (item === undefined || report === undefined) return { kind: 'gone' } as const
  if (organizer === undefined || !(await mayHandle(tx, organizer, item))) return { kind: 'forbidden' } as const
  return { kind: 'found', report } as const
}

async function applyEffect(tx: Database, report: TicketReport, confirmation: Confirmation, actor: Actor, now: Date) {
  const effect = reportEffect(report.kind)
  if (effect === 'close')
    await updateStationIn(tx, report.stationId, { closedUntil: shanghaiDayEnd(now), closedReason: confirmation.reason }, actor, now)
  if (effect === 'deactivate') await updateStationIn(tx, report.stationId, { active: false }, actor, now)
  if (effect === 'outage') {
    const until = untilDate(confirmation.until, now)
    for (const amenity of outageAmenities(report.kind, report.amenities))
      await setAmenityOutageIn(tx, { stationId: report.stationId, amenity, until, reason: confirmation.reason }, actor, now)
  }
}

/** Answers and closes a report's ticket through the ticket history, so its due time and escalation stop. */
async function closeTicket(tx: Database, ticket: FeedbackTicket, organizer: Organizer, event: string, reason: string, now: Date) {
  if (ticket.status === 'closed') return
  if (reason !== '')
    await addMessage(tx, {
      ticketId: ticket.id,
      author: 'organizer',
      authorId: organizer.id,
      kind: 'text',
      text: reason,
      fileId: null,
      createdAt: now,
    })
  await addMessage(tx, {
    ticketId: ticket.id,
    author: 'system',
    authorId: organizer.id,
    kind: 'text',
    text: event,
    fileId: null,
    createdAt: now,
  })
  await updateTicket(tx, ticket.id, {
    status: 'closed',
    firstAnsweredAt: ticket.firstAnsweredAt ?? now,
    answeredAt: now,
    closedAt: now,
    updatedAt: now,
  })
}

/**
 * Resolves the report behind a ticket together with every open report of the same kind at the same
 * station, in one transaction: the station's state changes (on confirmation), the reports are
 * marked, their tickets closed, and each reporter told once. A report no longer open (a double
 * tap, another organizer first) changes nothing.
 */
async function resolve(
  deps: Deps,
  notices: ReportNotices,
  organizer: Organizer | undefined,
  ticketId: number,
  resolution: Resolution,
): Promise<ResolutionResult> {
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const found = await reportFor(tx, organizer, ticketId)
    if (found.kind !== 'found' || organizer === undefined) return { kind: found.kind === 'found' ? 'forbidden' : found.kind }
    const { report } = found
    const open = await lockOpenReports(tx, report.stationId, report.kind)
    if (!open.some((row) => row.ticketId === ticketId)) return { kind: 'unchanged' }
    const handled: StationReport[] = []
    const tickets = new Map<number, FeedbackTicket>()
    for (const row of open) {
      if (row.ticketId === null) {
        handled.push(row)
        continue
      }
      const ticket = tickets.get(row.ticketId) ?? (await lockTicket(tx, row.ticketId))
      // Another organizer's ticket about the same station stays theirs.
      if (ticket === undefined || !(await mayHandle(tx, organizer, ticket))) continue
      tickets.set(ticket.id, ticket)
      handled.push(row)
    }
    const actor: Actor = { actorId: organizer.id, source: 'report', note: `report #${report.id}` }
    if (resolution.status === 'confirmed') await applyEffect(tx, report, resolution.confirmation, actor, now)
    await resolveReports(
      tx,
      handled.map((row) => row.id),
      { status: resolution.status, resolvedAt: now, resolvedBy: organizer.id },
    )
    const reason = resolution.status === 'dismissed' ? resolution.reason : ''
    for (const ticket of tickets.values()) await closeTicket(tx, ticket, organizer, `report-${resolution.status}`, reason, now)
    await tellReporters(tx, notices, report.stationName, handled, resolution.status, reason)
    return { kind: 'done', report, count: handled.length }
  })
}

/** Each reporter once, however many of these reports are theirs. */
async function tellReporters(
  tx: Database,
  notices: ReportNotices,
  stationName: string,
  reports: StationReport[],
  outcome: ReportOutcome,
  reason: string,
) {
  const told = new Set<number>()
  for (const row of reports) {
    if (told.has(row.userId)) continue
    told.add(row.userId)
    await notices.reporter(tx, { report: row, stationName, outcome, reason })
  }
}

/** ✅ 确认: the station's state is set according to the report's kind (closed today, amenity out, deactivated, or data corrected). */
export async function confirmReports(
  deps: Deps,
  notices: ReportNotices,
  organizer: Organizer | undefined,
  ticketId: number,
  confirmation: Confirmation,
): Promise<ResolutionResult> {
  return resolve(deps, notices, organizer, ticketId, { status: 'confirmed', confirmation })
}

/** ❌ 驳回: the station is as listed; the reason, when given, goes to the reporters and into the ticket's history. */
export async function dismissReports(
  deps: Deps,
  notices: ReportNotices,
  organizer: Organizer | undefined,
  ticketId: number,
  reason: string,
): Promise<ResolutionResult> {
  return resolve(deps, notices, organizer, ticketId, { status: 'dismissed', reason })
}

/** Kinds of report whose confirmed state can end: an amenity back, a station open again. */
export const restorableKinds = ['closed', 'no_hot_water', 'charging_broken', 'toilet_broken'] as const
export type RestorableKind = (typeof restorableKinds)[number]

/**
 * The state a confirmed report set is over (热水已恢复, 已恢复开放): the outage cleared or the
 * closure lifted, and the reporters of the reports confirmed while it lasted told. Nothing
 * happens when the state already ended.
 */
export async function restoreStation(
  deps: Deps,
  notices: ReportNotices,
  organizer: Organizer | undefined,
  ticketId: number,
): Promise<ResolutionResult> {
  return deps.db.transaction(async (tx) => {
    const found = await reportFor(tx, organizer, ticketId)
    if (found.kind !== 'found' || organizer === undefined) return { kind: found.kind === 'found' ? 'forbidden' : found.kind }
    return endState(tx, notices, { actorId: organizer.id, source: 'report', note: `report #${found.report.id}` }, found.report, deps.now())
  })
}

/** `restoreStation` from the station rather than a report's ticket (the station's own panel), for whoever manages the station. */
export async function restoreStationAt(
  deps: Deps,
  notices: ReportNotices,
  organizer: Organizer | undefined,
  stationId: number,
  kind: RestorableKind,
): Promise<ResolutionResult> {
  return deps.db.transaction(async (tx) => {
    const station = await findStation(tx, stationId)
    if (station === undefined) return { kind: 'gone' }
    if (organizer === undefined || !(await canManage(tx, organizer, { city: station.city, stationId }))) return { kind: 'forbidden' }
    const about = { stationId, stationName: station.name, kind, amenities: station.amenities }
    return endState(tx, notices, { actorId: organizer.id, source: 'organizer' }, about, deps.now())
  })
}

/** The kind of report an amenity's outage answers (热水 → 没有热水); undefined for amenities riders cannot report. */
function reportKindOfAmenity(amenity: string): RestorableKind | undefined {
  if (amenity === 'hot_water') return 'no_hot_water'
  if (amenity === 'toilet') return 'toilet_broken'
  if ((CHARGING as readonly string[]).includes(amenity)) return 'charging_broken'
  return undefined
}

/**
 * An amenity is back, said from the station's own panel or by its merchant (the caller checked
 * who may): the outage is cleared, and the riders whose reports of it were confirmed while it
 * lasted are told (热水已恢复，谢谢你的反馈), in one transaction. False when it was not out.
 */
export async function endAmenityOutage(
  deps: Pick<Deps, 'db' | 'now'>,
  notices: ReportNotices,
  actor: Actor,
  stationId: number,
  amenity: string,
): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const now = deps.now()
    const station = await findStation(tx, stationId)
    const [outage] = (await currentOutages(tx, [stationId], now)).filter((current) => current.amenity === amenity)
    if (station === undefined || outage === undefined) return false
    await clearAmenityOutageIn(tx, stationId, amenity, actor)
    const kind = reportKindOfAmenity(amenity)
    if (kind === undefined) return true
    // Riders are told once the amenity their report was about is fully back (both chargers, say).
    const stillOut = (await currentOutages(tx, [stationId], now)).some((current) =>
      outageAmenities(kind, station.amenities).includes(current.amenity as never),
    )
    if (stillOut) return true
    const confirmed = await listConfirmedSince(tx, stationId, kind, outage.createdAt)
    await tellReporters(tx, notices, station.name, confirmed, 'restored', '')
    return true
  })
}

async function endState(
  tx: Database,
  notices: ReportNotices,
  actor: Actor,
  about: Resolved & { amenities: string[] },
  now: Date,
): Promise<ResolutionResult> {
  let since: Date | undefined
  if (reportEffect(about.kind) === 'outage') {
    const amenities: string[] = outageAmenities(about.kind, about.amenities)
    const outages = (await currentOutages(tx, [about.stationId], now)).filter((outage) => amenities.includes(outage.amenity))
    for (const outage of outages) await clearAmenityOutageIn(tx, about.stationId, outage.amenity, actor)
    since = outages.map((outage) => outage.createdAt).sort((a, b) => a.getTime() - b.getTime())[0]
  } else if (reportEffect(about.kind) === 'close') {
    const station = await findStation(tx, about.stationId)
    if (station?.closedUntil != null && station.closedUntil > now) {
      await updateStationIn(tx, about.stationId, { closedUntil: null, closedReason: '' }, actor, now)
      // A closure confirmed from reports lasts to the end of its day.
      since = new Date(now.getTime() - DAY)
    }
  }
  if (since === undefined) return { kind: 'unchanged' }
  const confirmed = await listConfirmedSince(tx, about.stationId, about.kind, since)
  await tellReporters(tx, notices, about.stationName, confirmed, 'restored', '')
  return { kind: 'done', report: about, count: confirmed.length }
}
