import { shanghaiDate, shanghaiTime, shanghaiWeekday } from '../../domain/time.js'
import { translatorFor, type Locale, type Translate } from '../i18n.js'

/**
 * One way to write an event's time wherever a rider sees it (cards, lists, confirmations,
 * reminders, change and cancel notices): "12月5日（周六）09:00–11:30", in Asia/Shanghai.
 */

/** "12月5日（周六）" */
function formatEventDay(t: Translate, at: Date): string {
  const [, month, day] = shanghaiDate(at).split('-').map(Number)
  return t('event-time-day', { month: month ?? 0, day: day ?? 0, weekday: t(`weekday-${shanghaiWeekday(at)}`) })
}

/** "12月5日（周六）09:00": a start, a deadline, an offer's expiry. */
export const formatEventMoment = (t: Translate, at: Date): string =>
  t('event-time-moment', { day: formatEventDay(t, at), time: shanghaiTime(at) })

/** "12月5日（周六）09:00–11:30", or "12月5日（周六）09:00 至 12月6日（周日）11:30" across days. */
export function formatEventSpan(t: Translate, start: Date, end: Date): string {
  if (shanghaiDate(start) === shanghaiDate(end))
    return t('event-time-span', { day: formatEventDay(t, start), start: shanghaiTime(start), end: shanghaiTime(end) })
  return t('event-time-span-days', { start: formatEventMoment(t, start), end: formatEventMoment(t, end) })
}

/**
 * A time slot in a list under the event's own time line: "09:00–09:30" when it lies on the day
 * the event starts (the date is already on the card), else the full span.
 */
export function formatSlotTime(t: Translate, slot: { startsAt: Date; endsAt: Date }, eventStartsAt: Date): string {
  const sameDay = shanghaiDate(slot.startsAt) === shanghaiDate(eventStartsAt) && shanghaiDate(slot.endsAt) === shanghaiDate(eventStartsAt)
  return sameDay ? `${shanghaiTime(slot.startsAt)}–${shanghaiTime(slot.endsAt)}` : formatEventSpan(t, slot.startsAt, slot.endsAt)
}

/** An event moment in the recipient's language, for texts queued outside a chat (jobs, notices). */
export const formatShanghaiMoment = (locale: Locale, instant: Date): string => formatEventMoment(translatorFor(locale), instant)
