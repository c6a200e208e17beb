import { fromShanghaiLocal, parseOpeningHours, toShanghaiLocal } from './opening-hours.js'

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

export type OpenInterval = { opensAt: Date; closesAt: Date }

/** What decides when a station is open: its own hours, its temporary closure, and whether it is active. */
export type StationHours = { openingHours: string; active: boolean; closedUntil: Date | null }

/** Hours that replace the station's own on the Shanghai days `startsOn`..`endsOn` (inclusive); '' is closed. */
export type HoursException = { startsOn: string; endsOn: string; openingHours: string }

/** The Shanghai calendar day (YYYY-MM-DD) of an instant. */
export function shanghaiDay(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

/** The instant a Shanghai calendar day starts (its midnight, UTC+8 all year). */
export function shanghaiDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS)
}

/** Runs of the window in which one hours string applies: the station's own, or an exception's on its days. */
function segments(station: StationHours, exceptions: readonly HoursException[], from: Date, until: Date) {
  const parts: { hours: string; from: Date; until: Date }[] = []
  let cursor = from
  while (cursor < until) {
    const day = shanghaiDay(cursor)
    const exception = exceptions.find((candidate) => candidate.startsOn <= day && day <= candidate.endsOn)
    const dayEnd = new Date(shanghaiDayStart(day).getTime() + DAY_MS)
    const end = dayEnd < until ? dayEnd : until
    const hours = exception?.openingHours ?? station.openingHours
    const last = parts.at(-1)
    // Whole runs of days with the same hours are evaluated in one go, so hours past midnight stay one interval.
    if (last !== undefined && last.hours === hours && last.until.getTime() === cursor.getTime()) last.until = end
    else parts.push({ hours, from: cursor, until: end })
    cursor = end
  }
  return parts
}

const evaluated = new Map<string, readonly OpenInterval[]>()

/** The surely-open intervals of one hours string in a window; "unknown" stretches are not open, as in openingState. */
function evaluate(hours: string, from: Date, until: Date): readonly OpenInterval[] {
  const key = `${from.getTime()}|${until.getTime()}|${hours}`
  let intervals = evaluated.get(key)
  if (intervals === undefined) {
    const parsed = parseOpeningHours(hours)
    intervals =
      parsed === null
        ? []
        : parsed
            .getOpenIntervals(toShanghaiLocal(from), toShanghaiLocal(until))
            .filter(([, , unknown]) => !unknown)
            .map(([opens, closes]) => ({ opensAt: fromShanghaiLocal(opens), closesAt: fromShanghaiLocal(closes) }))
    // Most stations share a handful of hours strings, and a refresh evaluates them all for one window.
    if (evaluated.size > 5_000) evaluated.clear()
    evaluated.set(key, intervals)
  }
  return intervals
}

/**
 * When a station is open within [from, until), in Asia/Shanghai: its opening hours, replaced on
 * the days of an hours exception by the exception's hours ('' closed all day). The hours that govern
 * a day decide every moment of it: a night's hours past midnight run into the next day only when
 * the same hours govern both (so a closed holiday is closed from 00:00). Then cut by
 * its temporary closure (closed until `closedUntil`), none when inactive. Intervals are clipped to
 * the window, in order, and adjacent ones merged (24/7 is one interval over the whole window).
 */
export function openIntervals(station: StationHours, exceptions: readonly HoursException[], from: Date, until: Date): OpenInterval[] {
  if (!station.active) return []
  const start = station.closedUntil !== null && station.closedUntil > from ? station.closedUntil : from
  if (start >= until) return []
  const merged: OpenInterval[] = []
  for (const part of segments(station, exceptions, from, until)) {
    for (const interval of evaluate(part.hours, part.from, part.until)) {
      const opensAt = interval.opensAt < start ? start : interval.opensAt
      if (interval.closesAt <= opensAt) continue
      const last = merged.at(-1)
      if (last !== undefined && last.closesAt >= opensAt) {
        if (interval.closesAt > last.closesAt) last.closesAt = interval.closesAt
      } else merged.push({ opensAt, closesAt: interval.closesAt })
    }
  }
  return merged
}
