import { createConversation } from '@grammyjs/conversations'
import { Composer } from 'grammy'
import {
  confirmReports,
  dismissReports,
  reportEffect,
  restoreStation,
  restoreStationAt,
  type OutageUntil,
  type ResolutionResult,
} from '../../../core/station-report-resolution.js'
import { mayHandle } from '../../../core/tickets.js'
import { findInboxItem } from '../../../db/repositories/feedback.js'
import { isOrganizer } from '../../../db/repositories/roles.js'
import { findTicketReport } from '../../../db/repositories/station-report-handling.js'
import { findUser } from '../../../db/repositories/users.js'
import { namespaceFilter } from '../../callbacks/codec.js'
import { onCallback } from '../../callbacks/route.js'
import { reportHandlingCallbacks as buttons } from '../../callbacks/station-report-handling.js'
import { requireUserId, type BotContext, type BotConversation, type BotDeps, type ConversationContext } from '../../context.js'
import { conversationIds } from '../../conversations/ids.js'
import { tHtml } from '../../ui/html.js'
import { reportNotices } from '../../ui/station-report-notices.js'
import { afterKeyboard, confirmKeyboard, dismissKeyboard } from './keyboards.js'
import { askReason } from './reason.js'
import { createStationStatsFeature } from './stats.js'

/**
 * Organizers handle riders' 📣 reports from the report's ticket card: ✅ 确认 sets the station's
 * state (closed today, amenity out, deactivated, data corrected), ❌ 驳回 says it is as listed, and
 * 已恢复 ends the state again; every reporter is told through the outbox. /stationstats too.
 */
