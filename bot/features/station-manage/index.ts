import { createConversation } from '@grammyjs/conversations'
import { Composer, type CallbackQueryContext } from 'grammy'
import { isOrganizer } from '../../../db/repositories/roles.js'
import type { StationRecord } from '../../../db/repositories/stations.js'
import { onCallback } from '../../callbacks/route.js'
import { merchantCallbacks as mc, stationManageCallbacks as sm, stationManageStale } from '../../callbacks/station-manage.js'
import type { BotContext, BotConversation, BotDeps, ConversationContext } from '../../context.js'
import { conversationIds } from '../../conversations/ids.js'
import { refuse, stationOfMerchant, stationToManage } from './access.js'
import { createCloseForm, createHolidayForm, createMerchantHoursForm, createOutageForm, createSearchForm } from './forms.js'
import { merchantCloseToday, merchantOpenToday, merchantOutage, myStation, redeemMerchantLink, showMerchantStation } from './merchant.js'
import {
  askDeactivate,
  clearOutage,
  deleteHoliday,
  inviteMerchant,
  merchantInvitePrefix,
  reopen,
  setActive,
  showCloseMenu,
  showHistory,
  showHolidays,
  showList,
  showOutages,
  showStation,
  verify,
} from './panel.js'

type Ctx = CallbackQueryContext<BotContext>
const MAX_QUERY = 30

/**
 * Organizers' station panel (/stations: close temporarily, holiday hours, amenity outages, ✅ 信息已核实,
 * deactivate, history, merchant invites) and merchants' (/mystation). Every button re-checks that
 * the sender manages the station (or is its merchant): callback data can be forged.
 */
