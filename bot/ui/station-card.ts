import type { InlineKeyboard } from 'grammy'
import type { Database } from '../../db/client.js'
import { storedOpenings, type StoredOpening } from '../../db/repositories/station-open.js'
import { currentOutages } from '../../db/repositories/station-outages.js'
import { stationReportStates, type StationReportState } from '../../db/repositories/station-reports.js'
import type { StationRecord } from '../../db/repositories/stations.js'
import { openingState, type OpeningState } from '../../domain/opening-hours.js'
import { shanghaiDate, shanghaiDaysBetween, shanghaiTime, shanghaiWeekday } from '../../domain/time.js'
import { isAmenity } from '../../domain/vocabulary.js'
import { feedbackCallbacks } from '../callbacks/feedback.js'
import { stationReportCallbacks } from '../callbacks/station-reports.js'
import type { Translate } from '../i18n.js'
import { escapeHtml } from './html.js'
import { mapKeyboard } from './navigation.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
/** A 👍 this recent makes the card's freshness 刚有骑手确认 rather than the organizer's last check. */
const FRESH_CHECK_IN_MS = 3 * HOUR
/** How much of a rider's own words (其它) a card or list quotes. */
const QUOTE_LENGTH = 30

function formatWhen(t: Translate, now: Date, at: Date): string {
  const time = shanghaiTime(at)
  const days = shanghaiDaysBetween(now, at)
  if (days <= 0) return t('when-today', { time })
  if (days === 1) return t('when-tomorrow', { time })
  return t('when-weekday', { time, weekday: t(`weekday-${shanghaiWeekday(at)}`) })
}

export function formatStatus(t: Translate, state: OpeningState, now: Date): string {
  switch (state.kind) {
    case 'unknown':
      return t('status-unknown')
    case 'open':
      return state.closesAt === undefined ? t('status-open-24h') : t('status-open-until', { when: formatWhen(t, now, state.closesAt) })
    case 'closed':
      return state.opensAt === undefined ? t('status-closed') : t('status-closed-until', { when: formatWhen(t, now, state.opensAt) })
  }
}

/** The amenities as one line of icon+label pairs, followed by a line break; empty when there are none. */
export function formatAmenities(t: Translate, list: readonly string[]): string {
  const known = list.filter(isAmenity)
  return known.length === 0 ? '' : `${known.map((amenity) => t(`amenity-${amenity}`)).join('  ')}\n`
}

export function formatAddress(station: Pick<StationRecord, 'city' | 'address'>): string {
  return escapeHtml(station.address.startsWith(station.city) ? station.address : `${station.city}${station.address}`)
}

/** "刚刚", "35 分钟前", "2 小时前", "3 天前". */
function formatAgo(t: Translate, now: Date, at: Date): string {
  const elapsed = Math.max(0, now.getTime() - at.getTime())
  if (elapsed < MINUTE) return t('station-card-ago-now')
  if (elapsed < HOUR) return t('station-card-ago-minutes', { count: Math.floor(elapsed / MINUTE) })
  if (elapsed < 24 * HOUR) return t('station-card-ago-hours', { count: Math.floor(elapsed / HOUR) })
  return t('station-card-ago-days', { count: Math.floor(elapsed / (24 * HOUR)) })
}

const quote = (text: string) => {
  const chars = [...text.replace(/\s+/g, ' ').trim()]
  return escapeHtml(chars.length > QUOTE_LENGTH ? `${chars.slice(0, QUOTE_LENGTH).join('')}…` : chars.join(''))
}

/**
 * What riders said that a card or a list shows, one line each: 可能没开门, then the latest report
 * ("⚠️ 35 分钟前有骑手反馈：没有热水"); nothing when there is nothing to say.
 */
export function formatReportLines(t: Translate, reports: StationReportState | undefined, now: Date): string[] {
  if (reports === undefined) return []
  const lines: string[] = []
  if (reports.maybeClosed) lines.push(t('station-card-maybe-closed'))
  const latest = reports.latest
  if (latest !== undefined) {
    const label = t(`station-report-kind-${latest.kind}`)
    const what = latest.text.trim() === '' ? label : `${label}：${quote(latest.text)}`
    lines.push(
      t(latest.confirmed ? 'station-card-report-confirmed' : 'station-card-report', { ago: formatAgo(t, now, latest.createdAt), what }),
    )
  }
  return lines
}

