import { existsSync } from 'node:fs'
import type { ResvgRenderOptions } from '@resvg/resvg-js'
import type { Point } from '../../../domain/geo.js'
import { cellBounds, type Cell } from '../../../domain/grid.js'

export type MapCell = Cell & { searches: number; gap: boolean; rank?: number }
type MapLabels = {
  title: string
  subtitle: string
  stations: string
  covered: string
  gaps: string
  /** A scale bar's length as people read it ("1 公里"). */
  distance: (metres: number) => string
}
export type CoverageMap = { cells: readonly MapCell[]; stations: readonly Point[]; labels: MapLabels }

const WIDTH = 960
const MARGIN = 20
const HEADER = 70
const LEGEND = 100
const MAP_WIDTH = WIDTH - 2 * MARGIN
const MIN_MAP_HEIGHT = 360
const MAX_MAP_HEIGHT = 1100
/** Around the searched cells: just past the 10-minute reach, so the open stations they are measured against show. */
const PAD_METRES = 2_500
const METRES_PER_DEGREE_LAT = 111_195
const SCALE_STEPS = [100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000]
/** Light to dark: few searches to many. */
const RAMP = ['#fdd49e', '#fc8d59', '#ef6548', '#d7301f', '#990000'] as const
const COVERED = '#bdbdbd'
const STATION = '#1a9850'
const FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'PingFang SC', sans-serif"

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
const round = (value: number) => Math.round(value * 10) / 10

/** Which colour of the ramp a cell with `searches` gets, on a log scale up to the busiest cell. */
export function rampIndex(searches: number, busiest: number): number {
  if (busiest <= 1) return RAMP.length - 1
  const share = Math.log(searches) / Math.log(busiest)
  return Math.min(RAMP.length - 1, Math.max(0, Math.floor(share * RAMP.length)))
}

type Projection = { x: (lng: number) => number; y: (lat: number) => number; pxPerMetre: number; height: number }

/** An equirectangular projection of the cells' surroundings onto the map area, north up, true to scale both ways. */
function project(cells: readonly Cell[]): Projection {
  const bounds = cells.map(cellBounds)
  const south = Math.min(...bounds.map((b) => b.south))
  const north = Math.max(...bounds.map((b) => b.north))
  const midLat = (south + north) / 2
  const metresPerDegreeLng = METRES_PER_DEGREE_LAT * Math.cos((midLat * Math.PI) / 180)
  const padLat = PAD_METRES / METRES_PER_DEGREE_LAT
  const padLng = PAD_METRES / metresPerDegreeLng
  const west = Math.min(...bounds.map((b) => b.west)) - padLng
  const east = Math.max(...bounds.map((b) => b.east)) + padLng
  const top = north + padLat
  const wideMetres = (east - west) * metresPerDegreeLng
  const highMetres = (top - (south - padLat)) * METRES_PER_DEGREE_LAT
  const pxPerMetre = Math.min(MAP_WIDTH / wideMetres, MAX_MAP_HEIGHT / highMetres)
  const height = Math.max(MIN_MAP_HEIGHT, highMetres * pxPerMetre)
  // Whatever the scale leaves over is split evenly on both sides.
  const left = MARGIN + (MAP_WIDTH - wideMetres * pxPerMetre) / 2
  const upper = HEADER + (height - highMetres * pxPerMetre) / 2
  return {
    x: (lng) => left + (lng - west) * metresPerDegreeLng * pxPerMetre,
    y: (lat) => upper + (top - lat) * METRES_PER_DEGREE_LAT * pxPerMetre,
    pxPerMetre,
    height,
  }
}

function scaleBar(projection: Projection, labels: MapLabels, bottom: number): string {
  const metres = SCALE_STEPS.filter((step) => step * projection.pxPerMetre <= MAP_WIDTH / 4).at(-1) ?? SCALE_STEPS[0] ?? 100
  const length = round(metres * projection.pxPerMetre)
  const x = WIDTH - MARGIN - 10 - length
  const y = bottom - 16
  return [
    `<rect x="${x - 8}" y="${y - 26}" width="${length + 16}" height="36" fill="#ffffff" fill-opacity="0.85"/>`,
    `<path d="M${x} ${y - 6}V${y}H${round(x + length)}V${y - 6}" fill="none" stroke="#222222" stroke-width="2"/>`,
    `<text x="${round(x + length / 2)}" y="${y - 10}" font-size="14" text-anchor="middle" fill="#222222">${escapeXml(labels.distance(metres))}</text>`,
  ].join('')
}

function legend(labels: MapLabels, top: number, busiest: number): string {
  const y = top + 30
  const parts = [
    `<circle cx="${MARGIN + 8}" cy="${y - 5}" r="6" fill="${STATION}" stroke="#ffffff" stroke-width="1.5"/>`,
    `<text x="${MARGIN + 22}" y="${y}" font-size="15" fill="#222222">${escapeXml(labels.stations)}</text>`,
    `<rect x="${MARGIN + 150}" y="${y - 13}" width="16" height="16" fill="${COVERED}" fill-opacity="0.7"/>`,
    `<text x="${MARGIN + 174}" y="${y}" font-size="15" fill="#222222">${escapeXml(labels.covered)}</text>`,
  ]
  const rampY = y + 34
  parts.push(`<text x="${MARGIN}" y="${rampY}" font-size="15" fill="#222222">${escapeXml(labels.gaps)}</text>`)
  const rampX = MARGIN + 150
  parts.push(`<text x="${rampX}" y="${rampY}" font-size="13" fill="#444444">1</text>`)
  RAMP.forEach((colour, index) => {
    parts.push(`<rect x="${rampX + 18 + index * 26}" y="${rampY - 13}" width="24" height="16" fill="${colour}"/>`)
  })
  parts.push(`<text x="${rampX + 24 + RAMP.length * 26}" y="${rampY}" font-size="13" fill="#444444">${Math.max(1, busiest)}</text>`)
  return parts.join('')
}

