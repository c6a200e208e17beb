import { InlineKeyboard, Keyboard } from 'grammy'
import type { EventCard, ListedEvent, MyRegistration } from '../../../db/repositories/event-listing.js'
import { eventCallbacks, eventFormCallbacks } from '../../callbacks/events.js'
import type { Translate } from '../../i18n.js'
import { registrationWindow } from './format.js'

export const occupations = ['rider', 'courier', 'ride_hailing', 'truck', 'sanitation', 'other'] as const
export const platforms = ['meituan', 'eleme', 'sf', 'jd', 'didi', 'huolala', 'shansong', 'other'] as const

export function listKeyboard(t: Translate, shown: readonly ListedEvent[], first: number, page: number, hasMore: boolean): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  shown.forEach((item, index) => {
    keyboard.text(t('events-button-open', { index: first + index }), eventCallbacks.view.pack({ eventId: item.event.id }))
    if (index % 3 === 2) keyboard.row()
  })
  keyboard.row()
  if (page > 0) keyboard.text(t('button-previous'), eventCallbacks.list.pack({ page: page - 1 }))
  if (hasMore) keyboard.text(t('button-next'), eventCallbacks.list.pack({ page: page + 1 }))
  return keyboard
}

export function cardKeyboard(t: Translate, card: EventCard, now: Date): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  const state = registrationWindow(card, now)
  const register = eventCallbacks.register.pack({ eventId: card.event.id })
  if (state === 'open') keyboard.text(t('events-button-register'), register)
  if (state === 'full') keyboard.text(t('events-button-waitlist'), register)
  const hasPlace = (card.event.lat !== null && card.event.lng !== null) || card.station !== null
  if (hasPlace) keyboard.text(t('events-button-navigate'), eventCallbacks.navigate.pack({ eventId: card.event.id }))
  return keyboard
}

export function myEventsKeyboard(t: Translate, mine: readonly MyRegistration[]): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  mine.forEach(({ registration }, index) => {
    const n = index + 1
    const registrationId = registration.id
    if (registration.status === 'confirmed') keyboard.text(t('events-button-qr', { n }), eventCallbacks.qr.pack({ registrationId }))
    if (registration.status === 'offered') {
      keyboard.text(t('events-button-accept-n', { n }), eventCallbacks.accept.pack({ registrationId }))
      keyboard.text(t('events-button-decline-n', { n }), eventCallbacks.decline.pack({ registrationId }))
    }
    keyboard.text(t('events-button-cancel-n', { n }), eventCallbacks.cancel.pack({ registrationId })).row()
  })
  return keyboard
}

/** Choices of one form step as inline buttons, with the way out below. */
export function choiceKeyboard(t: Translate, choices: readonly { label: string; data: string }[], perRow = 2): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  choices.forEach((choice, index) => {
    keyboard.text(choice.label, choice.data)
    if (index % perRow === perRow - 1) keyboard.row()
  })
  return keyboard.row().text(t('events-button-quit'), eventFormCallbacks.quit.pack())
}

/** While the form waits for typed text, the main keyboard gives way to a single 取消 button. */
export const typingKeyboard = (t: Translate) => new Keyboard().text(t('events-button-quit')).resized().oneTime()

/** Telegram's own "share my phone number" button: the only way a phone number gets in. */
export const contactKeyboard = (t: Translate) =>
  new Keyboard().requestContact(t('events-button-share-phone')).row().text(t('events-button-quit')).resized().oneTime()
