import type { QuietHours } from '../../../db/repositories/user-settings.js'

const DAY_MINUTES = 24 * 60

/** The preset buttons, in minutes after midnight (Asia/Shanghai). */
export const quietPresets: readonly QuietHours[] = [
  { start: 22 * 60, end: 7 * 60 },
  { start: 23 * 60, end: 6 * 60 },
  { start: 21 * 60, end: 8 * 60 },
]

export const sameHours = (a: QuietHours | null, b: QuietHours | null): boolean =>
  a !== null && b !== null && a.start === b.start && a.end === b.end

// Phone keyboards (Chinese IMEs especially) produce full-width digits and colons, and many dashes.
const normalize = (text: string) =>
  text
    .trim()
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[：．]/g, ':')
    .replace(/[.]/g, ':')

const rangePattern = /^(\d{1,2})(?::(\d{2}))?\s*(?:-|–|—|－|~|～|至|到)\s*(\d{1,2})(?::(\d{2}))?$/

function toMinutes(hourText: string | undefined, minuteText: string | undefined): number | undefined {
  const hour = Number(hourText)
  const minute = minuteText === undefined ? 0 : Number(minuteText)
  if (!Number.isInteger(hour) || minute > 59) return undefined
  // "24:00" is midnight, as people write the end of a day.
  if (hour === 24 && minute === 0) return 0
  return hour <= 23 ? hour * 60 + minute : undefined
}

export type ParsedQuietHours = { kind: 'parsed'; hours: QuietHours } | { kind: 'format' | 'same' }

/** Reads "22:00-07:00", "22:00–7:00", "22-7" (full-width characters too). */
export function parseQuietHours(text: string): ParsedQuietHours {
  const match = rangePattern.exec(normalize(text))
  if (match === null) return { kind: 'format' }
  const start = toMinutes(match[1], match[2])
  const end = toMinutes(match[3], match[4])
  if (start === undefined || end === undefined || start >= DAY_MINUTES || end >= DAY_MINUTES) {
    return { kind: 'format' }
  }
  if (start === end) return { kind: 'same' }
  return { kind: 'parsed', hours: { start, end } }
}
