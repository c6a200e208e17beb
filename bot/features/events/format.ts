import type { EventCard } from '../../../db/repositories/event-listing.js'
import type { Event, EventKind } from '../../../db/schema/index.js'
import type { Translate } from '../../i18n.js'
import { formatEventMoment, formatEventSpan, formatSlotTime } from '../../ui/event-time.js'
import { escapeHtml } from '../../ui/html.js'

export const kindEmoji: Record<EventKind, string> = {
  skill_contest: '🏆',
  health_check: '🩺',
  meal: '🍱',
  training: '📚',
  lecture: '🎤',
  market: '🛍️',
  service_day: '🤝',
}

/** "慢性病？ 没有", "工号：123": no colon after a question that ends in its own punctuation. */
export const questionAndAnswer = (question: string, answer: string): string =>
  /[？?：:。.！!]$/.test(question.trim()) ? `${question.trim()} ${answer}` : `${question.trim()}：${answer}`

/** The place as people look for it: station name and address, or just the address (escaped). */
export function formatPlace(t: Translate, event: Pick<Event, 'address' | 'city'>, stationName: string | null | undefined): string {
  const parts = [stationName, event.address || (stationName ? '' : event.city)].filter(
    (part) => part !== null && part !== undefined && part !== '',
  )
  return parts.length === 0 ? t('events-place-unknown') : escapeHtml(parts.join(' · '))
}

export type RegistrationWindow = 'not-open' | 'open' | 'closed' | 'full'

/** Whether registration is open at all, from the event alone (a full event is still open: taps join the waitlist). */
export function registrationGate(
  event: Pick<Event, 'status' | 'registrationClosed' | 'registrationClosesAt' | 'registrationOpensAt'>,
  now: Date,
): Exclude<RegistrationWindow, 'full'> {
  if (event.status !== 'published' || event.registrationClosed || now >= event.registrationClosesAt) return 'closed'
  if (event.registrationOpensAt !== null && now < event.registrationOpensAt) return 'not-open'
  return 'open'
}

export function registrationWindow(card: EventCard, now: Date): RegistrationWindow {
  const gate = registrationGate(card.event, now)
  if (gate !== 'open') return gate
  const { event } = card
  const left =
    card.slots.length === 0 ? event.capacity - card.taken : card.slots.reduce((sum, s) => sum + Math.max(0, s.capacity - s.taken), 0)
  return left > 0 ? 'open' : 'full'
}

function formatWindow(t: Translate, card: EventCard, now: Date): string {
  const state = registrationWindow(card, now)
  const { event } = card
  if (state === 'not-open' && event.registrationOpensAt !== null)
    return t('events-window-not-open', { when: formatEventMoment(t, event.registrationOpensAt) })
  if (state === 'open') return t('events-window-open', { when: formatEventMoment(t, event.registrationClosesAt) })
  if (state === 'full') return t('events-window-full', { when: formatEventMoment(t, event.registrationClosesAt) })
  return t('events-window-closed')
}

function formatSeats(t: Translate, card: EventCard): string {
  if (card.slots.length === 0) {
    return t('events-seats', { left: Math.max(0, card.event.capacity - card.taken), capacity: card.event.capacity })
  }
  const lines = card.slots.map((slot) =>
    t('events-slot-line', { time: formatSlotTime(t, slot, card.event.startsAt), left: Math.max(0, slot.capacity - slot.taken) }),
  )
  return [t('events-seats-by-slot'), ...lines].join('\n')
}

/** The event card (HTML). */
export function formatCard(t: Translate, card: EventCard, now: Date): string {
  const { event } = card
  return t('events-card', {
    emoji: kindEmoji[event.kind],
    kind: t(`events-kind-${event.kind}`),
    title: escapeHtml(event.title),
    time: formatEventSpan(t, event.startsAt, event.endsAt),
    place: formatPlace(t, event, card.station?.name),
    description: event.description === '' ? 'none' : escapeHtml(event.description),
    seats: formatSeats(t, card),
    window: formatWindow(t, card, now),
  })
}
