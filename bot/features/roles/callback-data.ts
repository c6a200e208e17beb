/**
 * Callback data of the roles feature, all under `r:`. Anyone can send any bytes, so the parser
 * accepts only what the builders make; every handler still re-checks that the sender is an admin.
 *
 *   r:ia            invite without a scope
 *   r:ic            invite: show the city picker
 *   r:ic:<city>     invite scoped to a city
 *   r:is            invite: ask for a station name
 *   r:is:<id>       invite scoped to a station
 *   r:t             the team list
 *   r:rs:<scope>    remove a scope (asks to confirm) / r:rsy:<scope> confirmed
 *   r:d:<user>      demote (asks to confirm) / r:dy:<user> confirmed
 */
export type RolesAction =
  | { kind: 'invite-any' }
  | { kind: 'invite-cities' }
  | { kind: 'invite-city'; city: string }
  | { kind: 'invite-station-prompt' }
  | { kind: 'invite-station'; stationId: number }
  | { kind: 'team' }
  | { kind: 'remove-scope'; scopeId: number; confirmed: boolean }
  | { kind: 'demote'; userId: number; confirmed: boolean }

const MAX_BYTES = 64
const MAX_SERIAL = 2 ** 31 - 1

export const inviteAnyData = 'r:ia'
export const inviteCitiesData = 'r:ic'
export const inviteStationPromptData = 'r:is'
export const teamData = 'r:t'
export const inviteStationData = (stationId: number) => `r:is:${stationId}`
export const removeScopeData = (scopeId: number, confirmed = false) => `r:${confirmed ? 'rsy' : 'rs'}:${scopeId}`
export const demoteData = (userId: number, confirmed = false) => `r:${confirmed ? 'dy' : 'd'}:${userId}`

/** Undefined when the city's name does not fit in a button's 64 bytes (that city gets no button). */
export function inviteCityData(city: string): string | undefined {
  const data = `r:ic:${city}`
  return Buffer.byteLength(data, 'utf8') <= MAX_BYTES ? data : undefined
}

function parseNumber(text: string, max: number): number | undefined {
  if (!/^[1-9]\d{0,15}$/.test(text)) return undefined
  const value = Number(text)
  return value <= max ? value : undefined
}

export function parseRolesData(data: string): RolesAction | undefined {
  if (data === inviteAnyData) return { kind: 'invite-any' }
  if (data === inviteCitiesData) return { kind: 'invite-cities' }
  if (data === inviteStationPromptData) return { kind: 'invite-station-prompt' }
  if (data === teamData) return { kind: 'team' }
  const match = /^r:(ic|is|rs|rsy|d|dy):(.+)$/s.exec(data)
  if (match === null) return undefined
  const [, action, argument = ''] = match
  switch (action) {
    case 'ic': {
      const city = argument.trim()
      return city === '' || city !== argument ? undefined : { kind: 'invite-city', city }
    }
    case 'is': {
      const stationId = parseNumber(argument, MAX_SERIAL)
      return stationId === undefined ? undefined : { kind: 'invite-station', stationId }
    }
    case 'rs':
    case 'rsy': {
      const scopeId = parseNumber(argument, MAX_SERIAL)
      return scopeId === undefined ? undefined : { kind: 'remove-scope', scopeId, confirmed: action === 'rsy' }
    }
    default: {
      const userId = parseNumber(argument, Number.MAX_SAFE_INTEGER)
      return userId === undefined ? undefined : { kind: 'demote', userId, confirmed: action === 'dy' }
    }
  }
}
