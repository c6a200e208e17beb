import { defineCallback, id, int, intIn, namespaceFilter, oneOf, unpackAny } from './codec.js'

export const RADII_KM = [1, 3, 5, 10] as const

/** Buttons while composing a broadcast (inside its conversation). */
export const composeCallbacks = {
  type: defineCallback('bc:type', { type: oneOf(['event', 'city', 'near', 'everyone']) }),
  event: defineCallback('bc:event', { eventId: id() }),
  only: defineCallback('bc:only', { only: oneOf(['all', 'confirmed', 'waitlisted']) }),
  city: defineCallback('bc:city', { index: int(0, 999) }),
  station: defineCallback('bc:station', { stationId: id() }),
  km: defineCallback('bc:km', { km: intIn(RADII_KM) }),
  send: defineCallback('bc:send'),
  edit: defineCallback('bc:edit'),
  audience: defineCallback('bc:audience'),
  abort: defineCallback('bc:abort'),
}

/** Which compose button the data is (`{ kind: 'event', eventId }`…), or undefined. */
export const composeActionOf = (data: string | undefined) => unpackAny(data, composeCallbacks)
export type ComposeAction = NonNullable<ReturnType<typeof composeActionOf>>

/** Buttons on a running broadcast's progress message (outside the conversation). */
export const controlCallbacks = {
  pause: defineCallback('bc:pause', { broadcastId: id() }),
  resume: defineCallback('bc:resume', { broadcastId: id() }),
  cancelAsk: defineCallback('bc:stop', { broadcastId: id() }),
  cancelYes: defineCallback('bc:stop-yes', { broadcastId: id() }),
  cancelNo: defineCallback('bc:stop-no', { broadcastId: id() }),
}

/** `b:` before the codec. */
export const broadcastStale = namespaceFilter('bc', 'b')
