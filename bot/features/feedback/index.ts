import { Composer } from 'grammy'
import { feedbackStale } from '../../callbacks/feedback.js'
import type { BotContext, BotDeps } from '../../context.js'
import { createInboxFeature } from './inbox.js'
import { createMineFeature } from './mine.js'
import { createRepliesFeature } from './replies.js'
import { createWorkerFeature } from './worker.js'

/**
 * 我有话说: workers file tickets (text, photo or voice) about a station, an event or a city and
 * follow them in /mytickets; organizers answer them from /inbox; answers go through the outbox.
 */
export function createFeedbackFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>()
  // Before anything that takes free text (stations, after this feature): a reply to an answer belongs to its ticket.
  composer.use(createRepliesFeature(deps))
  composer.use(createWorkerFeature(deps))
  composer.use(createMineFeature(deps))
  composer.use(createInboxFeature(deps))
  // A form button tapped after the form ended, data nobody built, or `f:` from before the codec:
  // say so and change nothing.
  composer.callbackQuery(feedbackStale, (ctx) => ctx.answerCallbackQuery({ text: ctx.t('feedback-stale') }))
  return composer
}
