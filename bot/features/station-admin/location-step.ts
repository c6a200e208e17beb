import { InlineKeyboard } from 'grammy'
import type { Database } from '../../../db/client.js'
import { listScopes } from '../../../db/repositories/roles.js'
import { searchStations } from '../../../db/repositories/station-search.js'
import { findNearestStations, findStation } from '../../../db/repositories/stations.js'
import { isValidPoint } from '../../../domain/geo.js'
import type { BotConversation, BotDeps, ConversationContext } from '../../context.js'
import { tHtml } from '../../ui/html.js'
import { stationButtonLabel } from '../../ui/station-label.js'
import { accept, ask, retry, stepData, textReader } from './steps.js'

export type PickedPoint = { lat: number; lng: number; address: string }

const MAX_QUERY = 40
const MATCHES = 5
/** A new station takes its city from the nearest station when that is this close (metres). */
const CITY_RADIUS = 30_000

/**
 * Where the station is: a shared location (📍 on the keyboard, or a pin), or a typed address or
 * place found through the station search, whose match is taken as the point.
 */
export async function askLocation(conversation: BotConversation, ctx: ConversationContext, deps: BotDeps): Promise<PickedPoint> {
  return ask<PickedPoint>(conversation, ctx, { text: ctx.t('stationadmin-ask-location') }, async (update, button) => {
    if (button?.step === 'pick') {
      const stationId = Number(button.arg)
      const station = await conversation.external(async () => {
        const found = Number.isSafeInteger(stationId) ? await findStation(deps.db, stationId) : undefined
        return found === undefined ? undefined : { lat: found.lat, lng: found.lng, address: found.address }
      })
      return station === undefined ? retry(ctx.t('stationadmin-pick-button')) : accept(station)
    }
    const location = update.message?.location
    if (location !== undefined) {
      const point = { lat: location.latitude, lng: location.longitude }
      return isValidPoint(point) ? accept({ ...point, address: '' }) : retry(ctx.t('stationadmin-bad-location'))
    }
    const text = update.message?.text?.trim()
    if (text === undefined || text === '' || [...text].length > MAX_QUERY) return retry(ctx.t('stationadmin-bad-location'))
    const found = await conversation.external(async () =>
      (await searchStations(deps.db, text, MATCHES)).map((station) => ({ id: station.id, label: stationButtonLabel(station) })),
    )
    if (found.length === 0) return retry(tHtml(ctx.t, 'stationadmin-place-not-found', { query: text }))
    const keyboard = new InlineKeyboard()
    for (const station of found) keyboard.text(station.label, stepData('pick', String(station.id))).row()
    return retry(ctx.t('stationadmin-place-pick'), keyboard)
  })
}

/** The city of the nearest station within 30 km, or '' when there is none. */
export async function cityAround(db: Database, point: { lat: number; lng: number }, except?: number): Promise<string> {
  const near = await findNearestStations(db, point, { limit: 2, withinMetres: CITY_RADIUS })
  return near.find((station) => station.id !== except)?.city ?? ''
}

/**
 * The city of a new station: the organizer's own city when they are scoped to exactly one and the
 * stations around (within 30 km) do not say otherwise, else the city of the nearest station, else
 * asked. A point among another city's stations is that city's, so a scoped organizer is refused there.
 */
export async function cityFor(
  conversation: BotConversation,
  ctx: ConversationContext,
  deps: BotDeps,
  point: { lat: number; lng: number },
): Promise<string> {
  const known = await conversation.external(async (outside) => {
    const cities = outside.user === undefined ? [] : (await listScopes(deps.db, outside.user.id)).flatMap((scope) => scope.city ?? [])
    const [only, ...others] = new Set(cities)
    const around = await cityAround(deps.db, point)
    return only !== undefined && others.length === 0 && (around === '' || around === only) ? only : around
  })
  return known !== '' ? known : ask(conversation, ctx, { text: ctx.t('stationadmin-ask-city') }, textReader(ctx, 20))
}
