import type { JobDeps } from '../bot/context.js'
import { translate, translatorFor, userLocale, type Locale } from '../bot/i18n.js'
import { splitText } from '../bot/ui/feedback-notices.js'
import { escapeHtml, tHtml } from '../bot/ui/html.js'
import { ticketPlace } from '../bot/ui/ticket-place.js'
import { listOverdue, type InboxItem } from '../db/repositories/feedback.js'
import { enqueueMessages } from '../db/repositories/outbox.js'
import { FRESH_DAYS, freshnessByOwner, type OwnerFreshness } from '../db/repositories/station-stats.js'
import { findUser } from '../db/repositories/users.js'
import { shanghaiDate, shanghaiShortDateTime, shanghaiTime, shanghaiWeekday, type Weekday } from '../domain/time.js'

/** The day of the week (Monday) whose digest also says how fresh the owner's stations are. */
const FRESHNESS_WEEKDAY: Weekday = 1
/** Station names listed by name in that part; the rest are counted. */
const FRESHNESS_EXAMPLES = 5

/** The weekly part: stations not verified for 90 days (a count and the least recently checked) and open reports. */
function freshnessLines(locale: Locale, freshness: OwnerFreshness): string[] {
  const t = translatorFor(locale)
  const lines = [t('rh-digest-title')]
  if (freshness.unverified > 0)
    lines.push(
      t('rh-digest-unverified', {
        count: freshness.unverified,
        days: FRESH_DAYS,
        names: freshness.examples.map(escapeHtml).join('、'),
        more: freshness.unverified - freshness.examples.length,
      }),
    )
  if (freshness.openReports > 0) lines.push(t('rh-digest-reports', { count: freshness.openReports }))
  return lines
}

/**
 * The daily digest (at FEEDBACK_DIGEST_TIME, Asia/Shanghai): every owner of overdue open tickets
 * gets one list of them through the outbox. Keyed per owner and Shanghai date, so a second run or
 * a second instance on the same day queues nothing new. Lists only numbers, categories and
 * places, never who wrote a ticket. The scheduler also runs every job at start-up: before the
 * digest time of the day that run sends nothing, so a restart at night wakes nobody. On Mondays
 * the digest also goes to every owner of stations not verified for 90 days or with open 📣
 * reports, listing them (the weekly freshness part).
 */
export async function run(deps: JobDeps): Promise<void> {
  const now = deps.now()
  // Both are zero-padded "HH:MM", so comparing the strings compares the times.
  if (shanghaiTime(now) < deps.config.feedbackDigestTime) return
  const overdue = await listOverdue(deps.db, now)
  const byOwner = new Map<number, InboxItem[]>()
  for (const item of overdue) {
    if (item.assigneeId === null) continue
    byOwner.set(item.assigneeId, [...(byOwner.get(item.assigneeId) ?? []), item])
  }
  const weekly =
    shanghaiWeekday(now) === FRESHNESS_WEEKDAY
      ? await freshnessByOwner(deps.db, now, FRESHNESS_EXAMPLES)
      : new Map<number, OwnerFreshness>()
  const owners = new Set([...byOwner.keys(), ...weekly.keys()])
  const date = shanghaiDate(now)
  // What this run queued, which on a second instance (or a second run the same day) is nothing.
  const queued = { owners: 0, tickets: 0, messages: 0 }
  for (const ownerId of owners) {
    const items = byOwner.get(ownerId) ?? []
    const freshness = weekly.get(ownerId)
    const owner = await findUser(deps.db, ownerId)
    const locale = owner === undefined ? 'zh' : userLocale(owner)
    const lines = items.map((item) =>
      tHtml(translatorFor(locale), 'feedback-digest-line', {
        number: item.number,
        category: translate(locale, `feedback-category-${item.category}`),
        place: ticketPlace(translatorFor(locale), item),
        due: shanghaiShortDateTime(item.dueAt),
      }),
    )
    const text = [
      ...(items.length > 0 ? [translate(locale, 'feedback-digest-title', { count: items.length }), ...lines] : []),
      ...(freshness === undefined ? [] : freshnessLines(locale, freshness)),
      translate(locale, 'feedback-digest-more'),
    ].join('\n')
    // Lines never break inside an HTML tag, so splitting at newlines keeps each piece valid HTML.
    const pieces = splitText(text)
    const messages = await enqueueMessages(
      deps.db,
      pieces.map((piece, index) => ({
        userId: ownerId,
        kind: 'feedback-digest',
        payload: { method: 'sendMessage' as const, text: piece, parseMode: 'HTML' as const },
        dedupeKey: index === 0 ? `feedback-digest:${ownerId}:${date}` : `feedback-digest:${ownerId}:${date}:${index}`,
      })),
    )
    if (messages > 0) {
      queued.owners++
      queued.tickets += items.length
      queued.messages += messages
    }
  }
  if (queued.messages > 0) deps.logger.info(queued, 'feedback digest queued')
  else if (owners.size > 0) deps.logger.info({ owners: owners.size }, 'feedback digest already queued today (by another run or instance)')
}
