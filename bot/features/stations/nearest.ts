import type { Database } from '../../../db/client.js'
import { findNearestStations, type Point, type StationWithDistance } from '../../../db/repositories/stations.js'
import { openingState, type OpeningState } from '../../lib/opening-hours.js'
import type { Filters } from './callback-data.js'

export const PAGE_SIZE = 5
/** Opening hours cannot be evaluated in SQL, so "open now" checks the nearest stations in batches. */
const BATCH = 40
/** How far down the nearest list "open now" looks before it stops and says there are no more. */
const MAX_SCANNED = 400

export type ListedStation = StationWithDistance & { state: OpeningState }
export type NearestPage = { stations: ListedStation[]; hasMore: boolean }

/**
 * One page of the nearest active stations with the requested amenities (filtered in SQL through
 * the KNN index) and, when asked, only those open at `now` in Asia/Shanghai.
 */
export async function nearestPage(
  db: Database,
  point: Point,
  query: { page: number; filters: Filters; now: Date },
): Promise<NearestPage> {
  const wanted = (query.page + 1) * PAGE_SIZE + 1
  const withState = (station: StationWithDistance): ListedStation => ({
    ...station,
    state: openingState(station.openingHours, query.now),
  })
  const amenities = query.filters.amenities

  if (!query.filters.openNow) {
    const rows = await findNearestStations(db, point, {
      amenities,
      limit: PAGE_SIZE + 1,
      offset: query.page * PAGE_SIZE,
    })
    return { stations: rows.slice(0, PAGE_SIZE).map(withState), hasMore: rows.length > PAGE_SIZE }
  }

  const open: ListedStation[] = []
  for (let offset = 0; offset < MAX_SCANNED && open.length < wanted; offset += BATCH) {
    const rows = await findNearestStations(db, point, { amenities, limit: BATCH, offset })
    for (const row of rows) {
      const station = withState(row)
      if (station.state.kind === 'open') open.push(station)
    }
    if (rows.length < BATCH) break
  }
  const start = query.page * PAGE_SIZE
  return { stations: open.slice(start, start + PAGE_SIZE), hasMore: open.length > start + PAGE_SIZE }
}
