import { InlineKeyboard } from 'grammy'
import { endAmenityOutage } from '../../../core/station-report-resolution.js'
import { closureSource } from '../../../db/repositories/managed-stations.js'
import { findMerchantInvite, merchantStations, redeemMerchantInvite } from '../../../db/repositories/merchants.js'
import { enqueueMessages } from '../../../db/repositories/outbox.js'
import { updateStation } from '../../../db/repositories/station-changes.js'
import { currentOutages, setAmenityOutage } from '../../../db/repositories/station-outages.js'
import { findStation, type StationRecord } from '../../../db/repositories/stations.js'
import { findUser } from '../../../db/repositories/users.js'
import { merchantCallbacks as mc, type merchantAmenities } from '../../callbacks/station-manage.js'
import type { BotContext, BotDeps } from '../../context.js'
import { translatorFor, userLocale } from '../../i18n.js'
import { syncChatMenu } from '../../ui/command-menu.js'
import { escapeHtml, tHtml } from '../../ui/html.js'
import { reportNotices } from '../../ui/station-report-notices.js'
import { followUp } from '../../ui/telegram-errors.js'
import { formatStationView, isClosedNow, merchantAmenityCodes } from './format.js'
import { endOfToday } from './forms.js'
import { show } from './panel.js'

type MerchantAmenity = (typeof merchantAmenities)[number]
const codePattern = /^[A-Za-z0-9_-]{1,64}$/

const merchant = (ctx: BotContext) => ({ actorId: ctx.user?.id ?? null, source: 'merchant' as const })

function merchantKeyboard(ctx: BotContext, station: StationRecord, outs: ReadonlySet<string>, now: Date): InlineKeyboard {
  const stationId = station.id
  const keyboard = new InlineKeyboard()
  keyboard.text(
    isClosedNow(station, now) ? ctx.t('sm-merchant-open-today') : ctx.t('sm-merchant-close-today'),
    (isClosedNow(station, now) ? mc.openToday : mc.closeToday).pack({ stationId }),
  )
  keyboard.row()
  const offers = (amenity: MerchantAmenity) =>
    amenity === 'hot_water'
      ? station.amenities.includes('hot_water')
      : station.amenities.some((listed) => listed === 'phone_charging' || listed === 'ebike_charging')
  for (const amenity of ['hot_water', 'charging'] as const) {
    if (!offers(amenity)) continue
    const out = merchantAmenityCodes(amenity, station.amenities).some((code) => outs.has(code))
    keyboard.text(
      ctx.t(out ? `sm-merchant-${amenity}-back` : `sm-merchant-${amenity}-out`),
      (out ? mc.back : mc.out).pack({ stationId, amenity }),
    )
  }
  return keyboard.row().text(ctx.t('sm-merchant-hours'), mc.hours.pack({ stationId }))
}

export async function showMerchantStation(ctx: BotContext, deps: BotDeps, station: StationRecord, note?: string): Promise<void> {
  const now = deps.now()
  const outages = await currentOutages(deps.db, [station.id], now)
  const text = formatStationView(ctx.t, { station, outages, holidays: [] }, now)
  const keyboard = merchantKeyboard(ctx, station, new Set(outages.map((outage) => outage.amenity)), now)
  await show(ctx, note === undefined ? text : `${note}\n\n${text}`, keyboard)
}

/** /mystation: the merchant's station, or a choice when they have several; a friendly no for anyone else. */
export async function myStation(ctx: BotContext, deps: BotDeps): Promise<void> {
  const user = ctx.user
  const stations = user === undefined ? [] : await merchantStations(deps.db, user.id)
  if (stations.length === 0) {
    await ctx.reply(ctx.t('sm-merchant-none'))
    return
  }
  if (stations.length === 1) {
    await showMerchantStation(ctx, deps, stations[0]!)
    return
  }
  const keyboard = new InlineKeyboard()
  for (const station of stations) keyboard.text(station.name, mc.view.pack({ stationId: station.id })).row()
  await ctx.reply(ctx.t('sm-merchant-choose'), { reply_markup: keyboard })
}

/** 今天暂停营业: closed until the end of today, unless a longer closure is already in place. */
export async function merchantCloseToday(ctx: BotContext, deps: BotDeps, station: StationRecord): Promise<void> {
  const now = deps.now()
  if (isClosedNow(station, now)) {
    await ctx.answerCallbackQuery({ text: ctx.t('sm-merchant-already-closed') })
    return showMerchantStation(ctx, deps, station)
  }
  const result = await updateStation(deps.db, station.id, { closedUntil: endOfToday(now), closedReason: '' }, merchant(ctx), deps.now())
  await ctx.answerCallbackQuery({ text: ctx.t('sm-merchant-closed-today') })
  await showMerchantStation(ctx, deps, result.kind === 'updated' ? result.station : station)
}

