import { InlineKeyboard } from 'grammy'
import { stationAdminCallbacks, type StationFormStep } from '../../callbacks/station-admin.js'
import type { BotConversation, ConversationContext } from '../../context.js'
import { accept, ask as askQuestion, editKeyboard, retry as retryWith, typed, type Answer } from '../../conversations/ask.js'

export { accept, type Answer }

type Button = { step: StationFormStep; arg?: string }
export type Reader<R> = (update: ConversationContext, button: Button | undefined) => Promise<Answer<R>>

export const stepData = (step: StationFormStep, arg?: string): string =>
  stationAdminCallbacks.step.pack(arg === undefined ? { step } : { step, arg })

/** Every question of the station forms carries a way out. */
function withCancel(ctx: ConversationContext, keyboard = new InlineKeyboard()): InlineKeyboard {
  return keyboard.row().text(ctx.t('stationadmin-button-cancel'), stepData('stop'))
}

/** A retry that explains what was wrong (and may offer buttons); without `error` nothing is said. */
export const retry = <R = never>(error?: string, keyboard?: InlineKeyboard): Answer<R> =>
  retryWith(
    error === undefined ? undefined : (update) => update.reply(error, { parse_mode: 'HTML', reply_markup: withCancel(update, keyboard) }),
  )

/** A toggle's retry: the tapped message shows its new ticks, nothing else is said. */
export const redraw = <R = never>(keyboard: InlineKeyboard): Answer<R> =>
  retryWith((update) => editKeyboard(update, withCancel(update, keyboard)))

const buttonOf = (update: ConversationContext): Button | undefined => {
  const parsed = stationAdminCallbacks.step.unpack(update.callbackQuery?.data)
  return parsed === undefined ? undefined : { step: parsed.step, ...(parsed.arg === undefined ? {} : { arg: parsed.arg }) }
}

/**
 * Asks one question and waits until `read` accepts an answer, re-asking with its explanation on
 * bad input. Taps on buttons of other features pass through; 取消 leaves the conversation.
 */
export async function ask<R>(
  conversation: BotConversation,
  ctx: ConversationContext,
  question: { text: string; keyboard?: InlineKeyboard },
  read: Reader<R>,
): Promise<R> {
  return askQuestion(conversation, {
    prompt: () => ctx.reply(question.text, { parse_mode: 'HTML', reply_markup: withCancel(ctx, question.keyboard) }),
    buttons: (data) => stationAdminCallbacks.step.unpack(data) !== undefined,
    quit: { when: (update) => buttonOf(update)?.step === 'stop', say: (update) => update.reply(update.t('conversation-cancelled')) },
    read: (update) => read(update, buttonOf(update)),
  })
}

/** Reads a text message of 1…max characters (trimmed). */
export function textReader(ctx: ConversationContext, max: number): Reader<string> {
  return async (update) => {
    const answer = typed(update, max)
    switch (answer.kind) {
      case 'text':
        return accept(answer.text)
      case 'not-text':
        return retry(ctx.t('stationadmin-need-text'))
      case 'empty':
        return retry(ctx.t('stationadmin-bad-length', { max, length: 0 }))
      case 'too-long':
        return retry(ctx.t('stationadmin-bad-length', { max, length: answer.length }))
    }
  }
}

/** A reader that also takes 跳过, as an empty value. */
export const skippable =
  <R>(read: Reader<R>, skipped: R): Reader<R> =>
  async (update, button) =>
    button?.step === 'skip' ? accept(skipped) : read(update, button)

export const skipButton = (ctx: ConversationContext): InlineKeyboard =>
  new InlineKeyboard().text(ctx.t('stationadmin-button-skip'), stepData('skip'))
