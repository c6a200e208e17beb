import { MAX_WALK_MINUTES, travelMinutes } from '../../../domain/geo.js'
import { isStationKind } from '../../../domain/vocabulary.js'
import type { Filters } from '../../callbacks/stations.js'
import type { Translate } from '../../i18n.js'
import { formatDistance } from '../../ui/distance.js'
import { escapeHtml, tHtml } from '../../ui/html.js'
import { formatAddress, formatAmenities, formatReportLines, formatStatus } from '../../ui/station-card.js'
import { PAGE_SIZE, type ListedStation, type NearestPage } from './nearest.js'

const kindLabel = (t: Translate, kind: string) => t(`kind-${isStationKind(kind) ? kind : 'other'}`)

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
  const item =
    station.chosen === true
      ? t('list-item-chosen', common)
      : t('list-item', { ...common, distance: formatDistance(t, station.distance), travel: formatTravel(t, station.distance) })
  return [item, ...formatReportLines(t, station.reports, now)].join('\n')
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
