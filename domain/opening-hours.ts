import OpeningHours from 'opening_hours'

/** Asia/Shanghai has been UTC+8 all year since 1991 (no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
const WEEK_MS = 7 * 24 * 60 * 60 * 1000

// opening_hours.js evaluates in the process's local time zone and reads public holidays from the
// country and state given here. Every station we serve is in mainland China.
const chinaNominatim = { lat: 34.26, lon: 108.94, address: { country_code: 'cn', state: '' } }

export type OpeningState =
  { kind: 'open'; closesAt: Date | undefined } | { kind: 'closed'; opensAt: Date | undefined } | { kind: 'unknown' }

/**
 * A Date whose *local* fields show the Shanghai wall-clock time of `instant`, so that
 * opening_hours.js (which reads local fields) evaluates in Asia/Shanghai on any server.
 */
export function toShanghaiLocal(instant: Date): Date {
  const wall = new Date(instant.getTime() + SHANGHAI_OFFSET_MS)
  return new Date(
    wall.getUTCFullYear(),
    wall.getUTCMonth(),
    wall.getUTCDate(),
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
    wall.getUTCMilliseconds(),
  )
}

/** The instant whose Shanghai wall-clock time the *local* fields of `local` show (the inverse of toShanghaiLocal). */
export function fromShanghaiLocal(local: Date): Date {
  const wallAsUtc = Date.UTC(
    local.getFullYear(),
    local.getMonth(),
    local.getDate(),
    local.getHours(),
    local.getMinutes(),
    local.getSeconds(),
    local.getMilliseconds(),
  )
  return new Date(wallAsUtc - SHANGHAI_OFFSET_MS)
}

/**
 * Returns why an opening_hours string is not acceptable, or undefined when it is valid (or empty).
 * Strings the library only warns about ("daily", "open") are refused too: it reads them as 24/7,
 * which is rarely what the station meant.
 */
export function openingHoursError(value: string): string | undefined {
  if (value.trim() === '') return undefined
  try {
    const warnings = new OpeningHours(value, chinaNominatim).getWarnings()
    return warnings.length === 0 ? undefined : String(warnings[0]).split('\n')[0]
  } catch (error) {
    return String(error).split('\n')[0]
  }
}

const parsed = new Map<string, OpeningHours | null>()

/** Parsed hours (cached), or null for empty or unreadable ones. */
export function parseOpeningHours(value: string): OpeningHours | null {
  let hours = parsed.get(value)
  if (hours === undefined) {
    try {
      hours = value.trim() === '' ? null : new OpeningHours(value, chinaNominatim)
    } catch {
      hours = null
    }
    // Station hours repeat a lot ("Mo-Su 09:30-21:00"); a bounded cache keeps parsing off the hot path.
    if (parsed.size > 5_000) parsed.clear()
    parsed.set(value, hours)
  }
  return hours
}

/**
 * Whether a station is open at `now` (Asia/Shanghai), and when that changes within the next week.
 * Empty, invalid or "unknown" hours give `unknown`, never a guess.
 */
export function openingState(value: string, now: Date): OpeningState {
  const hours = parseOpeningHours(value)
  if (hours === null) return { kind: 'unknown' }
  const local = toShanghaiLocal(now)
  const horizon = new Date(local.getTime() + WEEK_MS)
  if (hours.getUnknown(local)) return { kind: 'unknown' }
  const next = hours.getNextChange(local, horizon)
  const at = next === undefined ? undefined : fromShanghaiLocal(next)
  return hours.getState(local) ? { kind: 'open', closesAt: at } : { kind: 'closed', opensAt: at }
}
