import { parse as parseCsv } from 'csv-parse/sync'
import { stringify as stringifyCsv } from 'csv-stringify/sync'
import { convertPoint, type CoordinateSystem } from '../domain/geo.js'
import { openingHoursError } from '../domain/opening-hours.js'
import { amenities, isAmenity, isStationKind, stationKinds } from '../domain/vocabulary.js'
import type { StationRecord } from './repositories/stations.js'
import type { NewStation } from './schema/index.js'

/** The columns of the CSV format, and the keys of each JSON object, in this order. */
const stationFields = [
  'external_id',
  'name',
  'kind',
  'address',
  'city',
  'district',
  'lat',
  'lng',
  'amenities',
  'opening_hours',
  'phone',
  'active',
  'last_verified',
] as const
const requiredFields = ['external_id', 'name', 'kind', 'lat', 'lng'] as const

export type FileFormat = 'csv' | 'json'

/** One problem with one row; `problem` is a locale key (problem-…) and `args` its variables. */
type RowIssue = { line: number; field: string; problem: string; args?: Record<string, string | number> }
export type ParseResult = { ok: true; stations: NewStation[] } | { ok: false; issues: RowIssue[] }

type RawRow = { line: number; value: unknown }

const limits: Record<string, number> = { external_id: 64, name: 100, address: 200, city: 40, district: 40, phone: 40, opening_hours: 255 }
/** Mainland China with a margin; a point outside is almost always swapped or mistyped. */
const insideChina = (lat: number, lng: number) => lat >= 3 && lat <= 54 && lng >= 73 && lng <= 136

/**
 * Parses and validates a whole stations file. Every bad row is reported with its line number; any
 * issue means no station is returned, so an import is all or nothing. Coordinates are converted
 * from `crs` to WGS-84.
 */
export function parseStationsFile(content: string, format: FileFormat, crs: CoordinateSystem): ParseResult {
  const rows = format === 'csv' ? readCsv(content) : readJson(content)
  if ('issues' in rows) return { ok: false, issues: rows.issues }
  const issues: RowIssue[] = []
  const stations: NewStation[] = []
  const seen = new Map<string, number>()
  for (const row of rows.rows) {
    const station = validateRow(row, crs, issues)
    if (station === undefined) continue
    const other = seen.get(station.externalId)
    if (other !== undefined) {
      issues.push({ line: row.line, field: 'external_id', problem: 'problem-duplicate-id', args: { other } })
      continue
    }
    seen.set(station.externalId, row.line)
    stations.push(station)
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, stations }
}

function readCsv(content: string): { rows: RawRow[] } | { issues: RowIssue[] } {
  let records: { record: Record<string, string>; info: { lines: number } }[]
  try {
    records = parseCsv(content.replace(/^\uFEFF/, ''), { columns: true, info: true, skip_empty_lines: true, trim: true })
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1
    return { issues: [{ line, field: '-', problem: 'problem-bad-csv', args: { detail: String((error as Error).message) } }] }
  }
  const columns = Object.keys(records[0]?.record ?? {})
  const missing = records.length === 0 ? [] : requiredFields.filter((field) => !columns.includes(field))
  if (missing.length > 0) {
    return { issues: [{ line: 1, field: '-', problem: 'problem-missing-columns', args: { columns: missing.join(', ') } }] }
  }
  return { rows: records.map(({ record, info }) => ({ line: info.lines, value: record })) }
}

function readJson(content: string): { rows: RawRow[] } | { issues: RowIssue[] } {
  let value: unknown
  try {
    value = JSON.parse(content.replace(/^\uFEFF/, ''))
  } catch (error) {
    return { issues: [{ line: 1, field: '-', problem: 'problem-bad-json', args: { detail: (error as Error).message } }] }
  }
  if (!Array.isArray(value))
    return { issues: [{ line: 1, field: '-', problem: 'problem-bad-json', args: { detail: 'expected an array [ … ]' } }] }
  const lines = elementLines(content)
  return { rows: value.map((item, index) => ({ line: lines[index] ?? 1, value: item })) }
}

/** The line on which each element of a top-level JSON array starts (JSON.parse does not tell). */
function elementLines(content: string): number[] {
  const lines: number[] = []
  let line = 1
  let depth = 0
  let inString = false
  let expectElement = false
  for (let i = 0; i < content.length; i++) {
    const char = content[i]
    if (char === '\n') line++
    if (inString) {
      if (char === '\\') i++
      else if (char === '"') inString = false
      continue
    }
    if (char === '"') inString = true
    if (depth === 1 && expectElement && char !== undefined && !/\s/.test(char)) {
      lines.push(line)
      expectElement = false
    }
    if (char === '[' || char === '{') {
      depth++
      if (depth === 1) expectElement = true
    } else if (char === ']' || char === '}') depth--
    else if (char === ',' && depth === 1) expectElement = true
  }
  return lines
}

