import { Composer } from 'grammy'
import { isOrganizer } from '../../../db/repositories/roles.js'
import { FRESH_DAYS, stationStats, type StationStatsRow } from '../../../db/repositories/station-stats.js'
import type { BotContext, BotDeps } from '../../context.js'
import type { Translate } from '../../i18n.js'
import { escapeHtml } from '../../ui/html.js'

/** Rows shown per table; the rest are counted. */
const ROWS = 25
/** Columns of the names, in monospace cells (a Chinese character takes two). */
const NAME_WIDTH = 12

const width = (text: string) => [...text].reduce((sum, char) => sum + (/[\u2e80-\uffff]/.test(char) ? 2 : 1), 0)

/** Cut to `max` cells and padded to it, so the columns line up in <pre>. */
function cell(text: string, max: number, align: 'left' | 'right' = 'left'): string {
  let kept = ''
  for (const char of text) {
    if (width(kept + char) > max) break
    kept += char
  }
  const padding = ' '.repeat(max - width(kept))
  return align === 'left' ? kept + padding : padding + kept
}

/** The number columns and their widths: stations, verified, open reports, median handling time. */
const columns = ['stations', 'verified', 'open', 'median'] as const
const COLUMNS = [6, 8, 8, 10]

const row = (name: string, values: string[]) =>
  escapeHtml(cell(name, NAME_WIDTH) + values.map((value, index) => cell(value, COLUMNS[index] ?? 8, 'right')).join(''))

function line(name: string, stats: StationStatsRow): string {
  const median = stats.medianHandleHours === undefined ? '-' : `${stats.medianHandleHours.toFixed(1)}h`
  return row(name, [String(stats.stations), String(stats.verified), String(stats.openReports), median])
}

function table(t: Translate, title: string, rows: { name: string; stats: StationStatsRow }[]): string {
  if (rows.length === 0) return `<b>${title}</b>\n${t('rh-stats-none')}`
  const header = row(
    t('rh-stats-col-name'),
    columns.map((column) => t(`rh-stats-col-${column}`)),
  )
  const shown = rows.slice(0, ROWS).map(({ name, stats }) => line(name, stats))
  const more = rows.length > ROWS ? `\n${t('rh-stats-more', { count: rows.length - ROWS })}` : ''
  return `<b>${title}</b>\n<pre>${[header, ...shown].join('\n')}</pre>${more}`
}

/** /stationstats: stations, verified within 90 days, open reports and the median time to handle one, per city and organizer. */
export function createStationStatsFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>()
  composer.chatType('private').command('stationstats', async (ctx) => {
    if (!isOrganizer(ctx.user) || ctx.user === undefined) return ctx.reply(ctx.t('feedback-not-organizer'))
    const stats = await stationStats(deps.db, ctx.user, deps.now())
    const cities = stats.byCity.map((row) => ({ name: row.city === '' ? '-' : row.city, stats: row }))
    const organizers = stats.byOrganizer.map((row) => ({ name: row.name, stats: row }))
    const text = [
      ctx.t('rh-stats-title', { days: FRESH_DAYS }),
      table(ctx.t, ctx.t('rh-stats-by-city'), cities),
      table(ctx.t, ctx.t('rh-stats-by-organizer'), organizers),
      ctx.t('rh-stats-legend', { days: FRESH_DAYS }),
    ].join('\n\n')
    await ctx.reply(text, { parse_mode: 'HTML' })
  })
  return composer
}
