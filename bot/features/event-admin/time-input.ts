import { shanghaiDate } from '../../lib/time.js'

/** Shanghai has had no daylight saving since 1991: local time is always UTC+8. */
const OFFSET_HOURS = 8

/** The instant of a Shanghai wall-clock time; undefined for impossible dates (Feb 30, 25:00…). */
export function shanghaiInstant(year: number, month: number, day: number, hour: number, minute: number): Date | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined
  const instant = new Date(Date.UTC(year, month - 1, day, hour - OFFSET_HOURS, minute))
  const check = new Date(instant.getTime() + OFFSET_HOURS * 3_600_000)
  return check.getUTCDate() === day && check.getUTCMonth() === month - 1 ? instant : undefined
}

// 2026-12-05 09:00, 2026/12/5 9:00, 2026年12月5日 9:00, 12-05 09:00, 12月5日 9点, 12月5日9点30
const dateTime =
  /^(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?\s*(?:(\d{1,2})\s*[:：点时]\s*(\d{1,2})?\s*分?|(\d{1,2})\s*[点时])$/
const timeOnly = /^(\d{1,2})\s*[:：点时]\s*(\d{1,2})?\s*分?$/

/**
 * A typed date and time in Asia/Shanghai. Without a year, the next such date from `now` (so
 * "1月3日" typed in December means next January).
 */
export function parseDateTime(text: string, now: Date): Date | undefined {
  const match = dateTime.exec(text.trim())
  if (match === null) return undefined
  const [, yearText, monthText, dayText, hourText, minuteText, bareHour] = match
  const month = Number(monthText)
  const day = Number(dayText)
  const hour = Number(hourText ?? bareHour)
  const minute = Number(minuteText ?? 0)
  if (yearText !== undefined) return shanghaiInstant(Number(yearText), month, day, hour, minute)
  const thisYear = Number(shanghaiDate(now).slice(0, 4))
  const candidate = shanghaiInstant(thisYear, month, day, hour, minute)
  if (candidate === undefined || candidate > now) return candidate
  return shanghaiInstant(thisYear + 1, month, day, hour, minute)
}

/** A time of day ("11:30", "16点") on the Shanghai date of `day`, or a full date and time. */
export function parseTimeOnDay(text: string, day: Date, now: Date): Date | undefined {
  const match = timeOnly.exec(text.trim())
  if (match === null) return parseDateTime(text, now)
  const [year, month, date] = shanghaiDate(day).split('-').map(Number)
  return shanghaiInstant(year ?? 0, month ?? 0, date ?? 0, Number(match[1]), Number(match[2] ?? 0))
}

/** "every N minutes, M people each": two whole numbers, e.g. "30 20" or "30分钟 20人". */
export function parseSlotRule(text: string): { minutes: number; perSlot: number } | undefined {
  const numbers = text.match(/\d+/g)
  if (numbers === null || numbers.length !== 2) return undefined
  const minutes = Number(numbers[0])
  const perSlot = Number(numbers[1])
  if (minutes < 5 || minutes > 720 || perSlot < 1 || perSlot > 10_000) return undefined
  return { minutes, perSlot }
}

export const MAX_SLOTS = 48

/** Back-to-back slots from start while a whole slot fits before the end; undefined when none or too many. */
export function generateSlots(
  startsAt: Date,
  endsAt: Date,
  rule: { minutes: number; perSlot: number },
): { startsAt: Date; endsAt: Date; capacity: number }[] | undefined {
  const step = rule.minutes * 60_000
  const slots = []
  for (let start = startsAt.getTime(); start + step <= endsAt.getTime(); start += step) {
    slots.push({ startsAt: new Date(start), endsAt: new Date(start + step), capacity: rule.perSlot })
    if (slots.length > MAX_SLOTS) return undefined
  }
  return slots.length === 0 ? undefined : slots
}
