import { findStation } from '../../../db/repositories/stations.js'
import { findUser } from '../../../db/repositories/users.js'
import type { BroadcastAudience, User } from '../../../db/schema/index.js'
import { requireUserId, type BotConversation, type BotDeps, type ConversationContext } from '../../context.js'
import type { Translate } from '../../i18n.js'
import { tHtml } from '../../ui/html.js'
import { cityChoices, eventChoices, mayAddress, stationChoices } from './access.js'
import { nextInput } from './input.js'
import { audienceTypeKeyboard, citiesKeyboard, eventsKeyboard, kmKeyboard, onlyKeyboard, stationsKeyboard } from './keyboards.js'

const MAX_STATION_QUERY = 40

/**
 * Asks who the broadcast goes to, step by step, offering only what the organizer may address.
 * Every pick is checked against the scope again (callback data can be forged), and once more when
 * the broadcast is confirmed.
 */
export async function chooseAudience(
  deps: BotDeps,
  conversation: BotConversation,
  ctx: ConversationContext,
  t: Translate,
  admin: boolean,
): Promise<BroadcastAudience> {
  const { db } = deps
  const userId = requireUserId(ctx)
  /** Runs a check with the organizer's current row (their role may change while they compose). */
  const withUser = <R>(task: (user: User) => Promise<R>, otherwise: R) =>
    conversation.external(async () => {
      const user = await findUser(db, userId)
      return user === undefined ? otherwise : task(user)
    })
  const allowed = (audience: BroadcastAudience) => withUser((user) => mayAddress(db, user, audience), false)

  for (;;) {
    await ctx.reply(t('broadcast-choose-audience'), { parse_mode: 'HTML', reply_markup: audienceTypeKeyboard(t, admin) })
    const picked = await nextInput(conversation, t, ['type'])
    if (picked.kind !== 'action' || picked.action.kind !== 'type') continue
    let audience: BroadcastAudience | undefined
    switch (picked.action.type) {
      case 'everyone':
        audience = { type: 'everyone' }
        break
      case 'event':
        audience = await chooseEvent()
        break
      case 'city':
        audience = await chooseCity()
        break
      case 'near':
        audience = await chooseNearStation()
        break
    }
    if (audience === undefined) continue
    if (await allowed(audience)) return audience
    await ctx.reply(t('broadcast-not-allowed'))
  }

  async function chooseEvent(): Promise<BroadcastAudience | undefined> {
    const choices = await withUser((user) => eventChoices(db, user, deps.now()), [])
    if (choices.length === 0) {
      await ctx.reply(t('broadcast-no-events'))
      return undefined
    }
    await ctx.reply(t('broadcast-choose-event'), { reply_markup: eventsKeyboard(choices) })
    const input = await nextInput(conversation, t, ['event'])
    if (input.kind !== 'action' || input.action.kind !== 'event') return undefined
    const { eventId } = input.action
    const event = choices.find((choice) => choice.id === eventId)
    if (event === undefined) return { type: 'event', eventId } // forged: refused by the scope check
    await ctx.reply(tHtml(t, 'broadcast-choose-only', { title: event.title }), { parse_mode: 'HTML', reply_markup: onlyKeyboard(t) })
    const only = await nextInput(conversation, t, ['only'])
    if (only.kind !== 'action' || only.action.kind !== 'only') return undefined
    const filter = only.action.only
    return filter === 'all' ? { type: 'event', eventId } : { type: 'event', eventId, only: filter }
  }

  async function chooseCity(): Promise<BroadcastAudience | undefined> {
    const cities = await withUser((user) => cityChoices(db, user), [])
    if (cities.length === 0) {
      await ctx.reply(t('broadcast-no-cities'))
      return undefined
    }
    await ctx.reply(t('broadcast-choose-city'), { reply_markup: citiesKeyboard(cities) })
    for (;;) {
      const input = await nextInput(conversation, t, ['city'], true)
      const city =
        input.kind === 'text'
          ? cities.find((name) => name === input.text)
          : input.action.kind === 'city'
            ? cities[input.action.index]
            : undefined
      if (city !== undefined) return { type: 'city', city }
      const typed = input.kind === 'text' ? input.text : ''
      await ctx.reply(tHtml(t, 'broadcast-city-unknown', { city: typed }), { parse_mode: 'HTML' })
    }
  }

  async function chooseNearStation(): Promise<BroadcastAudience | undefined> {
    await ctx.reply(t('broadcast-ask-station'))
    let stationId: number | undefined
    while (stationId === undefined) {
      const input = await nextInput(conversation, t, ['station'], true)
      if (input.kind === 'action') {
        if (input.action.kind === 'station') stationId = input.action.stationId
        continue
      }
      const query = input.text
      if ([...query].length > MAX_STATION_QUERY) {
        await ctx.reply(t('broadcast-station-query-too-long', { max: MAX_STATION_QUERY }))
        continue
      }
      const found = await withUser((user) => stationChoices(db, user, query), [])
      if (found.length === 0) await ctx.reply(tHtml(t, 'broadcast-station-none', { query }), { parse_mode: 'HTML' })
      else await ctx.reply(t('broadcast-station-results'), { reply_markup: stationsKeyboard(found) })
    }
    const picked = stationId
    const station = await conversation.external(async () => {
      const user = await findUser(db, userId)
      const audience: BroadcastAudience = { type: 'near_station', stationId: picked, km: 1 }
      if (!(await mayAddress(db, user, audience))) return undefined
      return (await findStation(db, picked))?.name
    })
    if (station === undefined) return { type: 'near_station', stationId: picked, km: 1 } // refused by the caller
    await ctx.reply(tHtml(t, 'broadcast-choose-km', { station: station }), { parse_mode: 'HTML', reply_markup: kmKeyboard(t) })
    const km = await nextInput(conversation, t, ['km'])
    if (km.kind !== 'action' || km.action.kind !== 'km') return undefined
    return { type: 'near_station', stationId: picked, km: km.action.km }
  }
}