/**
 * The state shown for a station: open or closed as the stored intervals say (hours, holiday hours,
 * temporary closure), "unknown" only for hours nobody knows that nothing else closes.
 */
export function shownState(station: StationRecord, stored: StoredOpening | undefined, now: Date): OpeningState {
  if (stored?.kind === 'open') return stored
  const closed = station.closedUntil !== null && station.closedUntil > now
  if (!closed && openingState(station.openingHours, now).kind === 'unknown') return { kind: 'unknown' }
  return { kind: 'closed', opensAt: stored?.opensAt }
}

/** A station's state at `now` as the lists show it (hours, holiday hours, temporary closure). */
export async function stationState(db: Database, station: StationRecord, now: Date): Promise<OpeningState> {
  const stored = await storedOpenings(db, [station.id], now)
  return shownState(station, stored.get(station.id), now)
}

export type StationCardState = { opening: OpeningState; outages: readonly string[]; reports: StationReportState | undefined }

/** Everything a card shows beyond the station's own row: its opening state, outages and riders' reports. */
export async function loadStationCard(db: Database, station: StationRecord, now: Date, fadeHours: number): Promise<StationCardState> {
  const outages = await currentOutages(db, [station.id], now)
  const reports = await stationReportStates(db, [station.id], now, fadeHours)
  return {
    opening: await stationState(db, station, now),
    outages: outages.map((outage) => outage.amenity),
    reports: reports.get(station.id),
  }
}

function closureLine(t: Translate, station: StationRecord, now: Date): string | undefined {
  if (station.closedUntil === null || station.closedUntil <= now) return undefined
  const until = `${shanghaiDate(station.closedUntil).slice(5).replace('-', '/')} ${shanghaiTime(station.closedUntil)}`
  const reason = station.closedReason.trim()
  return reason === ''
    ? t('station-card-closed-until', { until })
    : t('station-card-closed-until-reason', { until, reason: escapeHtml(reason) })
}

function freshnessLine(t: Translate, station: StationRecord, reports: StationReportState | undefined, now: Date): string | undefined {
  const checkIn = reports?.checkIn
  if (checkIn !== undefined && now.getTime() - checkIn.getTime() < FRESH_CHECK_IN_MS) return t('station-card-fresh-rider')
  if (station.lastVerified === null) return undefined
  const days = -shanghaiDaysBetween(now, new Date(`${station.lastVerified}T12:00:00+08:00`))
  return t('station-card-verified', { days: Math.max(0, days) })
}

/**
 * The station card riders see after 🧭: name, status (a temporary closure with its reason and
 * end, else the opening hours' state; 可能没开门 when riders say so), amenities out, what riders
 * reported, the latest 👍 and how fresh the data is.
 */
export function renderStationCard(t: Translate, station: StationRecord, state: StationCardState, now: Date): string {
  const lines = [`🧭 <b>${escapeHtml(station.name)}</b>`]
  lines.push(closureLine(t, station, now) ?? formatStatus(t, state.opening, now))
  lines.push(...formatReportLines(t, state.reports, now))
  for (const amenity of state.outages) {
    if (isAmenity(amenity)) lines.push(t('station-card-outage', { amenity: t(`amenity-${amenity}`) }))
  }
  lines.push(`${formatAmenities(t, station.amenities)}${formatAddress(station)}`)
  if (station.phone !== '') lines.push(t('station-card-phone', { phone: escapeHtml(station.phone) }))
  const checkIn = state.reports?.checkIn
  if (checkIn !== undefined) lines.push(t('station-card-check-in', { ago: formatAgo(t, now, checkIn) }))
  const fresh = freshnessLine(t, station, state.reports, now)
  if (fresh !== undefined) lines.push(fresh)
  return `${lines.join('\n')}\n\n${t('station-card-hint')}`
}

/** The map apps, 你说我做, and the rider's 📣 报告情况 and 👍 刚来过，一切正常. */
export const stationCardKeyboard = (t: Translate, station: StationRecord): InlineKeyboard =>
  mapKeyboard(t, station)
    .text(t('feedback-said-button'), feedbackCallbacks.said.pack({ stationId: station.id }))
    .row()
    .text(t('station-card-button-report'), stationReportCallbacks.menu.pack({ stationId: station.id }))
    .text(t('station-card-button-all-good'), stationReportCallbacks.allGood.pack({ stationId: station.id }))
