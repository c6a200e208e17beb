import { amenities, type Amenity } from '../../../domain/vocabulary.js'

/**
 * Callback data for station buttons. Telegram allows 64 bytes, and anyone can send any bytes, so
 * every parser validates strictly and returns undefined for anything it did not build.
 *
 *   n:<origin>:<page>:<filters>   a nearest list; origin is "lat,lng" or "s<stationId>"
 *   v:<stationId>                 navigate to a station
 *   p:<stationId>                 nearest list from a station chosen in a typed-place search
 */

export type Origin = { kind: 'point'; lat: number; lng: number } | { kind: 'station'; stationId: number }
export type Filters = { openNow: boolean; amenities: readonly Amenity[] }
export type ListQuery = { origin: Origin; page: number; filters: Filters }

const MAX_PAGE = 50
const MAX_ID = 2 ** 31 - 1

function encodeFilters(filters: Filters): string {
  let mask = filters.openNow ? 1 : 0
  for (const amenity of filters.amenities) mask |= 1 << (amenities.indexOf(amenity) + 1)
  return mask.toString(36)
}

function decodeFilters(text: string): Filters | undefined {
  if (!/^[0-9a-z]{1,6}$/.test(text)) return undefined
  const mask = parseInt(text, 36)
  if (mask >= 2 ** (amenities.length + 1)) return undefined
  return {
    openNow: (mask & 1) === 1,
    amenities: amenities.filter((_, index) => (mask & (1 << (index + 1))) !== 0),
  }
}

const encodeOrigin = (origin: Origin) =>
  origin.kind === 'station' ? `s${origin.stationId}` : `${origin.lat.toFixed(5)},${origin.lng.toFixed(5)}`

function parseId(text: string | undefined): number | undefined {
  if (text === undefined || !/^[1-9]\d{0,9}$/.test(text)) return undefined
  const id = Number(text)
  return id <= MAX_ID ? id : undefined
}

function decodeOrigin(text: string): Origin | undefined {
  if (text.startsWith('s')) {
    const stationId = parseId(text.slice(1))
    return stationId === undefined ? undefined : { kind: 'station', stationId }
  }
  const match = /^(-?\d{1,2}\.\d{1,6}),(-?\d{1,3}\.\d{1,6})$/.exec(text)
  if (match === null) return undefined
  const lat = Number(match[1])
  const lng = Number(match[2])
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return undefined
  return { kind: 'point', lat, lng }
}

export const listData = (query: ListQuery) =>
  `n:${encodeOrigin(query.origin)}:${query.page}:${encodeFilters(query.filters)}`

export function parseListData(data: string): ListQuery | undefined {
  const parts = data.split(':')
  if (parts.length !== 4 || parts[0] !== 'n') return undefined
  const origin = decodeOrigin(parts[1] ?? '')
  const pageText = parts[2] ?? ''
  const page = /^\d{1,2}$/.test(pageText) ? Number(pageText) : NaN
  const filters = decodeFilters(parts[3] ?? '')
  if (origin === undefined || !(page >= 0 && page <= MAX_PAGE) || filters === undefined) return undefined
  return { origin, page, filters }
}

export const navigateData = (stationId: number) => `v:${stationId}`
export const placeData = (stationId: number) => `p:${stationId}`

/** Parses "v:<id>" or "p:<id>" for the given prefix. */
export function parseStationData(prefix: 'v' | 'p', data: string): number | undefined {
  return data.startsWith(`${prefix}:`) ? parseId(data.slice(2)) : undefined
}

export const lastPage = MAX_PAGE
