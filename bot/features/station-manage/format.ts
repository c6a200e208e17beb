import type { StationRecord } from '../../../db/repositories/stations.js'
import type { StationAmenityOutage, StationChange, StationHoursException } from '../../../db/schema/index.js'
import { openingState } from '../../../domain/opening-hours.js'
import { shanghaiDate, shanghaiDateTime, shanghaiShortDateTime, shanghaiTime } from '../../../domain/time.js'
import { isAmenity, type Amenity } from '../../../domain/vocabulary.js'
import type { Translate } from '../../i18n.js'
import { escapeHtml, markup, tHtml } from '../../ui/html.js'
import { stationPlace } from '../../ui/station-label.js'

/** "12月10日" from "2026-12-10". */
export function formatDay(t: Translate, day: string): string {
  const [, month, date] = day.split('-').map(Number)
  return t('sm-day', { month: month ?? 0, day: date ?? 0 })
}

/** When a closure or an outage ends: a day when it ends at midnight ("12月10日恢复"), else day and time. */
export function formatUntil(t: Translate, until: Date): string {
  return shanghaiTime(until) === '00:00'
    ? t('sm-until-day', { day: formatDay(t, shanghaiDate(until)) })
    : t('sm-until-time', { day: formatDay(t, shanghaiDate(until)), time: shanghaiTime(until) })
}

export const amenityLabel = (t: Translate, amenity: string) => (isAmenity(amenity) ? t(`amenity-${amenity}`) : amenity)

export const isClosedNow = (station: Pick<StationRecord, 'closedUntil'>, now: Date) =>
  station.closedUntil !== null && station.closedUntil > now

function statusLine(t: Translate, station: StationRecord, now: Date): string {
  if (!station.active) return t('sm-status-inactive')
  if (isClosedNow(station, now)) {
    const until = formatUntil(t, station.closedUntil!)
    return station.closedReason === ''
      ? t('sm-status-paused', { until })
      : tHtml(t, 'sm-status-paused-reason', { until, reason: station.closedReason })
  }
  const state = openingState(station.openingHours, now)
  return t(state.kind === 'open' ? 'sm-status-open' : state.kind === 'closed' ? 'sm-status-closed' : 'sm-status-unknown')
}

export function formatHolidayRange(t: Translate, exception: Pick<StationHoursException, 'startsOn' | 'endsOn' | 'openingHours'>) {
  const range =
    exception.startsOn === exception.endsOn
      ? formatDay(t, exception.startsOn)
      : t('sm-day-range', { from: formatDay(t, exception.startsOn), to: formatDay(t, exception.endsOn) })
  const hours = exception.openingHours === '' ? t('sm-holiday-closed') : exception.openingHours
  return `${range} ${escapeHtml(hours)}`
}

export type StationView = {
  station: StationRecord
  outages: StationAmenityOutage[]
  holidays: StationHoursException[]
  merchants?: number
}

/** The management view: what riders will be told about the station, and how fresh it is. */
export function formatStationView(t: Translate, view: StationView, now: Date): string {
  const { station } = view
  const lines = [
    tHtml(t, 'sm-view-title', { name: station.name, place: stationPlace(station) || '—', address: station.address || '—' }),
    tHtml(t, 'sm-view-hours', { hours: station.openingHours || t('sm-hours-unknown') }),
    tHtml(t, 'sm-view-status', { status: markup(statusLine(t, station, now)) }),
  ]
  if (view.holidays.length > 0)
    lines.push(t('sm-view-holidays', { list: view.holidays.map((holiday) => formatHolidayRange(t, holiday)).join('；') }))
  for (const outage of view.outages)
    lines.push(
      t('sm-view-outage', {
        amenity: amenityLabel(t, outage.amenity),
        until: outage.until === null ? t('sm-outage-until-back') : formatUntil(t, outage.until),
      }),
    )
  lines.push(
    station.lastVerified === null
      ? t('sm-view-never-verified')
      : t('sm-view-verified', { day: station.lastVerified, days: daysSince(station.lastVerified, now) }),
  )
  return lines.join('\n')
}

const daysSince = (day: string, now: Date) => Math.round((Date.parse(shanghaiDate(now)) - Date.parse(day)) / 86_400_000)

