import { defineCallback, id } from './codec.js'

/** Adding and editing stations (organizers; the station panel links here). */
export const stationAdminCallbacks = {
  add: defineCallback('sa:add'),
  edit: defineCallback('sa:edit', { stationId: id() }),
}
