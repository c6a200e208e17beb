import type { Database } from '../../../db/client.js'
import { findNearestOpenStations, storedOpenings } from '../../../db/repositories/station-open.js'
import type { StationReportState } from '../../../db/repositories/station-reports.js'
import { findNearestStations, type Point, type StationRecord, type StationWithDistance } from '../../../db/repositories/stations.js'
import type { OpeningState } from '../../../domain/opening-hours.js'
import type { Filters } from '../../callbacks/stations.js'
import { shownState } from '../../ui/station-card.js'
import { withReports } from './report-order.js'

export const PAGE_SIZE = 5

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
 * (filtered in SQL through the KNN index) and, when asked, only those open at `now` (one query on
 * the stored open intervals, also through the KNN index). A `chosen` station (the one picked in a
 * typed-place search) comes first whatever its state, and is not repeated among its neighbours.
 */
export async function nearestPage(
  db: Database,
  point: Point,
  query: { page: number; filters: Filters; now: Date; withinMetres: number; fadeHours: number; chosen?: StationRecord },
): Promise<NearestPage> {
  const { filters, chosen, now } = query
  const withStates = async (rows: StationWithDistance[]): Promise<ListedStation[]> => {
    const stored = await storedOpenings(
      db,
      rows.map((row) => row.id),
      now,
    )
    return rows.map((row) => ({ ...row, state: shownState(row, stored.get(row.id), now) }))
  }
  const lead: ListedStation[] = chosen === undefined ? [] : [{ ...(await withStates([{ ...chosen, distance: 0 }]))[0]!, chosen: true }]
  const start = query.page * PAGE_SIZE
  // One more than the page needs, to know whether there is a next page, and one for the chosen station.
  const wanted = start + PAGE_SIZE + 1 - lead.length
  const limit = wanted + (chosen === undefined ? 0 : 1)
  const near = { amenities: filters.amenities, limit, withinMetres: query.withinMetres, now }

  if (!filters.openNow) {
    const rows = (await findNearestStations(db, point, near)).filter((row) => row.id !== chosen?.id)
    // Riders' reports: shown on each station, and 可能没开门 ones after the others.
    const reported = await withReports(db, { lead, rows: await withStates(rows.slice(0, wanted)) }, 'rows', query)
    const listed = [...reported.lead, ...reported.rows]
    return {
      stations: listed.slice(start, start + PAGE_SIZE),
      hasMore: listed.length > start + PAGE_SIZE,
      openCount: undefined,
      notOpen: [],
      nothingNear: lead.length === 0 && rows.length === 0,
    }
  }

  const open = await findNearestOpenStations(db, point, { ...near, now })
  const everything = open.length < limit
  const matching: ListedStation[] = open
    .filter((row) => row.id !== chosen?.id)
    .slice(0, wanted)
    .map(({ closesAt, ...row }) => ({ ...row, state: { kind: 'open', closesAt } }))
  const short = everything && matching.length < PAGE_SIZE
  let others: ListedStation[] = []
  if (short && (query.page === 0 || matching.length === 0)) {
    // Every open station inside the radius is in `open`, so the nearest stations not among them are the closed ones.
    const openIds = new Set([...open.map((row) => row.id), chosen?.id])
    const nearest = await findNearestStations(db, point, { ...near, limit: open.length + PAGE_SIZE + 1 })
    others = await withStates(nearest.filter((row) => !openIds.has(row.id)).slice(0, PAGE_SIZE))
  }
  // Riders' reports: shown on each station, and 可能没开门 ones after the others.
  const reported = await withReports(db, { lead, matching, others }, 'matching', query)
  const listed = [...reported.lead, ...reported.matching]
  const stations = listed.slice(start, start + PAGE_SIZE)
  return {
    stations,
    hasMore: listed.length > start + PAGE_SIZE,
    openCount: everything ? matching.length : undefined,
    notOpen: short && query.page === 0 ? reported.others.slice(0, PAGE_SIZE - stations.length) : [],
    nothingNear: everything && lead.length === 0 && matching.length === 0 && others.length === 0,
  }
}
