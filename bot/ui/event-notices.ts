import { inArray } from 'drizzle-orm'
import type { Offer, WaitlistNotices } from '../../core/registration.js'
import type { Database } from '../../db/client.js'
import { enqueueMessages } from '../../db/repositories/outbox.js'
import { users, type Event, type Registration } from '../../db/schema/index.js'
import { eventCallbacks } from '../callbacks/events.js'
import { translatorFor, userLocale, type Locale } from '../i18n.js'
import { formatEventMoment, formatEventSpan } from './event-time.js'
import { tHtml } from './html.js'

async function localesOf(db: Database, userIds: readonly number[]): Promise<Map<number, Locale>> {
  if (userIds.length === 0) return new Map()
  const rows = await db
    .select({ id: users.id, locale: users.locale, languageCode: users.languageCode })
    .from(users)
    .where(inArray(users.id, [...userIds]))
  return new Map(rows.map((row) => [row.id, userLocale(row)]))
}

/**
 * Queues the urgent "a seat is free for you" notices with 接受/放弃 buttons, in the recipient's
 * language, inside the caller's transaction (so they exist exactly when the offers do).
 */
async function queueOffers(db: Database, event: Event, offers: readonly Offer[], now: Date): Promise<void> {
  const locales = await localesOf(
    db,
    offers.map((offer) => offer.registration.userId),
  )
  await enqueueMessages(
    db,
    offers.map(({ registration, slot }) => {
      const locale = locales.get(registration.userId) ?? 'zh'
      const t = translatorFor(locale)
      const expires = registration.offerExpiresAt ?? event.startsAt
      return {
        userId: registration.userId,
        kind: 'promotion',
        urgent: true,
        registrationId: registration.id,
        dedupeKey: `offer:${registration.id}:${now.getTime()}`,
        expiresAt: expires,
        payload: {
          method: 'sendMessage' as const,
          parseMode: 'HTML' as const,
          text: tHtml(t, 'events-offer-notice', {
            title: event.title,
            time: slot === undefined ? formatEventSpan(t, event.startsAt, event.endsAt) : formatEventSpan(t, slot.startsAt, slot.endsAt),
            expires: formatEventMoment(t, expires),
          }),
          replyMarkup: {
            inline_keyboard: [
              [
                { text: t('events-button-accept'), callback_data: eventCallbacks.accept.pack({ registrationId: registration.id }) },
                { text: t('events-button-decline'), callback_data: eventCallbacks.decline.pack({ registrationId: registration.id }) },
              ],
            ],
          },
        },
      }
    }),
  )
}

/** Queues the (non-urgent) "your offer ran out" notices. */
async function queueExpiredNotices(db: Database, event: Event, expired: readonly Registration[]): Promise<void> {
  const locales = await localesOf(
    db,
    expired.map((row) => row.userId),
  )
  await enqueueMessages(
    db,
    expired.map((registration) => ({
      userId: registration.userId,
      kind: 'offer-expired',
      registrationId: registration.id,
      dedupeKey: `offer-expired:${registration.id}:${registration.offerExpiresAt?.getTime() ?? 0}`,
      payload: {
        method: 'sendMessage' as const,
        parseMode: 'HTML' as const,
        text: tHtml(translatorFor(locales.get(registration.userId) ?? 'zh'), 'events-offer-expired-notice', { title: event.title }),
      },
    })),
  )
}

/** What the waitlist rules in core/registration.ts queue, rendered here. */
export const waitlistNotices: WaitlistNotices = { offers: queueOffers, expired: queueExpiredNotices }
