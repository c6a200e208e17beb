import { canManage } from '../../../db/repositories/roles.js'
import { updateStation, type StationPatch } from '../../../db/repositories/station-changes.js'
import { findStation } from '../../../db/repositories/stations.js'
import type { StationField } from '../../callbacks/station-admin.js'
import type { BotConversation, BotDeps, ConversationContext } from '../../context.js'
import { tHtml } from '../../ui/html.js'
import { askAddress, askAmenities, askHours, askKind, askName, askPhone, askPhoto } from './fields.js'
import { editButton, stationSummary } from './format.js'
import { askLocation, cityAround } from './location-step.js'

/** One field of a station, asked with the same checks as when adding, saved with its old → new in the history. */
export function editStationConversation(deps: BotDeps) {
  const { db } = deps
  const managed = (conversation: BotConversation, stationId: number) =>
    conversation.external(async (outside) => {
      const station = await findStation(db, stationId)
      if (station === undefined || !(await canManage(db, outside.user, { city: station.city, stationId }))) return undefined
      return station
    })

  return async function editStationFlow(
    conversation: BotConversation,
    ctx: ConversationContext,
    stationId: number,
    field: StationField,
  ): Promise<void> {
    const t = ctx.t.bind(ctx)
    const station = await managed(conversation, stationId)
    if (station === undefined) {
      await ctx.reply(t('stationadmin-not-allowed'))
      return
    }
    let patch: StationPatch
    switch (field) {
      case 'name':
        patch = { name: await askName(conversation, ctx, station.name) }
        break
      case 'kind':
        patch = { kind: await askKind(conversation, ctx) }
        break
      case 'address':
        patch = { address: await askAddress(conversation, ctx, station.address) }
        break
      case 'location': {
        const point = await askLocation(conversation, ctx, deps)
        // Moved among another city's stations: it is that city's now, if the organizer may manage there.
        const city = await conversation.external(async () => cityAround(db, point, stationId))
        patch = { lat: point.lat, lng: point.lng, ...(city === '' ? {} : { city }) }
        break
      }
      case 'amenities':
        patch = { amenities: await askAmenities(conversation, ctx, station.amenities) }
        break
      case 'hours':
        patch = { openingHours: await askHours(conversation, ctx, station.openingHours) }
        break
      case 'phone':
        patch = { phone: await askPhone(conversation, ctx) }
        break
      case 'photo':
        patch = { photoFileId: await askPhoto(conversation, ctx) }
        break
    }
    const result = await conversation.external(async (outside) => {
      // Checked again at the moment of saving: rights can be withdrawn while the question waits.
      const again = await findStation(db, stationId)
      const user = outside.user
      if (again === undefined || user === undefined || !(await canManage(db, user, { city: again.city, stationId })))
        return { kind: 'not-allowed' as const }
      if (patch.city !== undefined && !(await canManage(db, user, { city: patch.city, stationId: null })))
        return { kind: 'not-allowed' as const }
      const updated = await updateStation(db, stationId, patch, { actorId: user.id, source: 'organizer' }, deps.now())
      return updated.kind === 'updated' ? { kind: 'updated' as const, station: updated.station } : { kind: updated.kind }
    })
    switch (result.kind) {
      case 'not-allowed':
      case 'not-found':
        await ctx.reply(t('stationadmin-not-allowed'))
        return
      case 'unchanged':
        await ctx.reply(t('stationadmin-unchanged'), { reply_markup: editButton(t, stationId) })
        return
      case 'updated':
        await ctx.reply(`${tHtml(t, 'stationadmin-updated', { name: result.station.name })}\n\n${stationSummary(t, result.station)}`, {
          parse_mode: 'HTML',
          reply_markup: editButton(t, stationId),
        })
    }
  }
}
