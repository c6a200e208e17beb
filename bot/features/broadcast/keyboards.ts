import { InlineKeyboard } from 'grammy'
import type { StationRecord } from '../../../db/repositories/stations.js'
import type { Broadcast } from '../../../db/schema/index.js'
import { composeData, controlData, RADII_KM } from './callback-data.js'
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
    .text(t('broadcast-type-event-button'), composeData.type('e'))
    .row()
    .text(t('broadcast-type-city-button'), composeData.type('c'))
    .row()
    .text(t('broadcast-type-near-button'), composeData.type('n'))
  return admin ? keyboard.row().text(t('broadcast-type-everyone-button'), composeData.type('a')) : keyboard
}

export function eventsKeyboard(choices: readonly { id: number; label: string }[]): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  for (const event of choices) keyboard.text(shorten(event.label, TITLE_CHARS), composeData.event(event.id)).row()
  return keyboard
}

export const onlyKeyboard = (t: Translate): InlineKeyboard =>
  new InlineKeyboard()
    .text(t('broadcast-only-all-button'), composeData.only('a'))
    .row()
    .text(t('broadcast-only-confirmed-button'), composeData.only('c'))
    .text(t('broadcast-only-waitlisted-button'), composeData.only('w'))

/** The first cities as buttons, three a row; the rest can be typed. */
export function citiesKeyboard(cities: readonly string[]): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  cities.slice(0, CITY_BUTTONS).forEach((city, index) => {
    keyboard.text(city, composeData.city(index))
    if (index % 3 === 2) keyboard.row()
  })
  return keyboard
}

export function stationsKeyboard(stations: readonly StationRecord[]): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  for (const station of stations) {
    keyboard.text(stationButtonLabel(station), composeData.station(station.id)).row()
  }
  return keyboard
}

export function kmKeyboard(t: Translate): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  for (const km of RADII_KM) keyboard.text(t('broadcast-km-button', { km }), composeData.km(km))
  return keyboard
}

export function previewKeyboard(t: Translate, canSend: boolean): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  if (canSend) keyboard.text(t('broadcast-send-button'), composeData.send).row().text(t('broadcast-edit-button'), composeData.edit)
  return keyboard.text(t('broadcast-reaudience-button'), composeData.audience).row().text(t('broadcast-abort-button'), composeData.abort)
}

/** Pause or resume, and cancel, while a broadcast runs; nothing once it has ended. */
export function progressKeyboard(t: Translate, broadcast: Broadcast): InlineKeyboard | undefined {
  if (broadcast.status === 'sending') {
    return new InlineKeyboard()
      .text(t('broadcast-pause-button'), controlData('p', broadcast.id))
      .text(t('broadcast-cancel-button'), controlData('q', broadcast.id))
  }
  if (broadcast.status === 'paused') {
    return new InlineKeyboard()
      .text(t('broadcast-resume-button'), controlData('u', broadcast.id))
      .text(t('broadcast-cancel-button'), controlData('q', broadcast.id))
  }
  return undefined
}

export const cancelConfirmKeyboard = (t: Translate, broadcastId: number): InlineKeyboard =>
  new InlineKeyboard()
    .text(t('broadcast-cancel-yes-button'), controlData('qy', broadcastId))
    .text(t('broadcast-cancel-no-button'), controlData('qn', broadcastId))
