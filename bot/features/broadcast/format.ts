import type { Database } from '../../../db/client.js'
import type { BroadcastCounts } from '../../../db/repositories/broadcasts.js'
import { listScopes } from '../../../db/repositories/roles.js'
import { findStation } from '../../../db/repositories/stations.js'
import type { Broadcast, BroadcastAudience } from '../../../db/schema/index.js'
import { shanghaiDateTime } from '../../../domain/time.js'
import type { Translate } from '../../i18n.js'
import { countVariables, type AudienceNames } from '../../ui/broadcast-progress.js'
import { escapeHtml } from '../../ui/html.js'
import { CAPTION_LIMIT, MESSAGE_LIMIT } from '../../ui/telegram-limits.js'

/** Telegram's limits less room for the one-line header above the organizer's words. */
export const MAX_TEXT = MESSAGE_LIMIT - 100
export const MAX_CAPTION = CAPTION_LIMIT - 100

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
export async function headerParts(
  db: Database,
  organizerId: number,
  audience: BroadcastAudience,
  names: AudienceNames,
): Promise<HeaderParts> {
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
