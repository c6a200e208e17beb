import type { JobDeps } from '../bot/context.js'
import { translate, translatorFor, userLocale, type Locale } from '../bot/i18n.js'
import { formatEventSpan, formatShanghaiMoment } from '../bot/ui/event-time.js'
import { escapeHtml, tHtml } from '../bot/ui/html.js'
import { enqueueMessages, type OutboxMessage } from '../db/repositories/outbox.js'
import { findDueDayReminders, findDueSoonReminders, reminderStart, type ReminderTarget } from '../db/repositories/reminders.js'
import { shanghaiDaysBetween } from '../domain/time.js'

type Kind = 'day' | 'soon'

/** Date and time of a moment, e.g. a deadline: "11月24日（周二）18:00", as everywhere else. */

function whenLine(locale: Locale, target: ReminderTarget): string {
  const t = translatorFor(locale)
  const { slot, event } = target
  if (slot !== null) return t('reminders-when-slot', { time: formatEventSpan(t, slot.startsAt, slot.endsAt) })
  return t('reminders-when', { time: formatEventSpan(t, event.startsAt, event.endsAt) })
}

function placeLine(locale: Locale, target: ReminderTarget): string | undefined {
  const { station, event } = target
  if (station !== null) {
    const address = station.address.trim() || event.address.trim()
    return tHtml(translatorFor(locale), 'reminders-place-station', {
      name: station.name,
      address: address === '' ? 'none' : address,
    })
  }
  if (event.address.trim() === '') return undefined
  return tHtml(translatorFor(locale), 'reminders-place-address', { address: event.address })
}

/** The reminder as the recipient reads it, in their language; the title is the organizer's text, so escaped. */
export function reminderText(target: ReminderTarget, kind: Kind, now: Date): string {
  const locale = userLocale(target.user)
  const start = reminderStart(target)
  const title =
    kind === 'soon'
      ? translate(locale, 'reminders-soon-title')
      : translate(locale, 'reminders-day-title', { when: shanghaiDaysBetween(now, start) <= 0 ? 'today' : 'tomorrow' })
  const cancel =
    target.event.cancelClosesAt > now
      ? translate(locale, 'reminders-cancel-until', { when: formatShanghaiMoment(locale, target.event.cancelClosesAt) })
      : translate(locale, 'reminders-cancel-closed')
  return [
    title,
    '',
    `<b>${escapeHtml(target.event.title)}</b>`,
    whenLine(locale, target),
    placeLine(locale, target),
    tHtml(translatorFor(locale), 'reminders-code', { code: target.code }),
    target.status === 'offered' ? translate(locale, 'reminders-offered') : undefined,
    '',
    cancel,
    translate(locale, 'reminders-myevents'),
  ]
    .filter((line) => line !== undefined)
    .join('\n')
}

const toMessage = (target: ReminderTarget, kind: Kind, now: Date): OutboxMessage => ({
  userId: target.user.id,
  kind: `reminder-${kind}`,
  payload: { method: 'sendMessage', text: reminderText(target, kind, now), parseMode: 'HTML' },
  // The sender drops it unsent once the worker's part has begun (e.g. it waited out quiet hours).
  expiresAt: reminderStart(target),
  dedupeKey: `reminder:${kind}:${target.registrationId}`,
  registrationId: target.registrationId,
})

/**
 * Queues the due event reminders: the day-before one from `reminderDayBeforeHour` (Shanghai) on the
 * day before, and the "starts in about 2 hours" one. It keeps no state: it asks the database what
 * is due and not yet queued, so after downtime it catches up with what is still useful (nothing
 * once the start has passed), and the dedupe keys make a concurrent run on another instance queue
 * nothing twice. Soon reminders go first so that, after downtime, a start two hours away gets only
 * that one. Returns how many messages were queued.
 */
export async function run(deps: JobDeps): Promise<number> {
  const now = deps.now()
  let queued = 0
  const batch = 500
  for (const kind of ['soon', 'day'] as const) {
    for (;;) {
      const targets =
        kind === 'soon'
          ? await findDueSoonReminders(deps.db, now, batch)
          : await findDueDayReminders(deps.db, now, deps.config.reminderDayBeforeHour, batch)
      queued += await enqueueMessages(
        deps.db,
        targets.map((target) => toMessage(target, kind, now)),
      )
      // Queued rows (ours or another instance's) drop out of the next query, so this ends.
      if (targets.length < batch) break
    }
  }
  if (queued > 0) deps.logger.info({ queued }, 'event reminders queued')
  return queued
}
