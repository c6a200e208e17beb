import { InlineKeyboard } from 'grammy'
import { readDateTime } from '../../../domain/date-input.js'
import { eventAdminCallbacks } from '../../callbacks/event-admin.js'
import type { BotConversation, BotDeps, ConversationContext } from '../../context.js'
import { formatEventMoment } from '../../ui/event-time.js'
import { accept, ask, retry, type Answer } from './steps.js'

/** A reading as conversation state (JSON: no Dates). */
type Typed = { at: number; natural: boolean }

/**
 * Reads a future date and time typed in a strict format or in words (明天上午9点). A day without
 * a time, a time without a day and a past time are asked again with a hint saying what is missing.
 */
export async function readFutureDateTime(ctx: ConversationContext, text: string | undefined, clock: Date): Promise<Answer<Typed>> {
  const t = ctx.t.bind(ctx)
  if (text === undefined) return retry(t('eventadmin-bad-datetime'))
  const reading = readDateTime(text, clock)
  if (reading.kind !== 'ok') return retry(t(reading.kind === 'unknown' ? 'eventadmin-bad-datetime' : `eventadmin-datetime-${reading.kind}`))
  if (reading.at <= clock) return retry(t('eventadmin-start-past', { when: formatEventMoment(t, reading.at) }))
  return accept({ at: reading.at.getTime(), natural: reading.natural })
}

/** Echoes a date read from words ("12月5日（周六）09:00，对吗？"); true when the organizer agrees. */
export async function confirmDate(conversation: BotConversation, ctx: ConversationContext, at: Date): Promise<boolean> {
  const t = ctx.t.bind(ctx)
  const keyboard = new InlineKeyboard()
    .text(t('eventadmin-button-date-yes'), eventAdminCallbacks.step.pack({ step: 'dateok' }))
    .text(t('eventadmin-button-date-no'), eventAdminCallbacks.step.pack({ step: 'dateno' }))
  return ask<boolean>(
    conversation,
    ctx,
    { text: t('eventadmin-date-confirm', { when: formatEventMoment(t, at) }), keyboard },
    async (_update, button) => {
      if (button?.step === 'dateok') return accept(true)
      if (button?.step === 'dateno') return accept(false)
      return retry(t('eventadmin-pick-button'))
    },
  )
}

/** Asks for a future start until one is understood, echoing dates typed in words before using them. */
export async function askStart(conversation: BotConversation, ctx: ConversationContext, deps: BotDeps, question: string): Promise<Date> {
  for (let text = question; ; text = ctx.t('eventadmin-ask-start-again')) {
    const typed = await ask<Typed>(conversation, ctx, { text }, async (update) =>
      readFutureDateTime(ctx, update.message?.text, new Date(await conversation.external(() => deps.now().getTime()))),
    )
    const at = new Date(typed.at)
    if (!typed.natural || (await confirmDate(conversation, ctx, at))) return at
  }
}
