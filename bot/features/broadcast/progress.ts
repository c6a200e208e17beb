import type { Api } from 'grammy'
import type { InlineKeyboard } from 'grammy'
import { audienceNames } from '../../../db/repositories/broadcast-audience.js'
import { quietRecipients } from '../../../db/repositories/broadcast-quiet.js'
import { broadcastCounts, type BroadcastCounts } from '../../../db/repositories/broadcasts.js'
import type { Database } from '../../../db/client.js'
import type { Broadcast } from '../../../db/schema/index.js'
import { describeAudience, progressText } from './format.js'
import { progressKeyboard } from './keyboards.js'
import type { Translate } from '../../i18n.js'
import { isNotModified } from '../../ui/telegram-errors.js'

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
