import { createConversation } from '@grammyjs/conversations'
import { Composer, GrammyError } from 'grammy'
import { mayHandle } from '../../../core/tickets.js'
import { feedbackStats } from '../../../db/repositories/feedback-stats.js'
import { findInboxItem, listInbox, listMessages, type InboxItem } from '../../../db/repositories/feedback.js'
import { isAdmin, isOrganizer, listOrganizers, responsibleOrganizers } from '../../../db/repositories/roles.js'
import { findUser } from '../../../db/repositories/users.js'
import type { FeedbackTicket, User } from '../../../db/schema/index.js'
import { feedbackCallbacks, type StatusChange } from '../../callbacks/feedback.js'
import { onCallback } from '../../callbacks/route.js'
import { hubCallbacks } from '../../callbacks/ui.js'
import { requireUserId, type BotContext, type BotConversation, type BotDeps, type ConversationContext } from '../../context.js'
import { conversationIds } from '../../conversations/ids.js'
import { MESSAGE_LIMIT } from '../../ui/telegram-limits.js'
import { formatInboxLine, formatOrganizerCard, formatStats } from './format.js'
import { afterActionKeyboard, inboxKeyboard, organizerTicketKeyboard, publicState, reassignKeyboard } from './keyboards.js'
import { addNote, reassign, replyToTicket, setStatus, togglePublic, type OrganizerResult } from './organizer-ops.js'
import { waitForContent } from './wait.js'

type OrganizerAction =
  | { kind: 'inbox' | 'stats' }
  | { kind: 'open' | 'reply' | 'note' | 'public' | 'reassign-menu'; ticketId: number }
  | { kind: 'status'; ticketId: number; status: StatusChange }
  | { kind: 'reassign'; ticketId: number; userId: number }

const INBOX_SIZE = 15
const MEDIA_SHOWN = 5

