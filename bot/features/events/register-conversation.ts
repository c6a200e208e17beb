import type { Database } from '../../../db/client.js'
import { findEventCard, findSavedProfile } from '../../../db/repositories/event-listing.js'
import { register, type RegisterInput } from '../../../db/repositories/registrations.js'
import type { EventAskField } from '../../../db/schema/index.js'
import { eventFormButtonOf, eventFormCallbacks } from '../../callbacks/events.js'
import type { BotConversation, BotDeps, ConversationContext } from '../../context.js'
import { accept, ask as askQuestion, retry, typed } from '../../conversations/ask.js'
import type { Translate } from '../../i18n.js'
import { formatEventSpan } from '../../ui/event-time.js'
import { tHtml } from '../../ui/html.js'
import { mainKeyboard } from '../../ui/main-keyboard.js'
import { sendSummary, summarizeRegistration, type RegistrationSummary } from './confirmation.js'
import { registrationWindow } from './format.js'
import { choiceKeyboard, contactKeyboard, typingKeyboard } from './keyboards.js'
import { pickOccupation, pickPlatforms, type Ask } from './pick-steps.js'
import { consentText, savedSummary, sensitiveConsentText } from './register-texts.js'

type TwoWay = 'consentYes' | 'consentNo' | 'sensitiveYes' | 'sensitiveNo' | 'reuseYes' | 'reuseNo'
const twoWayLabels = {
  consentYes: 'consent-yes',
  consentNo: 'consent-no',
  sensitiveYes: 'sensitive-yes',
  sensitiveNo: 'sensitive-no',
  reuseYes: 'reuse-yes',
  reuseNo: 'reuse-no',
} as const satisfies Record<TwoWay, string>
const MAX_NAME = 20
const MAX_ANSWER = 200

/** What the form needs to know about the event; plain JSON because the conversation log stores it. */
type FormPlan =
  | { title: string; asks: EventAskField[]; questions: string[]; sensitive: number[]; slots: { id: number; label: string }[] }
  | { closed: true }

async function planForm(db: Database, t: Translate, eventId: number, now: Date): Promise<FormPlan> {
  const card = await findEventCard(db, eventId)
  if (card === undefined) return { closed: true }
  const state = registrationWindow(card, now)
  if (state === 'closed' || state === 'not-open') return { closed: true }
  const slots = card.slots.map((slot) => {
    const left = slot.capacity - slot.taken
    const time = formatEventSpan(t, slot.startsAt, slot.endsAt)
    return { id: slot.id, label: left > 0 ? t('events-slot-button', { time, left }) : t('events-slot-button-full', { time }) }
  })
  const sensitive = card.event.sensitiveQuestions.filter((index) => index >= 0 && index < card.event.questions.length)
  return { title: card.event.title, asks: card.event.asks, questions: card.event.questions, sensitive, slots }
}

/**
 * The registration form: slot → consent to every item asked → separate consent to sensitive
 * questions → the saved answers offered again, or the personal fields → questions → register.
 */
