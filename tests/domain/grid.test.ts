import { describe, expect, it } from 'vitest'
import { cellBounds, cellCentre, cellOf, lngStep } from '../../domain/grid.js'

/** Great-circle distance in metres (haversine), independent of the code under test. */
function metresBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h))
}

const places = {
  天府广场: { lat: 30.65717, lng: 104.06597 },
  肥城: { lat: 36.18247, lng: 116.76815 },
  哈尔滨: { lat: 45.75639, lng: 126.64249 },
  三亚: { lat: 18.25283, lng: 109.51204 },
  southOfEquator: { lat: -33.8688, lng: 151.2093 },
  westOfGreenwich: { lat: 51.5007, lng: -0.1246 },
}

describe('the search grid', () => {
  it.each(Object.entries(places))('puts %s inside its own cell, whose centre maps back to the same cell', (_, point) => {
    const cell = cellOf(point)
    const bounds = cellBounds(cell)
    expect(point.lat).toBeGreaterThanOrEqual(bounds.south)
    expect(point.lat).toBeLessThan(bounds.north)
    expect(point.lng).toBeGreaterThanOrEqual(bounds.west)
    expect(point.lng).toBeLessThan(bounds.east)
    expect(cellOf(cellCentre(cell))).toEqual(cell)
  })

  it.each(Object.entries(places))('makes cells about 500 m square at %s', (_, point) => {
    const { south, north, west, east } = cellBounds(cellOf(point))
    const middle = (south + north) / 2
    const height = metresBetween({ lat: south, lng: west }, { lat: north, lng: west })
    const width = metresBetween({ lat: middle, lng: west }, { lat: middle, lng: east })
    expect(height).toBeGreaterThan(480)
    expect(height).toBeLessThan(520)
    expect(width).toBeGreaterThan(480)
    expect(width).toBeLessThan(520)
  })

  it('keeps a rider 100 m away in the same cell or a neighbour, and one 2 km away out of it', () => {
    const origin = places.天府广场
    const cell = cellOf(origin)
    const near = cellOf({ lat: origin.lat + 100 / 111_195, lng: origin.lng })
    expect(Math.abs(near.row - cell.row) + Math.abs(near.col - cell.col)).toBeLessThanOrEqual(1)
    const far = cellOf({ lat: origin.lat, lng: origin.lng + 2_000 / (111_195 * Math.cos((origin.lat * Math.PI) / 180)) })
    expect(far.row).toBe(cell.row)
    expect(far.col - cell.col).toBeGreaterThanOrEqual(3)
  })

  it('tiles a row without gaps: one cell ends where the next begins', () => {
    const cell = cellOf(places.肥城)
    expect(cellBounds(cell).east).toBeCloseTo(cellBounds({ row: cell.row, col: cell.col + 1 }).west, 12)
    expect(cellBounds(cell).north).toBeCloseTo(cellBounds({ row: cell.row + 1, col: cell.col }).south, 12)
  })

  it('stays finite at the poles', () => {
    expect(Number.isFinite(lngStep(cellOf({ lat: 90, lng: 0 }).row))).toBe(true)
    expect(cellOf({ lat: 90, lng: 180 }).row).toBe(cellOf({ lat: 89.9999, lng: 180 }).row)
    expect(Number.isFinite(cellCentre(cellOf({ lat: -90, lng: -180 })).lng)).toBe(true)
  })
})
