import { restorableKinds } from '../../core/station-report-resolution.js'
import { defineCallback, id, oneOf } from './codec.js'

/** Until when a confirmed amenity outage lasts (今天 / 明天 / 直到恢复). */
const outageUntil = ['today', 'tomorrow', 'open'] as const

/** Organizers handling riders' 📣 reports, from the report's ticket card. */
export const reportHandlingCallbacks = {
  confirm: defineCallback('rh:confirm', { ticketId: id() }),
  apply: defineCallback('rh:apply', { ticketId: id(), until: oneOf(outageUntil) }),
  dismiss: defineCallback('rh:dismiss', { ticketId: id() }),
  dismissNow: defineCallback('rh:dismiss-now', { ticketId: id() }),
  dismissWhy: defineCallback('rh:dismiss-why', { ticketId: id() }),
  restore: defineCallback('rh:restore', { ticketId: id() }),
  /** The same from a station's own panel: 热水已恢复 there tells the riders who reported it too. */
  restoreAt: defineCallback('rh:restore-at', { stationId: id(), kind: oneOf(restorableKinds) }),
}
