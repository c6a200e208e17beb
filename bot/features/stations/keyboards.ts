import { InlineKeyboard } from 'grammy'
import type { StationRecord } from '../../../db/repositories/stations.js'
import { filterAmenities, type Amenity } from '../../../domain/vocabulary.js'
import { suggestionCallbacks } from '../../callbacks/station-suggestions.js'
import { lastPage, listData, stationCallbacks, type ListQuery } from '../../callbacks/stations.js'
import type { Translate } from '../../i18n.js'
import { stationPlace } from '../../ui/station-label.js'
import { PAGE_SIZE, type ListedStation } from './nearest.js'

const toggle = (list: readonly Amenity[], amenity: Amenity) =>
  list.includes(amenity) ? list.filter((item) => item !== amenity) : [...list, amenity]

/** `suggest`: the list is short, so the rider is offered 推荐一个驿站 under it. */
export function listKeyboard(
  t: Translate,
  query: ListQuery,
  shown: readonly ListedStation[],
  hasMore: boolean,
  suggest = false,
): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  const first = query.page * PAGE_SIZE + 1
  shown.forEach((station, index) =>
    keyboard.text(t('button-navigate', { index: first + index }), stationCallbacks.navigate.pack({ stationId: station.id })),
  )
  keyboard.row()
  if (query.page > 0) keyboard.text(t('button-previous'), listData({ ...query, page: query.page - 1 }))
  if (hasMore && query.page < lastPage) keyboard.text(t('button-next'), listData({ ...query, page: query.page + 1 }))
  keyboard.row()

  const label = (on: boolean, text: string) => (on ? t('filter-on', { label: text }) : text)
  const { filters } = query
  keyboard.text(
    label(filters.openNow, t('button-filter-open-now')),
    listData({ ...query, page: 0, filters: { ...filters, openNow: !filters.openNow } }),
  )
  filterAmenities.forEach((amenity, index) => {
    if ((index + 1) % 3 === 0) keyboard.row()
    keyboard.text(
      label(filters.amenities.includes(amenity), t(`amenity-${amenity}`)),
      listData({ ...query, page: 0, filters: { ...filters, amenities: toggle(filters.amenities, amenity) } }),
    )
  })
  if (suggest) keyboard.row().text(t('suggest-list-button'), suggestionCallbacks.start.pack())
  return keyboard
}

export function searchResultsKeyboard(t: Translate, matches: readonly StationRecord[]): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  for (const station of matches) {
    keyboard
      .text(
        t('search-result-button', { name: station.name, place: stationPlace(station) }),
        stationCallbacks.place.pack({ stationId: station.id }),
      )
      .row()
  }
  return keyboard
}
