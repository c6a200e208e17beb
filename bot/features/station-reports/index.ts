import { createConversation } from '@grammyjs/conversations'
import { Composer } from 'grammy'
import { REPORT_INTERVAL_MS } from '../../../core/station-reports.js'
import { lastReportAt } from '../../../db/repositories/station-reports.js'
import { findStation } from '../../../db/repositories/stations.js'
import { onCallback } from '../../callbacks/route.js'
import { stationReportCallbacks, stationReportsStale } from '../../callbacks/station-reports.js'
import type { BotContext, BotDeps, ConversationContext } from '../../context.js'
import { conversationIds } from '../../conversations/ids.js'
import { tHtml } from '../../ui/html.js'
import { reportChoicesKeyboard } from './keyboards.js'
import { createOtherReport } from './other.js'
import { checkIn, fileReport, outcomeText } from './report.js'

/**
 * Riders' 📣 报告情况 and 👍 刚来过，一切正常 on a station card. Anyone who uses the bot may report;
 * what they can do is limited by the rules in core/station-reports.ts (once an hour per station).
 */
export function createStationReportsFeature(deps: BotDeps): Composer<BotContext> {
  const { db } = deps
  const composer = new Composer<BotContext>()
  composer.use(createConversation<BotContext, ConversationContext>(createOtherReport(deps), conversationIds.otherStationReport))

  const activeStation = async (stationId: number) => {
    const station = await findStation(db, stationId)
    return station?.active === true ? station : undefined
  }

  onCallback(composer, stationReportCallbacks.menu, async (ctx, { stationId }) => {
    const station = await activeStation(stationId)
    if (station === undefined) return ctx.answerCallbackQuery({ text: ctx.t('station-gone') })
    await ctx.answerCallbackQuery()
    await ctx.reply(tHtml(ctx.t, 'station-report-menu', { name: station.name }), {
      parse_mode: 'HTML',
      reply_markup: reportChoicesKeyboard(ctx.t, station.id),
    })
  })

  onCallback(composer, stationReportCallbacks.pick, async (ctx, { stationId, kind }) => {
    const userId = ctx.from.id
    if (kind === 'other') {
      // Said before the rider types anything, not after.
      const last = await lastReportAt(db, { userId, stationId, checkIn: false, since: new Date(deps.now().getTime() - REPORT_INTERVAL_MS) })
      if (last !== undefined) {
        await ctx.answerCallbackQuery()
        const nextAt = new Date(last.getTime() + REPORT_INTERVAL_MS).toISOString()
        return ctx.reply(outcomeText(ctx.t, { kind: 'too-soon', nextAt }, deps))
      }
      if ((await activeStation(stationId)) === undefined) return ctx.answerCallbackQuery({ text: ctx.t('station-gone') })
      await ctx.answerCallbackQuery()
      await ctx.conversation.exitAll()
      return ctx.conversation.enter(conversationIds.otherStationReport, stationId)
    }
    await ctx.answerCallbackQuery()
    const outcome = await fileReport(deps, ctx.t, { userId, stationId, kind, details: { text: '', file: null } })
    await ctx.reply(outcomeText(ctx.t, outcome, deps))
  })

  onCallback(composer, stationReportCallbacks.allGood, async (ctx, { stationId }) => {
    await ctx.answerCallbackQuery()
    const outcome = await checkIn(deps, ctx.from.id, stationId)
    await ctx.reply(outcomeText(ctx.t, outcome, deps, true))
  })

  // Forged or out of range (a kind this version does not know, a station id of 0).
  composer.callbackQuery(stationReportsStale, (ctx) => ctx.answerCallbackQuery({ text: ctx.t('button-stale') }))
  return composer
}
