import { defineCallback, id, int, namespaceFilter, unpackAny } from './codec.js'

/** Events for workers: the list, a card, registrations (/myevents) and personal data (/mydata). */
export const eventCallbacks = {
  list: defineCallback('ev:list', { page: int(0, 100) }),
  view: defineCallback('ev:view', { eventId: id() }),
  register: defineCallback('ev:join', { eventId: id() }),
  navigate: defineCallback('ev:nav', { eventId: id() }),
  qr: defineCallback('ev:qr', { registrationId: id() }),
  cancel: defineCallback('ev:cancel', { registrationId: id() }),
  cancelConfirm: defineCallback('ev:cancel-yes', { registrationId: id() }),
  cancelKeep: defineCallback('ev:cancel-no'),
  accept: defineCallback('ev:accept', { registrationId: id() }),
  decline: defineCallback('ev:decline', { registrationId: id() }),
  deleteAsk: defineCallback('ev:delete'),
  deleteConfirm: defineCallback('ev:delete-yes'),
  deleteKeep: defineCallback('ev:delete-no'),
}

/** Buttons of the registration form; they mean something only while that form runs. */
export const eventFormCallbacks = {
  slot: defineCallback('ev:slot', { slotId: id() }),
  occupation: defineCallback('ev:job', { index: int(0, 19) }),
  platform: defineCallback('ev:platform', { index: int(0, 19) }),
  platformDone: defineCallback('ev:platform-done'),
  consentYes: defineCallback('ev:consent-yes'),
  consentNo: defineCallback('ev:consent-no'),
  sensitiveYes: defineCallback('ev:sensitive-yes'),
  sensitiveNo: defineCallback('ev:sensitive-no'),
  reuseYes: defineCallback('ev:reuse-yes'),
  reuseNo: defineCallback('ev:reuse-no'),
  quit: defineCallback('ev:quit'),
}

/** Which form button the data is (`{ kind: 'slot', slotId }`…), or undefined. */
export const eventFormButtonOf = (data: string | undefined) => unpackAny(data, eventFormCallbacks)
export type EventFormButton = NonNullable<ReturnType<typeof eventFormButtonOf>>

/** `e:` before the codec. */
export const eventsStale = namespaceFilter('ev', 'e')
