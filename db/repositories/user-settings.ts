import { eq } from 'drizzle-orm'
import type { Database } from '../client.js'
import { users } from '../schema/index.js'

/** Minutes after midnight, Asia/Shanghai; `start > end` wraps past midnight (22:00–07:00). */
export type QuietHours = { start: number; end: number }

const isMinuteOfDay = (value: number) => Number.isInteger(value) && value >= 0 && value < 24 * 60

/**
 * Sets a worker's quiet hours, or clears them with null. Non-urgent outbox messages wait until the
 * end of the quiet hours; a range whose start equals its end would mean "always quiet" or "never"
 * and is refused, as are minutes outside a day.
 */
export async function setQuietHours(db: Database, userId: number, hours: QuietHours | null): Promise<void> {
  if (hours !== null && (!isMinuteOfDay(hours.start) || !isMinuteOfDay(hours.end) || hours.start === hours.end)) {
    throw new RangeError(`invalid quiet hours ${hours.start}–${hours.end}`)
  }
  await db
    .update(users)
    .set({ quietStart: hours?.start ?? null, quietEnd: hours?.end ?? null })
    .where(eq(users.id, userId))
}

/** The stored quiet hours of a user row, or null when none (or only half) are set. */
export function quietHoursOf(user: { quietStart: number | null; quietEnd: number | null }): QuietHours | null {
  if (user.quietStart === null || user.quietEnd === null) return null
  return { start: user.quietStart, end: user.quietEnd }
}
