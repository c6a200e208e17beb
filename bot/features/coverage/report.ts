import type { CellDemand } from '../../../db/repositories/search-cells.js'
import { ebikeReachMetres, type Point } from '../../../domain/geo.js'
import { cellCentre } from '../../../domain/grid.js'

/** The 10-minute circle (肥城's 10分钟暖新服务圈): farther than this by e-bike is a gap. */
export const GAP_MINUTES = 10
/** About 1,900 m in a straight line (15 km/h on roads 1.3 times longer, as the station lists count). */
export const GAP_METRES = ebikeReachMetres(GAP_MINUTES)

export type ReportCell = CellDemand & { centre: Point; gap: boolean }
export type CoverageReport = {
  /** Every searched cell, most searched first. */
  cells: ReportCell[]
  /** The gaps, the most searched first (then the farthest from an open station). */
  gaps: ReportCell[]
  searches: number
}

/** A cell is a gap when its typical search found no open station within the e-bike reach (or none at all). */
const isGap = (cell: Pick<CellDemand, 'medianMetres'>): boolean => cell.medianMetres === null || cell.medianMetres > GAP_METRES

const farthest = (cell: ReportCell) => cell.medianMetres ?? Number.POSITIVE_INFINITY

export function coverageReport(demand: readonly CellDemand[]): CoverageReport {
  const cells = demand.map((cell) => ({ ...cell, centre: cellCentre(cell), gap: isGap(cell) }))
  const gaps = cells
    .filter((cell) => cell.gap)
    .sort((a, b) => b.searches - a.searches || farthest(b) - farthest(a) || a.row - b.row || a.col - b.col)
  return { cells, gaps, searches: cells.reduce((sum, cell) => sum + cell.searches, 0) }
}
