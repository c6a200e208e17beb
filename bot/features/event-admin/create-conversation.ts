import { InlineKeyboard } from 'grammy'
import { createEvent } from '../../../db/repositories/events.js'
import { canManage } from '../../../db/repositories/roles.js'
import { eventAskFields, eventKind, type EventAskField, type EventKind } from '../../../db/schema/index.js'
import { eventAdminCallbacks } from '../../callbacks/event-admin.js'
import type { BotConversation, BotDeps, ConversationContext } from '../../context.js'
import { askStart } from './date-step.js'
import { asksText, cardText, slotsText } from './format.js'
import { askPlace, type PlaceChoice } from './place-step.js'
import { askSlots } from './slots-step.js'
import { accept, ask, leave, redraw, retry, textReader } from './steps.js'
import { parseTimeOnDay } from './time-input.js'

const HOUR = 3_600_000
const MAX_LENGTH_DAYS = 31

/** `/newevent`: every answer is checked on the spot, and nothing is stored before the preview. */
export function createEventConversation(deps: BotDeps) {
  const now = async (conversation: BotConversation) => new Date(await conversation.external(() => deps.now().getTime()))

  return async function createEventFlow(conversation: BotConversation, ctx: ConversationContext): Promise<void> {
    const t = ctx.t.bind(ctx)
    const kinds = new InlineKeyboard()
    eventKind.enumValues.forEach((kind, index) => {
      kinds.text(t(`eventadmin-kind-${kind}`), eventAdminCallbacks.step.pack({ step: 'kind', arg: kind }))
      if (index % 2 === 1) kinds.row()
    })
    const kind = await ask<EventKind>(conversation, ctx, { text: t('eventadmin-ask-kind'), keyboard: kinds }, async (_update, button) => {
      const picked = eventKind.enumValues.find((value) => button?.step === 'kind' && value === button.arg)
      return picked === undefined ? retry(t('eventadmin-pick-button')) : accept<EventKind>(picked)
    })
    const title = await ask(conversation, ctx, { text: t('eventadmin-ask-title') }, textReader(ctx, 60))
    const description = await ask(
      conversation,
      ctx,
      {
        text: t('eventadmin-ask-description'),
        keyboard: new InlineKeyboard().text(t('eventadmin-button-skip'), eventAdminCallbacks.step.pack({ step: 'skip' })),
      },
      async (update, button) => (button?.step === 'skip' ? accept('') : textReader(ctx, 1000)(update, button)),
    )
    const place: PlaceChoice = await askPlace(conversation, ctx, deps)

    const startsAt = await askStart(conversation, ctx, deps, t('eventadmin-ask-start'))

    const endsAt = await ask<number>(conversation, ctx, { text: t('eventadmin-ask-end') }, async (update) => {
      const text = update.message?.text
      const value = text === undefined ? undefined : parseTimeOnDay(text, startsAt, await now(conversation))
      if (value === undefined) return retry(t('eventadmin-bad-time'))
      if (value <= startsAt) return retry(t('eventadmin-end-before-start'))
      if (value.getTime() - startsAt.getTime() > MAX_LENGTH_DAYS * 24 * HOUR) return retry(t('eventadmin-too-long'))
      return accept(value.getTime())
    }).then((ms) => new Date(ms))

    const typedCapacity = await ask<number>(conversation, ctx, { text: t('eventadmin-ask-capacity') }, async (update) => {
      const value = parseCapacity(update.message?.text)
      return value === undefined ? retry(t('eventadmin-bad-capacity')) : accept(value)
    })
    const { slots, capacity } = await askSlots(conversation, ctx, { startsAt, endsAt, capacity: typedCapacity })

    const byDefault = (label: string) => new InlineKeyboard().text(label, eventAdminCallbacks.step.pack({ step: 'default' }))
    const registrationClosesAt = await ask<number>(
      conversation,
      ctx,
      { text: t('eventadmin-ask-closes'), keyboard: byDefault(t('eventadmin-button-closes-default')) },
      async (update, button) => {
        if (button?.step === 'default') return accept(startsAt.getTime())
        const clock = await now(conversation)
        const value = update.message?.text === undefined ? undefined : parseTimeOnDay(update.message.text, startsAt, clock)
        if (value === undefined) return retry(t('eventadmin-bad-time'))
        if (value <= clock || value > endsAt) return retry(t('eventadmin-closes-out-of-range'))
        return accept(value.getTime())
      },
    ).then((ms) => new Date(ms))

    const cancelClosesAt = await ask<number>(
      conversation,
      ctx,
      { text: t('eventadmin-ask-cancel-cutoff'), keyboard: byDefault(t('eventadmin-button-cutoff-default')) },
      async (update, button) => {
        if (button?.step === 'default') return accept(startsAt.getTime() - 2 * HOUR)
        const value =
          update.message?.text === undefined ? undefined : parseTimeOnDay(update.message.text, startsAt, await now(conversation))
        if (value === undefined) return retry(t('eventadmin-bad-time'))
        return value > startsAt ? retry(t('eventadmin-cutoff-after-start')) : accept(value.getTime())
      },
    ).then((ms) => new Date(ms))

    const asks = await askFields(conversation, ctx)
    const questions: string[] = []
    const sensitiveQuestions: number[] = []
    while (questions.length < 3) {
      const done = new InlineKeyboard().text(
        t(questions.length === 0 ? 'eventadmin-button-skip' : 'eventadmin-button-done'),
        eventAdminCallbacks.step.pack({ step: 'done' }),
      )
      const question = await ask(
        conversation,
        ctx,
        { text: t('eventadmin-ask-question', { number: questions.length + 1 }), keyboard: done },
        async (update, button) => (button?.step === 'done' ? accept('') : textReader(ctx, 200)(update, button)),
      )
      if (question === '') break
      questions.push(question)
      // Health, ID numbers and the like get their own consent from the rider (PIPL art. 29).
      const kinds = new InlineKeyboard()
        .text(t('eventadmin-button-question-plain'), eventAdminCallbacks.step.pack({ step: 'qplain' }))
        .row()
        .text(t('eventadmin-button-question-sensitive'), eventAdminCallbacks.step.pack({ step: 'qsens' }))
      const isSensitive = await ask<boolean>(
        conversation,
        ctx,
        { text: t('eventadmin-ask-sensitive'), keyboard: kinds },
        async (_update, button) =>
          button?.step === 'qplain' ? accept(false) : button?.step === 'qsens' ? accept(true) : retry(t('eventadmin-pick-button')),
      )
      if (isSensitive) sensitiveQuestions.push(questions.length - 1)
    }

    const card = { kind, title, description, place: place.label, startsAt, endsAt, capacity, registrationClosesAt, cancelClosesAt }
    const preview = [
      t('eventadmin-preview-header'),
      cardText(t, card, slots),
      slotsText(t, slots),
      asksText(t, asks, questions, sensitiveQuestions),
    ].join('\n\n')
    const finish = new InlineKeyboard()
      .text(t('eventadmin-button-publish'), eventAdminCallbacks.step.pack({ step: 'publish' }))
      .text(t('eventadmin-button-save-draft'), eventAdminCallbacks.step.pack({ step: 'draft' }))
      .row()
      .text(t('eventadmin-button-discard'), eventAdminCallbacks.step.pack({ step: 'discard' }))
    const choice = await ask<'publish' | 'draft' | 'discard'>(
      conversation,
      ctx,
      { text: preview, keyboard: finish },
      async (_update, button) =>
        button?.step === 'publish' || button?.step === 'draft' || button?.step === 'discard'
          ? accept(button.step)
          : retry(t('eventadmin-pick-button')),
    )
    if (choice === 'discard') await leave(conversation, ctx)

    const created = await conversation.external(async (outside) => {
      // The organizer's rights are checked again: they may have been withdrawn during the conversation.
      const user = outside.user
      if (user === undefined || !(await canManage(deps.db, user, { city: place.city, stationId: place.stationId }))) return undefined
      const event = await createEvent(
        deps.db,
        {
          kind,
          title,
          description,
          stationId: place.stationId,
          address: place.address,
          city: place.city,
          lat: place.lat,
          lng: place.lng,
          startsAt,
          endsAt,
          registrationClosesAt,
          cancelClosesAt,
          capacity,
          asks,
          questions,
          sensitiveQuestions,
          createdBy: user.id,
        },
        slots,
        { publish: choice === 'publish', now: deps.now() },
      )
      return event.id
    })
    if (created === undefined) {
      await ctx.reply(t('eventadmin-not-allowed'))
      return
    }
    await ctx.reply(t(choice === 'publish' ? 'eventadmin-created-published' : 'eventadmin-created-draft', { title }), {
      reply_markup: new InlineKeyboard().text(t('eventadmin-button-open'), eventAdminCallbacks.panel.pack({ eventId: created })),
    })
  }
}