/**
 * The coverage map as SVG, drawn without map tiles (none are reachable): the searched cells as
 * squares, grey where an open station was within reach and on a light-to-dark red ramp by
 * searches where it was not, the ranked gaps numbered, the city's stations as green dots, a scale
 * bar and a legend. `cells` must not be empty.
 */
export function coverageSvg(map: CoverageMap): string {
  const { cells, stations, labels } = map
  const projection = project(cells)
  const mapBottom = HEADER + projection.height
  const height = Math.round(mapBottom + LEGEND)
  const busiest = Math.max(0, ...cells.filter((cell) => cell.gap).map((cell) => cell.searches))
  const inside = (x: number, y: number) => x >= MARGIN && x <= WIDTH - MARGIN && y >= HEADER && y <= mapBottom

  const squares = [...cells]
    // Gaps on top of covered cells, busy ones last so that they stay visible.
    .sort((a, b) => Number(a.gap) - Number(b.gap) || a.searches - b.searches)
    .map((cell) => {
      const { south, north, west, east } = cellBounds(cell)
      const x = round(projection.x(west))
      const y = round(projection.y(north))
      const w = Math.max(3, round(projection.x(east) - projection.x(west)))
      const h = Math.max(3, round(projection.y(south) - projection.y(north)))
      const fill = cell.gap ? RAMP[rampIndex(cell.searches, busiest)] : COVERED
      return `<rect class="cell" x="${x}" y="${y}" width="${w}" height="${h}" fill="${fill}" fill-opacity="${cell.gap ? 0.9 : 0.7}"/>`
    })
  const dots = stations.flatMap((station) => {
    const x = round(projection.x(station.lng))
    const y = round(projection.y(station.lat))
    return inside(x, y) ? [`<circle class="station" cx="${x}" cy="${y}" r="5" fill="${STATION}" stroke="#ffffff" stroke-width="1.5"/>`] : []
  })
  const ranks = cells.flatMap((cell) => {
    if (cell.rank === undefined) return []
    const { north, east } = cellBounds(cell)
    const x = round(Math.min(WIDTH - MARGIN - 12, projection.x(east) + 2))
    const y = round(Math.max(HEADER + 12, projection.y(north) - 2))
    return [
      `<circle cx="${x}" cy="${y}" r="11" fill="#ffffff" stroke="#990000" stroke-width="1.5"/>`,
      `<text class="rank" x="${x}" y="${y + 5}" font-size="14" font-weight="bold" text-anchor="middle" fill="#990000">${cell.rank}</text>`,
    ]
  })

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${FONT}">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="${MARGIN}" y="32" font-size="24" font-weight="bold" fill="#222222">${escapeXml(labels.title)}</text>`,
    `<text x="${MARGIN}" y="56" font-size="15" fill="#555555">${escapeXml(labels.subtitle)}</text>`,
    `<rect x="${MARGIN}" y="${HEADER}" width="${MAP_WIDTH}" height="${round(projection.height)}" fill="#f4f3ef" stroke="#cccccc"/>`,
    ...squares,
    ...dots,
    ...ranks,
    `<text x="${WIDTH - MARGIN - 10}" y="${HEADER + 24}" font-size="16" text-anchor="end" fill="#555555">N ↑</text>`,
    scaleBar(projection, labels, mapBottom),
    legend(labels, mapBottom, busiest),
    '</svg>',
  ].join('\n')
}

/** Where Debian's fonts-noto-cjk (and a few other systems) keep a font with Chinese glyphs. */
const CJK_FONTS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/System/Library/Fonts/PingFang.ttc',
]

let fontOptions: ResvgRenderOptions['font'] | undefined

/** The CJK font file the maps are drawn with, or undefined when none is installed (text then falls back to system fonts). */
export function cjkFontFile(): string | undefined {
  return CJK_FONTS.find((file) => existsSync(file))
}

/**
 * Renders the SVG to PNG in libuv's thread pool (the event loop stays free). With a CJK font
 * installed only that file is loaded (faster than scanning every system font); without one, the
 * system fonts are tried, so the map still draws and only Chinese labels may be missing. resvg's
 * native module is loaded on the first map, not at start-up: most bot processes never draw one,
 * and the module costs every process that loads it about 10 MB.
 */
export async function renderPng(svg: string): Promise<Buffer> {
  const { renderAsync } = await import('@resvg/resvg-js')
  if (fontOptions === undefined) {
    const file = cjkFontFile()
    fontOptions = file === undefined ? { loadSystemFonts: true } : { fontFiles: [file], loadSystemFonts: false }
  }
  const image = await renderAsync(svg, { font: fontOptions, background: '#ffffff', logLevel: 'off' })
  return image.asPng()
}
