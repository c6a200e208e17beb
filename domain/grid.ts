import type { Point } from './geo.js'

/**
 * A grid of cells about 500 m on a side, for recording where riders search without recording where
 * they are. Rows are bands of latitude 0.0045° high (about 500 m everywhere); within a row, columns
 * are 0.0045° / cos(latitude of the row's centre) wide, so a cell is close to square in every
 * city. Both steps depend on the row alone, so a cell's corners and centre follow from its row and
 * column and nothing else needs storing.
 */
const LAT_STEP = 0.0045
/** Near the poles the cosine goes to zero; nobody looks for a rest station there, but the maths must not. */
const MIN_COS = 0.01

export type Cell = { row: number; col: number }
export type CellBounds = { south: number; north: number; west: number; east: number }

const rowCentreLat = (row: number) => (row + 0.5) * LAT_STEP

/** The width of the cells of one row, in degrees of longitude. */
export function lngStep(row: number): number {
  const cos = Math.cos((rowCentreLat(row) * Math.PI) / 180)
  return LAT_STEP / Math.max(MIN_COS, cos)
}

export function cellOf(point: Point): Cell {
  // The north pole itself would start a row of its own.
  const row = Math.floor(Math.min(point.lat, 90 - 1e-9) / LAT_STEP)
  return { row, col: Math.floor(point.lng / lngStep(row)) }
}

export function cellCentre(cell: Cell): Point {
  return { lat: rowCentreLat(cell.row), lng: (cell.col + 0.5) * lngStep(cell.row) }
}

export function cellBounds(cell: Cell): CellBounds {
  const step = lngStep(cell.row)
  return {
    south: cell.row * LAT_STEP,
    north: (cell.row + 1) * LAT_STEP,
    west: cell.col * step,
    east: (cell.col + 1) * step,
  }
}
