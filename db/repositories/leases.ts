import { and, eq, lt, sql } from 'drizzle-orm'
import type { Database } from '../client.js'
import { leases } from '../schema/index.js'

/**
 * Takes `key` for `holder` for `seconds`, if nobody else holds it (or their claim has expired).
 * Taking a key one already holds extends it, so a holder renews by taking it again. One statement,
 * on the database's clock, so instances with skewed clocks still agree. True when taken.
 */
export async function takeLease(db: Database, key: string, holder: string, seconds: number): Promise<boolean> {
  const expiresAt = sql`now() + make_interval(secs => ${seconds})`
  const rows = await db
    .insert(leases)
    .values({ key, holder, expiresAt })
    .onConflictDoUpdate({
      target: leases.key,
      set: { holder, expiresAt },
      setWhere: sql`${leases.expiresAt} < now() or ${leases.holder} = ${holder}`,
    })
    .returning({ key: leases.key })
  return rows.length > 0
}

/** Gives `key` up, if `holder` still holds it (an expired claim may have been taken over). */
export async function releaseLease(db: Database, key: string, holder: string): Promise<void> {
  await db.delete(leases).where(and(eq(leases.key, key), eq(leases.holder, holder)))
}

/**
 * Deletes claims that expired before `cutoff`. A holder gives its claim up when done, but a killed
 * instance never does, and a broadcast's progress claim outlives the broadcast; such rows block
 * nothing (an expired claim is taken over) but would otherwise stay forever. Returns how many.
 */
export async function deleteLeasesExpiredBefore(db: Database, cutoff: Date): Promise<number> {
  const rows = await db.delete(leases).where(lt(leases.expiresAt, cutoff)).returning({ key: leases.key })
  return rows.length
}