/** The list's button for a station: a lock when paused, a bar when deactivated. */
export function stationListLabel(station: StationRecord, now: Date): string {
  const mark = !station.active ? '🚫 ' : isClosedNow(station, now) ? '🔒 ' : ''
  const place = stationPlace(station)
  const label = `${mark}${station.name}${place === '' ? '' : ` · ${place}`}`
  return [...label].length > 40 ? `${[...label].slice(0, 39).join('')}…` : label
}

const knownFields = [
  'name',
  'kind',
  'address',
  'city',
  'district',
  'lat',
  'lng',
  'amenities',
  'openingHours',
  'phone',
  'active',
  'lastVerified',
  'closedUntil',
  'closedReason',
  'photoFileId',
] as const
type KnownField = (typeof knownFields)[number]
const isKnownField = (field: string): field is KnownField => (knownFields as readonly string[]).includes(field)

const MAX_VALUE = 30
const shorten = (text: string) => ([...text].length > MAX_VALUE ? `${[...text].slice(0, MAX_VALUE - 1).join('')}…` : text)
const isTimestamp = (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)

function formatValue(t: Translate, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') {
    if (field.startsWith('holiday:') && value === '') return t('sm-holiday-closed')
    return '—'
  }
  if (field === 'active') return t(value === true ? 'sm-value-active' : 'sm-value-inactive')
  if (field === 'photoFileId') return t('sm-value-photo')
  if (value === 'open-ended') return t('sm-outage-until-back')
  if (Array.isArray(value)) return shorten(value.map((item) => amenityLabel(t, String(item))).join(' '))
  if (typeof value === 'string' && isTimestamp(value)) return shanghaiDateTime(new Date(value))
  return shorten(typeof value === 'string' ? value : JSON.stringify(value))
}

function fieldLabel(t: Translate, field: string): string {
  if (isKnownField(field)) return t(`sm-field-${field}`)
  if (field.startsWith('outage:')) return t('sm-field-outage', { amenity: amenityLabel(t, field.slice('outage:'.length)) })
  if (field.startsWith('holiday:')) {
    const [from = '', to = ''] = field.slice('holiday:'.length).split('..')
    return t('sm-field-holiday', {
      range: from === to ? formatDay(t, from) : t('sm-day-range', { from: formatDay(t, from), to: formatDay(t, to) }),
    })
  }
  return field
}

const sourceLabels = {
  organizer: 'sm-who-organizer',
  merchant: 'sm-who-merchant',
  import: 'sm-who-import',
  report: 'sm-who-report',
  suggestion: 'sm-who-suggestion',
  system: 'sm-who-system',
} as const

/** Who made a change: the person's name (and as what), or 导入 / 系统 / 骑手推荐 for changes nobody typed. */
function formatWho(t: Translate, change: StationChange, names: ReadonlyMap<number, string>): string {
  const name = change.actorId === null ? undefined : names.get(change.actorId)
  const source = t(sourceLabels[change.source])
  if (change.actorId === null || change.source === 'import' || change.source === 'system') return source
  return t('sm-who-person', { name: name === undefined || name === '' ? String(change.actorId) : name, source })
}

/** One page of the station's history, newest first, in words; HTML. */
export function formatHistory(
  t: Translate,
  stationName: string,
  changes: StationChange[],
  names: ReadonlyMap<number, string>,
  page: number,
) {
  if (changes.length === 0) return tHtml(t, 'sm-history-empty', { name: stationName })
  const entries = changes.map((change) => {
    const fields = Object.entries(change.fields).map(([field, { from, to }]) =>
      tHtml(t, 'sm-history-field', {
        field: fieldLabel(t, field),
        from: formatValue(t, field, from),
        to: formatValue(t, field, to),
      }),
    )
    const note = change.note === '' ? '' : `\n${tHtml(t, 'sm-history-note', { note: shorten(change.note) })}`
    return `${tHtml(t, 'sm-history-entry', { when: shanghaiShortDateTime(change.createdAt), who: formatWho(t, change, names) })}\n${fields.join('\n')}${note}`
  })
  return `${tHtml(t, 'sm-history-title', { name: stationName, page: page + 1 })}\n\n${entries.join('\n\n')}`
}

export const merchantAmenityCodes = (kind: 'hot_water' | 'charging', listed: readonly string[]): Amenity[] => {
  if (kind === 'hot_water') return ['hot_water']
  const charging = listed.filter((amenity): amenity is Amenity => amenity === 'phone_charging' || amenity === 'ebike_charging')
  return charging.length === 0 ? ['phone_charging'] : charging
}
