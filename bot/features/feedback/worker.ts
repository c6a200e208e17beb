import { createConversation } from '@grammyjs/conversations'
import { hears } from '@grammyjs/i18n'
import { Composer } from 'grammy'
import { addToTicket, createTicket, MAX_WORKER_TEXT, overRateLimit, type Subject } from '../../../core/tickets.js'
import { listFeedbackEvents, listStationCities } from '../../../db/repositories/feedback.js'
import { searchStations } from '../../../db/repositories/station-search.js'
import { findNearestStations } from '../../../db/repositories/stations.js'
import type { FeedbackCategory } from '../../../db/schema/index.js'
import { feedbackCallbacks, wizardCallbacks, type WizardChoice } from '../../callbacks/feedback.js'
import { onCallback } from '../../callbacks/route.js'
import { requireUserId, type BotContext, type BotConversation, type BotDeps, type ConversationContext } from '../../context.js'
import { conversationIds } from '../../conversations/ids.js'
import { ticketNotices } from '../../ui/feedback-notices.js'
import { stationButtonLabel } from '../../ui/station-label.js'
import { anonymousKeyboard, categoryKeyboard, choicesKeyboard, subjectKeyboard } from './keyboards.js'
import { waitForChoice, waitForContent } from './wait.js'

const NEARBY = 3
const LISTED = 8

const isSubjectStep = (
  choice: WizardChoice,
): choice is Extract<WizardChoice, { kind: 'station' | 'search' | 'events' | 'event' | 'cities' | 'city' }> =>
  ['station', 'search', 'events', 'event', 'cities', 'city'].includes(choice.kind)
const isCategory = (choice: WizardChoice): choice is Extract<WizardChoice, { kind: 'category' }> => choice.kind === 'category'
const isAnonymous = (choice: WizardChoice): choice is Extract<WizardChoice, { kind: 'anonymous' }> => choice.kind === 'anonymous'

const contentOptions = { maxText: MAX_WORKER_TEXT, voice: true, photo: true }

