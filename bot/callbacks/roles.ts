import { defineCallback, id, namespaceFilter, text } from './codec.js'

/** Admins' invites and team (/invite, /team); every handler re-checks that the sender is an admin. */
export const rolesCallbacks = {
  inviteAny: defineCallback('ro:invite'),
  inviteCities: defineCallback('ro:cities'),
  inviteCity: defineCallback('ro:city', { city: text(40) }),
  inviteStationPrompt: defineCallback('ro:stations'),
  inviteStation: defineCallback('ro:station', { stationId: id() }),
  team: defineCallback('ro:team'),
  removeScope: defineCallback('ro:unscope', { scopeId: id() }),
  removeScopeConfirmed: defineCallback('ro:unscope-yes', { scopeId: id() }),
  demote: defineCallback('ro:demote', { userId: id(Number.MAX_SAFE_INTEGER) }),
  demoteConfirmed: defineCallback('ro:demote-yes', { userId: id(Number.MAX_SAFE_INTEGER) }),
}

/** `r:` before the codec. */
export const rolesStale = namespaceFilter('ro', 'r')
