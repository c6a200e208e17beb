import { InlineKeyboard } from 'grammy'
import { canManage } from '../../../db/repositories/roles.js'
import { createStation, findPossibleDuplicates } from '../../../db/repositories/station-changes.js'
import type { BotConversation, BotDeps, ConversationContext } from '../../context.js'
import { formatDistance } from '../../ui/distance.js'
import { escapeHtml, tHtml } from '../../ui/html.js'
import { askAddress, askAmenities, askHours, askKind, askName, askPhone, askPhoto } from './fields.js'
import { editButton, stationSummary, type StationDraft } from './format.js'
import { askLocation, cityFor } from './location-step.js'
import { accept, ask, retry, stepData } from './steps.js'

/**
 * `/addstation`: where (a shared location or a place found by search), then name, kind, amenities,
 * hours, phone and photo; a summary, a check for a similar station within 100 m, then saved with
 * its creation in the station's history.
 */
export function addStationConversation(deps: BotDeps) {
  const { db } = deps
  return async function addStationFlow(conversation: BotConversation, ctx: ConversationContext): Promise<void> {
    const t = ctx.t.bind(ctx)
    let point: { lat: number; lng: number; address: string }
    let city: string
    for (;;) {
      point = await askLocation(conversation, ctx, deps)
      const picked = point
      city = await cityFor(conversation, ctx, deps, picked)
      const place = city
      const allowed = await conversation.external((outside) => canManage(db, outside.user, { city: place, stationId: null }))
      if (allowed) break
      await ctx.reply(tHtml(t, 'stationadmin-out-of-scope', { city }), { parse_mode: 'HTML' })
    }
    const name = await askName(conversation, ctx)
    const kind = await askKind(conversation, ctx)
    const address = await askAddress(conversation, ctx, point.address)
    const amenities = await askAmenities(conversation, ctx, [])
    const openingHours = await askHours(conversation, ctx)
    const phone = await askPhone(conversation, ctx)
    const photoFileId = await askPhoto(conversation, ctx)
    const draft: StationDraft = { name, kind, address, city, lat: point.lat, lng: point.lng, amenities, openingHours, phone, photoFileId }

    const save = new InlineKeyboard().text(t('stationadmin-button-save'), stepData('save'))
    await ask(
      conversation,
      ctx,
      { text: `${t('stationadmin-preview')}\n\n${stationSummary(t, draft)}`, keyboard: save },
      async (_u, button) => (button?.step === 'save' ? accept(true) : retry(t('stationadmin-pick-button'))),
    )

    const duplicates = await conversation.external(async () =>
      (await findPossibleDuplicates(db, draft, name)).map((station) => ({ name: station.name, distance: station.distance })),
    )
    if (duplicates.length > 0) {
      const list = duplicates.map((station) => `• ${escapeHtml(station.name)}（${formatDistance(t, station.distance)}）`).join('\n')
      const anyway = new InlineKeyboard().text(t('stationadmin-button-anyway'), stepData('anyway'))
      await ask(conversation, ctx, { text: t('stationadmin-duplicates', { list }), keyboard: anyway }, async (_u, button) =>
        button?.step === 'anyway' ? accept(true) : retry(t('stationadmin-pick-button')),
      )
    }

    const saved = await conversation.external(async (outside) => {
      // Rights are checked again: they may have been withdrawn during the conversation.
      const user = outside.user
      if (user === undefined || !(await canManage(db, user, { city, stationId: null }))) return undefined
      const station = await createStation(db, draft, { actorId: user.id, source: 'organizer' }, deps.now())
      return station.id
    })
    if (saved === undefined) {
      await ctx.reply(t('stationadmin-not-allowed'))
      return
    }
    await ctx.reply(`${tHtml(t, 'stationadmin-saved', { name })}\n\n${stationSummary(t, draft)}`, {
      parse_mode: 'HTML',
      reply_markup: editButton(t, saved),
    })
  }
}
