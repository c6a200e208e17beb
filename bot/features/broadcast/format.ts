import type { QuietRecipients } from '../../../db/repositories/broadcast-quiet.js'
import type { BroadcastCounts } from '../../../db/repositories/broadcasts.js'
import type { Database } from '../../../db/client.js'
import { listScopes } from '../../../db/repositories/roles.js'
import { findStation } from '../../../db/repositories/stations.js'
import type { Broadcast, BroadcastAudience } from '../../../db/schema/index.js'
import { escapeHtml, tHtml } from '../../ui/html.js'
import { shanghaiDateTime } from '../../../domain/time.js'
import type { Translate } from '../../i18n.js'
import { CAPTION_LIMIT, MESSAGE_LIMIT } from '../../ui/telegram-limits.js'
import { minutesToClock } from '../../../domain/time.js'

export type AudienceNames = { eventTitle?: string; stationName?: string }

/** Telegram's limits less room for the one-line header above the organizer's words. */
export const MAX_TEXT = MESSAGE_LIMIT - 100
export const MAX_CAPTION = CAPTION_LIMIT - 100

/** Who an audience is, as HTML (names are escaped). */
export function describeAudience(t: Translate, audience: BroadcastAudience, names: AudienceNames): string {
  const gone = t('broadcast-audience-gone')
  switch (audience.type) {
    case 'event':
      return tHtml(t, `broadcast-audience-event-${audience.only ?? 'all'}`, { title: names.eventTitle ?? gone })
    case 'city':
      return tHtml(t, 'broadcast-audience-city', { city: audience.city })
    case 'near_station':
      return tHtml(t, 'broadcast-audience-near', { station: names.stationName ?? gone, km: audience.km })
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

/** Recipients in quiet hours are counted apart, with when they get it, so "waiting" never looks stuck. */
export function progressText(t: Translate, broadcast: Broadcast, counts: BroadcastCounts, audience: string, quiet: QuietRecipients): string {
  return t('broadcast-progress', {
    ...countVariables(broadcast, counts),
    waiting: counts.remaining - quiet.count,
    quiet: quiet.count,
    until: quiet.endsAt === undefined ? '-' : minutesToClock(quiet.endsAt),
    status: t(`broadcast-status-${broadcast.status}`),
    audience,
  })
}

export const reportText = (t: Translate, broadcast: Broadcast, counts: BroadcastCounts): string =>
  t('broadcast-report', countVariables(broadcast, counts))

/** What the one-line header of a broadcast says: the event it is about, or the organizer's team. */
export type HeaderParts = { kind: 'event'; title: string } | { kind: 'team'; team: string } | { kind: 'everywhere' }

/** Plain text (broadcasts go out with entities, not HTML), in the recipient's language. */
export function broadcastHeader(t: Translate, parts: HeaderParts): string {
  if (parts.kind === 'event') return t('broadcast-header-event', { title: parts.title })
  if (parts.kind === 'team') return t('broadcast-header-team', { team: parts.team })
  return t('broadcast-header-everywhere')
}

/**
 * Who a broadcast comes from: the event for an event's registrants, else the places the organizer
 * looks after (their scopes' cities and stations), else the bot's own team.
 */
export async function headerParts(db: Database, organizerId: number, audience: BroadcastAudience, names: AudienceNames): Promise<HeaderParts> {
  if (audience.type === 'event' && names.eventTitle !== undefined) return { kind: 'event', title: names.eventTitle }
  const places: string[] = []
  for (const scope of await listScopes(db, organizerId)) {
    if (scope.city !== null) places.push(scope.city)
    else if (scope.stationId !== null) {
      const station = await findStation(db, scope.stationId)
      if (station !== undefined) places.push(station.name)
    }
  }
  return places.length === 0 ? { kind: 'everywhere' } : { kind: 'team', team: places.slice(0, 2).join('、') }
}

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
