import { InlineKeyboard, Keyboard } from 'grammy'
import type { Translate } from '../i18n.js'

/** The labels of the main reply keyboard (on a client without location support the first comes as text). */
export const mainKeyboardKeys = ['keyboard-share-location', 'keyboard-search-place', 'keyboard-events', 'keyboard-feedback', 'keyboard-help'] as const

/** The main reply keyboard: the location button first and widest, since it is the one riders use. */
export function mainKeyboard(t: Translate): Keyboard {
  return new Keyboard()
    .requestLocation(t('keyboard-share-location'))
    .row()
    .text(t('keyboard-search-place'))
    .text(t('keyboard-events'))
    .row()
    .text(t('keyboard-feedback'))
    .text(t('keyboard-help'))
    .resized()
    .persistent()
}

const languageData = (locale: string) => `lang:${locale}`

/** The language choice of /language (also offered in /settings); its buttons are handled by the start feature. */
export const languageKeyboard = (): InlineKeyboard =>
  new InlineKeyboard().text('中文', languageData('zh')).text('English', languageData('en'))
