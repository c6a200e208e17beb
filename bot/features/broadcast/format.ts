import type { BroadcastCounts } from '../../../db/repositories/broadcasts.js'
import type { Broadcast, BroadcastAudience } from '../../../db/schema/index.js'
import { escapeHtml } from '../../lib/html.js'
import { shanghaiDateTime } from '../../lib/time.js'
import type { Translate } from '../../i18n.js'

export type AudienceNames = { eventTitle?: string; stationName?: string }

export const MAX_TEXT = 4096
export const MAX_CAPTION = 1024

/** Who an audience is, as HTML (names are escaped). */
export function describeAudience(t: Translate, audience: BroadcastAudience, names: AudienceNames): string {
  const gone = t('broadcast-audience-gone')
  switch (audience.type) {
    case 'event':
      return t(`broadcast-audience-event-${audience.only ?? 'all'}`, { title: escapeHtml(names.eventTitle ?? gone) })
    case 'city':
      return t('broadcast-audience-city', { city: escapeHtml(audience.city) })
    case 'near_station':
      return t('broadcast-audience-near', { station: escapeHtml(names.stationName ?? gone), km: audience.km })
    case 'everyone':
      return t('broadcast-audience-everyone')
  }
}

const countVariables = (broadcast: Broadcast, counts: BroadcastCounts) => ({
  // A string: Fluent would group digits in a number (#1,024).
  id: String(broadcast.id),
  total: broadcast.recipientCount,
  sent: counts.sent,
  failed: counts.failed,
  blocked: counts.blocked,
  remaining: counts.remaining,
})

export function progressText(t: Translate, broadcast: Broadcast, counts: BroadcastCounts, audience: string): string {
  return t('broadcast-progress', {
    ...countVariables(broadcast, counts),
    status: t(`broadcast-status-${broadcast.status}`),
    audience,
  })
}

export const reportText = (t: Translate, broadcast: Broadcast, counts: BroadcastCounts): string =>
  t('broadcast-report', countVariables(broadcast, counts))

const EXCERPT = 30

function excerpt(t: Translate, broadcast: Broadcast): string {
  const chars = [...broadcast.text.replace(/\s+/g, ' ').trim()]
  const short = chars.length > EXCERPT ? `${chars.slice(0, EXCERPT).join('')}…` : chars.join('')
  return broadcast.photoFileId === null ? escapeHtml(short) : t('broadcast-photo-excerpt', { caption: escapeHtml(short) })
}

export function historyItem(t: Translate, broadcast: Broadcast, counts: BroadcastCounts, audience: string): string {
  return t('broadcast-history-item', {
    ...countVariables(broadcast, counts),
    date: shanghaiDateTime(broadcast.createdAt),
    status: t(`broadcast-status-${broadcast.status}`),
    audience,
    excerpt: excerpt(t, broadcast),
  })
}
