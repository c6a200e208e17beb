import { InlineKeyboard, Keyboard } from 'grammy'
import type { StationRecord } from '../../../db/repositories/stations.js'
import type { StationSuggestion } from '../../../db/schema/index.js'
import { amenities, type Amenity } from '../../../domain/vocabulary.js'
import { declineReasons, suggestionCallbacks } from '../../callbacks/station-suggestions.js'
import type { Translate } from '../../i18n.js'

const step = (name: 'done' | 'skip' | 'submit' | 'cancel') => suggestionCallbacks.step.pack({ step: name })

/** Every question of the form carries a way out. */
export const withCancel = (t: Translate, keyboard = new InlineKeyboard()): InlineKeyboard =>
  keyboard.row().text(t('suggest-button-cancel'), step('cancel'))

/** The location question's own reply keyboard: the button that shares where the rider is. */
export const locationKeyboard = (t: Translate): Keyboard => new Keyboard().requestLocation(t('suggest-button-here')).resized().oneTime()

export function nearKeyboard(t: Translate, stations: readonly Pick<StationRecord, 'id' | 'name'>[]): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  for (const station of stations) {
    keyboard.text(t('suggest-button-near', { name: station.name }), suggestionCallbacks.near.pack({ stationId: station.id })).row()
  }
  return withCancel(t, keyboard)
}

export function amenityKeyboard(t: Translate, chosen: ReadonlySet<Amenity>): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  amenities.forEach((amenity, index) => {
    const label = t(`amenity-${amenity}`)
    keyboard.text(chosen.has(amenity) ? `✅ ${label}` : label, suggestionCallbacks.amenity.pack({ index }))
    if (index % 3 === 2) keyboard.row()
  })
  return withCancel(t, keyboard.row().text(t('suggest-button-done'), step('done')))
}

export const skipKeyboard = (t: Translate): InlineKeyboard =>
  withCancel(t, new InlineKeyboard().text(t('suggest-button-skip'), step('skip')))

export const submitKeyboard = (t: Translate): InlineKeyboard =>
  withCancel(t, new InlineKeyboard().text(t('suggest-button-submit'), step('submit')))

export const reviewKeyboard = (t: Translate, suggestion: Pick<StationSuggestion, 'id'>): InlineKeyboard =>
  new InlineKeyboard()
    .text(t('suggest-button-approve'), suggestionCallbacks.approve.pack({ suggestionId: suggestion.id }))
    .text(t('suggest-button-decline'), suggestionCallbacks.decline.pack({ suggestionId: suggestion.id }))

export function duplicatesKeyboard(t: Translate, suggestionId: number, candidates: readonly Pick<StationRecord, 'id' | 'name'>[]) {
  const keyboard = new InlineKeyboard()
  for (const station of candidates) {
    keyboard
      .text(t('suggest-button-link', { name: station.name }), suggestionCallbacks.link.pack({ suggestionId, stationId: station.id }))
      .row()
  }
  return keyboard.text(t('suggest-button-create'), suggestionCallbacks.create.pack({ suggestionId }))
}

export function reasonsKeyboard(t: Translate): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  for (const reason of declineReasons) keyboard.text(t(`suggest-reason-${reason}`), suggestionCallbacks.reason.pack({ reason })).row()
  return withCancel(t, keyboard)
}
