import { InlineKeyboard } from 'grammy'
import type { StationRecord } from '../../../db/repositories/stations.js'
import { composeCallbacks, controlCallbacks, RADII_KM } from '../../callbacks/broadcast.js'
import type { Translate } from '../../i18n.js'
import { stationButtonLabel } from '../../ui/station-label.js'

const CITY_BUTTONS = 24
const TITLE_CHARS = 30

const shorten = (text: string, max: number) => {
  const chars = [...text]
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text
}

export function audienceTypeKeyboard(t: Translate, admin: boolean): InlineKeyboard {
  const keyboard = new InlineKeyboard()
    .text(t('broadcast-type-event-button'), composeCallbacks.type.pack({ type: 'event' }))
    .row()
    .text(t('broadcast-type-city-button'), composeCallbacks.type.pack({ type: 'city' }))
    .row()
    .text(t('broadcast-type-near-button'), composeCallbacks.type.pack({ type: 'near' }))
  return admin ? keyboard.row().text(t('broadcast-type-everyone-button'), composeCallbacks.type.pack({ type: 'everyone' })) : keyboard
}

export function eventsKeyboard(choices: readonly { id: number; label: string }[]): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  for (const event of choices) keyboard.text(shorten(event.label, TITLE_CHARS), composeCallbacks.event.pack({ eventId: event.id })).row()
  return keyboard
}

export const onlyKeyboard = (t: Translate): InlineKeyboard =>
  new InlineKeyboard()
    .text(t('broadcast-only-all-button'), composeCallbacks.only.pack({ only: 'all' }))
    .row()
    .text(t('broadcast-only-confirmed-button'), composeCallbacks.only.pack({ only: 'confirmed' }))
    .text(t('broadcast-only-waitlisted-button'), composeCallbacks.only.pack({ only: 'waitlisted' }))

/** The first cities as buttons, three a row; the rest can be typed. */
export function citiesKeyboard(cities: readonly string[]): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  cities.slice(0, CITY_BUTTONS).forEach((city, index) => {
    keyboard.text(city, composeCallbacks.city.pack({ index }))
    if (index % 3 === 2) keyboard.row()
  })
  return keyboard
}

export function stationsKeyboard(stations: readonly StationRecord[]): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  for (const station of stations) {
    keyboard.text(stationButtonLabel(station), composeCallbacks.station.pack({ stationId: station.id })).row()
  }
  return keyboard
}

export function kmKeyboard(t: Translate): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  for (const km of RADII_KM) keyboard.text(t('broadcast-km-button', { km }), composeCallbacks.km.pack({ km }))
  return keyboard
}

export function previewKeyboard(t: Translate, canSend: boolean): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  if (canSend)
    keyboard
      .text(t('broadcast-send-button'), composeCallbacks.send.pack())
      .row()
      .text(t('broadcast-edit-button'), composeCallbacks.edit.pack())
  return keyboard
    .text(t('broadcast-reaudience-button'), composeCallbacks.audience.pack())
    .row()
    .text(t('broadcast-abort-button'), composeCallbacks.abort.pack())
}

export const cancelConfirmKeyboard = (t: Translate, broadcastId: number): InlineKeyboard =>
  new InlineKeyboard()
    .text(t('broadcast-cancel-yes-button'), controlCallbacks.cancelYes.pack({ broadcastId: broadcastId }))
    .text(t('broadcast-cancel-no-button'), controlCallbacks.cancelNo.pack({ broadcastId: broadcastId }))
