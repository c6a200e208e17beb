import { defineCallback, id, namespaceFilter, oneOf } from './codec.js'

/** What a rider can report in one tap (其它 asks for words, a photo or a voice message). */
export const problemKinds = [
  'closed',
  'no_hot_water',
  'charging_broken',
  'toilet_broken',
  'wrong_location',
  'wrong_hours',
  'gone',
  'other',
] as const

/** A station card's 📣 报告情况 and 👍 刚来过，一切正常, and the choices under 📣. */
export const stationReportCallbacks = {
  menu: defineCallback('sr:menu', { stationId: id() }),
  pick: defineCallback('sr:pick', { stationId: id(), kind: oneOf(problemKinds) }),
  allGood: defineCallback('sr:good', { stationId: id() }),
}

/** Every `sr:` data no definition above takes (forged, or from another version). */
export const stationReportsStale = namespaceFilter('sr')
