import { InlineKeyboard, Keyboard } from 'grammy'
import type { ReplyKeyboardMarkup } from 'grammy/types'
import type { User } from '../../db/schema/index.js'
import { uiCallbacks } from '../callbacks/ui.js'
import type { Translate } from '../i18n.js'

/**
 * The labels of the main reply keyboard (on a client without location support the first comes as
 * text), organizers' 🧰 工作台 included: a tap on any of them leaves a running form.
 */
export const mainKeyboardKeys = [
  'keyboard-share-location',
  'keyboard-search-place',
  'keyboard-events',
  'keyboard-feedback',
  'keyboard-help',
  'keyboard-organize',
] as const

/** Who the keyboard is for: organizers and admins get their way into the /organize hub. */
export type KeyboardViewer = Pick<User, 'role'> | undefined

const isStaff = (viewer: KeyboardViewer) => viewer?.role === 'organizer' || viewer?.role === 'admin'

/**
 * The main reply keyboard: the location button first and widest, since it is the one riders use.
 * Pass the user it is shown to (ctx.user), so that organizers keep 🧰 工作台 and a demoted
 * organizer gets the riders' keyboard back.
 */
export function mainKeyboard(t: Translate, viewer: KeyboardViewer): Keyboard {
  const keyboard = new Keyboard()
    .requestLocation(t('keyboard-share-location'))
    .row()
    .text(t('keyboard-search-place'))
    .text(t('keyboard-events'))
    .row()
    .text(t('keyboard-feedback'))
    .text(t('keyboard-help'))
  if (isStaff(viewer)) keyboard.row().text(t('keyboard-organize'))
  return keyboard.resized().persistent()
}

/** The same keyboard as plain Bot API markup, for messages queued in the outbox. */
export function mainKeyboardMarkup(t: Translate, viewer: KeyboardViewer): ReplyKeyboardMarkup {
  const keyboard = mainKeyboard(t, viewer)
  return { keyboard: keyboard.keyboard, resize_keyboard: true, is_persistent: true }
}

/** The language choice of /language (also offered in /settings); its buttons are handled by the start feature. */
export const languageKeyboard = (): InlineKeyboard =>
  new InlineKeyboard()
    .text('中文', uiCallbacks.language.pack({ locale: 'zh' }))
    .text('English', uiCallbacks.language.pack({ locale: 'en' }))