/** Date.parse rolls "2026-02-30" over to March 2 instead of refusing it; PostgreSQL would refuse it mid-import. */
const isCalendarDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().slice(0, 10) === value

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim())

function validateRow(row: RawRow, crs: CoordinateSystem, issues: RowIssue[]): NewStation | undefined {
  const before = issues.length
  const problem = (field: string, key: string, args?: Record<string, string | number>) =>
    issues.push({ line: row.line, field, problem: key, ...(args === undefined ? {} : { args }) })
  if (typeof row.value !== 'object' || row.value === null || Array.isArray(row.value)) {
    problem('-', 'problem-not-object')
    return undefined
  }
  const raw = row.value as Record<string, unknown>
  const field = (name: string) => {
    const value = text(raw[name])
    if ((requiredFields as readonly string[]).includes(name) && value === '') problem(name, 'problem-required')
    const max = limits[name]
    if (max !== undefined && [...value].length > max) problem(name, 'problem-too-long', { max })
    return value
  }
  const externalId = field('external_id')
  const name = field('name')
  const kind = field('kind')
  if (kind !== '' && !isStationKind(kind)) problem('kind', 'problem-unknown-kind', { value: kind, allowed: stationKinds.join(', ') })

  const coordinate = (name: 'lat' | 'lng') => {
    const value = field(name)
    const number = Number(value)
    if (value !== '' && !Number.isFinite(number)) problem(name, 'problem-not-number')
    return number
  }
  const lat = coordinate('lat')
  const lng = coordinate('lng')
  if (Number.isFinite(lat) && Number.isFinite(lng) && text(raw.lat) !== '' && text(raw.lng) !== '' && !insideChina(lat, lng)) {
    problem('lat', 'problem-outside-china')
  }

  const list = Array.isArray(raw.amenities) ? raw.amenities.map(text) : text(raw.amenities).split(/[;|,、，]/)
  const stationAmenities = [...new Set(list.map((item) => item.trim()).filter(Boolean))]
  for (const amenity of stationAmenities) {
    if (!isAmenity(amenity)) problem('amenities', 'problem-unknown-amenity', { value: amenity, allowed: amenities.join(', ') })
  }
  const openingHours = field('opening_hours')
  const hoursError = openingHoursError(openingHours)
  if (hoursError !== undefined) problem('opening_hours', 'problem-bad-hours', { detail: hoursError })

  const activeText = text(raw.active).toLowerCase()
  const active = activeText === '' || ['true', '1', 'yes', '是'].includes(activeText)
  if (!active && !['false', '0', 'no', '否'].includes(activeText)) problem('active', 'problem-bad-boolean')
  const lastVerified = field('last_verified')
  if (lastVerified !== '' && !isCalendarDate(lastVerified)) {
    problem('last_verified', 'problem-bad-date')
  }
  const address = field('address')
  const city = field('city')
  const district = field('district')
  const phone = field('phone')
  if (issues.length > before) return undefined

  const point = convertPoint({ lat, lng }, crs, 'wgs84')
  return {
    externalId,
    name,
    kind,
    address,
    city,
    district,
    lat: Number(point.lat.toFixed(7)),
    lng: Number(point.lng.toFixed(7)),
    amenities: stationAmenities,
    openingHours,
    phone,
    active,
    lastVerified: lastVerified === '' ? null : lastVerified,
  }
}

/** Writes stations back in the import format, with coordinates converted from WGS-84 to `crs`. */
export function serializeStations(stations: readonly StationRecord[], format: FileFormat, crs: CoordinateSystem): string {
  const rows = stations.map((station) => {
    const point = convertPoint(station, 'wgs84', crs)
    return {
      external_id: station.externalId,
      name: station.name,
      kind: station.kind,
      address: station.address,
      city: station.city,
      district: station.district,
      lat: Number(point.lat.toFixed(6)),
      lng: Number(point.lng.toFixed(6)),
      amenities: station.amenities,
      opening_hours: station.openingHours,
      phone: station.phone,
      active: station.active,
      last_verified: station.lastVerified ?? '',
    }
  })
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`
  return stringifyCsv(
    rows.map((row) => ({ ...row, amenities: row.amenities.join(';'), active: String(row.active) })),
    { header: true, columns: [...stationFields] },
  )
}
