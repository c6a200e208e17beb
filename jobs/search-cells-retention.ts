import type { JobDeps } from '../bot/context.js'
import { deleteSearchesBefore, SEARCH_RETENTION_DAYS } from '../db/repositories/search-cells.js'

/** Deletes the recorded location searches older than the retention period. */
export async function run(deps: JobDeps): Promise<void> {
  const cutoff = new Date(deps.now().getTime() - SEARCH_RETENTION_DAYS * 24 * 60 * 60 * 1000)
  const deleted = await deleteSearchesBefore(deps.db, cutoff)
  if (deleted > 0) deps.logger.info({ deleted }, 'old location searches deleted')
}
