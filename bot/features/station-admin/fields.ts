import { InlineKeyboard } from 'grammy'
import { parseSpokenHours } from '../../../domain/hours-input.js'
import { amenities, stationKinds, type Amenity, type StationKind } from '../../../domain/vocabulary.js'
import type { BotConversation, ConversationContext } from '../../context.js'
import { tHtml } from '../../ui/html.js'
import { describeOpeningHours } from '../../ui/opening-hours-words.js'
import { accept, ask, redraw, retry, skipButton, skippable, stepData, textReader } from './steps.js'

const MAX_NAME = 60
const MAX_ADDRESS = 100

/** A question, with the value it replaces when a field is edited. */
const withCurrent = (ctx: ConversationContext, key: string, current: string | undefined) =>
  current === undefined || current === '' ? ctx.t(key) : `${ctx.t(key)}\n${tHtml(ctx.t, 'stationadmin-current', { current })}`

export const askName = (conversation: BotConversation, ctx: ConversationContext, current?: string) =>
  ask(conversation, ctx, { text: withCurrent(ctx, 'stationadmin-ask-name', current) }, textReader(ctx, MAX_NAME))

export const askAddress = (conversation: BotConversation, ctx: ConversationContext, current: string) =>
  ask(
    conversation,
    ctx,
    { text: withCurrent(ctx, 'stationadmin-ask-address', current), keyboard: skipButton(ctx) },
    skippable(textReader(ctx, MAX_ADDRESS), current),
  )

export async function askKind(conversation: BotConversation, ctx: ConversationContext): Promise<StationKind> {
  const keyboard = new InlineKeyboard()
  stationKinds.forEach((kind, index) => {
    keyboard.text(ctx.t(`kind-${kind}`), stepData('kind', kind))
    if (index % 2 === 1) keyboard.row()
  })
  return ask<StationKind>(conversation, ctx, { text: ctx.t('stationadmin-ask-kind'), keyboard }, async (_update, button) => {
    const kind = stationKinds.find((known) => button?.step === 'kind' && known === button.arg)
    return kind === undefined ? retry(ctx.t('stationadmin-pick-button')) : accept(kind)
  })
}

/** ✅ toggles for the amenities, starting from `initial`, until 完成. */
export async function askAmenities(
  conversation: BotConversation,
  ctx: ConversationContext,
  initial: readonly string[],
): Promise<Amenity[]> {
  const chosen = new Set<string>(initial)
  const keyboard = () => {
    const markup = new InlineKeyboard()
    amenities.forEach((amenity, index) => {
      markup.text(`${chosen.has(amenity) ? '✅ ' : ''}${ctx.t(`amenity-${amenity}`)}`, stepData('amenity', amenity))
      if (index % 2 === 1) markup.row()
    })
    return markup.row().text(ctx.t('stationadmin-button-done'), stepData('done'))
  }
  await ask(conversation, ctx, { text: ctx.t('stationadmin-ask-amenities'), keyboard: keyboard() }, async (_update, button) => {
    if (button?.step === 'done') return accept(true)
    const amenity = amenities.find((known) => button?.step === 'amenity' && known === button.arg)
    if (amenity === undefined) return retry(ctx.t('stationadmin-pick-button'))
    if (chosen.has(amenity)) chosen.delete(amenity)
    else chosen.add(amenity)
    return redraw(keyboard())
  })
  return amenities.filter((amenity) => chosen.has(amenity))
}

/** Opening hours typed as people say them, read back in words: 确认 or 重新输入. Empty when skipped. */
export async function askHours(conversation: BotConversation, ctx: ConversationContext, current?: string): Promise<string> {
  const prompt = withCurrent(ctx, 'stationadmin-ask-hours', current === undefined ? undefined : describeOpeningHours(ctx.t, current))
  for (let question = prompt; ; question = ctx.t('stationadmin-ask-hours-again')) {
    const hours = await ask<string>(conversation, ctx, { text: question, keyboard: skipButton(ctx) }, async (update, button) => {
      if (button?.step === 'skip') return accept('')
      const text = update.message?.text
      if (text === undefined) return retry(ctx.t('stationadmin-need-text'))
      const parsed = parseSpokenHours(text)
      return parsed.kind === 'ok' ? accept(parsed.hours) : retry(tHtml(ctx.t, 'stationadmin-bad-hours', { text }))
    })
    if (hours === '') return ''
    const confirm = new InlineKeyboard()
      .text(ctx.t('stationadmin-button-confirm'), stepData('ok'))
      .text(ctx.t('stationadmin-button-retype'), stepData('again'))
    const words = tHtml(ctx.t, 'stationadmin-confirm-hours', { words: describeOpeningHours(ctx.t, hours), hours })
    const ok = await ask<boolean>(conversation, ctx, { text: words, keyboard: confirm }, async (_update, button) =>
      button?.step === 'ok' ? accept(true) : button?.step === 'again' ? accept(false) : retry(ctx.t('stationadmin-pick-button')),
    )
    if (ok) return hours
  }
}

/** Digits, spaces, dashes, brackets, + and 转 (an extension): a landline, a mobile, a hotline. */
const PHONE = /^[\d\s\-+()转]{3,30}$/

export const askPhone = (conversation: BotConversation, ctx: ConversationContext) =>
  ask<string>(conversation, ctx, { text: ctx.t('stationadmin-ask-phone'), keyboard: skipButton(ctx) }, async (update, button) => {
    if (button?.step === 'skip') return accept('')
    const text = update.message?.text?.normalize('NFKC').trim()
    return text !== undefined && PHONE.test(text) && /\d{3}/.test(text.replace(/\D/g, ''))
      ? accept(text)
      : retry(ctx.t('stationadmin-bad-phone'))
  })

/** A photo (its largest size's file id), or null when skipped. */
export const askPhoto = (conversation: BotConversation, ctx: ConversationContext) =>
  ask<string | null>(conversation, ctx, { text: ctx.t('stationadmin-ask-photo'), keyboard: skipButton(ctx) }, async (update, button) => {
    if (button?.step === 'skip') return accept(null)
    const photo = update.message?.photo?.at(-1)
    return photo === undefined ? retry(ctx.t('stationadmin-need-photo')) : accept(photo.file_id)
  })
