import type { Database } from '../../../db/client.js'
import { stationReportStates } from '../../../db/repositories/station-reports.js'
import type { ListedStation } from './nearest.js'

/**
 * Riders' reports on a nearest list, as a step after the list is found: every station gets its
 * report state (one batch of queries for all of them), and stations that riders say are probably
 * not open (可能没开门) move below the others, each group keeping its distance order.
 */
export async function withReports<Groups extends Record<string, ListedStation[]>>(
  db: Database,
  groups: Groups,
  sink: keyof Groups,
  query: { now: Date; fadeHours: number },
): Promise<Groups> {
  const all = Object.values(groups).flat()
  const states = await stationReportStates(
    db,
    all.map((station) => station.id),
    query.now,
    query.fadeHours,
  )
  const annotated = Object.fromEntries(
    Object.entries(groups).map(([name, list]) => [name, list.map((station) => ({ ...station, reports: states.get(station.id) }))]),
  ) as Groups
  const sunk = annotated[sink]!
  annotated[sink] = [
    ...sunk.filter((station) => station.reports?.maybeClosed !== true),
    ...sunk.filter((station) => station.reports?.maybeClosed === true),
  ] as Groups[keyof Groups]
  return annotated
}
