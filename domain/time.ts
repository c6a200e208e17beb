const SHANGHAI = 'Asia/Shanghai'

const clock = new Intl.DateTimeFormat('en-GB', { timeZone: SHANGHAI, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
const day = new Intl.DateTimeFormat('en-CA', { timeZone: SHANGHAI, year: 'numeric', month: '2-digit', day: '2-digit' })
const weekday = new Intl.DateTimeFormat('en-US', { timeZone: SHANGHAI, weekday: 'short' })
const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

/** "HH:MM" in Asia/Shanghai. */
export const shanghaiTime = (instant: Date): string => clock.format(instant)

/** The calendar date in Asia/Shanghai as "YYYY-MM-DD". */
export const shanghaiDate = (instant: Date): string => day.format(instant)

/** "YYYY-MM-DD HH:MM" in Asia/Shanghai (lists, exports, expiry times). */
export const shanghaiDateTime = (instant: Date): string => `${shanghaiDate(instant)} ${shanghaiTime(instant)}`

/** "MM-DD HH:MM" in Asia/Shanghai, where the year goes without saying (inbox lines, due times). */
export const shanghaiShortDateTime = (instant: Date): string => `${shanghaiDate(instant).slice(5)} ${shanghaiTime(instant)}`

/** 0 = Sunday … 6 = Saturday, in Asia/Shanghai. */
/** 0 = Sunday … 6 = Saturday: the `weekday-N` locale keys. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6

export const shanghaiWeekday = (instant: Date): Weekday => weekdays.indexOf(weekday.format(instant)) as Weekday

/** How many Shanghai calendar days `later` is after `now` (0 = same day). */
export function shanghaiDaysBetween(now: Date, later: Date): number {
  const start = Date.parse(shanghaiDate(now))
  const end = Date.parse(shanghaiDate(later))
  return Math.round((end - start) / 86_400_000)
}

/** A time of day kept as minutes after midnight (quiet hours): 1320 → "22:00". */
export const minutesToClock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