export function createWorkerFeature(deps: BotDeps): Composer<BotContext> {
  const { db } = deps
  const composer = new Composer<BotContext>()

  /** Asks what the ticket is about until the worker picks a station, an event or a city. */
  async function askSubject(conversation: BotConversation, ctx: ConversationContext): Promise<Subject> {
    const user = ctx.user
    const nearby = await conversation.external(async () =>
      user?.lastLat == null || user.lastLng == null
        ? []
        : (await findNearestStations(db, { lat: user.lastLat, lng: user.lastLng }, { limit: NEARBY })).map(({ id, name }) => ({
            id,
            name,
          })),
    )
    await ctx.reply(ctx.t('feedback-ask-subject'), { parse_mode: 'HTML', reply_markup: subjectKeyboard(ctx.t, nearby) })
    const search = async (replyCtx: ConversationContext, text: string) => {
      const found = await conversation.external(async () =>
        (await searchStations(db, text.slice(0, 40), LISTED)).map(({ id, name, city, district }) => ({ id, name, city, district })),
      )
      if (found.length === 0) return void (await replyCtx.reply(replyCtx.t('feedback-search-none')))
      await replyCtx.reply(replyCtx.t('feedback-search-results'), {
        reply_markup: choicesKeyboard(
          found.map((station) => ({ label: stationButtonLabel(station), data: wizardCallbacks.station.pack({ stationId: station.id }) })),
        ),
      })
    }
    for (;;) {
      const choice = await waitForChoice(conversation, isSubjectStep, search)
      if (choice.kind === 'station') return { kind: 'station', stationId: choice.stationId }
      if (choice.kind === 'event') return { kind: 'event', eventId: choice.eventId }
      if (choice.kind === 'city') return { kind: 'city', city: choice.city }
      if (choice.kind === 'search') await ctx.reply(ctx.t('feedback-search-prompt'))
      if (choice.kind === 'events') {
        const events = await conversation.external(async () =>
          (await listFeedbackEvents(db, deps.now(), LISTED)).map(({ id, title }) => ({ id, title })),
        )
        if (events.length === 0) await ctx.reply(ctx.t('feedback-no-events'))
        else
          await ctx.reply(ctx.t('feedback-pick-event'), {
            reply_markup: choicesKeyboard(
              events.map((event) => ({ label: event.title, data: wizardCallbacks.event.pack({ eventId: event.id }) })),
            ),
          })
      }
      if (choice.kind === 'cities') {
        const cities = await conversation.external(async () =>
          (await listStationCities(db, 12)).filter((city) => wizardCallbacks.city.fits({ city })),
        )
        await ctx.reply(ctx.t('feedback-pick-city'), {
          reply_markup: choicesKeyboard(cities.map((city) => ({ label: city, data: wizardCallbacks.city.pack({ city: city }) }))),
        })
      }
    }
  }

  /** `preset`: the subject is known already (an event, from the hint after a reply to its broadcast). */
  async function newTicket(conversation: BotConversation, ctx: ConversationContext, preset?: Subject) {
    const subject = preset ?? (await askSubject(conversation, ctx))
    await ctx.reply(ctx.t('feedback-ask-category'), { reply_markup: categoryKeyboard(ctx.t) })
    const category: FeedbackCategory = (await waitForChoice(conversation, isCategory)).category
    await ctx.reply(ctx.t('feedback-ask-anonymous'), { reply_markup: anonymousKeyboard(ctx.t) })
    const { anonymous } = await waitForChoice(conversation, isAnonymous)
    await ctx.reply(ctx.t('feedback-ask-content', { max: String(MAX_WORKER_TEXT) }))
    const content = await waitForContent(conversation, contentOptions)
    const sender = requireUserId(ctx)
    const result = await conversation.external(async () => {
      const created = await createTicket(deps, ticketNotices, { id: sender }, { subject, category, anonymous, content })
      return created.kind === 'created' ? { number: created.ticket.number } : { error: created.kind }
    })
    if ('error' in result) {
      await ctx.reply(
        ctx.t(result.error === 'limited' ? 'feedback-rate-limited' : 'feedback-subject-gone', { max: deps.config.feedbackMaxPerHour }),
      )
      return
    }
    await ctx.reply(
      ctx.t('feedback-receipt', {
        number: result.number,
        hours: deps.config.feedbackFirstAnswerHours,
        anonymous: anonymous ? 'yes' : 'no',
      }),
      { parse_mode: 'HTML' },
    )
  }

  async function addition(conversation: BotConversation, ctx: ConversationContext, ticketId: number) {
    await ctx.reply(ctx.t('feedback-add-prompt', { max: String(MAX_WORKER_TEXT) }))
    const content = await waitForContent(conversation, contentOptions)
    const sender = requireUserId(ctx)
    const result = await conversation.external(() => addToTicket(deps, ticketNotices, { id: sender }, ticketId, content))
    await ctx.reply(ctx.t(`feedback-add-${result}`, { max: deps.config.feedbackMaxPerHour }))
  }

  composer.use(createConversation(newTicket, conversationIds.newFeedback))
  composer.use(createConversation(addition, conversationIds.addToFeedback))

  const start = async (ctx: BotContext, preset?: Subject) => {
    if (ctx.user !== undefined && (await overRateLimit(deps, ctx.user.id))) {
      return ctx.reply(ctx.t('feedback-rate-limited', { max: deps.config.feedbackMaxPerHour }))
    }
    // Tapping 我有话说 again starts the form afresh instead of answering the open one.
    await ctx.conversation.exitAll()
    if (preset === undefined) await ctx.conversation.enter(conversationIds.newFeedback)
    else await ctx.conversation.enter(conversationIds.newFeedback, preset)
  }
  onCallback(composer, feedbackCallbacks.newTicket, async (ctx, { eventId }) => {
    await ctx.answerCallbackQuery()
    await start(ctx, eventId === undefined ? undefined : { kind: 'event', eventId })
  })
  const privateChats = composer.chatType('private')
  privateChats.command('feedback', (ctx) => start(ctx))
  privateChats.filter(hears('keyboard-feedback'), (ctx) => start(ctx))
  return composer
}
