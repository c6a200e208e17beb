import type { StationRecord } from '../../../db/repositories/stations.js'
import { MAX_WALK_MINUTES, travelMinutes } from '../../../domain/geo.js'
import type { OpeningState } from '../../../domain/opening-hours.js'
import { shanghaiDaysBetween, shanghaiTime, shanghaiWeekday } from '../../../domain/time.js'
import { isAmenity, isStationKind } from '../../../domain/vocabulary.js'
import type { Filters } from '../../callbacks/stations.js'
import type { Translate } from '../../i18n.js'
import { formatDistance } from '../../ui/distance.js'
import { escapeHtml, tHtml } from '../../ui/html.js'
import { PAGE_SIZE, type ListedStation, type NearestPage } from './nearest.js'

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

const kindLabel = (t: Translate, kind: string) => t(`kind-${isStationKind(kind) ? kind : 'other'}`)

/** The amenities as one line of icon+label pairs, followed by a line break; empty when there are none. */
export function formatAmenities(t: Translate, list: readonly string[]): string {
  const known = list.filter(isAmenity)
  return known.length === 0 ? '' : `${known.map((amenity) => t(`amenity-${amenity}`)).join('  ')}\n`
}

export function formatAddress(station: Pick<StationRecord, 'city' | 'address'>): string {
  return escapeHtml(station.address.startsWith(station.city) ? station.address : `${station.city}${station.address}`)
}

/** Walking time only where someone would walk; beyond that the e-bike time alone. */
function formatTravel(t: Translate, metres: number): string {
  const minutes = travelMinutes(metres)
  return minutes.walk <= MAX_WALK_MINUTES ? t('travel-walk-ebike', minutes) : t('travel-ebike', { ebike: minutes.ebike })
}

function formatItem(t: Translate, station: ListedStation, index: number, now: Date): string {
  const common = {
    index,
    name: escapeHtml(station.name),
    kind: kindLabel(t, station.kind),
    status: formatStatus(t, station.state, now),
    amenities: formatAmenities(t, station.amenities),
    address: formatAddress(station),
  }
  if (station.chosen === true) return t('list-item-chosen', common)
  return t('list-item', {
    ...common,
    distance: formatDistance(t, station.distance),
    travel: formatTravel(t, station.distance),
  })
}

function formatFilterSummary(t: Translate, filters: Filters): string | undefined {
  const labels = [...(filters.openNow ? [t('filter-open-now')] : []), ...filters.amenities.map((amenity) => t(`amenity-${amenity}`))]
  return labels.length === 0 ? undefined : t('list-filters', { filters: labels.join(' · ') })
}

function formatBody(t: Translate, input: { page: number; filters: Filters; result: NearestPage; now: Date; radiusKm: number }): string[] {
  const { result, page, now } = input
  const radius = input.radiusKm
  if (result.nothingNear && input.filters.amenities.length === 0) return [t('list-nothing-near', { radius })]
  if (result.stations.length === 0 && result.notOpen.length === 0) {
    return [t(page === 0 ? 'list-empty' : 'list-empty-page', { radius })]
  }
  const first = page * PAGE_SIZE + 1
  const body: string[] = []
  if (page === 0 && result.openCount !== undefined && result.openCount < PAGE_SIZE) {
    body.push(t('list-open-few', { radius, count: result.openCount }))
  }
  body.push(...result.stations.map((station, index) => formatItem(t, station, first + index, now)))
  if (result.notOpen.length > 0) {
    const next = first + result.stations.length
    body.push(t('list-not-open-title'))
    body.push(...result.notOpen.map((station, index) => formatItem(t, station, next + index, now)))
  }
  return body
}

export function formatList(
  t: Translate,
  input: { originName: string | undefined; page: number; filters: Filters; result: NearestPage; now: Date; radiusKm: number },
): string {
  const title = input.originName === undefined ? t('list-title-here') : tHtml(t, 'list-title-from', { origin: input.originName })
  const head = [`${title} · ${t('list-page', { page: input.page + 1 })}`]
  const summary = formatFilterSummary(t, input.filters)
  if (summary !== undefined) head.push(summary)
  return [head.join('\n'), ...formatBody(t, input)].join('\n\n')
}
