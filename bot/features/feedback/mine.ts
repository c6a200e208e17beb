import { Composer, GrammyError } from 'grammy'
import { answerConsent, closeByWorker, rateAnswer } from '../../../core/tickets.js'
import { listPublicItems, listStationsWithPublicItems } from '../../../db/repositories/feedback-stats.js'
import { findInboxItem, firstWorkerMessages, listMessages, listUserTickets } from '../../../db/repositories/feedback.js'
import { findStation } from '../../../db/repositories/stations.js'
import { feedbackCallbacks } from '../../callbacks/feedback.js'
import { onCallback } from '../../callbacks/route.js'
import type { BotContext, BotDeps } from '../../context.js'
import { conversationIds } from '../../conversations/ids.js'
import { excerpt, ticketNotices } from '../../ui/feedback-notices.js'
import { formatSaid, formatWorkerCard } from './format.js'
import { choicesKeyboard, workerTicketKeyboard } from './keyboards.js'

type WorkerAction =
  | { kind: 'mine' }
  | { kind: 'own' | 'add' | 'close' | 'satisfied' | 'unsatisfied' | 'consent-yes' | 'consent-no'; ticketId: number }
  | { kind: 'said'; stationId: number }

const LISTED = 10

/** Takes the buttons off the message tapped; Telegram refusing (already gone, too old) changes nothing. */
async function clearButtons(ctx: BotContext): Promise<void> {
  try {
    await ctx.editMessageReplyMarkup()
  } catch (error) {
    if (!(error instanceof GrammyError)) throw error
  }
}
/** A few words of each ticket on its /mytickets button: enough to tell them apart on a phone. */
const BUTTON_WORDS = 10

/** The worker's own tickets (/mytickets) and the public "you said → we did" lists (/said). */
export function createMineFeature(deps: BotDeps): Composer<BotContext> {
  const { db } = deps
  const composer = new Composer<BotContext>()

  async function showMine(ctx: BotContext) {
    if (ctx.user === undefined) return
    const tickets = await listUserTickets(db, ctx.user.id, LISTED)
    if (tickets.length === 0) return ctx.reply(ctx.t('feedback-mine-empty'))
    const first = await firstWorkerMessages(
      db,
      tickets.map((ticket) => ticket.id),
    )
    const label = (ticket: (typeof tickets)[number]) =>
      ctx.t('feedback-mine-button', {
        number: ticket.number,
        status: ctx.t(`feedback-status-${ticket.status}`),
        words: excerpt((key) => ctx.t(key), first.get(ticket.id), BUTTON_WORDS) || '-',
      })
    const keyboard = choicesKeyboard(
      tickets.map((ticket) => ({ label: label(ticket), data: feedbackCallbacks.own.pack({ ticketId: ticket.id }) })),
    )
    await ctx.reply(ctx.t('feedback-mine-title', { count: tickets.length }), { reply_markup: keyboard })
  }

  async function showOwn(ctx: BotContext, ticketId: number) {
    const item = await findInboxItem(db, ticketId)
    if (item === undefined || item.userId !== ctx.user?.id) return ctx.reply(ctx.t('feedback-gone'))
    await ctx.reply(formatWorkerCard(ctx.t, item, await listMessages(db, ticketId)), {
      parse_mode: 'HTML',
      reply_markup: workerTicketKeyboard(ctx.t, item),
    })
  }

  async function showSaid(ctx: BotContext, stationId: number) {
    const station = await findStation(db, stationId)
    if (station === undefined) return ctx.reply(ctx.t('feedback-gone'))
    await ctx.reply(formatSaid(ctx.t, station.name, await listPublicItems(db, stationId, LISTED)), { parse_mode: 'HTML' })
  }

  const privateChats = composer.chatType('private')
  privateChats.command('mytickets', showMine)
  privateChats.command('said', async (ctx) => {
    const stations = await listStationsWithPublicItems(db, LISTED)
    if (stations.length === 0) return ctx.reply(ctx.t('feedback-said-none'))
    const keyboard = choicesKeyboard(
      stations.map((station) => ({
        label: ctx.t('feedback-said-station', { name: station.name, count: station.items }),
        data: feedbackCallbacks.said.pack({ stationId: station.id }),
      })),
    )
    await ctx.reply(ctx.t('feedback-said-pick'), { reply_markup: keyboard })
  })

  async function handle(ctx: BotContext, action: WorkerAction): Promise<unknown> {
    const user = ctx.user
    if (user === undefined) return ctx.answerCallbackQuery()
    switch (action.kind) {
      case 'mine':
        await ctx.answerCallbackQuery()
        return showMine(ctx)
      case 'own':
        await ctx.answerCallbackQuery()
        return showOwn(ctx, action.ticketId)
      case 'said':
        await ctx.answerCallbackQuery()
        return showSaid(ctx, action.stationId)
      case 'add': {
        const item = await findInboxItem(db, action.ticketId)
        if (item === undefined || item.userId !== user.id) return ctx.answerCallbackQuery({ text: ctx.t('feedback-gone') })
        if (item.status === 'closed') return ctx.answerCallbackQuery({ text: ctx.t('feedback-add-closed') })
        await ctx.answerCallbackQuery()
        await ctx.conversation.exitAll()
        return ctx.conversation.enter(conversationIds.addToFeedback, action.ticketId)
      }
      case 'close':
        return ctx.answerCallbackQuery({ text: ctx.t(`feedback-close-${await closeByWorker(deps, ticketNotices, user, action.ticketId)}`) })
      case 'satisfied':
      case 'unsatisfied': {
        const result = await rateAnswer(deps, ticketNotices, user, action.ticketId, action.kind === 'satisfied')
        await ctx.answerCallbackQuery({ text: ctx.t(result === 'ok' ? `feedback-rated-${action.kind}` : `feedback-rating-${result}`) })
        return
      }
      case 'consent-yes':
      case 'consent-no': {
        const result = await answerConsent(deps, ticketNotices, user, action.ticketId, action.kind === 'consent-yes')
        await ctx.answerCallbackQuery({ text: ctx.t(`feedback-consent-${result}`) })
        if (result !== 'gone') await clearButtons(ctx)
        return
      }
      default:
        return ctx.answerCallbackQuery({ text: ctx.t('feedback-stale') })
    }
  }

  const buttons = feedbackCallbacks
  onCallback(composer, buttons.mine, (ctx) => handle(ctx, { kind: 'mine' }))
  onCallback(composer, buttons.said, (ctx, { stationId }) => handle(ctx, { kind: 'said', stationId }))
  onCallback(composer, buttons.own, (ctx, { ticketId }) => handle(ctx, { kind: 'own', ticketId }))
  onCallback(composer, buttons.add, (ctx, { ticketId }) => handle(ctx, { kind: 'add', ticketId }))
  onCallback(composer, buttons.close, (ctx, { ticketId }) => handle(ctx, { kind: 'close', ticketId }))
  onCallback(composer, buttons.satisfied, (ctx, { ticketId }) => handle(ctx, { kind: 'satisfied', ticketId }))
  onCallback(composer, buttons.unsatisfied, (ctx, { ticketId }) => handle(ctx, { kind: 'unsatisfied', ticketId }))
  onCallback(composer, buttons.consentYes, (ctx, { ticketId }) => handle(ctx, { kind: 'consent-yes', ticketId }))
  onCallback(composer, buttons.consentNo, (ctx, { ticketId }) => handle(ctx, { kind: 'consent-no', ticketId }))
  return composer
}
