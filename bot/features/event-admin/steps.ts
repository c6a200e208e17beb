import { InlineKeyboard } from 'grammy'
import { eventAdminCallbacks, type FormStep } from '../../callbacks/event-admin.js'
import type { BotConversation, ConversationContext } from '../../context.js'
import { accept, ask as askQuestion, editKeyboard, retry as retryWith, typed, type Answer } from '../../conversations/ask.js'

export { accept, type Answer }

/** A retry that explains what was wrong (and may offer buttons); without `error` nothing is said. */
export const retry = <R = never>(error?: string, keyboard?: InlineKeyboard): Answer<R> =>
  retryWith(
    error === undefined ? undefined : (update) => update.reply(error, { parse_mode: 'HTML', reply_markup: withCancel(update, keyboard) }),
  )

/** A toggle's retry: the tapped message shows its new ticks, nothing else is said. */
export const redraw = <R = never>(keyboard: InlineKeyboard): Answer<R> =>
  retryWith((update) => editKeyboard(update, withCancel(update, keyboard)))

type Button = { step: FormStep; arg?: string }
export type Reader<R> = (update: ConversationContext, button: Button | undefined) => Promise<Answer<R>>

/** Every question in the organizer's conversations carries a way out. */
export function withCancel(ctx: ConversationContext, keyboard = new InlineKeyboard()): InlineKeyboard {
  return keyboard.row().text(ctx.t('eventadmin-button-cancel'), eventAdminCallbacks.step.pack({ step: 'stop' }))
}

const buttonOf = (update: ConversationContext): Button | undefined => {
  const parsed = update.callbackQuery?.data === undefined ? undefined : eventAdminCallbacks.step.unpack(update.callbackQuery.data)
  return parsed === undefined ? undefined : { step: parsed.step, ...(parsed.arg === undefined ? {} : { arg: parsed.arg }) }
}

/**
 * Asks one question and waits until `read` accepts an answer, re-asking with its explanation on
 * bad input. Taps on buttons of other features pass through; `取消` leaves the conversation.
 */
export async function ask<R>(
  conversation: BotConversation,
  ctx: ConversationContext,
  question: { text: string; keyboard?: InlineKeyboard },
  read: Reader<R>,
): Promise<R> {
  return askQuestion(conversation, {
    prompt: () => ctx.reply(question.text, { parse_mode: 'HTML', reply_markup: withCancel(ctx, question.keyboard) }),
    buttons: (data) => eventAdminCallbacks.step.unpack(data) !== undefined,
    quit: { when: (update) => buttonOf(update)?.step === 'stop', say: (update) => update.reply(update.t('conversation-cancelled')) },
    read: (update) => read(update, buttonOf(update)),
  })
}

export async function leave(conversation: BotConversation, ctx: ConversationContext): Promise<never> {
  await ctx.reply(ctx.t('conversation-cancelled'))
  return conversation.halt()
}

/** Reads a text message of 1…max characters (trimmed). */
export function textReader(ctx: ConversationContext, max: number): Reader<string> {
  return async (update) => {
    const answer = typed(update, max)
    switch (answer.kind) {
      case 'text':
        return accept(answer.text)
      case 'not-text':
        return retry(ctx.t('eventadmin-need-text'))
      case 'empty':
        return retry(ctx.t('eventadmin-bad-length', { max, length: 0 }))
      case 'too-long':
        return retry(ctx.t('eventadmin-bad-length', { max, length: answer.length }))
    }
  }
}
