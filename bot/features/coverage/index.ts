import { Composer, InputFile } from 'grammy'
import { isOrganizer } from '../../../db/repositories/roles.js'
import {
  cellDemand,
  citiesWithSearches,
  cityStations,
  coverageCities,
  SEARCH_RETENTION_DAYS,
} from '../../../db/repositories/search-cells.js'
import { findNearestStations, type StationWithDistance } from '../../../db/repositories/stations.js'
import type { User } from '../../../db/schema/index.js'
import { shanghaiDateTime } from '../../../domain/time.js'
import { coverageCallbacks, coverageStale, type CoveragePeriod } from '../../callbacks/coverage.js'
import { onCallback } from '../../callbacks/route.js'
import type { BotContext, BotDeps } from '../../context.js'
import type { Translate } from '../../i18n.js'
import { coverageCsv, csvFileName, formatReport, TOP_GAPS } from './format.js'
import { citiesKeyboard, periodKeyboard } from './keyboards.js'
import { cjkFontFile, coverageSvg, renderPng, type MapCell } from './map.js'
import { coverageReport, GAP_MINUTES, type CoverageReport } from './report.js'

const DAY_MS = 24 * 60 * 60 * 1000
const DEFAULT_DAYS: CoveragePeriod = 30
/** Areas offered as buttons, the most searched first (an inline keyboard holds about 100 buttons). */
const MAX_AREAS = 20
/** A gap's hint names the nearest station only when there is one within this distance. */
const HINT_WITHIN_METRES = 50_000

const areaName = (t: Translate, city: string) => (city === '' ? t('coverage-city-none') : city)
const mayView = (allowed: readonly string[] | 'all', city: string) => allowed === 'all' || (city !== '' && allowed.includes(city))

/**
 * /coverage for organizers (their cities, a station's city for a station scope) and admins: where
 * riders searched most while the nearest open station was more than 10 minutes away by e-bike,
 * as text, a PNG map and a CSV.
 */
export function createCoverageFeature({ db, now, config, logger }: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>()
  if (cjkFontFile() === undefined) logger.warn('no CJK font found (install fonts-noto-cjk): coverage maps will lack Chinese labels')

  const since = (days: number) => new Date(now().getTime() - days * DAY_MS)

  async function areasOf(user: User) {
    const allowed = await coverageCities(db, user)
    // The area list looks at everything that is kept.
    return { allowed, areas: await citiesWithSearches(db, allowed, since(SEARCH_RETENTION_DAYS)) }
  }

  async function showAreas(ctx: BotContext) {
    if (ctx.user === undefined || !isOrganizer(ctx.user)) return ctx.reply(ctx.t('coverage-not-organizer'))
    const { allowed, areas } = await areasOf(ctx.user)
    const [only] = areas
    if (only === undefined) {
      const scope =
        allowed === 'all' ? ctx.t('coverage-scope-all') : allowed.length === 0 ? ctx.t('coverage-scope-yours') : allowed.join('、')
      return ctx.reply(ctx.t('coverage-none', { scope }))
    }
    if (areas.length === 1) return sendReport(ctx, only.city, DEFAULT_DAYS, false)
    const buttons = areas.slice(0, MAX_AREAS).map(({ city, searches }) => ({ city, label: areaName(ctx.t, city), searches }))
    return ctx.reply(ctx.t('coverage-pick-city'), { reply_markup: citiesKeyboard(ctx.t, buttons) })
  }

  async function sendReport(ctx: BotContext, city: string, days: CoveragePeriod, severalAreas: boolean) {
    const report = coverageReport(await cellDemand(db, city, since(days)))
    const name = areaName(ctx.t, city)
    const keyboard = periodKeyboard(ctx.t, city, days, severalAreas)
    if (report.cells.length === 0) return ctx.reply(ctx.t('coverage-empty-period', { days, city: name }), { reply_markup: keyboard })

    const nearest: (StationWithDistance | undefined)[] = []
    for (const cell of report.gaps.slice(0, TOP_GAPS))
      nearest.push((await findNearestStations(db, cell.centre, { limit: 1, withinMetres: HINT_WITHIN_METRES }))[0])
    await ctx.reply(formatReport(ctx.t, report, { city: name, days, radiusKm: config.nearbyRadiusKm, nearest }), {
      parse_mode: 'HTML',
      reply_markup: keyboard,
      link_preview_options: { is_disabled: true },
    })
    await sendMap(ctx, report, city, days)
    await ctx.replyWithDocument(new InputFile(coverageCsv(ctx.t, report), csvFileName(ctx.t, name, days)), {
      caption: ctx.t('coverage-csv-caption', { city: name, days }),
    })
  }

  async function sendMap(ctx: BotContext, report: CoverageReport, city: string, days: CoveragePeriod) {
    const name = areaName(ctx.t, city)
    const ranks = new Map(report.gaps.slice(0, TOP_GAPS).map((cell, index) => [`${cell.row}:${cell.col}`, index + 1]))
    const cells: MapCell[] = report.cells.map(({ row, col, searches, gap }) => ({
      row,
      col,
      searches,
      gap,
      rank: ranks.get(`${row}:${col}`),
    }))
    const svg = coverageSvg({
      cells,
      stations: await cityStations(db, city),
      labels: {
        title: ctx.t('coverage-map-title', { city: name }),
        subtitle: ctx.t('coverage-map-subtitle', { days, date: shanghaiDateTime(now()) }),
        stations: ctx.t('coverage-map-stations'),
        covered: ctx.t('coverage-map-covered', { minutes: GAP_MINUTES }),
        gaps: ctx.t('coverage-map-gaps'),
        // Scale steps are round numbers: "5 公里", not "5.0 公里".
        distance: (metres) => (metres < 1000 ? ctx.t('distance-m', { value: metres }) : ctx.t('distance-km', { value: metres / 1000 })),
      },
    })
    let png: Buffer
    try {
      png = await renderPng(svg)
    } catch (error) {
      // The text and the CSV carry everything; a map that cannot be drawn must not cost them.
      ctx.logger.error({ err: error }, 'coverage map rendering failed')
      await ctx.reply(ctx.t('coverage-map-failed'))
      return
    }
    await ctx.replyWithPhoto(new InputFile(png, 'coverage.png'), { caption: ctx.t('coverage-photo-caption', { city: name, days }) })
  }

  composer.chatType('private').command('coverage', showAreas)

  // Every button re-checks the role and the area: callback data can be forged.
  onCallback(composer, coverageCallbacks.show, async (ctx, { days, city = '' }) => {
    if (ctx.user === undefined || !isOrganizer(ctx.user))
      return ctx.answerCallbackQuery({ text: ctx.t('coverage-not-organizer'), show_alert: true })
    const { allowed, areas } = await areasOf(ctx.user)
    if (!mayView(allowed, city)) return ctx.answerCallbackQuery({ text: ctx.t('coverage-forbidden'), show_alert: true })
    await ctx.answerCallbackQuery()
    return sendReport(ctx, city, days, areas.length > 1)
  })
  onCallback(composer, coverageCallbacks.cities, async (ctx) => {
    await ctx.answerCallbackQuery()
    return showAreas(ctx)
  })
  composer.callbackQuery(coverageStale, (ctx) => ctx.answerCallbackQuery({ text: ctx.t('coverage-stale') }))

  return composer
}