export function createStationManageFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>()
  const privateChats = composer.chatType('private')
  const conversation = <A extends unknown[]>(
    id: string,
    flow: (conversation: BotConversation, ctx: ConversationContext, ...args: A) => Promise<void>,
  ) => composer.use(createConversation<BotContext, ConversationContext>(flow as never, id))
  conversation(conversationIds.manageSearch, createSearchForm(deps))
  conversation(conversationIds.manageClose, createCloseForm(deps))
  conversation(conversationIds.manageHoliday, createHolidayForm(deps))
  conversation(conversationIds.manageOutage, createOutageForm(deps))
  conversation(conversationIds.merchantHours, createMerchantHoursForm(deps))

  privateChats.command('start', async (ctx, next) => {
    if (!ctx.match.startsWith(merchantInvitePrefix)) return next()
    if (!(await redeemMerchantLink(ctx, deps, ctx.match.slice(merchantInvitePrefix.length)))) return next()
  })

  privateChats.command('stations', async (ctx) => {
    if (!isOrganizer(ctx.user)) return refuse(ctx, 'sm-not-organizer')
    const query = ctx.match.trim()
    if ([...query].length > MAX_QUERY) return ctx.reply(ctx.t('sm-too-long', { max: MAX_QUERY }))
    await showList(ctx, deps, 0, query)
  })
  privateChats.command('mystation', (ctx) => myStation(ctx, deps))

  onCallback(composer, sm.list, async (ctx, { page }) => {
    if (!isOrganizer(ctx.user)) return refuse(ctx)
    await ctx.answerCallbackQuery()
    await showList(ctx, deps, page)
  })
  onCallback(composer, sm.search, async (ctx) => {
    if (!isOrganizer(ctx.user)) return refuse(ctx)
    await ctx.answerCallbackQuery()
    await ctx.conversation.enter(conversationIds.manageSearch)
  })

  /** The station of an organizer's button, once the sender is checked to manage it. */
  const managed =
    <V extends { stationId: number }>(handler: (ctx: Ctx, station: StationRecord, values: V) => Promise<unknown>) =>
    async (ctx: Ctx, values: V) => {
      const station = await stationToManage(deps, ctx.user, values.stationId)
      if (station === undefined) return refuse(ctx)
      await handler(ctx, station, values)
    }
  const active = <V extends { stationId: number }>(handler: (ctx: Ctx, station: StationRecord, values: V) => Promise<unknown>) =>
    managed<V>(async (ctx, station, values) => (station.active ? handler(ctx, station, values) : refuse(ctx, 'sm-inactive')))

  onCallback(
    composer,
    sm.view,
    managed(async (ctx, station) => {
      await ctx.answerCallbackQuery()
      await showStation(ctx, deps, station)
    }),
  )
  onCallback(
    composer,
    sm.close,
    active(async (ctx, station) => {
      await ctx.answerCallbackQuery()
      await showCloseMenu(ctx, station)
    }),
  )
  onCallback(
    composer,
    sm.closeToday,
    active(async (ctx, station) => {
      await ctx.answerCallbackQuery()
      await ctx.conversation.enter(conversationIds.manageClose, station.id, 'today')
    }),
  )
  onCallback(
    composer,
    sm.closeUntil,
    active(async (ctx, station) => {
      await ctx.answerCallbackQuery()
      await ctx.conversation.enter(conversationIds.manageClose, station.id, 'until')
    }),
  )
  onCallback(
    composer,
    sm.reopen,
    managed((ctx, station) => reopen(ctx, deps, station)),
  )
  onCallback(
    composer,
    sm.verify,
    managed((ctx, station) => verify(ctx, deps, station)),
  )
  onCallback(
    composer,
    sm.deactivate,
    active((ctx, station) => askDeactivate(ctx, station)),
  )
  onCallback(
    composer,
    sm.deactivateConfirmed,
    managed((ctx, station) => setActive(ctx, deps, station, false)),
  )
  onCallback(
    composer,
    sm.reactivate,
    managed((ctx, station) => setActive(ctx, deps, station, true)),
  )
  onCallback(
    composer,
    sm.history,
    managed((ctx, station, { page }) => showHistory(ctx, deps, station, page)),
  )
  onCallback(
    composer,
    sm.invite,
    active((ctx, station) => inviteMerchant(ctx, deps, station)),
  )
  onCallback(
    composer,
    sm.holidays,
    managed(async (ctx, station) => {
      await ctx.answerCallbackQuery()
      await showHolidays(ctx, deps, station)
    }),
  )
  onCallback(
    composer,
    sm.holidayAdd,
    active(async (ctx, station) => {
      await ctx.answerCallbackQuery()
      await ctx.conversation.enter(conversationIds.manageHoliday, station.id)
    }),
  )
  onCallback(
    composer,
    sm.holidayDelete,
    managed((ctx, station, { exceptionId }) => deleteHoliday(ctx, deps, station, exceptionId)),
  )
  onCallback(
    composer,
    sm.outages,
    managed(async (ctx, station) => {
      await ctx.answerCallbackQuery()
      await showOutages(ctx, deps, station)
    }),
  )
  onCallback(
    composer,
    sm.outageSet,
    active(async (ctx, station, { amenity }) => {
      if (!station.amenities.includes(amenity)) return refuse(ctx, 'sm-amenity-not-listed')
      await ctx.answerCallbackQuery()
      await ctx.conversation.enter(conversationIds.manageOutage, station.id, amenity)
    }),
  )
  onCallback(
    composer,
    sm.outageClear,
    managed((ctx, station, { amenity }) => clearOutage(ctx, deps, station, amenity)),
  )

  /** The station of a merchant's button, once the sender is checked to be its merchant. */
  const merchantOf =
    <V extends { stationId: number }>(handler: (ctx: Ctx, station: StationRecord, values: V) => Promise<unknown>) =>
    async (ctx: Ctx, values: V) => {
      const station = await stationOfMerchant(deps, ctx.user, values.stationId)
      if (station === undefined) return refuse(ctx, 'sm-merchant-refused')
      await handler(ctx, station, values)
    }
  onCallback(
    composer,
    mc.view,
    merchantOf(async (ctx, station) => {
      await ctx.answerCallbackQuery()
      await showMerchantStation(ctx, deps, station)
    }),
  )
  onCallback(
    composer,
    mc.closeToday,
    merchantOf((ctx, station) => merchantCloseToday(ctx, deps, station)),
  )
  onCallback(
    composer,
    mc.openToday,
    merchantOf((ctx, station) => merchantOpenToday(ctx, deps, station)),
  )
  onCallback(
    composer,
    mc.out,
    merchantOf((ctx, station, { amenity }) => merchantOutage(ctx, deps, station, amenity, true)),
  )
  onCallback(
    composer,
    mc.back,
    merchantOf((ctx, station, { amenity }) => merchantOutage(ctx, deps, station, amenity, false)),
  )
  onCallback(
    composer,
    mc.hours,
    merchantOf(async (ctx, station) => {
      await ctx.answerCallbackQuery()
      await ctx.conversation.enter(conversationIds.merchantHours, station.id)
    }),
  )
  // A form's 取消 / 跳过 after the form ended, forged or out-of-range data.
  composer.callbackQuery(stationManageStale, (ctx) => ctx.answerCallbackQuery({ text: ctx.t('sm-button-stale') }))

  return composer
}
