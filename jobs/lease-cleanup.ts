import type { JobDeps } from '../bot/context.js'
import { deleteLeasesExpiredBefore } from '../db/repositories/leases.js'

/**
 * An hour past expiry: far beyond any clock skew between an instance and the database (whose clock
 * sets expiry), so a claim that is still being renewed is never deleted under its holder.
 */
const graceMs = 60 * 60 * 1000

/** Deletes lease rows left behind by killed instances and finished broadcasts. */
export async function run(deps: JobDeps): Promise<void> {
  const deleted = await deleteLeasesExpiredBefore(deps.db, new Date(deps.now().getTime() - graceMs))
  if (deleted > 0) deps.logger.info({ deleted }, 'expired leases deleted')
}
