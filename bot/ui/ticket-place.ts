import type { InboxItem } from '../../db/repositories/feedback.js'
import type { Translate } from '../i18n.js'

/** What a 我有话说 ticket is about: its event, its station, or its city; in lists, notices, the digest and escalations. */
export function ticketPlace(t: Translate, item: Pick<InboxItem, 'stationName' | 'eventTitle' | 'city'>): string {
  if (item.eventTitle !== null) return t('feedback-place-event', { title: item.eventTitle })
  if (item.stationName !== null) return t('feedback-place-station', { name: item.stationName })
  return t('feedback-place-city', { city: item.city === '' ? '-' : item.city })
}
