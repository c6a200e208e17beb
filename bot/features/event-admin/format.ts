import type { EventCounts, SlotCounts } from '../../../db/repositories/event-counts.js'
import type { EventAskField, EventKind, EventStatus } from '../../../db/schema/index.js'
import { shanghaiDate, shanghaiDateTime, shanghaiTime } from '../../../domain/time.js'
import type { Translate } from '../../i18n.js'
import { formatEventMoment, formatEventSpan } from '../../ui/event-time.js'
import { escapeHtml, tHtml } from '../../ui/html.js'

/** "2026-12-05 09:00–11:30", with the end's date only when it is another day. */
export function formatRange(startsAt: Date, endsAt: Date): string {
  const end = shanghaiDate(endsAt) === shanghaiDate(startsAt) ? shanghaiTime(endsAt) : shanghaiDateTime(endsAt)
  return `${shanghaiDateTime(startsAt)}–${end}`
}

/** What the card shows; the same for a draft in the conversation and a stored event. */
export type CardData = {
  kind: EventKind
  title: string
  description: string
  place: string
  startsAt: Date
  endsAt: Date
  capacity: number
  registrationClosesAt: Date
  cancelClosesAt: Date
}

/** How the total was made, when slots make it: "5 个时段 × 5 人". */
function capacityBreakdown(t: Translate, slots: readonly { capacity: number }[]): string {
  if (slots.length === 0) return 'none'
  const [first] = slots
  const even = first !== undefined && slots.every((slot) => slot.capacity === first.capacity)
  return even
    ? t('eventadmin-capacity-breakdown', { count: slots.length, perSlot: first.capacity })
    : t('eventadmin-capacity-slot-sum', { count: slots.length })
}

/** The event as riders will see it. */
export function cardText(t: Translate, card: CardData, slots: readonly { capacity: number }[] = []): string {
  const text = t('eventadmin-card', {
    kind: t(`eventadmin-kind-${card.kind}`),
    title: escapeHtml(card.title),
    when: formatEventSpan(t, card.startsAt, card.endsAt),
    place: escapeHtml(card.place),
    capacity: card.capacity,
    breakdown: capacityBreakdown(t, slots),
    closes: formatEventMoment(t, card.registrationClosesAt),
    cancelCloses: formatEventMoment(t, card.cancelClosesAt),
  })
  return card.description === '' ? text : `${text}\n\n${escapeHtml(card.description)}`
}

/** The slots; with `counts` (the panel) each line says how it fills up. */
export function slotsText(
  t: Translate,
  slots: readonly { id?: number; startsAt: Date; endsAt: Date; capacity: number }[],
  counts?: ReadonlyMap<number, SlotCounts>,
): string {
  if (slots.length === 0) return t('eventadmin-slots-none')
  const lines = slots.map((slot) => {
    const range = `${shanghaiTime(slot.startsAt)}–${shanghaiTime(slot.endsAt)}`
    if (counts === undefined || slot.id === undefined) return t('eventadmin-slot-line', { range, capacity: slot.capacity })
    const count = counts.get(slot.id) ?? { confirmed: 0, offered: 0, waitlisted: 0, checkedIn: 0 }
    return t('eventadmin-slot-line-counts', { range, capacity: slot.capacity, ...count })
  })
  return `${t('eventadmin-slots-header', { count: slots.length })}\n${lines.join('\n')}`
}

export function asksText(
  t: Translate,
  asks: readonly EventAskField[],
  questions: readonly string[],
  sensitive: readonly number[] = [],
): string {
  const fields =
    asks.length === 0 ? t('eventadmin-asks-none') : asks.map((field) => t(`eventadmin-field-${field}`)).join(t('eventadmin-separator'))
  const lines = [t('eventadmin-asks-line', { fields })]
  questions.forEach((question, index) =>
    lines.push(
      tHtml(t, 'eventadmin-question-line', { number: index + 1, question: question, sensitive: sensitive.includes(index) ? 'yes' : 'no' }),
    ),
  )
  return lines.join('\n')
}

export function statusText(t: Translate, status: EventStatus, registrationClosed: boolean): string {
  if (status === 'published' && registrationClosed) return t('eventadmin-status-closed')
  return t(`eventadmin-status-${status}`)
}

export function countsText(t: Translate, counts: EventCounts, capacity: number, ended: boolean): string {
  const text = t('eventadmin-counts', { ...counts, capacity })
  return ended ? `${text}\n${t('eventadmin-counts-noshows', { noShows: counts.noShows })}` : text
}

/** A station's name, or the typed address; for the card and the panel. */
export const placeLabel = (station: { name: string } | undefined, address: string): string =>
  station === undefined ? address : address === '' ? station.name : `${station.name} · ${address}`
