import { eq, lt, sql } from 'drizzle-orm'
import type { Database } from '../client.js'
import { floodCounters } from '../schema/index.js'

/**
 * Adds one to `key` and returns the new count. A missing or expired counter starts again at 1 and
 * expires `ttlMs` later; a live one keeps its expiry (a fixed window from the first hit). One
 * statement on the database's clock, so instances with skewed clocks still share one window.
 */
export async function incrementFloodCounter(db: Database, key: string, ttlMs: number): Promise<number> {
  const expired = sql`${floodCounters.expiresAt} <= now()`
  const fresh = sql`now() + make_interval(secs => ${ttlMs / 1000})`
  const [row] = await db
    .insert(floodCounters)
    .values({ key, hits: 1, expiresAt: fresh })
    .onConflictDoUpdate({
      target: floodCounters.key,
      set: {
        hits: sql`case when ${expired} then 1 else ${floodCounters.hits} + 1 end`,
        expiresAt: sql`case when ${expired} then ${fresh} else ${floodCounters.expiresAt} end`,
      },
    })
    .returning({ hits: floodCounters.hits })
  return row?.hits ?? 1
}

/** Makes `key` expire `ttlMs` from now; 1 when the counter exists, else 0 (Redis' PEXPIRE). */
export async function expireFloodCounter(db: Database, key: string, ttlMs: number): Promise<number> {
  const rows = await db
    .update(floodCounters)
    .set({ expiresAt: sql`now() + make_interval(secs => ${ttlMs / 1000})` })
    .where(eq(floodCounters.key, key))
    .returning({ key: floodCounters.key })
  return rows.length
}

/** Deletes counters that expired before `cutoff` (senders who stopped writing); returns how many. */
export async function deleteFloodCountersExpiredBefore(db: Database, cutoff: Date): Promise<number> {
  const rows = await db.delete(floodCounters).where(lt(floodCounters.expiresAt, cutoff)).returning({ key: floodCounters.key })
  return rows.length
}