export function createInboxFeature(deps: BotDeps): Composer<BotContext> {
  const { db, now } = deps
  const composer = new Composer<BotContext>()

  async function showInbox(ctx: BotContext) {
    if (!isOrganizer(ctx.user) || ctx.user === undefined) return ctx.reply(ctx.t('feedback-not-organizer'))
    const items = await listInbox(db, ctx.user, now(), INBOX_SIZE)
    const line = (item: InboxItem) => formatInboxLine(ctx.t, item, now())
    // Admins see tickets nobody owns as their own group: they are the ones who can hand them out.
    const unowned = isAdmin(ctx.user) ? items.filter((item) => item.assigneeId === null) : []
    const owned = items.filter((item) => !unowned.includes(item))
    const lines =
      unowned.length === 0
        ? owned.map(line)
        : [
            ctx.t('feedback-inbox-unowned', { count: unowned.length }),
            ...unowned.map(line),
            ...(owned.length > 0 ? [ctx.t('feedback-inbox-owned'), ...owned.map(line)] : []),
          ]
    await ctx.reply([ctx.t('feedback-inbox-title', { count: items.length }), ...lines].join('\n'), {
      parse_mode: 'HTML',
      reply_markup: inboxKeyboard(ctx.t, items),
    })
  }

  async function showStats(ctx: BotContext) {
    if (!isOrganizer(ctx.user) || ctx.user === undefined) return ctx.reply(ctx.t('feedback-not-organizer'))
    await ctx.reply(formatStats(ctx.t, await feedbackStats(db, ctx.user)), { parse_mode: 'HTML' })
  }

  /** The ticket card, then the worker's photos and voice messages re-sent by file id (never downloaded). */
  async function showTicket(ctx: BotContext, ticketId: number) {
    const item = await findInboxItem(db, ticketId)
    if (item === undefined) return ctx.reply(ctx.t('feedback-gone'))
    if (!(await mayHandle(db, ctx.user, item))) return ctx.reply(ctx.t('feedback-forbidden'))
    const messages = await listMessages(db, ticketId)
    const ids = new Set([item.assigneeId, ...messages.filter((m) => m.author !== 'worker').map((m) => m.authorId)])
    for (const message of messages) if (message.text.startsWith('assigned:')) ids.add(Number(message.text.slice(9)))
    const names = new Map<number, string>()
    for (const id of ids) {
      const user = id === null ? undefined : await findUser(db, id)
      if (user !== undefined) names.set(user.id, user.firstName || `@${user.username ?? ''}`)
    }
    const sender = item.anonymous ? undefined : await findUser(db, item.userId)
    await ctx.reply(formatOrganizerCard(ctx.t, item, sender, messages, names, now()), {
      parse_mode: 'HTML',
      reply_markup: organizerTicketKeyboard(ctx.t, item),
    })
    const media = messages.filter((message) => message.author === 'worker' && message.fileId !== null).slice(-MEDIA_SHOWN)
    for (const message of media) {
      const caption = ctx.t('feedback-media-caption', { number: item.number, kind: message.kind })
      if (message.kind === 'voice') await ctx.replyWithVoice(message.fileId ?? '', { caption })
      else await ctx.replyWithPhoto(message.fileId ?? '', { caption })
    }
  }

  async function refreshCardButtons(ctx: BotContext, ticket: FeedbackTicket | InboxItem) {
    try {
      await ctx.editMessageReplyMarkup({ reply_markup: organizerTicketKeyboard(ctx.t, ticket) })
    } catch (error) {
      // The card is gone or unchanged: the alert above already said what happened.
      if (!(error instanceof GrammyError)) throw error
    }
  }

  async function answerResult(ctx: BotContext, result: OrganizerResult, done: string) {
    if (result.kind === 'done') return ctx.answerCallbackQuery({ text: ctx.t(done) })
    return ctx.answerCallbackQuery({ text: ctx.t(`feedback-result-${result.kind}`), show_alert: result.kind === 'forbidden' })
  }

  async function reply(conversation: BotConversation, ctx: ConversationContext, ticketId: number) {
    await ctx.reply(ctx.t('feedback-reply-prompt'))
    const content = await waitForContent(conversation, { maxText: MESSAGE_LIMIT, voice: false, photo: true })
    const organizerId = requireUserId(ctx)
    const result = await conversation.external(async () => {
      const organizer = await findUser(db, organizerId)
      const outcome = await replyToTicket(deps, organizer, ticketId, content)
      return outcome.kind === 'done'
        ? { kind: 'done' as const, id: outcome.ticket.id, number: outcome.ticket.number }
        : { kind: outcome.kind }
    })
    if (result.kind !== 'done') return ctx.reply(ctx.t(`feedback-result-${result.kind}`))
    await ctx.reply(ctx.t('feedback-reply-sent', { number: result.number }), { reply_markup: afterActionKeyboard(ctx.t, result) })
  }

  async function note(conversation: BotConversation, ctx: ConversationContext, ticketId: number) {
    await ctx.reply(ctx.t('feedback-note-prompt'))
    const content = await waitForContent(conversation, { maxText: MESSAGE_LIMIT, voice: false, photo: false })
    const organizerId = requireUserId(ctx)
    const result = await conversation.external(async () => {
      const outcome = await addNote(deps, await findUser(db, organizerId), ticketId, content.text)
      return outcome.kind === 'done'
        ? { kind: 'done' as const, id: outcome.ticket.id, number: outcome.ticket.number }
        : { kind: outcome.kind }
    })
    if (result.kind !== 'done') return ctx.reply(ctx.t(`feedback-result-${result.kind}`))
    await ctx.reply(ctx.t('feedback-note-saved'), { reply_markup: afterActionKeyboard(ctx.t, result) })
  }

  composer.use(createConversation(reply, conversationIds.replyToFeedback))
  composer.use(createConversation(note, conversationIds.feedbackNote))

  const privateChats = composer.chatType('private')
  privateChats.command('inbox', showInbox)
  privateChats.command('feedbackstats', showStats)

  composer.callbackQuery(hubCallbacks.inbox.filter, async (ctx) => {
    await ctx.answerCallbackQuery()
    await showInbox(ctx)
  })

  /** Every organizer action re-checks the role and the ticket's scope: callback data can be forged. */
  async function handle(ctx: BotContext, action: OrganizerAction): Promise<unknown> {
    const user: User | undefined = ctx.user
    if (!isOrganizer(user)) return ctx.answerCallbackQuery({ text: ctx.t('feedback-not-organizer'), show_alert: true })
    switch (action.kind) {
      case 'inbox':
        await ctx.answerCallbackQuery()
        return showInbox(ctx)
      case 'stats':
        await ctx.answerCallbackQuery()
        return showStats(ctx)
      case 'open':
        await ctx.answerCallbackQuery()
        return showTicket(ctx, action.ticketId)
      case 'reply':
      case 'note': {
        const item = await findInboxItem(db, action.ticketId)
        if (item === undefined || !(await mayHandle(db, user, item)))
          return ctx.answerCallbackQuery({ text: ctx.t('feedback-result-forbidden'), show_alert: true })
        await ctx.answerCallbackQuery()
        await ctx.conversation.exitAll()
        return ctx.conversation.enter(
          action.kind === 'reply' ? conversationIds.replyToFeedback : conversationIds.feedbackNote,
          action.ticketId,
        )
      }
      case 'status':
        return answerResult(ctx, await setStatus(deps, user, action.ticketId, action.status), 'feedback-status-changed')
      case 'public': {
        const result = await togglePublic(deps, user, action.ticketId)
        if (result.kind !== 'done') return answerResult(ctx, result, '')
        await ctx.answerCallbackQuery({ text: ctx.t(`feedback-public-now-${publicState(result.ticket)}`), show_alert: true })
        // The card's buttons show the new state at once (a 📣 report's buttons included).
        return refreshCardButtons(ctx, (await findInboxItem(db, action.ticketId)) ?? result.ticket)
      }
      case 'reassign':
        return answerResult(ctx, await reassign(deps, user, action.ticketId, action.userId), 'feedback-reassigned')
      case 'reassign-menu': {
        const item = await findInboxItem(db, action.ticketId)
        if (item === undefined || !(await mayHandle(db, user, item)))
          return ctx.answerCallbackQuery({ text: ctx.t('feedback-result-forbidden'), show_alert: true })
        const responsible = await responsibleOrganizers(db, { city: item.city, stationId: item.stationId })
        const everyone = await listOrganizers(db)
        const candidates = [...responsible, ...everyone]
          .filter((candidate, index, all) => all.findIndex((other) => other.id === candidate.id) === index)
          .slice(0, 12)
        await ctx.answerCallbackQuery()
        return ctx.reply(ctx.t('feedback-reassign-pick', { number: item.number }), {
          reply_markup: reassignKeyboard(ctx.t, item.id, candidates),
        })
      }
      default:
        return ctx.answerCallbackQuery({ text: ctx.t('feedback-stale') })
    }
  }

  const buttons = feedbackCallbacks
  onCallback(composer, buttons.inbox, (ctx) => handle(ctx, { kind: 'inbox' }))
  onCallback(composer, buttons.stats, (ctx) => handle(ctx, { kind: 'stats' }))
  onCallback(composer, buttons.open, (ctx, { ticketId }) => handle(ctx, { kind: 'open', ticketId }))
  onCallback(composer, buttons.reply, (ctx, { ticketId }) => handle(ctx, { kind: 'reply', ticketId }))
  onCallback(composer, buttons.note, (ctx, { ticketId }) => handle(ctx, { kind: 'note', ticketId }))
  onCallback(composer, buttons.public, (ctx, { ticketId }) => handle(ctx, { kind: 'public', ticketId }))
  onCallback(composer, buttons.reassignMenu, (ctx, { ticketId }) => handle(ctx, { kind: 'reassign-menu', ticketId }))
  onCallback(composer, buttons.status, (ctx, { ticketId, status }) => handle(ctx, { kind: 'status', ticketId, status }))
  onCallback(composer, buttons.reassign, (ctx, { ticketId, userId }) => handle(ctx, { kind: 'reassign', ticketId, userId }))
  return composer
}
