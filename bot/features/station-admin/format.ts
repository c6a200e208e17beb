import { InlineKeyboard } from 'grammy'
import type { StationRecord } from '../../../db/repositories/stations.js'
import { isAmenity, isStationKind } from '../../../domain/vocabulary.js'
import { stationAdminCallbacks, stationFields } from '../../callbacks/station-admin.js'
import type { Translate } from '../../i18n.js'
import { tHtml } from '../../ui/html.js'
import { describeOpeningHours } from '../../ui/opening-hours-words.js'

export type StationDraft = Pick<
  StationRecord,
  'name' | 'kind' | 'address' | 'city' | 'lat' | 'lng' | 'amenities' | 'openingHours' | 'phone' | 'photoFileId'
>

/** A station as the organizer checks it before saving and after each change. */
export function stationSummary(t: Translate, station: StationDraft): string {
  const amenities = station.amenities.filter(isAmenity).map((amenity) => t(`amenity-${amenity}`))
  return tHtml(t, 'stationadmin-summary', {
    name: station.name,
    kind: t(`kind-${isStationKind(station.kind) ? station.kind : 'other'}`),
    address:
      station.address === ''
        ? station.city
        : station.address.startsWith(station.city)
          ? station.address
          : `${station.city}${station.address}`,
    point: `${station.lat.toFixed(5)}, ${station.lng.toFixed(5)}`,
    amenities: amenities.length === 0 ? t('stationadmin-none') : amenities.join('  '),
    hours: describeOpeningHours(t, station.openingHours),
    phone: station.phone === '' ? t('stationadmin-none') : station.phone,
    photo: t(station.photoFileId === null ? 'stationadmin-photo-none' : 'stationadmin-photo-yes'),
  })
}

/** ✏️ one field at a time: every field of the station, two to a row. */
export function editMenu(t: Translate, stationId: number): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  stationFields.forEach((field, index) => {
    keyboard.text(t(`stationadmin-field-${field}`), stationAdminCallbacks.field.pack({ field, stationId }))
    if (index % 2 === 1) keyboard.row()
  })
  return keyboard
}

export const editButton = (t: Translate, stationId: number): InlineKeyboard =>
  new InlineKeyboard().text(t('stationadmin-button-edit'), stationAdminCallbacks.edit.pack({ stationId }))
