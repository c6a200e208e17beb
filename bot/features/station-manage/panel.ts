import type { InlineKeyboard } from 'grammy'
import { endAmenityOutage } from '../../../core/station-report-resolution.js'
import { listManagedStations, userNames } from '../../../db/repositories/managed-stations.js'
import { createMerchantInvite } from '../../../db/repositories/merchants.js'
import { listStationChanges, updateStation } from '../../../db/repositories/station-changes.js'
import { deleteHoursException, listUpcomingHoursExceptions } from '../../../db/repositories/station-hours-exceptions.js'
import { currentOutages } from '../../../db/repositories/station-outages.js'
import type { StationRecord } from '../../../db/repositories/stations.js'
import { shanghaiDate, shanghaiDateTime } from '../../../domain/time.js'
import type { BotContext, BotDeps } from '../../context.js'
import { tHtml } from '../../ui/html.js'
import { reportNotices } from '../../ui/station-report-notices.js'
import { isNotEditable, isNotModified } from '../../ui/telegram-errors.js'
import { amenityLabel, formatHistory, formatStationView } from './format.js'
import {
  closeKeyboard,
  confirmDeactivateKeyboard,
  historyKeyboard,
  holidaysKeyboard,
  listKeyboard,
  outagesKeyboard,
  PAGE_SIZE,
  viewKeyboard,
} from './keyboards.js'

const MERCHANT_INVITE_DAYS = 7
export const merchantInvitePrefix = 'mer_'
const HISTORY_PAGE = 5
const SEARCH_RESULTS = 10

/** A screen of the panel: in place of the tapped message when there is one, else a new message. */
export async function show(ctx: BotContext, text: string, keyboard: InlineKeyboard): Promise<void> {
  const options = { parse_mode: 'HTML' as const, reply_markup: keyboard, link_preview_options: { is_disabled: true } }
  if (ctx.callbackQuery?.message !== undefined) {
    try {
      await ctx.editMessageText(text, options)
      return
    } catch (error) {
      if (isNotModified(error)) return
      if (!isNotEditable(error)) throw error
    }
  }
  await ctx.reply(text, options)
}

export async function showList(ctx: BotContext, deps: BotDeps, page: number, query = ''): Promise<void> {
  const user = ctx.user
  if (user === undefined) return
  const limit = query === '' ? PAGE_SIZE : SEARCH_RESULTS
  const found = await listManagedStations(deps.db, user, { query, limit, offset: page * limit })
  const now = deps.now()
  if (found.total === 0) {
    const text = query === '' ? ctx.t('sm-list-empty') : tHtml(ctx.t, 'sm-search-none', { query })
    await show(ctx, text, listKeyboard(ctx.t, [], 0, 0, now))
    return
  }
  const text =
    query === ''
      ? ctx.t('sm-list-title', { total: found.total, page: page + 1, pages: Math.ceil(found.total / PAGE_SIZE) })
      : tHtml(ctx.t, 'sm-search-title', { query, total: found.total, shown: found.stations.length })
  await show(ctx, text, listKeyboard(ctx.t, found.stations, query === '' ? page : 0, query === '' ? found.total : 0, now))
}

export async function showStation(ctx: BotContext, deps: BotDeps, station: StationRecord, note?: string): Promise<void> {
  const now = deps.now()
  const [outages, holidays] = await Promise.all([
    currentOutages(deps.db, [station.id], now),
    listUpcomingHoursExceptions(deps.db, station.id, shanghaiDate(now)),
  ])
  const text = formatStationView(ctx.t, { station, outages, holidays }, now)
  await show(ctx, note === undefined ? text : `${note}\n\n${text}`, viewKeyboard(ctx.t, station, now))
}

const organizer = (ctx: BotContext) => ({ actorId: ctx.user?.id ?? null, source: 'organizer' as const })

export async function showCloseMenu(ctx: BotContext, station: StationRecord): Promise<void> {
  await show(ctx, tHtml(ctx.t, 'sm-close-choose', { name: station.name }), closeKeyboard(ctx.t, station.id))
}

export async function reopen(ctx: BotContext, deps: BotDeps, station: StationRecord): Promise<void> {
  const result = await updateStation(deps.db, station.id, { closedUntil: null, closedReason: '' }, organizer(ctx), deps.now())
  await ctx.answerCallbackQuery({ text: ctx.t(result.kind === 'updated' ? 'sm-reopened' : 'sm-not-paused') })
  await showStation(ctx, deps, result.kind === 'updated' ? result.station : station)
}

