import type { InlineKeyboard, Keyboard } from 'grammy'
import { MAX_PENDING_SUGGESTIONS, submitSuggestion } from '../../../core/station-suggestions.js'
import { searchStations } from '../../../db/repositories/station-search.js'
import { findStation } from '../../../db/repositories/stations.js'
import { isValidPoint, type Point } from '../../../domain/geo.js'
import { tooShortToSearch } from '../../../domain/small-talk.js'
import { amenities, type Amenity } from '../../../domain/vocabulary.js'
import { suggestionCallbacks } from '../../callbacks/station-suggestions.js'
import { requireUserId, type BotConversation, type BotDeps, type ConversationContext } from '../../context.js'
import { accept, ask, editKeyboard, retry, typed, type Answer } from '../../conversations/ask.js'
import { tHtml } from '../../ui/html.js'
import { mainKeyboard } from '../../ui/main-keyboard.js'
import { formatPreview } from './format.js'
import { amenityKeyboard, locationKeyboard, nearKeyboard, skipKeyboard, submitKeyboard, withCancel } from './keyboards.js'
import { suggestionNotices } from './notices.js'

const MAX_NAME = 40
const MAX_NOTE = 300
const MAX_PLACE_QUERY = 40
const PLACES = 5

const formButtons = { step: suggestionCallbacks.step, amenity: suggestionCallbacks.amenity, near: suggestionCallbacks.near }
type Button =
  { kind: 'step'; step: 'done' | 'skip' | 'submit' | 'cancel' } | { kind: 'amenity'; index: number } | { kind: 'near'; stationId: number }

function buttonOf(ctx: ConversationContext): Button | undefined {
  const data = ctx.callbackQuery?.data
  const step = formButtons.step.unpack(data)
  if (step !== undefined) return { kind: 'step', step: step.step }
  const amenity = formButtons.amenity.unpack(data)
  if (amenity !== undefined) return { kind: 'amenity', index: amenity.index }
  const near = formButtons.near.unpack(data)
  return near === undefined ? undefined : { kind: 'near', stationId: near.stationId }
}

const isFormButton = (data: string) => Object.values(formButtons).some((definition) => definition.unpack(data) !== undefined)

/** A hint that keeps the question's way out. */
const hint = <T>(key: string, vars: Record<string, string | number> = {}, keyboard?: InlineKeyboard): Answer<T> =>
  retry((ctx) => ctx.reply(ctx.t(key, vars), { parse_mode: 'HTML', reply_markup: withCancel(ctx.t, keyboard) }))

