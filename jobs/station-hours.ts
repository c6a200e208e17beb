import type { JobDeps } from '../bot/context.js'
import { refreshDueOpenIntervals } from '../db/repositories/station-open.js'

/**
 * Keeps every station's stored open intervals ahead of the clock: stations whose intervals end
 * within a day, and those that have none yet (a database from before they existed), are
 * recomputed in batches. Changes recompute their station at once; this only moves the days on.
 */
export async function run(deps: JobDeps): Promise<void> {
  const refreshed = await refreshDueOpenIntervals(deps.db, deps.now())
  if (refreshed > 0) deps.logger.info({ refreshed }, 'station open hours refreshed')
}
