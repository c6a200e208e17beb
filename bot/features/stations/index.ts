import { hears } from '@grammyjs/i18n'
import { Composer, type CallbackQueryContext } from 'grammy'
import { recordSearch } from '../../../db/repositories/search-cells.js'
import { searchStations } from '../../../db/repositories/station-search.js'
import { findNearestStations, findStation, recordStationUse, type StationRecord } from '../../../db/repositories/stations.js'
import { setUserLocation } from '../../../db/repositories/users.js'
import { isValidPoint, type Point } from '../../../domain/geo.js'
import { smallTalk, tooShortToSearch } from '../../../domain/small-talk.js'
import { onCallback } from '../../callbacks/route.js'
import { listQueryOf, stationCallbacks, stationsStale, type ListQuery } from '../../callbacks/stations.js'
import type { BotContext, BotDeps } from '../../context.js'
import { tHtml } from '../../ui/html.js'
import { mainKeyboard } from '../../ui/main-keyboard.js'
import { loadStationCard, renderStationCard, stationCardKeyboard } from '../../ui/station-card.js'
import { ignoreNotModified } from '../../ui/telegram-errors.js'
import { formatList } from './format.js'
import { listKeyboard, searchResultsKeyboard } from './keyboards.js'
import { nearestPage, PAGE_SIZE, type NearestPage } from './nearest.js'

const MAX_PLACE_QUERY = 40
const SEARCH_RESULTS = 8
const defaultFilters = { openNow: true, amenities: [] } as const

/** A shared location farther than this from every station is not remembered (0,0, a GPS glitch, abroad). */
const REMEMBER_WITHIN_METRES = 100_000

/** A first page with fewer than a page of open stations (or none at all) offers 推荐一个驿站. */
const shortOfStations = (result: NearestPage, page: number) =>
  page === 0 && (result.nothingNear || result.stations.length === 0 || (result.openCount !== undefined && result.openCount < PAGE_SIZE))

