import type { Database } from '../../../db/client.js'
import type { StationReportState } from '../../../db/repositories/station-reports.js'
import { findNearestStations, type Point, type StationRecord, type StationWithDistance } from '../../../db/repositories/stations.js'
import { openingState, type OpeningState } from '../../../domain/opening-hours.js'
import type { Filters } from '../../callbacks/stations.js'
import { withReports } from './report-order.js'

export const PAGE_SIZE = 5
/** Opening hours cannot be evaluated in SQL, so "open now" checks the nearest stations in batches. */
const BATCH = 40
/** How far down the nearest list "open now" looks before it stops and says there are no more. */
const MAX_SCANNED = 400

export type ListedStation = StationWithDistance & { state: OpeningState; chosen?: true; reports?: StationReportState }
export type NearestPage = {
  stations: ListedStation[]
  hasMore: boolean
  /** Open now only, when every station inside the radius was looked at: how many of them are open. */
  openCount: number | undefined
  /** Open now only, on a first page short of open stations: the nearest others, to say when they open. */
  notOpen: ListedStation[]
  /** No active station with the filters' amenities at all inside the radius. */
  nothingNear: boolean
}

/**
 * One page of the nearest active stations within `withinMetres` with the requested amenities
 * (filtered in SQL through the KNN index) and, when asked, only those open at `now` in Asia/Shanghai.
 * A `chosen` station (the one picked in a typed-place search) comes first whatever its state, and
 * is not repeated among its neighbours.
 */
export async function nearestPage(
  db: Database,
  point: Point,
  query: { page: number; filters: Filters; now: Date; withinMetres: number; fadeHours: number; chosen?: StationRecord },
): Promise<NearestPage> {
  const { filters, chosen } = query
  const withState = (station: StationWithDistance): ListedStation => ({
    ...station,
    state: openingState(station.openingHours, query.now),
  })
  const lead: ListedStation[] = chosen === undefined ? [] : [{ ...withState({ ...chosen, distance: 0 }), chosen: true }]
  const start = query.page * PAGE_SIZE
  // One more than the page needs, to know whether there is a next page.
  const wanted = start + PAGE_SIZE + 1 - lead.length
  const batch = filters.openNow ? BATCH : wanted + 1

  const matching: ListedStation[] = []
  const others: ListedStation[] = []
  let everything = false
  for (let offset = 0; offset < MAX_SCANNED && matching.length < wanted; offset += batch) {
    const rows = await findNearestStations(db, point, {
      amenities: filters.amenities,
      limit: batch,
      offset,
      withinMetres: query.withinMetres,
    })
    for (const row of rows) {
      if (row.id === chosen?.id) continue
      const station = withState(row)
      if (!filters.openNow || station.state.kind === 'open') matching.push(station)
      else others.push(station)
    }
    if (rows.length < batch) {
      everything = true
      break
    }
  }

  // Riders' reports: shown on each station, and 可能没开门 ones after the others.
  const reported = await withReports(db, { lead, matching, others }, 'matching', query)
  const listed = [...reported.lead, ...reported.matching]
  const stations = listed.slice(start, start + PAGE_SIZE)
  const short = filters.openNow && everything && matching.length < PAGE_SIZE
  return {
    stations,
    hasMore: listed.length > start + PAGE_SIZE,
    openCount: filters.openNow && everything ? matching.length : undefined,
    notOpen: short && query.page === 0 ? reported.others.slice(0, PAGE_SIZE - stations.length) : [],
    nothingNear: everything && lead.length === 0 && matching.length === 0 && others.length === 0,
  }
}