export function createStationReportHandlingFeature(deps: BotDeps): Composer<BotContext> {
  const { db } = deps
  const composer = new Composer<BotContext>()

  /** The report behind a tapped ticket, once the organizer may handle it; answers the tap otherwise. */
  async function reportOf(ctx: BotContext, ticketId: number) {
    if (!isOrganizer(ctx.user)) {
      await ctx.answerCallbackQuery({ text: ctx.t('feedback-not-organizer'), show_alert: true })
      return undefined
    }
    const item = await findInboxItem(db, ticketId)
    const report = item === undefined ? undefined : await findTicketReport(db, ticketId)
    if (item === undefined || report === undefined) {
      await ctx.answerCallbackQuery({ text: ctx.t('rh-gone') })
      return undefined
    }
    if (!(await mayHandle(db, ctx.user, item))) {
      await ctx.answerCallbackQuery({ text: ctx.t('feedback-result-forbidden'), show_alert: true })
      return undefined
    }
    if (report.status !== 'open') {
      await ctx.answerCallbackQuery({ text: ctx.t('rh-already'), show_alert: true })
      return undefined
    }
    return report
  }

  /** What the organizer is told after a resolution; `done` with the message key and how many reports. */
  async function tell(ctx: BotContext | ConversationContext, result: ResolutionResult, key: string, ticketId: number | undefined) {
    if (result.kind !== 'done') {
      const text = ctx.t(result.kind === 'unchanged' ? 'rh-already' : result.kind === 'gone' ? 'rh-gone' : 'feedback-result-forbidden')
      if (ctx.callbackQuery !== undefined) return ctx.answerCallbackQuery({ text, show_alert: true })
      return ctx.reply(text)
    }
    if (ctx.callbackQuery !== undefined) await ctx.answerCallbackQuery({ text: ctx.t('rh-done-toast') })
    const { report, count } = result
    const what = ctx.t(`rh-kind-${report.kind}`)
    const effect = reportEffect(report.kind)
    return ctx.reply(tHtml(ctx.t, key, { name: report.stationName, what, count, effect, kind: report.kind }), {
      parse_mode: 'HTML',
      reply_markup: afterKeyboard(ctx.t, key === 'rh-confirmed' ? effect : 'correct', report.kind, ticketId),
    })
  }

  async function confirm(ctx: BotContext, ticketId: number, until: OutageUntil) {
    const reason = ctx.t('rh-state-reason')
    return tell(ctx, await confirmReports(deps, reportNotices, ctx.user, ticketId, { until, reason }), 'rh-confirmed', ticketId)
  }

  async function dismissWithReason(conversation: BotConversation, ctx: ConversationContext, ticketId: number) {
    const reason = await askReason(conversation, ctx)
    const organizerId = requireUserId(ctx)
    const result = await conversation.external(async () => {
      const outcome = await dismissReports(deps, reportNotices, await findUser(db, organizerId), ticketId, reason)
      return outcome.kind === 'done' ? outcome : { kind: outcome.kind }
    })
    await tell(ctx, result, 'rh-dismissed', ticketId)
  }
  composer.use(createConversation(dismissWithReason, conversationIds.dismissReport))

  onCallback(composer, buttons.confirm, async (ctx, { ticketId }) => {
    const report = await reportOf(ctx, ticketId)
    if (report === undefined) return
    const effect = reportEffect(report.kind)
    // Closing for today needs no choice; the rest say what happens first.
    if (effect === 'close') return confirm(ctx, ticketId, 'today')
    await ctx.answerCallbackQuery()
    await ctx.reply(tHtml(ctx.t, `rh-confirm-${effect}`, { name: report.stationName, what: ctx.t(`rh-kind-${report.kind}`) }), {
      parse_mode: 'HTML',
      reply_markup: confirmKeyboard(ctx.t, effect, ticketId, report.stationId),
    })
  })
  onCallback(composer, buttons.apply, async (ctx, { ticketId, until }) => {
    if ((await reportOf(ctx, ticketId)) === undefined) return
    return confirm(ctx, ticketId, until)
  })
  onCallback(composer, buttons.dismiss, async (ctx, { ticketId }) => {
    const report = await reportOf(ctx, ticketId)
    if (report === undefined) return
    await ctx.answerCallbackQuery()
    await ctx.reply(tHtml(ctx.t, 'rh-dismiss-ask', { name: report.stationName, what: ctx.t(`rh-kind-${report.kind}`) }), {
      parse_mode: 'HTML',
      reply_markup: dismissKeyboard(ctx.t, ticketId),
    })
  })
  onCallback(composer, buttons.dismissNow, async (ctx, { ticketId }) => {
    if ((await reportOf(ctx, ticketId)) === undefined) return
    return tell(ctx, await dismissReports(deps, reportNotices, ctx.user, ticketId, ''), 'rh-dismissed', ticketId)
  })
  onCallback(composer, buttons.dismissWhy, async (ctx, { ticketId }) => {
    if ((await reportOf(ctx, ticketId)) === undefined) return
    await ctx.answerCallbackQuery()
    await ctx.conversation.exitAll()
    await ctx.conversation.enter(conversationIds.dismissReport, ticketId)
  })
  onCallback(composer, buttons.restore, async (ctx, { ticketId }) => {
    if (!isOrganizer(ctx.user)) return ctx.answerCallbackQuery({ text: ctx.t('feedback-not-organizer'), show_alert: true })
    const result = await restoreStation(deps, reportNotices, ctx.user, ticketId)
    if (result.kind === 'unchanged') return ctx.answerCallbackQuery({ text: ctx.t('rh-not-out'), show_alert: true })
    return tell(ctx, result, 'rh-restored', ticketId)
  })
  onCallback(composer, buttons.restoreAt, async (ctx, { stationId, kind }) => {
    if (!isOrganizer(ctx.user)) return ctx.answerCallbackQuery({ text: ctx.t('feedback-not-organizer'), show_alert: true })
    const result = await restoreStationAt(deps, reportNotices, ctx.user, stationId, kind)
    if (result.kind === 'unchanged') return ctx.answerCallbackQuery({ text: ctx.t('rh-not-out'), show_alert: true })
    return tell(ctx, result, 'rh-restored', undefined)
  })

  composer.use(createStationStatsFeature(deps))
  // Data of the right shape but out of range, or from a later version: say so and change nothing.
  composer.callbackQuery(namespaceFilter('rh'), (ctx) => ctx.answerCallbackQuery({ text: ctx.t('rh-stale') }))
  return composer
}
