import { Composer, InlineKeyboard } from 'grammy'
import type { Message } from 'grammy/types'
import { addToTicket, MAX_WORKER_TEXT } from '../../../core/tickets.js'
import { findBroadcast } from '../../../db/repositories/broadcasts.js'
import type { NewFeedbackMessage } from '../../../db/repositories/feedback.js'
import { findSentMessage, rememberBroadcastReplyHint } from '../../../db/repositories/outbox.js'
import { feedbackCallbacks } from '../../callbacks/feedback.js'
import type { BotContext, BotDeps } from '../../context.js'
import { ticketNotices } from '../../ui/feedback-notices.js'

/** What a worker's reply carries, as a ticket message; undefined for what a ticket cannot hold. */
function replyContent(message: Message): NewFeedbackMessage | undefined {
  if (message.text !== undefined) {
    if (message.text.startsWith('/') || message.text.trim() === '') return undefined
    return { kind: 'text', text: message.text, fileId: null }
  }
  const photo = message.photo?.at(-1)
  if (photo !== undefined) return { kind: 'photo', text: message.caption ?? '', fileId: photo.file_id }
  if (message.voice !== undefined) return { kind: 'voice', text: '', fileId: message.voice.file_id }
  return undefined
}

/**
 * Telegram replies to what the outbox sent, as a helpdesk takes them: a reply to a 我有话说
 * answer (or status notice) is added to that ticket and its owner told; a reply to a broadcast
 * gets, once per broadcast, a note on how to reach the organizer (the broadcast itself is not a
 * conversation). Replies to anything else go on as ordinary messages.
 */
export function createRepliesFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>()

  composer.chatType('private').on('message', async (ctx, next) => {
    const replied = ctx.message.reply_to_message
    const content = replyContent(ctx.message)
    if (replied === undefined || replied.from?.id !== ctx.me.id || content === undefined || ctx.user === undefined) return next()
    const sent = await findSentMessage(deps.db, ctx.chat.id, replied.message_id)
    if (sent?.ticketId != null) {
      if (content.kind === 'text' && [...content.text].length > MAX_WORKER_TEXT) {
        return ctx.reply(ctx.t('feedback-too-long', { max: String(MAX_WORKER_TEXT), length: String([...content.text].length) }))
      }
      const result = await addToTicket(deps, ticketNotices, ctx.user, sent.ticketId, content)
      return ctx.reply(ctx.t(`feedback-reply-${result}`, { max: deps.config.feedbackMaxPerHour }), {
        reply_parameters: { message_id: ctx.message.message_id },
        ...(result === 'closed'
          ? { reply_markup: new InlineKeyboard().text(ctx.t('feedback-button-new'), feedbackCallbacks.newTicket.pack()) }
          : {}),
      })
    }
    if (sent?.broadcastId != null && (await rememberBroadcastReplyHint(deps.db, sent.broadcastId, ctx.user.id))) {
      const broadcast = await findBroadcast(deps.db, sent.broadcastId)
      const eventId = broadcast?.audience.type === 'event' ? broadcast.audience.eventId : undefined
      return ctx.reply(ctx.t(eventId === undefined ? 'feedback-broadcast-reply' : 'feedback-broadcast-reply-event'), {
        reply_parameters: { message_id: ctx.message.message_id },
        reply_markup: new InlineKeyboard().text(
          ctx.t(eventId === undefined ? 'feedback-button-new' : 'feedback-button-new-event'),
          feedbackCallbacks.newTicket.pack({ eventId }),
        ),
      })
    }
    return next()
  })

  return composer
}
