import { locales } from '../i18n.js'
import { defineCallback, namespaceFilter, oneOf } from './codec.js'

/** Shared screens: the language choice (/language, also offered in /settings). */
export const uiCallbacks = {
  language: defineCallback('ui:lang', { locale: oneOf(locales) }),
}

/**
 * The organizer hub (/organize, 🧰 工作台). The data kept its pre-codec form (`hub:events`…), so
 * hubs sent before the upgrade still work; each button is handled by the feature of that screen.
 */
export const hubCallbacks = {
  events: defineCallback('hub:events'),
  checkIn: defineCallback('hub:checkin'),
  broadcast: defineCallback('hub:broadcast'),
  inbox: defineCallback('hub:inbox'),
  team: defineCallback('hub:team'),
}

/** `lang:<locale>` before the codec: answered as stale by the last handler (`unhandled`). */
export const uiStale = namespaceFilter('ui', 'lang')