export function createStationsFeature({ config, db, now }: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>()
  const radiusKm = config.nearbyRadiusKm
  const privateChats = composer.chatType('private')

  /** Renders a nearest list; undefined when its origin station no longer exists. */
  async function renderList(ctx: BotContext, query: ListQuery) {
    let point: Point | undefined = query.origin.kind === 'point' ? query.origin : undefined
    let chosen: StationRecord | undefined
    if (query.origin.kind === 'station') {
      chosen = await findStation(db, query.origin.stationId)
      if (chosen === undefined || !chosen.active) return undefined
      point = chosen
    }
    if (point === undefined) return undefined
    const at = now()
    const { page, filters } = query
    const result = await nearestPage(db, point, {
      page,
      filters,
      now: at,
      withinMetres: radiusKm * 1000,
      fadeHours: config.stationReportFadeHours,
      chosen,
    })
    return {
      text: formatList(ctx.t, { originName: chosen?.name, page, filters, result, now: at, radiusKm }),
      reply_markup: listKeyboard(ctx.t, query, [...result.stations, ...result.notOpen], result.hasMore, shortOfStations(result, page)),
      nothingNear: result.nothingNear,
      result,
    }
  }

  async function sendList(ctx: BotContext, query: ListQuery) {
    const list = await renderList(ctx, query)
    if (list === undefined) {
      await ctx.reply(ctx.t('station-gone'))
      return undefined
    }
    await ctx.reply(list.text, {
      parse_mode: 'HTML',
      reply_markup: list.reply_markup,
      link_preview_options: { is_disabled: true },
    })
    return list
  }

  privateChats.command('nearby', (ctx) =>
    ctx.reply(ctx.t('nearby-prompt'), { parse_mode: 'HTML', reply_markup: mainKeyboard(ctx.t, ctx.user) }),
  )
  privateChats.filter(hears('keyboard-search-place'), (ctx) => ctx.reply(ctx.t('search-prompt')))

  privateChats.on(':location', async (ctx) => {
    const { latitude: lat, longitude: lng } = ctx.msg.location
    if (!isValidPoint({ lat, lng })) return ctx.reply(ctx.t('location-invalid'))
    const list = await sendList(ctx, { origin: { kind: 'point', lat, lng }, page: 0, filters: defaultFilters })
    if (list === undefined) return
    // The list settles the nearest station (open or not) when it shows one; otherwise the wider look.
    const { stations: open, notOpen } = list.result
    const nearest =
      [...open.slice(0, 1), ...notOpen.slice(0, 1)].sort((a, b) => a.distance - b.distance)[0] ??
      (await findNearestStations(db, { lat, lng }, { limit: 1, withinMetres: REMEMBER_WITHIN_METRES }))[0]
    // Anonymous, coarsened to a grid cell: no user id (the 10-minute circle, /coverage).
    await recordSearch(db, { lat, lng }, open[0]?.distance ?? null, nearest?.city ?? '', now())
    if (ctx.user !== undefined && nearest !== undefined) await setUserLocation(db, ctx.user.id, { lat, lng })
  })

  // Free text that no other feature claimed: small talk gets a friendly word and the menu; anything
  // else that could name a place (road, district, landmark, station name) is searched.
  privateChats.on('message:text', async (ctx, next) => {
    const query = ctx.msg.text.trim()
    if (query.startsWith('/')) return next()
    const talk = smallTalk(query)
    if (talk !== undefined) return ctx.reply(ctx.t(`small-talk-${talk}`), { reply_markup: mainKeyboard(ctx.t, ctx.user) })
    if (tooShortToSearch(query)) return ctx.reply(ctx.t('search-too-short'))
    if ([...query].length > MAX_PLACE_QUERY) return ctx.reply(ctx.t('search-too-long', { max: MAX_PLACE_QUERY }))
    const matches = await searchStations(db, query, SEARCH_RESULTS)
    if (matches.length === 0) return ctx.reply(tHtml(ctx.t, 'search-no-match', { query }), { parse_mode: 'HTML' })
    await ctx.reply(tHtml(ctx.t, 'search-results', { query }), {
      parse_mode: 'HTML',
      reply_markup: searchResultsKeyboard(ctx.t, matches),
    })
  })

  const showListPage = async (ctx: CallbackQueryContext<BotContext>, next: () => Promise<void>) => {
    const list = listQueryOf(ctx.callbackQuery.data)
    if (list === undefined) return next()
    const rendered = await renderList(ctx, list)
    if (rendered === undefined) return ctx.answerCallbackQuery({ text: ctx.t('station-gone') })
    // A double tap would show what is already shown.
    await ignoreNotModified(
      ctx.editMessageText(rendered.text, {
        parse_mode: 'HTML',
        reply_markup: rendered.reply_markup,
        link_preview_options: { is_disabled: true },
      }),
    )
    return ctx.answerCallbackQuery()
  }
  composer.callbackQuery([stationCallbacks.near.filter, stationCallbacks.around.filter], showListPage)

  /** A station from a typed-place search: its nearest list. */
  onCallback(composer, stationCallbacks.place, async (ctx, { stationId }) => {
    const station = await findStation(db, stationId)
    if (station === undefined || !station.active) return ctx.answerCallbackQuery({ text: ctx.t('station-gone') })
    await ctx.answerCallbackQuery()
    return sendList(ctx, { origin: { kind: 'station', stationId: station.id }, page: 0, filters: defaultFilters })
  })

  onCallback(composer, stationCallbacks.navigate, async (ctx, { stationId }) => {
    const station = await findStation(db, stationId)
    if (station === undefined || !station.active) return ctx.answerCallbackQuery({ text: ctx.t('station-gone') })
    await ctx.answerCallbackQuery()
    if (ctx.user !== undefined) await recordStationUse(db, ctx.user.id, station.id)
    const at = now()
    await ctx.replyWithVenue(station.lat, station.lng, station.name, station.address || station.city)
    const card = await loadStationCard(db, station, at, config.stationReportFadeHours)
    await ctx.reply(renderStationCard(ctx.t, station, card, at), {
      parse_mode: 'HTML',
      reply_markup: stationCardKeyboard(ctx.t, station),
    })
  })
  // Forged, out of range, or from before the codec (`n:`, `v:`, `p:`).
  composer.callbackQuery(stationsStale, (ctx) => ctx.answerCallbackQuery({ text: ctx.t('button-stale') }))

  return composer
}
