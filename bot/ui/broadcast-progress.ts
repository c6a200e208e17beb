import { InlineKeyboard, type Api } from 'grammy'
import type { Database } from '../../db/client.js'
import { audienceNames } from '../../db/repositories/broadcast-audience.js'
import { quietRecipients, type QuietRecipients } from '../../db/repositories/broadcast-quiet.js'
import { broadcastCounts, type BroadcastCounts } from '../../db/repositories/broadcasts.js'
import type { Broadcast, BroadcastAudience } from '../../db/schema/index.js'
import { minutesToClock } from '../../domain/time.js'
import { controlCallbacks } from '../callbacks/broadcast.js'
import type { Translate } from '../i18n.js'
import { tHtml } from './html.js'
import { isNotModified } from './telegram-errors.js'

/*
 * A broadcast's progress message: shared by the broadcast feature, which sends it, and the
 * broadcast-progress job, which keeps it current and sends the final report.
 */

export type AudienceNames = { eventTitle?: string; stationName?: string }

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

export const countVariables = (broadcast: Broadcast, counts: BroadcastCounts) => ({
  // A string: Fluent would group digits in a number (#1,024).
  id: String(broadcast.id),
  total: broadcast.recipientCount,
  sent: counts.sent,
  failed: counts.failed,
  blocked: counts.blocked,
  remaining: counts.remaining,
})

/** Recipients in quiet hours are counted apart, with when they get it, so "waiting" never looks stuck. */
function progressText(t: Translate, broadcast: Broadcast, counts: BroadcastCounts, audience: string, quiet: QuietRecipients): string {
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

/** Pause or resume, and cancel, while a broadcast runs; nothing once it has ended. */
function progressKeyboard(t: Translate, broadcast: Broadcast): InlineKeyboard | undefined {
  if (broadcast.status === 'sending') {
    return new InlineKeyboard()
      .text(t('broadcast-pause-button'), controlCallbacks.pause.pack({ broadcastId: broadcast.id }))
      .text(t('broadcast-cancel-button'), controlCallbacks.cancelAsk.pack({ broadcastId: broadcast.id }))
  }
  if (broadcast.status === 'paused') {
    return new InlineKeyboard()
      .text(t('broadcast-resume-button'), controlCallbacks.resume.pack({ broadcastId: broadcast.id }))
      .text(t('broadcast-cancel-button'), controlCallbacks.cancelAsk.pack({ broadcastId: broadcast.id }))
  }
  return undefined
}

export type RenderedProgress = { text: string; replyMarkup: InlineKeyboard | undefined }

/** The progress message of a broadcast with its current counts and the buttons its status allows. */
export async function renderProgress(
  db: Database,
  t: Translate,
  broadcast: Broadcast,
  now: Date,
  counts?: BroadcastCounts,
): Promise<RenderedProgress> {
  const audience = describeAudience(t, broadcast.audience, await audienceNames(db, broadcast.audience))
  const quiet = await quietRecipients(db, broadcast.id, now)
  return {
    text: progressText(t, broadcast, counts ?? (await broadcastCounts(db, broadcast.id)), audience, quiet),
    replyMarkup: progressKeyboard(t, broadcast),
  }
}

/**
 * Edits the organizer's progress message in place. "Not modified" is fine (nothing changed); any
 * other failure (the organizer deleted the message) is returned for logging, never thrown, since
 * the broadcast itself goes on regardless.
 */
export async function editProgress(api: Api, broadcast: Broadcast, progress: RenderedProgress): Promise<unknown> {
  if (broadcast.progressChatId === null || broadcast.progressMessageId === null) return undefined
  try {
    await api.editMessageText(broadcast.progressChatId, broadcast.progressMessageId, progress.text, {
      parse_mode: 'HTML',
      ...(progress.replyMarkup === undefined ? {} : { reply_markup: progress.replyMarkup }),
    })
    return undefined
  } catch (error) {
    return isNotModified(error) ? undefined : error
  }
}
