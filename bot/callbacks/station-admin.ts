import { defineCallback, id, namespaceFilter, oneOf, optional, word } from './codec.js'

/** The station fields an organizer can change, one at a time, from the ✏️ menu. */
export const stationFields = ['name', 'kind', 'address', 'location', 'amenities', 'hours', 'phone', 'photo'] as const
export type StationField = (typeof stationFields)[number]

/** The buttons inside the add/edit conversations (`sa:step:<step>[:<arg>]`). */
const formSteps = ['stop', 'pick', 'kind', 'amenity', 'done', 'ok', 'again', 'skip', 'save', 'anyway'] as const
export type StationFormStep = (typeof formSteps)[number]

/** Adding and editing stations (organizers; the station panel links here). */
export const stationAdminCallbacks = {
  add: defineCallback('sa:add'),
  edit: defineCallback('sa:edit', { stationId: id() }),
  field: defineCallback('sa:field', { field: oneOf(stationFields), stationId: id() }),
  step: defineCallback('sa:step', { step: oneOf(formSteps), arg: optional(word(20)) }),
}

/** Conversation buttons once their conversation has ended, and forged data. */
export const stationAdminStale = namespaceFilter('sa')