/**
 * 今天照常营业: clears only the merchant's own "today" closure; an organizer's closure (repairs
 * until a date) stays, and the merchant is told to ask the organizer.
 */
export async function merchantOpenToday(ctx: BotContext, deps: BotDeps, station: StationRecord): Promise<void> {
  const now = deps.now()
  if (!isClosedNow(station, now)) {
    await ctx.answerCallbackQuery({ text: ctx.t('sm-merchant-already-open') })
    return showMerchantStation(ctx, deps, station)
  }
  const own = station.closedUntil!.getTime() <= endOfToday(now).getTime() && (await closureSource(deps.db, station.id)) === 'merchant'
  if (!own) {
    await ctx.answerCallbackQuery({ text: ctx.t('sm-merchant-closed-by-organizer'), show_alert: true })
    return
  }
  const result = await updateStation(deps.db, station.id, { closedUntil: null, closedReason: '' }, merchant(ctx), deps.now())
  await ctx.answerCallbackQuery({ text: ctx.t('sm-merchant-opened-today') })
  await showMerchantStation(ctx, deps, result.kind === 'updated' ? result.station : station)
}

/** 热水没了 / 充电用不了 (until someone says it is back), and back again. */
export async function merchantOutage(ctx: BotContext, deps: BotDeps, station: StationRecord, amenity: MerchantAmenity, out: boolean) {
  for (const code of merchantAmenityCodes(amenity, station.amenities)) {
    if (out) await setAmenityOutage(deps.db, { stationId: station.id, amenity: code, until: null, reason: '' }, merchant(ctx))
    else await endAmenityOutage(deps, reportNotices, merchant(ctx), station.id, code)
  }
  await ctx.answerCallbackQuery({ text: ctx.t(out ? `sm-merchant-${amenity}-marked-out` : `sm-merchant-${amenity}-marked-back`) })
  await showMerchantStation(ctx, deps, station)
}

/**
 * `/start mer_<code>`: the person becomes a merchant of the invite's station and the organizer who
 * made the link is told (through the outbox, in the same transaction). Used and expired links get
 * a clear answer; false when the code is no invite at all, for the "link did not work" welcome.
 */
export async function redeemMerchantLink(ctx: BotContext, deps: BotDeps, code: string): Promise<boolean> {
  const user = ctx.user
  if (user === undefined) return true
  if (!codePattern.test(code)) return false
  const now = deps.now()
  // An organizer opening the link they made (to try it) must not use it up: it is for the shop.
  const unused = await findMerchantInvite(deps.db, code)
  if (unused !== undefined && unused.usedBy === null && unused.expiresAt > now && unused.createdBy === user.id) {
    await ctx.reply(ctx.t('sm-merchant-own-link'))
    return true
  }
  const station = await deps.db.transaction(async (tx) => {
    const invite = await redeemMerchantInvite(tx, code, user.id, now)
    if (invite === undefined) return undefined
    const found = await findStation(tx, invite.stationId)
    const inviter = await findUser(tx, invite.createdBy)
    if (inviter !== undefined && found !== undefined) {
      const t = translatorFor(userLocale(inviter))
      await enqueueMessages(tx, [
        {
          userId: inviter.id,
          kind: 'merchant-joined',
          dedupeKey: `merchant-joined:${invite.code}`,
          payload: {
            method: 'sendMessage',
            parseMode: 'HTML',
            text: t('sm-notice-merchant-joined', { name: escapeHtml(user.firstName || String(user.id)), station: escapeHtml(found.name) }),
          },
        },
      ])
    }
    return found
  })
  if (station !== undefined) {
    await followUp(ctx.logger, 'chat menu not updated', syncChatMenu(ctx.api, user, { merchant: true }))
    await ctx.reply(tHtml(ctx.t, 'sm-merchant-welcome', { name: station.name }), { parse_mode: 'HTML' })
    await showMerchantStation(ctx, deps, station)
    return true
  }
  const invite = await findMerchantInvite(deps.db, code)
  if (invite === undefined) return false
  const key =
    invite.usedBy === user.id
      ? 'sm-merchant-invite-yours'
      : invite.usedBy !== null
        ? 'sm-merchant-invite-used'
        : 'sm-merchant-invite-expired'
  await ctx.reply(ctx.t(key))
  return true
}