export function parseCapacity(text: string | undefined): number | undefined {
  const trimmed = text?.trim().replace(/[人名个位]$/, '')
  if (trimmed === undefined || !/^\d{1,5}$/.test(trimmed)) return undefined
  const value = Number(trimmed)
  return value >= 1 && value <= 10_000 ? value : undefined
}

/** Toggle buttons for the personal fields to ask, with ✅ on the chosen ones. */
async function askFields(conversation: BotConversation, ctx: ConversationContext): Promise<EventAskField[]> {
  const chosen = new Set<EventAskField>()
  const keyboard = () => {
    const markup = new InlineKeyboard()
    eventAskFields.forEach((field, index) => {
      markup.text(
        `${chosen.has(field) ? '✅ ' : ''}${ctx.t(`eventadmin-field-${field}`)}`,
        eventAdminCallbacks.step.pack({ step: 'ask', arg: field }),
      )
      if (index % 2 === 1) markup.row()
    })
    return markup.row().text(ctx.t('eventadmin-button-done'), eventAdminCallbacks.step.pack({ step: 'done' }))
  }
  await ask(conversation, ctx, { text: ctx.t('eventadmin-ask-fields'), keyboard: keyboard() }, async (_update, button) => {
    if (button?.step === 'done') return accept(true)
    const field = eventAskFields.find((known) => button?.step === 'ask' && known === button.arg)
    if (field === undefined) return retry(ctx.t('eventadmin-pick-button'))
    if (chosen.has(field)) chosen.delete(field)
    else chosen.add(field)
    return redraw(keyboard())
  })
  return eventAskFields.filter((field) => chosen.has(field))
}
