import { InlineKeyboard } from 'grammy'
import { eventCallbacks } from '../bot/callbacks/events.js'
import type { JobDeps } from '../bot/context.js'
import { translate, translatorFor, userLocale } from '../bot/i18n.js'
import { formatShanghaiMoment } from '../bot/ui/event-time.js'
import { tHtml } from '../bot/ui/html.js'
import { enqueueMessages, type OutboxMessage } from '../db/repositories/outbox.js'
import { findClosingSoonViewers, type ClosingTarget } from '../db/repositories/reminders.js'

function toMessage(target: ClosingTarget): OutboxMessage {
  const locale = userLocale(target)
  const text = tHtml(translatorFor(locale), 'reminders-closing', {
    title: target.title,
    when: formatShanghaiMoment(locale, target.registrationClosesAt),
  })
  // The events feature's own card button, so the worker lands on the event and its register button.
  const button = new InlineKeyboard().text(
    translate(locale, 'reminders-closing-button'),
    eventCallbacks.view.pack({ eventId: target.eventId }),
  )
  return {
    userId: target.userId,
    kind: 'registration-closing',
    payload: { method: 'sendMessage', text, parseMode: 'HTML', replyMarkup: { inline_keyboard: button.inline_keyboard } },
    expiresAt: target.registrationClosesAt,
    dedupeKey: `closing:${target.eventId}:${target.userId}`,
  }
}

/**
 * Tells workers who opened an event's card but did not register that its registration closes
 * within 24 hours; once per worker and event (dedupe key), never after the deadline. Returns how
 * many notices were queued.
 */
export async function run(deps: JobDeps): Promise<number> {
  const now = deps.now()
  let queued = 0
  const batch = 500
  for (;;) {
    const targets = await findClosingSoonViewers(deps.db, now, undefined, batch)
    queued += await enqueueMessages(deps.db, targets.map(toMessage))
    if (targets.length < batch) break
  }
  if (queued > 0) deps.logger.info({ queued }, 'registration-closing notices queued')
  return queued
}
