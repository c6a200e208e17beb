import { defineCallback, int, namespaceFilter } from './codec.js'

/** The /settings screen (quiet hours). */
export const settingsCallbacks = {
  /** A preset of `quietPresets`; the handler checks that the index still names one. */
  preset: defineCallback('se:preset', { index: int(0, 9) }),
  off: defineCallback('se:off'),
  custom: defineCallback('se:custom'),
  language: defineCallback('se:lang'),
}

/** `qh:` before the codec. */
export const settingsStale = namespaceFilter('se', 'qh')
