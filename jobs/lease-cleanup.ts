import type { JobDeps } from '../bot/context.js'
import { deleteFloodCountersExpiredBefore } from '../db/repositories/flood-counters.js'
import { deleteLeasesExpiredBefore } from '../db/repositories/leases.js'

/**
 * An hour past expiry: far beyond any clock skew between an instance and the database (whose clock
 * sets expiry), so a claim that is still being renewed is never deleted under its holder.
 */
const graceMs = 60 * 60 * 1000

/**
 * Deletes lease rows left behind by killed instances and finished broadcasts, and the flood-guard
 * counters of senders who stopped writing (an expired counter blocks nothing either).
 */
export async function run(deps: JobDeps): Promise<void> {
  const cutoff = new Date(deps.now().getTime() - graceMs)
  const deleted = await deleteLeasesExpiredBefore(deps.db, cutoff)
  if (deleted > 0) deps.logger.info({ deleted }, 'expired leases deleted')
  const counters = await deleteFloodCountersExpiredBefore(deps.db, cutoff)
  if (counters > 0) deps.logger.info({ deleted: counters }, 'expired flood counters deleted')
}