/** `/suggest`, 推荐一个驿站: where, name, amenities, a note, a photo, then 提交. Nothing is stored before 提交. */
export function createSuggestConversation(deps: BotDeps) {
  const { db } = deps

  async function question<T>(
    conversation: BotConversation,
    ctx: ConversationContext,
    prompt: { text: string; keyboard?: InlineKeyboard | Keyboard },
    read: (update: ConversationContext, button: Button | undefined) => Promise<Answer<T>> | Answer<T>,
  ): Promise<T> {
    return ask(conversation, {
      prompt: () => ctx.reply(prompt.text, { parse_mode: 'HTML', reply_markup: prompt.keyboard ?? withCancel(ctx.t) }),
      buttons: isFormButton,
      updates: (update) => update.message !== undefined,
      quit: {
        when: (update) => {
          const button = buttonOf(update)
          return button?.kind === 'step' && button.step === 'cancel'
        },
        say: (update) => update.reply(update.t('suggest-cancelled'), { reply_markup: mainKeyboard(update.t, update.user) }),
      },
      read: (update) => read(update, buttonOf(update)),
    })
  }

  async function readPlace(conversation: BotConversation, update: ConversationContext, button: Button | undefined): Promise<Answer<Point>> {
    if (button?.kind === 'near') {
      const station = await conversation.external(async () => {
        const found = await findStation(db, button.stationId)
        return found === undefined || !found.active ? undefined : { lat: found.lat, lng: found.lng }
      })
      return station === undefined ? hint('suggest-place-gone') : accept(station)
    }
    if (button !== undefined) return hint('suggest-use-buttons')
    const location = update.message?.location
    if (location !== undefined) {
      const point = { lat: location.latitude, lng: location.longitude }
      return isValidPoint(point) ? accept(point) : hint('suggest-location-invalid')
    }
    const text = update.message?.text?.trim()
    if (text === undefined) return hint('suggest-need-location')
    if (tooShortToSearch(text) || [...text].length > MAX_PLACE_QUERY) return hint('suggest-place-bad', { max: MAX_PLACE_QUERY })
    const found = await conversation.external(async () => (await searchStations(db, text, PLACES)).map(({ id, name }) => ({ id, name })))
    if (found.length === 0)
      return retry((ctx) =>
        ctx.reply(tHtml(ctx.t, 'suggest-place-none', { query: text }), { parse_mode: 'HTML', reply_markup: withCancel(ctx.t) }),
      )
    return retry((ctx) => ctx.reply(ctx.t('suggest-place-pick'), { reply_markup: nearKeyboard(ctx.t, found) }))
  }

  function readText(max: number, skippable: boolean) {
    return (update: ConversationContext, button: Button | undefined): Answer<string> => {
      if (skippable && button?.kind === 'step' && button.step === 'skip') return accept('')
      if (button !== undefined) return hint('suggest-use-buttons')
      const answer = typed(update, max)
      if (answer.kind === 'text') return accept(answer.text)
      if (answer.kind === 'too-long') return hint('suggest-too-long', { max, length: answer.length })
      return hint(skippable ? 'suggest-need-text-or-skip' : 'suggest-need-text')
    }
  }

  return async function suggestStation(conversation: BotConversation, ctx: ConversationContext): Promise<void> {
    const t = ctx.t.bind(ctx)
    const point = await question(conversation, ctx, { text: t('suggest-ask-location'), keyboard: locationKeyboard(t) }, (update, button) =>
      readPlace(conversation, update, button),
    )
    // The location question replaced the main keyboard; it comes back once the place is known.
    await ctx.reply(t('suggest-got-location'), { reply_markup: mainKeyboard(t, ctx.user) })
    const name = await question(conversation, ctx, { text: t('suggest-ask-name', { max: MAX_NAME }) }, readText(MAX_NAME, false))

    const chosen = new Set<Amenity>()
    await question(conversation, ctx, { text: t('suggest-ask-amenities'), keyboard: amenityKeyboard(t, chosen) }, (update, button) => {
      if (button?.kind === 'step' && button.step === 'done') return accept(true)
      if (button?.kind !== 'amenity') return hint('suggest-use-buttons')
      const amenity = amenities[button.index]
      if (amenity === undefined) return hint('suggest-use-buttons')
      if (chosen.has(amenity)) chosen.delete(amenity)
      else chosen.add(amenity)
      return retry((tapped) => editKeyboard(tapped, amenityKeyboard(tapped.t, chosen)))
    })
    const offered = amenities.filter((amenity) => chosen.has(amenity))

    const note = await question(
      conversation,
      ctx,
      { text: t('suggest-ask-note', { max: MAX_NOTE }), keyboard: skipKeyboard(t) },
      readText(MAX_NOTE, true),
    )
    const photo = await question<string | null>(
      conversation,
      ctx,
      { text: t('suggest-ask-photo'), keyboard: skipKeyboard(t) },
      (update, button) => {
        if (button?.kind === 'step' && button.step === 'skip') return accept(null)
        if (button !== undefined) return hint('suggest-use-buttons')
        const file = update.message?.photo?.at(-1)
        return file === undefined ? hint('suggest-need-photo') : accept(file.file_id)
      },
    )

    const preview = formatPreview(t, { name, amenities: offered, note, photo: photo !== null })
    await question(conversation, ctx, { text: preview, keyboard: submitKeyboard(t) }, (_update, button) =>
      button?.kind === 'step' && button.step === 'submit' ? accept(true) : hint('suggest-use-buttons'),
    )

    const rider = requireUserId(ctx)
    const result = await conversation.external(async () => {
      const outcome = await submitSuggestion(
        deps,
        suggestionNotices,
        { id: rider },
        { ...point, name, amenities: offered, note, photoFileId: photo },
      )
      return outcome.kind
    })
    const key = result === 'submitted' ? 'suggest-thanks' : result === 'too-many' ? 'suggest-too-many' : 'suggest-rate-limited'
    await ctx.reply(t(key, { max: MAX_PENDING_SUGGESTIONS, hours: deps.config.feedbackFirstAnswerHours }), {
      parse_mode: 'HTML',
      reply_markup: mainKeyboard(t, ctx.user),
    })
  }
}