export function createRegisterConversation({ db, now }: BotDeps) {
  return async function eventsRegister(conversation: BotConversation, ctx: ConversationContext, eventId: number) {
    const plan = await conversation.external(() => planForm(db, ctx.t, eventId, now()))
    if ('closed' in plan) return ctx.reply(ctx.t('events-register-closed'), { reply_markup: mainKeyboard(ctx.t, ctx.user) })
    const userId = ctx.from?.id
    if (userId === undefined) return

    const actionOf = (c: ConversationContext) => eventFormButtonOf(c.callbackQuery?.data)
    /** Waits until `read` accepts an update; other features' buttons keep working meanwhile. */
    const ask: Ask = (read, reask) =>
      askQuestion(conversation, {
        buttons: (data) => eventFormButtonOf(data) !== undefined,
        quit: {
          when: (c) => actionOf(c)?.kind === 'quit' || c.message?.text === c.t('events-button-quit'),
          say: (c) => c.reply(c.t('events-form-quit'), { reply_markup: mainKeyboard(c.t, c.user) }),
        },
        // A shared location means the rider went looking for a station: the form gives way.
        leaveWith: (c) => c.message?.location !== undefined,
        read: (c) => {
          const value = read(c)
          return value === undefined ? retry(reask) : accept(value)
        },
      })
    const typedText = (c: ConversationContext, max: number) => {
      const answer = typed(c, max)
      return answer.kind === 'text' && !answer.text.startsWith('/') ? answer.text : undefined
    }

    let slotId: number | null = null
    if (plan.slots.length > 0) {
      const slotKeyboard = choiceKeyboard(
        ctx.t,
        plan.slots.map((slot) => ({ label: slot.label, data: eventFormCallbacks.slot.pack({ slotId: slot.id }) })),
        1,
      )
      await ctx.reply(tHtml(ctx.t, 'events-ask-slot', { title: plan.title }), { parse_mode: 'HTML', reply_markup: slotKeyboard })
      slotId = await ask(
        (c) => {
          const action = actionOf(c)
          return action?.kind === 'slot' && plan.slots.some((slot) => slot.id === action.slotId) ? action.slotId : undefined
        },
        (c) => c.reply(c.t('events-ask-slot-again'), { reply_markup: slotKeyboard }),
      )
    }

    const fields: Pick<RegisterInput, 'name' | 'phone' | 'occupation' | 'platform'> = {}
    const ordinary = plan.questions.filter((_, index) => !plan.sensitive.includes(index))
    const sensitive = plan.questions.filter((_, index) => plan.sensitive.includes(index))
    const asksAnything = plan.asks.length > 0 || plan.questions.length > 0
    /** A question with two buttons, asked again (with `again`) until one of them is tapped. */
    const yesNo = async (question: string, [yes, no]: readonly [TwoWay, TwoWay], again: string) => {
      const keyboard = (t: Translate) =>
        choiceKeyboard(t, [
          { label: t(`events-button-${twoWayLabels[yes]}`), data: eventFormCallbacks[yes].pack() },
          { label: t(`events-button-${twoWayLabels[no]}`), data: eventFormCallbacks[no].pack() },
        ])
      await ctx.reply(question, { parse_mode: 'HTML', reply_markup: keyboard(ctx.t) })
      return ask(
        (c) => {
          const kind = actionOf(c)?.kind
          return kind === yes ? true : kind === no ? false : undefined
        },
        (c) => c.reply(c.t(again), { reply_markup: keyboard(c.t) }),
      )
    }
    if (asksAnything) {
      const agreed = await yesNo(
        consentText(ctx.t, plan.asks, ordinary, sensitive.length),
        ['consentYes', 'consentNo'],
        'events-ask-consent-again',
      )
      if (!agreed) return ctx.reply(ctx.t('events-consent-refused'), { reply_markup: mainKeyboard(ctx.t, ctx.user) })
    }
    // Sensitive questions (health, ID…) need their own consent (PIPL art. 29); refusing skips them only.
    const sensitiveConsent =
      sensitive.length > 0 &&
      (await yesNo(sensitiveConsentText(ctx.t, sensitive), ['sensitiveYes', 'sensitiveNo'], 'events-ask-choice-again'))

    const saved =
      plan.asks.length === 0
        ? undefined
        : await conversation.external(async () => {
            const profile = await findSavedProfile(db, userId)
            return profile === undefined
              ? undefined
              : { name: profile.name, phone: profile.phone, occupation: profile.occupation, platform: profile.platform }
          })
    const summary = savedSummary(saved, plan.asks)
    const reuse =
      saved !== undefined &&
      summary !== undefined &&
      (await yesNo(ctx.t('events-ask-reuse', { summary }), ['reuseYes', 'reuseNo'], 'events-ask-choice-again'))
    if (reuse) for (const field of plan.asks) fields[field] = saved[field]
    if (!reuse) {
      if (plan.asks.includes('name')) {
        await ctx.reply(ctx.t('events-ask-name', { max: MAX_NAME }), { reply_markup: typingKeyboard(ctx.t) })
        fields.name = await ask(
          (c) => typedText(c, MAX_NAME),
          (c) => c.reply(c.t('events-ask-name-again', { max: MAX_NAME })),
        )
      }
      if (plan.asks.includes('phone')) {
        await ctx.reply(ctx.t('events-ask-phone'), { reply_markup: contactKeyboard(ctx.t) })
        fields.phone = await ask(
          (c) => {
            const contact = c.message?.contact
            return contact !== undefined && contact.user_id === c.from?.id ? contact.phone_number : undefined
          },
          (c) => {
            const key =
              c.message?.contact !== undefined
                ? 'events-ask-phone-not-yours'
                : /\d{5,}/.test(c.message?.text ?? '')
                  ? 'events-ask-phone-typed'
                  : 'events-ask-phone-again'
            return c.reply(c.t(key), { reply_markup: contactKeyboard(c.t) })
          },
        )
      }
      if (plan.asks.includes('occupation')) fields.occupation = await pickOccupation(ctx, ask, actionOf)
      if (plan.asks.includes('platform')) fields.platform = await pickPlatforms(ctx, ask, actionOf)
    }

    const answers: string[] = []
    for (const [index, question] of plan.questions.entries()) {
      if (plan.sensitive.includes(index) && !sensitiveConsent) {
        answers.push('')
        continue
      }
      await ctx.reply(tHtml(ctx.t, 'events-ask-question', { question, max: MAX_ANSWER }), {
        parse_mode: 'HTML',
        reply_markup: typingKeyboard(ctx.t),
      })
      answers.push(
        await ask(
          (c) => typedText(c, MAX_ANSWER),
          (c) => c.reply(c.t('events-ask-question-again', { max: MAX_ANSWER })),
        ),
      )
    }

    const result = await conversation.external(async (): Promise<RegistrationSummary | { kind: 'closed' | 'not-open' }> => {
      const registered = await register(db, {
        eventId,
        slotId,
        userId,
        ...fields,
        answers,
        consent: asksAnything,
        sensitiveConsent,
        now: now(),
      })
      if (!('registration' in registered)) return { kind: registered.kind }
      return summarizeRegistration(ctx.t, registered, registered.kind === 'already' ? 'already' : undefined)
    })
    if ('kind' in result) return ctx.reply(ctx.t('events-register-closed'), { reply_markup: mainKeyboard(ctx.t, ctx.user) })
    await sendSummary(ctx, result)
  }
}
