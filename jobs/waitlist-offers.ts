import type { JobDeps } from '../bot/context.js'
import { waitlistNotices } from '../bot/ui/event-notices.js'
import { expireOffers } from '../core/registration.js'

/**
 * Ends waitlist offers whose time is up and offers the seats to the next in line. Asks the
 * database what is due, so a missed or repeated tick loses nothing and offers nobody twice.
 */
export async function run(deps: JobDeps): Promise<void> {
  const expired = await expireOffers(deps.db, waitlistNotices, deps.now(), deps.config.waitlistOfferHours)
  if (expired > 0) deps.logger.info({ expired }, 'waitlist offers expired')
}
