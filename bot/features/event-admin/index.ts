import { createConversation } from '@grammyjs/conversations'
import { Composer, InlineKeyboard, InputFile, type CallbackQueryContext } from 'grammy'
import { listRegistrants } from '../../../db/repositories/event-registrants.js'
import { cancelEvent, closeRegistration, listManagedEvents, publishEvent } from '../../../db/repositories/events.js'
import { isOrganizer } from '../../../db/repositories/roles.js'
import type { Event, User } from '../../../db/schema/index.js'
import { shanghaiDate } from '../../../domain/time.js'
import { eventAdminCallbacks, eventAdminStale, type EventAction } from '../../callbacks/event-admin.js'
import { onCallback } from '../../callbacks/route.js'
import { hubCallbacks } from '../../callbacks/ui.js'
import type { BotContext, BotDeps, ConversationContext } from '../../context.js'
import { conversationIds } from '../../conversations/ids.js'
import { translatorFor, userLocale } from '../../i18n.js'
import { formatEventSpan } from '../../ui/event-time.js'
import { tHtml } from '../../ui/html.js'
import { checkInCode, createCheckInConversation, isCode, outcomeReply } from './checkin.js'
import { createEventConversation } from './create-conversation.js'
import { createEditConversation } from './edit-conversation.js'
import { exportFileName, registrantsCsv } from './export.js'
import { formatRange } from './format.js'
import { managedEvent, refuseUnlessOrganizer, showCancelConfirm, showEditMenu, showList, showPanel } from './panel.js'

/**
 * The organizer side of events: `/manage` (and the hub's 活动管理) lists the events an organizer
 * may manage, `/newevent` creates one, `/checkin` and `/start ci_<code>` check registrants in.
 * Every command and button re-checks the sender's role and scope.
 */