/** ✅ 信息已核实: today's Shanghai date; a second tap the same day changes nothing and says so. */
export async function verify(ctx: BotContext, deps: BotDeps, station: StationRecord): Promise<void> {
  const today = shanghaiDate(deps.now())
  if (station.lastVerified === today) {
    await ctx.answerCallbackQuery({ text: ctx.t('sm-already-verified') })
    return
  }
  const result = await updateStation(deps.db, station.id, { lastVerified: today }, organizer(ctx), deps.now())
  await ctx.answerCallbackQuery({ text: ctx.t('sm-verified') })
  await showStation(ctx, deps, result.kind === 'updated' ? result.station : station)
}

export async function askDeactivate(ctx: BotContext, station: StationRecord): Promise<void> {
  await ctx.answerCallbackQuery()
  await show(ctx, tHtml(ctx.t, 'sm-deactivate-confirm', { name: station.name }), confirmDeactivateKeyboard(ctx.t, station.id))
}

export async function setActive(ctx: BotContext, deps: BotDeps, station: StationRecord, active: boolean): Promise<void> {
  const result = await updateStation(deps.db, station.id, { active }, organizer(ctx), deps.now())
  await ctx.answerCallbackQuery({ text: ctx.t(active ? 'sm-reactivated' : 'sm-deactivated') })
  await showStation(ctx, deps, result.kind === 'updated' ? result.station : station)
}

export async function showHistory(ctx: BotContext, deps: BotDeps, station: StationRecord, page: number): Promise<void> {
  const rows = await listStationChanges(deps.db, station.id, HISTORY_PAGE + 1, page * HISTORY_PAGE)
  const changes = rows.slice(0, HISTORY_PAGE)
  const names = await userNames(
    deps.db,
    changes.flatMap((change) => (change.actorId === null ? [] : [change.actorId])),
  )
  await ctx.answerCallbackQuery()
  await show(
    ctx,
    formatHistory(ctx.t, station.name, changes, names, page),
    historyKeyboard(ctx.t, station.id, page, rows.length > HISTORY_PAGE),
  )
}

/** 🏪 邀请友好商家: a single-use link that makes whoever opens it a merchant of this station. */
export async function inviteMerchant(ctx: BotContext, deps: BotDeps, station: StationRecord): Promise<void> {
  const user = ctx.user
  if (user === undefined) return
  const expiresAt = new Date(deps.now().getTime() + MERCHANT_INVITE_DAYS * 86_400_000)
  const invite = await createMerchantInvite(deps.db, { stationId: station.id, createdBy: user.id, expiresAt })
  await ctx.answerCallbackQuery()
  await ctx.reply(
    tHtml(ctx.t, 'sm-invite-created', {
      name: station.name,
      link: `https://t.me/${ctx.me.username}?start=${merchantInvitePrefix}${invite.code}`,
      expires: shanghaiDateTime(expiresAt),
      days: MERCHANT_INVITE_DAYS,
    }),
    { parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
  )
}

export async function showHolidays(ctx: BotContext, deps: BotDeps, station: StationRecord, note?: string): Promise<void> {
  const holidays = await listUpcomingHoursExceptions(deps.db, station.id, shanghaiDate(deps.now()))
  const text = tHtml(ctx.t, holidays.length === 0 ? 'sm-holidays-none' : 'sm-holidays-title', { name: station.name })
  await show(ctx, note === undefined ? text : `${note}\n\n${text}`, holidaysKeyboard(ctx.t, station.id, holidays))
}

export async function deleteHoliday(ctx: BotContext, deps: BotDeps, station: StationRecord, exceptionId: number): Promise<void> {
  const deleted = await deleteHoursException(deps.db, station.id, exceptionId, organizer(ctx), deps.now())
  await ctx.answerCallbackQuery({ text: ctx.t(deleted ? 'sm-holiday-deleted' : 'sm-holiday-gone') })
  await showHolidays(ctx, deps, station)
}

export async function showOutages(ctx: BotContext, deps: BotDeps, station: StationRecord): Promise<void> {
  const outages = await currentOutages(deps.db, [station.id], deps.now())
  const key = station.amenities.length === 0 ? 'sm-outages-no-amenities' : 'sm-outages-title'
  await show(ctx, tHtml(ctx.t, key, { name: station.name }), outagesKeyboard(ctx.t, station, outages))
}

export async function clearOutage(ctx: BotContext, deps: BotDeps, station: StationRecord, amenity: string): Promise<void> {
  const cleared = await endAmenityOutage(deps, reportNotices, organizer(ctx), station.id, amenity)
  await ctx.answerCallbackQuery({
    text: ctx.t(cleared ? 'sm-outage-cleared' : 'sm-outage-not-out', { amenity: amenityLabel(ctx.t, amenity) }),
  })
  await showOutages(ctx, deps, station)
}
