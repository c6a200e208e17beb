import { InlineKeyboard } from 'grammy'
import type { StationRecord } from '../../../db/repositories/stations.js'
import type { StationAmenityOutage, StationHoursException } from '../../../db/schema/index.js'
import { isAmenity } from '../../../domain/vocabulary.js'
import { stationAdminCallbacks } from '../../callbacks/station-admin.js'
import { stationManageCallbacks as sm } from '../../callbacks/station-manage.js'
import type { Translate } from '../../i18n.js'
import { amenityLabel, formatHolidayRange, isClosedNow, stationListLabel } from './format.js'

export const PAGE_SIZE = 8

export function listKeyboard(t: Translate, stations: StationRecord[], page: number, total: number, now: Date): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  for (const station of stations) keyboard.text(stationListLabel(station, now), sm.view.pack({ stationId: station.id })).row()
  const pages = Math.ceil(total / PAGE_SIZE)
  if (page > 0) keyboard.text(t('sm-button-previous'), sm.list.pack({ page: page - 1 }))
  if (page + 1 < pages) keyboard.text(t('sm-button-next'), sm.list.pack({ page: page + 1 }))
  if (pages > 1) keyboard.row()
  return keyboard.text(t('sm-button-search'), sm.search.pack()).text(t('sm-button-add'), stationAdminCallbacks.add.pack())
}

export function viewKeyboard(t: Translate, station: StationRecord, now: Date): InlineKeyboard {
  const stationId = station.id
  const keyboard = new InlineKeyboard()
    .text(t('sm-button-edit'), stationAdminCallbacks.edit.pack({ stationId }))
    .text(t('sm-button-verify'), sm.verify.pack({ stationId }))
    .row()
  if (station.active) {
    keyboard
      .text(
        isClosedNow(station, now) ? t('sm-button-reopen') : t('sm-button-close'),
        (isClosedNow(station, now) ? sm.reopen : sm.close).pack({ stationId }),
      )
      .text(t('sm-button-holidays'), sm.holidays.pack({ stationId }))
      .row()
      .text(t('sm-button-outages'), sm.outages.pack({ stationId }))
      .text(t('sm-button-invite'), sm.invite.pack({ stationId }))
      .row()
  }
  keyboard.text(t('sm-button-history'), sm.history.pack({ stationId, page: 0 }))
  keyboard.text(
    station.active ? t('sm-button-deactivate') : t('sm-button-reactivate'),
    (station.active ? sm.deactivate : sm.reactivate).pack({ stationId }),
  )
  return keyboard.row().text(t('sm-button-back-list'), sm.list.pack({ page: 0 }))
}

export const backToStation = (t: Translate, stationId: number) =>
  new InlineKeyboard().text(t('sm-button-back'), sm.view.pack({ stationId }))

export function closeKeyboard(t: Translate, stationId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('sm-button-close-today'), sm.closeToday.pack({ stationId }))
    .text(t('sm-button-close-until'), sm.closeUntil.pack({ stationId }))
    .row()
    .text(t('sm-button-back'), sm.view.pack({ stationId }))
}

export function holidaysKeyboard(t: Translate, stationId: number, holidays: StationHoursException[]): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  for (const holiday of holidays)
    keyboard
      .text(
        t('sm-button-holiday-delete', { range: formatHolidayRange(t, holiday) }),
        sm.holidayDelete.pack({ stationId, exceptionId: holiday.id }),
      )
      .row()
  return keyboard.text(t('sm-button-holiday-add'), sm.holidayAdd.pack({ stationId })).text(t('sm-button-back'), sm.view.pack({ stationId }))
}

/** One button per listed amenity: out ones clear it, others mark it out. */
export function outagesKeyboard(t: Translate, station: StationRecord, outages: StationAmenityOutage[]): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  let count = 0
  for (const amenity of station.amenities.filter(isAmenity)) {
    const out = outages.some((outage) => outage.amenity === amenity)
    const label = t(out ? 'sm-button-outage-clear' : 'sm-button-outage-set', { amenity: amenityLabel(t, amenity) })
    const callback = out ? sm.outageClear : sm.outageSet
    keyboard.text(label, callback.pack({ stationId: station.id, amenity }))
    if (++count % 2 === 0) keyboard.row()
  }
  return keyboard.row().text(t('sm-button-back'), sm.view.pack({ stationId: station.id }))
}

export function confirmDeactivateKeyboard(t: Translate, stationId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('sm-button-deactivate-yes'), sm.deactivateConfirmed.pack({ stationId }))
    .text(t('sm-button-back'), sm.view.pack({ stationId }))
}

export function historyKeyboard(t: Translate, stationId: number, page: number, more: boolean): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  if (page > 0) keyboard.text(t('sm-button-previous'), sm.history.pack({ stationId, page: page - 1 }))
  if (more) keyboard.text(t('sm-button-next'), sm.history.pack({ stationId, page: page + 1 }))
  return keyboard.row().text(t('sm-button-back'), sm.view.pack({ stationId }))
}
