import * as chrono from 'chrono-node'
import { shanghaiDate, shanghaiTime } from './time.js'

/** Shanghai has had no daylight saving since 1991: local time is always UTC+8. */
const OFFSET_HOURS = 8

/** The instant of a Shanghai wall-clock time; undefined for impossible dates (Feb 30, 25:00…). */
function shanghaiInstant(year: number, month: number, day: number, hour: number, minute: number): Date | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined
  const instant = new Date(Date.UTC(year, month - 1, day, hour - OFFSET_HOURS, minute))
  const check = new Date(instant.getTime() + OFFSET_HOURS * 3_600_000)
  return check.getUTCDate() === day && check.getUTCMonth() === month - 1 ? instant : undefined
}

/**
 * What a typed date and time was read as. `natural`: read from words (明天上午9点), so it is worth
 * echoing back before it is used. `no-time`: a day without a time of day (明天, 12月5日 下午);
 * `no-date`: a time without a day (九点) where a day is needed.
 */
export type DateReading = { kind: 'ok'; at: Date; natural: boolean } | { kind: 'no-time' | 'no-date' | 'unknown' }

// 2026-12-05 09:00, 2026/12/5 9:00, 2026年12月5日 9:00, 12-05 09:00, 12月5日 9点, 12月5日9点30
const strictDateTime =
  /^(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?\s*(?:(\d{1,2})\s*[:：点时]\s*(\d{1,2})?\s*分?|(\d{1,2})\s*[点时])$/
const strictTime = /^(\d{1,2})\s*[:：点时]\s*(\d{1,2})?\s*分?$/
/** What may stand around the date besides it: spaces, punctuation, "开始". */
const leftover = /^[\s,，.。!！]*(?:开始)?[\s,，.。!！]*$/

/** [year, month, day, hour, minute] of an instant on Shanghai's wall clock. */
function wallClock(at: Date): [number, number, number, number, number] {
  const [year = 0, month = 0, day = 0] = shanghaiDate(at).split('-').map(Number)
  const [hour = 0, minute = 0] = shanghaiTime(at).split(':').map(Number)
  return [year, month, day, hour, minute]
}

function nextFrom(now: Date, month: number, day: number, hour: number, minute: number, year?: number): Date | undefined {
  if (year !== undefined) return shanghaiInstant(year, month, day, hour, minute)
  const [thisYear] = wallClock(now)
  const candidate = shanghaiInstant(thisYear, month, day, hour, minute)
  // Without a year, a date already past this year means next year ("1月3日" typed in December).
  if (candidate === undefined || candidate > now) return candidate
  return shanghaiInstant(thisYear + 1, month, day, hour, minute)
}

function readStrict(text: string, now: Date): DateReading | undefined {
  const match = strictDateTime.exec(text)
  if (match === null) return undefined
  const [, year, month, day, hour, minute, bareHour] = match
  const at = nextFrom(
    now,
    Number(month),
    Number(day),
    Number(hour ?? bareHour),
    Number(minute ?? 0),
    year === undefined ? undefined : Number(year),
  )
  return at === undefined ? { kind: 'unknown' } : { kind: 'ok', at, natural: false }
}

/**
 * Chinese words for dates and times through chrono's zh parser (明天上午9点, 下周六下午两点,
 * 后天晚上7点半, 12月5日 14:00). chrono works in the machine's time zone whatever timezone the
 * reference names, so it is given a reference whose local wall clock is Shanghai's and its answer
 * is read back as Shanghai wall-clock components: the result is the same on any machine.
 */
function readNatural(text: string, now: Date): { components: chrono.ParsedComponents } | DateReading {
  const [year, month, day, hour, minute] = wallClock(now)
  const wall = new Date(year, month - 1, day, hour, minute)
  const [result] = chrono.zh.hans.parse(text, wall, { forwardDate: true })
  if (result === undefined || !leftover.test(text.replace(result.text, ''))) return { kind: 'unknown' }
  return { components: result.start }
}

/** A typed date and time in Asia/Shanghai: the strict formats first, then Chinese words. */
export function readDateTime(text: string, now: Date): DateReading {
  const trimmed = text.trim()
  const strict = readStrict(trimmed, now)
  if (strict !== undefined) return strict
  const natural = readNatural(trimmed, now)
  if ('kind' in natural) return natural
  const { components } = natural
  if (!components.isCertain('hour')) return { kind: 'no-time' }
  if (!components.isCertain('day') && !components.isCertain('weekday')) return { kind: 'no-date' }
  const at = shanghaiInstant(
    components.get('year') ?? 0,
    components.get('month') ?? 0,
    components.get('day') ?? 0,
    components.get('hour') ?? 0,
    components.get('minute') ?? 0,
  )
  return at === undefined ? { kind: 'unknown' } : { kind: 'ok', at, natural: true }
}

/** A time of day ("11:30", "16点", "下午5点") on the Shanghai date of `day`, or a full date and time. */
export function readTimeOnDay(text: string, day: Date, now: Date): DateReading {
  const trimmed = text.trim()
  const [year, month, date] = wallClock(day)
  const onDay = (hour: number, minute: number, natural: boolean): DateReading => {
    const at = shanghaiInstant(year, month, date, hour, minute)
    return at === undefined ? { kind: 'unknown' } : { kind: 'ok', at, natural }
  }
  const match = strictTime.exec(trimmed)
  if (match !== null) return onDay(Number(match[1]), Number(match[2] ?? 0), false)
  const reading = readDateTime(trimmed, now)
  if (reading.kind !== 'no-date') return reading
  const natural = readNatural(trimmed, now)
  return 'kind' in natural ? natural : onDay(natural.components.get('hour') ?? 0, natural.components.get('minute') ?? 0, true)
}

/** A typed day: "YYYY-MM-DD" on Shanghai's calendar. */
export type DayReading = { kind: 'ok'; day: string } | { kind: 'unknown' }

const strictDay = /^(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$/

const isoDay = (year: number, month: number, day: number): string | undefined => {
  const at = shanghaiInstant(year, month, day, 12, 0)
  return at === undefined ? undefined : shanghaiDate(at)
}

/**
 * A day without a time (12月10日, 2027-02-05, 明天, 下周一) in Asia/Shanghai; without a year, a
 * date already past this year means next year. Today counts as a day, not as past.
 */
export function readDay(text: string, now: Date): DayReading {
  const trimmed = text.trim()
  const match = strictDay.exec(trimmed)
  const [thisYear, thisMonth, thisDate] = wallClock(now)
  if (match !== null) {
    const [, year, month, date] = match
    const explicit = year === undefined ? undefined : Number(year)
    const sameYear = isoDay(explicit ?? thisYear, Number(month), Number(date))
    if (sameYear === undefined) return { kind: 'unknown' }
    if (explicit !== undefined || sameYear >= shanghaiDate(now)) return { kind: 'ok', day: sameYear }
    const nextYear = isoDay(thisYear + 1, Number(month), Number(date))
    return nextYear === undefined ? { kind: 'unknown' } : { kind: 'ok', day: nextYear }
  }
  const natural = readNatural(trimmed, now)
  if ('kind' in natural) return { kind: 'unknown' }
  const { components } = natural
  if (!components.isCertain('day') && !components.isCertain('weekday')) return { kind: 'unknown' }
  const day = isoDay(components.get('year') ?? thisYear, components.get('month') ?? thisMonth, components.get('day') ?? thisDate)
  return day === undefined ? { kind: 'unknown' } : { kind: 'ok', day }
}
