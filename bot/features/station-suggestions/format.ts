import type { ListedSuggestion } from '../../../db/repositories/station-suggestions.js'
import type { StationRecord } from '../../../db/repositories/stations.js'
import { shanghaiShortDateTime } from '../../../domain/time.js'
import { isAmenity } from '../../../domain/vocabulary.js'
import type { Translate } from '../../i18n.js'
import { formatDistance } from '../../ui/distance.js'
import { tHtml } from '../../ui/html.js'

const amenityList = (t: Translate, list: readonly string[]): string =>
  list
    .filter(isAmenity)
    .map((amenity) => t(`amenity-${amenity}`))
    .join('  ') || t('suggest-none')

/** What the rider is about to submit, for the last question. */
export function formatPreview(t: Translate, draft: { name: string; amenities: readonly string[]; note: string; photo: boolean }): string {
  return tHtml(t, 'suggest-preview', {
    name: draft.name,
    amenities: amenityList(t, draft.amenities),
    note: draft.note === '' ? t('suggest-none') : draft.note,
    photo: draft.photo ? 'yes' : 'no',
  })
}

/** One pending suggestion as an organizer reviews it (a photo's caption when there is a photo). */
export function formatReviewCard(t: Translate, suggestion: ListedSuggestion): string {
  return tHtml(t, 'suggest-card', {
    id: suggestion.id,
    name: suggestion.name,
    amenities: amenityList(t, suggestion.amenities),
    note: suggestion.note === '' ? t('suggest-none') : suggestion.note,
    city: suggestion.city === '' ? t('suggest-no-city') : suggestion.city,
    who: suggestion.firstName === null || suggestion.firstName === '' ? t('suggest-rider') : suggestion.firstName,
    when: shanghaiShortDateTime(suggestion.createdAt),
    lat: suggestion.lat.toFixed(5),
    lng: suggestion.lng.toFixed(5),
  })
}

/** The similar stations near a suggestion, before a duplicate is made. */
export function formatDuplicates(t: Translate, name: string, candidates: readonly (StationRecord & { distance: number })[]): string {
  const lines = candidates.map((station, index) =>
    tHtml(t, 'suggest-duplicate-line', {
      index: index + 1,
      name: station.name,
      distance: formatDistance(t, station.distance),
      address: station.address === '' ? station.city : station.address,
    }),
  )
  return [tHtml(t, 'suggest-duplicates', { name }), ...lines].join('\n')
}
