import { createConversation } from '@grammyjs/conversations'
import { hears } from '@grammyjs/i18n'
import { Composer, type CallbackQueryContext } from 'grammy'
import {
  findEventCard,
  findRegistrableEvent,
  findRegistrationFor,
  listUpcomingEvents,
  recordEventView,
} from '../../../db/repositories/event-listing.js'
import { register } from '../../../db/repositories/registrations.js'
import { isActiveRegistration } from '../../../db/schema/index.js'
import { eventCallbacks, eventsStale } from '../../callbacks/events.js'
import { onCallback } from '../../callbacks/route.js'
import type { BotContext, BotDeps, ConversationContext } from '../../context.js'
import { conversationIds } from '../../conversations/ids.js'
import { formatDistance } from '../../ui/distance.js'
import { formatEventSpan } from '../../ui/event-time.js'
import { escapeHtml } from '../../ui/html.js'
import { mapKeyboard } from '../../ui/navigation.js'
import { describeRegistration, sendSummary, summarizeRegistration } from './confirmation.js'
import { formatCard, formatPlace, kindEmoji, registrationGate } from './format.js'
import { cardKeyboard, listKeyboard } from './keyboards.js'
import { createMyDataFeature } from './my-data.js'
import { createMyEventsFeature } from './my-events.js'
import { createRegisterConversation } from './register-conversation.js'

const PAGE_SIZE = 5

export function createEventsFeature(deps: BotDeps): Composer<BotContext> {
  const { db, now } = deps
  const composer = new Composer<BotContext>()
  composer.use(createConversation<BotContext, ConversationContext>(createRegisterConversation(deps), conversationIds.register))
  const privateChats = composer.chatType('private')

  async function renderList(ctx: BotContext, page: number) {
    const user = ctx.user
    const near = user?.lastLat != null && user.lastLng != null ? { lat: user.lastLat, lng: user.lastLng } : undefined
    const { events, hasMore } = await listUpcomingEvents(db, { now: now(), near, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
    if (events.length === 0)
      return { text: ctx.t(page === 0 ? 'events-list-empty' : 'events-list-empty-page'), keyboard: listKeyboard(ctx.t, [], 1, page, false) }
    const first = page * PAGE_SIZE + 1
    const items = events.map((item, index) =>
      ctx.t('events-list-item', {
        index: first + index,
        emoji: kindEmoji[item.event.kind],
        title: escapeHtml(item.event.title),
        time: formatEventSpan(ctx.t, item.event.startsAt, item.event.endsAt),
        place: formatPlace(ctx.t, item.event, item.stationName),
        distance: item.distance === null ? 'none' : formatDistance(ctx.t, item.distance),
        left: Math.max(0, item.event.capacity - item.taken),
      }),
    )
    const title = ctx.t(near === undefined ? 'events-list-title-date' : 'events-list-title-near')
    return { text: [title, ...items].join('\n\n'), keyboard: listKeyboard(ctx.t, events, first, page, hasMore) }
  }

  async function showList(ctx: BotContext) {
    const list = await renderList(ctx, 0)
    await ctx.reply(list.text, { parse_mode: 'HTML', reply_markup: list.keyboard })
  }
  privateChats.command('events', showList)
  privateChats.filter(hears('keyboard-events'), showList)

  async function showCard(ctx: BotContext, eventId: number): Promise<boolean> {
    const card = await findEventCard(db, eventId)
    if (card === undefined || card.event.status === 'draft') return false
    if (ctx.user !== undefined) await recordEventView(db, eventId, ctx.user.id, now())
    await ctx.reply(formatCard(ctx.t, card, now()), { parse_mode: 'HTML', reply_markup: cardKeyboard(ctx.t, card, now()) })
    return true
  }

  // Shared event links: t.me/<bot>?start=ev_<id> (the start feature passes them on).
  privateChats.command('start', async (ctx, next) => {
    const match = /^ev_([1-9]\d{0,9})$/.exec(ctx.match)
    if (match === null) return next()
    if (!(await showCard(ctx, Number(match[1])))) await ctx.reply(ctx.t('events-gone'))
  })

  composer.use(createMyEventsFeature(deps))
  composer.use(createMyDataFeature(deps))

  onCallback(composer, eventCallbacks.list, async (ctx, { page }) => {
    const list = await renderList(ctx, page)
    await ctx.answerCallbackQuery()
    await ctx
      .editMessageText(list.text, { parse_mode: 'HTML', reply_markup: list.keyboard })
      .catch(() => ctx.reply(list.text, { parse_mode: 'HTML', reply_markup: list.keyboard }))
  })

  /** The event a button is about, if workers may see it; otherwise the tap is answered. */
  async function visibleCard(ctx: CallbackQueryContext<BotContext>, eventId: number) {
    const card = await findEventCard(db, eventId)
    if (card !== undefined && card.event.status !== 'draft') return card
    await ctx.answerCallbackQuery({ text: ctx.t('events-gone') })
    return undefined
  }

  onCallback(composer, eventCallbacks.view, async (ctx, { eventId }) => {
    if ((await visibleCard(ctx, eventId)) === undefined) return
    await ctx.answerCallbackQuery()
    await showCard(ctx, eventId)
  })

  onCallback(composer, eventCallbacks.navigate, async (ctx, { eventId }) => {
    const card = await visibleCard(ctx, eventId)
    if (card === undefined) return
    const lat = card.event.lat ?? card.station?.lat
    const lng = card.event.lng ?? card.station?.lng
    if (lat == null || lng == null) return ctx.answerCallbackQuery({ text: ctx.t('events-no-place') })
    await ctx.answerCallbackQuery()
    const place = {
      lat,
      lng,
      name: card.station?.name ?? card.event.title,
      address: card.event.address || card.event.city || card.event.title,
    }
    await ctx.replyWithVenue(lat, lng, place.name, place.address, { reply_markup: mapKeyboard(ctx.t, place) })
  })

  onCallback(composer, eventCallbacks.register, async (ctx, { eventId }) => {
    const found = await findRegistrableEvent(db, eventId)
    if (found === undefined || found.event.status === 'draft') return ctx.answerCallbackQuery({ text: ctx.t('events-gone') })
    const { event, hasSlots } = found
    const userId = ctx.from.id
    const state = registrationGate(event, now())
    if (state !== 'open') {
      return ctx.answerCallbackQuery({
        text: ctx.t(state === 'closed' ? 'events-register-closed' : 'events-register-not-open'),
        show_alert: true,
      })
    }
    const needsForm = hasSlots || event.asks.length > 0 || event.questions.length > 0
    await ctx.answerCallbackQuery()
    if (needsForm) {
      // No form for someone who is already in: they get their registration again.
      const existing = await findRegistrationFor(db, event.id, userId)
      if (existing !== undefined && isActiveRegistration(existing.status)) {
        const summary = await describeRegistration(db, ctx.t, { registrationId: existing.id, userId, outcome: 'already' })
        if (summary !== undefined) await sendSummary(ctx, summary)
        return
      }
      await ctx.conversation.exitAll()
      await ctx.conversation.enter(conversationIds.register, event.id)
      return
    }
    const result = await register(db, { eventId: event.id, userId, consent: false, now: now() })
    if (!('registration' in result)) return ctx.reply(ctx.t('events-register-closed'))
    await sendSummary(ctx, summarizeRegistration(ctx.t, result, result.kind === 'already' ? 'already' : undefined))
  })

  // A form button from a form that is no longer running, forged data, or `e:` from before the codec.
  composer.callbackQuery(eventsStale, (ctx) => ctx.answerCallbackQuery({ text: ctx.t('events-button-stale') }))

  return composer
}
