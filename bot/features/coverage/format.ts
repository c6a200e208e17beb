import { stringify } from 'csv-stringify/sync'
import type { StationWithDistance } from '../../../db/repositories/stations.js'
import { convertPoint, type Point } from '../../../domain/geo.js'
import type { Translate } from '../../i18n.js'
import { formatDistance } from '../../ui/distance.js'
import { markup, tHtml } from '../../ui/html.js'
import { GAP_METRES, GAP_MINUTES, type CoverageReport, type ReportCell } from './report.js'

/** How many gaps the text lists; the map numbers the same ones. */
export const TOP_GAPS = 10

/** Excel reads a CSV as the system's ANSI code page unless it starts with a UTF-8 byte order mark. */
const BOM = '\uFEFF'

/**
 * Amap's marker page at a point (GCJ-02, as Amap expects), which opens the app or the web map:
 * https://lbs.amap.com/api/uri-api/guide/mobile-web/point
 */
function markerLink(point: Point, name: string): string {
  const gcj = convertPoint(point, 'wgs84', 'gcj02')
  return `https://uri.amap.com/marker?position=${gcj.lng.toFixed(6)},${gcj.lat.toFixed(6)}&name=${encodeURIComponent(name)}&coordinate=gaode&callnative=1&src=nuanxin`
}

function gapLine(t: Translate, cell: ReportCell, rank: number, nearest: StationWithDistance | undefined, radiusKm: number): string {
  const hint =
    nearest === undefined
      ? t('coverage-hint-none')
      : tHtml(t, 'coverage-hint-station', {
          district: nearest.district,
          name: nearest.name,
          distance: formatDistance(t, nearest.distance),
        })
  return tHtml(t, 'coverage-gap-line', {
    rank,
    link: markerLink(cell.centre, t('coverage-marker-name', { rank })),
    lat: cell.centre.lat.toFixed(4),
    lng: cell.centre.lng.toFixed(4),
    hint: markup(hint),
    searches: cell.searches,
    typical:
      cell.medianMetres === null
        ? t('coverage-typical-none', { radius: radiusKm })
        : t('coverage-typical', { distance: formatDistance(t, cell.medianMetres) }),
  })
}

/**
 * The report as text: the totals, then the most searched gaps with a map link, where they are
 * (district and nearest station, `nearest[i]` for `report.gaps[i]`), searches and typical distance.
 */
export function formatReport(
  t: Translate,
  report: CoverageReport,
  context: { city: string; days: number; radiusKm: number; nearest: readonly (StationWithDistance | undefined)[] },
): string {
  const { gaps } = report
  const lines = [
    tHtml(t, 'coverage-title', { city: context.city, days: context.days }),
    '',
    t('coverage-summary', {
      searches: report.searches,
      cells: report.cells.length,
      gaps: gaps.length,
      gapSearches: gaps.reduce((sum, cell) => sum + cell.searches, 0),
      minutes: GAP_MINUTES,
      reach: formatDistance(t, GAP_METRES),
    }),
  ]
  if (gaps.length === 0) {
    lines.push('', t('coverage-no-gaps', { minutes: GAP_MINUTES }))
  } else {
    lines.push('', t('coverage-top-title'))
    gaps.slice(0, TOP_GAPS).forEach((cell, index) => lines.push(gapLine(t, cell, index + 1, context.nearest[index], context.radiusKm)))
    if (gaps.length > TOP_GAPS) lines.push(t('coverage-more-gaps', { count: gaps.length - TOP_GAPS }))
  }
  lines.push('', t('coverage-footer'))
  return lines.join('\n')
}

/** Every searched cell as a CSV Excel opens with Chinese intact: position, searches, median distance, the gap flag. */
export function coverageCsv(t: Translate, report: CoverageReport): Buffer {
  const header = [
    t('coverage-csv-row'),
    t('coverage-csv-col'),
    t('coverage-csv-lat'),
    t('coverage-csv-lng'),
    t('coverage-csv-searches'),
    t('coverage-csv-median'),
    t('coverage-csv-over', { minutes: GAP_MINUTES }),
  ]
  const rows = report.cells.map((cell) => [
    String(cell.row),
    String(cell.col),
    cell.centre.lat.toFixed(6),
    cell.centre.lng.toFixed(6),
    String(cell.searches),
    cell.medianMetres === null ? '' : String(Math.round(cell.medianMetres)),
    t(cell.gap ? 'coverage-csv-yes' : 'coverage-csv-no'),
  ])
  return Buffer.from(BOM + stringify([header, ...rows]), 'utf8')
}

/** A file name from the city, without characters that file systems refuse. */
export const csvFileName = (t: Translate, city: string, days: number): string =>
  t('coverage-csv-filename', { city: city.replace(/[\\/:*?"<>|\r\n]+/g, ' ').trim() || '-', days })