export function createEventAdminFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>()
  composer.use(createConversation<BotContext, ConversationContext>(createEventConversation(deps), conversationIds.createEvent))
  composer.use(createConversation<BotContext, ConversationContext>(createEditConversation(deps), conversationIds.editEvent))
  composer.use(createConversation<BotContext, ConversationContext>(createCheckInConversation(deps), conversationIds.checkIn))
  const privateChats = composer.chatType('private')

  const startCreating = async (ctx: BotContext) => {
    if (await refuseUnlessOrganizer(ctx)) return
    if (ctx.callbackQuery !== undefined) await ctx.answerCallbackQuery()
    await ctx.conversation.exitAll()
    await ctx.conversation.enter(conversationIds.createEvent)
  }

  const startCheckIn = async (ctx: BotContext) => {
    if (ctx.user === undefined || (await refuseUnlessOrganizer(ctx))) return
    if (ctx.callbackQuery !== undefined) await ctx.answerCallbackQuery()
    const now = deps.now()
    const { upcoming } = await listManagedEvents(deps.db, ctx.user, now)
    const today = upcoming.filter((event) => event.startsAt <= now || shanghaiDate(event.startsAt) === shanghaiDate(now))
    const [only] = today
    if (today.length === 1 && only !== undefined) return enterCheckIn(ctx, only)
    const choices = today.length > 0 ? today : upcoming
    if (choices.length === 0) return ctx.reply(ctx.t('eventadmin-checkin-none'))
    const keyboard = new InlineKeyboard()
    for (const event of choices)
      keyboard
        .text(
          `${event.title} · ${formatRange(event.startsAt, event.endsAt)}`,
          eventAdminCallbacks.action.pack({ action: 'checkin', eventId: event.id }),
        )
        .row()
    await ctx.reply(ctx.t('eventadmin-checkin-pick'), { reply_markup: keyboard })
  }

  const enterCheckIn = async (ctx: BotContext, event: Event) => {
    await ctx.conversation.exitAll()
    await ctx.conversation.enter(conversationIds.checkIn, event.id, event.title)
  }

  privateChats.command('manage', (ctx) => showList(ctx, deps))
  privateChats.command('newevent', startCreating)
  privateChats.command('checkin', startCheckIn)
  composer.callbackQuery(hubCallbacks.events.filter, (ctx) => showList(ctx, deps))
  composer.callbackQuery(hubCallbacks.checkIn.filter, startCheckIn)

  // The worker's QR code opens t.me/<bot>?start=ci_<code>; only organizers can use it.
  privateChats.command('start', async (ctx, next) => {
    if (!ctx.match.startsWith('ci_')) return next()
    if (ctx.user === undefined || !isOrganizer(ctx.user)) return ctx.reply(ctx.t('eventadmin-checkin-link-worker'))
    const code = ctx.match.slice(3)
    const outcome = isCode(code) ? await checkInCode(deps, ctx.user, code) : { kind: 'unknown' as const }
    const reply = outcomeReply(ctx.t, outcome, code)
    await ctx.reply(reply.text, reply.options)
  })

  // 仍然签到 under a "check-in is not open" answer, from /checkin or from a scanned QR code.
  onCallback(composer, eventAdminCallbacks.forceCheckIn, async (ctx, { code }) => {
    if (ctx.user === undefined || (await refuseUnlessOrganizer(ctx))) return
    await ctx.answerCallbackQuery()
    const reply = outcomeReply(ctx.t, await checkInCode(deps, ctx.user, code, { force: true }), code)
    await ctx.reply(reply.text, reply.options)
  })

  onCallback(composer, eventAdminCallbacks.list, (ctx) => showList(ctx, deps))
  onCallback(composer, eventAdminCallbacks.create, startCreating)
  /** Every button about one event re-checks that the sender may manage it (data can be forged). */
  const withEvent = async (ctx: CallbackQueryContext<BotContext>, eventId: number, handler: (event: Event) => Promise<unknown>) => {
    const event = await managedEvent(ctx, deps, eventId)
    if (event !== undefined) await handler(event)
  }
  onCallback(composer, eventAdminCallbacks.panel, (ctx, { eventId }) =>
    withEvent(ctx, eventId, async (event) => {
      await ctx.answerCallbackQuery()
      await showPanel(ctx, deps, event)
    }),
  )
  onCallback(composer, eventAdminCallbacks.edit, (ctx, { field, eventId }) =>
    withEvent(ctx, eventId, async (event) => {
      if (event.status !== 'draft' && event.status !== 'published')
        return ctx.answerCallbackQuery({ text: ctx.t('eventadmin-not-editable') })
      await ctx.answerCallbackQuery()
      await ctx.conversation.exitAll()
      await ctx.conversation.enter(conversationIds.editEvent, event.id, field)
    }),
  )
  onCallback(composer, eventAdminCallbacks.action, (ctx, { action, eventId }) =>
    withEvent(ctx, eventId, (event) => runAction(ctx, event, action)),
  )
  // Conversation buttons land here only when their conversation has ended; so do forged data and
  // the one-letter names from before the codec.
  composer.callbackQuery(eventAdminStale, (ctx) => ctx.answerCallbackQuery({ text: ctx.t('eventadmin-button-stale') }))

  async function runAction(ctx: BotContext, event: Event, action: EventAction) {
    const now = deps.now()
    switch (action) {
      case 'edit':
        if (event.status !== 'draft' && event.status !== 'published')
          return ctx.answerCallbackQuery({ text: ctx.t('eventadmin-not-editable') })
        await ctx.answerCallbackQuery()
        return showEditMenu(ctx, event)
      case 'publish': {
        const published = await publishEvent(deps.db, event.id, now)
        await ctx.answerCallbackQuery({ text: ctx.t(published === undefined ? 'eventadmin-not-draft' : 'eventadmin-published') })
        return showPanel(ctx, deps, published ?? event)
      }
      case 'close': {
        const closed = await closeRegistration(deps.db, event.id, now)
        await ctx.answerCallbackQuery({ text: ctx.t(closed === undefined ? 'eventadmin-close-unchanged' : 'eventadmin-closed') })
        return showPanel(ctx, deps, closed ?? event)
      }
      case 'cancel':
        if (event.status !== 'draft' && event.status !== 'published')
          return ctx.answerCallbackQuery({ text: ctx.t('eventadmin-not-editable') })
        await ctx.answerCallbackQuery()
        return showCancelConfirm(ctx, deps, event)
      case 'cancelok': {
        const result = await cancelEvent(deps.db, { eventId: event.id, now, notice: (user) => cancelNotice(user, event) })
        if (result === undefined) return ctx.answerCallbackQuery({ text: ctx.t('eventadmin-not-editable') })
        await ctx.answerCallbackQuery()
        const back = new InlineKeyboard().text(ctx.t('eventadmin-button-open'), eventAdminCallbacks.panel.pack({ eventId: event.id }))
        return ctx.reply(tHtml(ctx.t, 'eventadmin-cancelled', { title: event.title, notified: result.notified }), {
          parse_mode: 'HTML',
          reply_markup: back,
        })
      }
      case 'export':
      case 'exportall': {
        await ctx.answerCallbackQuery()
        const registrants = await listRegistrants(deps.db, event.id)
        const includeSensitive = action === 'exportall'
        const file = new InputFile(registrantsCsv(ctx.t, event, registrants, { includeSensitive }), exportFileName(ctx.t, event.title))
        const sensitive = event.sensitiveQuestions.length
        const caption = ctx.t('eventadmin-export-caption', {
          count: registrants.length,
          sensitive: sensitive === 0 ? 'none' : includeSensitive ? 'included' : 'left-out',
        })
        // Sensitive answers only on a second, deliberate tap.
        const more =
          sensitive > 0 && !includeSensitive
            ? new InlineKeyboard().text(
                ctx.t('eventadmin-button-export-sensitive'),
                eventAdminCallbacks.action.pack({ action: 'exportall', eventId: event.id }),
              )
            : undefined
        return ctx.replyWithDocument(file, { caption, ...(more === undefined ? {} : { reply_markup: more }) })
      }
      case 'checkin':
        if (event.status !== 'published') return ctx.answerCallbackQuery({ text: ctx.t('eventadmin-checkin-not-published') })
        await ctx.answerCallbackQuery()
        return enterCheckIn(ctx, event)
    }
  }

  return composer
}

function cancelNotice(user: User, event: Event) {
  const t = translatorFor(userLocale(user))
  return {
    method: 'sendMessage' as const,
    parseMode: 'HTML' as const,
    text: tHtml(t, 'eventadmin-notice-cancelled', { title: event.title, when: formatEventSpan(t, event.startsAt, event.endsAt) }),
  }
}
