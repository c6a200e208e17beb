import type { JobDeps } from '../bot/context.js'
import { finishEndedEvents } from '../db/repositories/events.js'

/** Published events whose end has passed become finished (they leave the workers' lists). */
export async function run(deps: JobDeps): Promise<void> {
  const finished = await finishEndedEvents(deps.db, deps.now())
  if (finished > 0) deps.logger.info({ finished }, 'events finished')
}
