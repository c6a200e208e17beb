import { amenities, type Amenity } from '../../domain/vocabulary.js'
import { coordinate, defineCallback, id, int, namespaceFilter } from './codec.js'

type Origin = { kind: 'point'; lat: number; lng: number } | { kind: 'station'; stationId: number }
export type Filters = { openNow: boolean; amenities: readonly Amenity[] }
export type ListQuery = { origin: Origin; page: number; filters: Filters }

export const lastPage = 50
/** Bit 0: open now; bit i+1: amenity i of the vocabulary (so its order is part of the data). */
const filterMask = int(0, 2 ** (amenities.length + 1) - 1)

/** Station buttons: nearest lists (around a point or a station), navigation, a search result. */
export const stationCallbacks = {
  near: defineCallback('st:near', { lat: coordinate(90), lng: coordinate(180), page: int(0, lastPage), filters: filterMask }),
  around: defineCallback('st:around', { stationId: id(), page: int(0, lastPage), filters: filterMask }),
  navigate: defineCallback('st:nav', { stationId: id() }),
  place: defineCallback('st:place', { stationId: id() }),
}

/** `n:`, `v:` and `p:` before the codec; the stations feature has no stale answer of its own. */
export const stationsStale = namespaceFilter('st', 'n', 'v', 'p')

function encodeFilters(filters: Filters): number {
  let mask = filters.openNow ? 1 : 0
  for (const amenity of filters.amenities) mask |= 1 << (amenities.indexOf(amenity) + 1)
  return mask
}

const decodeFilters = (mask: number): Filters => ({
  openNow: (mask & 1) === 1,
  amenities: amenities.filter((_, index) => (mask & (1 << (index + 1))) !== 0),
})

/** The data of a nearest list's button. */
export function listData({ origin, page, filters }: ListQuery): string {
  return origin.kind === 'station'
    ? stationCallbacks.around.pack({ stationId: origin.stationId, page, filters: encodeFilters(filters) })
    : stationCallbacks.near.pack({ lat: origin.lat, lng: origin.lng, page, filters: encodeFilters(filters) })
}

/** The nearest list a button asks for; undefined for anything `listData` did not make. */
export function listQueryOf(data: string | undefined): ListQuery | undefined {
  const near = stationCallbacks.near.unpack(data)
  if (near !== undefined)
    return { origin: { kind: 'point', lat: near.lat, lng: near.lng }, page: near.page, filters: decodeFilters(near.filters) }
  const around = stationCallbacks.around.unpack(data)
  if (around === undefined) return undefined
  return { origin: { kind: 'station', stationId: around.stationId }, page: around.page, filters: decodeFilters(around.filters) }
}
