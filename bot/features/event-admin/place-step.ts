import { InlineKeyboard } from 'grammy'
import { canManage } from '../../../db/repositories/roles.js'
import { searchStations } from '../../../db/repositories/station-search.js'
import { findNearestStations, findStation } from '../../../db/repositories/stations.js'
import { eventAdminCallbacks, stepStationId } from '../../callbacks/event-admin.js'
import type { BotConversation, BotDeps, ConversationContext } from '../../context.js'
import { tHtml } from '../../ui/html.js'
import { placeLabel } from './format.js'
import { accept, ask, retry, textReader } from './steps.js'

export type PlaceChoice = {
  stationId: number | null
  address: string
  city: string
  lat: number | null
  lng: number | null
  /** How the card shows it. */
  label: string
}

/** A shared location takes its city from the nearest station when that is this close (metres). */
const CITY_RADIUS = 30_000

/**
 * Where the event is: a station found by name (only stations the organizer may manage are
 * offered), or a shared location plus a typed address. Asked again until the place is in scope.
 */
export async function askPlace(conversation: BotConversation, ctx: ConversationContext, deps: BotDeps): Promise<PlaceChoice> {
  const { db } = deps
  for (;;) {
    const picked = await ask<PlaceChoice | { lat: number; lng: number }>(
      conversation,
      ctx,
      { text: ctx.t('eventadmin-ask-place') },
      async (update, button) => {
        if (button?.step === 'station') {
          const stationId = stepStationId(button.arg)
          const station =
            stationId === undefined
              ? undefined
              : await conversation.external(async (outside) => {
                  const found = await findStation(db, stationId)
                  if (found === undefined || !(await canManage(db, outside.user, { city: found.city, stationId: found.id })))
                    return undefined
                  return { id: found.id, name: found.name, address: found.address, city: found.city, lat: found.lat, lng: found.lng }
                })
          if (station === undefined) return retry(ctx.t('eventadmin-place-out-of-scope'))
          return accept({
            stationId: station.id,
            address: station.address,
            city: station.city,
            lat: station.lat,
            lng: station.lng,
            label: placeLabel(station, station.address),
          })
        }
        const location = update.message?.location
        if (location !== undefined) return accept({ lat: location.latitude, lng: location.longitude })
        const text = update.message?.text?.trim()
        if (text === undefined || text === '' || text.length > 60) return retry(ctx.t('eventadmin-bad-place'))
        const found = await conversation.external(async (outside) => {
          const stations = await searchStations(db, text, 10)
          const allowed = []
          for (const station of stations) {
            if (await canManage(db, outside.user, { city: station.city, stationId: station.id }))
              allowed.push({ id: station.id, name: station.name })
          }
          return allowed.slice(0, 5)
        })
        if (found.length === 0) return retry(tHtml(ctx.t, 'eventadmin-place-not-found', { query: text }))
        const keyboard = new InlineKeyboard()
        for (const station of found)
          keyboard.text(station.name, eventAdminCallbacks.step.pack({ step: 'station', arg: String(station.id) })).row()
        return retry(ctx.t('eventadmin-place-pick'), keyboard)
      },
    )
    if ('label' in picked) return picked

    const address = await ask(conversation, ctx, { text: ctx.t('eventadmin-ask-address') }, textReader(ctx, 100))
    const nearest = await conversation.external(async () => {
      const [station] = await findNearestStations(db, picked, { limit: 1 })
      return station !== undefined && station.distance <= CITY_RADIUS ? station.city : ''
    })
    const city = nearest !== '' ? nearest : await ask(conversation, ctx, { text: ctx.t('eventadmin-ask-city') }, textReader(ctx, 20))
    const allowed = await conversation.external((outside) => canManage(db, outside.user, { city, stationId: null }))
    if (allowed) return { stationId: null, address, city, lat: picked.lat, lng: picked.lng, label: address }
    await ctx.reply(ctx.t('eventadmin-place-out-of-scope'))
  }
}
