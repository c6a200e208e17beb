import { InlineKeyboard } from 'grammy'
import type { BotConversation, ConversationContext } from '../../context.js'
import { parseStepData, stepData } from './callback-data.js'

/** What a step's reader makes of one update: a value, or a retry with an optional explanation. */
export type Answer<R> = { ok: true; value: R } | { ok: false; error?: string; keyboard?: InlineKeyboard }

export const accept = <R>(value: R): Answer<R> => ({ ok: true, value })
export const retry = <R>(error?: string, keyboard?: InlineKeyboard): Answer<R> => ({ ok: false, error, keyboard })

type Button = { step: string; arg?: string | number }
export type Reader<R> = (update: ConversationContext, button: Button | undefined) => Promise<Answer<R>>

/** Every question in the organizer's conversations carries a way out. */
export function withCancel(ctx: ConversationContext, keyboard = new InlineKeyboard()): InlineKeyboard {
  return keyboard.row().text(ctx.t('eventadmin-button-cancel'), stepData('stop'))
}

/**
 * Asks one question and waits until `read` accepts an answer, re-asking with its explanation on
 * bad input. Taps on buttons of other features pass through (skip); `取消` leaves the conversation.
 */
export async function ask<R>(
  conversation: BotConversation,
  ctx: ConversationContext,
  question: { text: string; keyboard?: InlineKeyboard },
  read: Reader<R>,
): Promise<R> {
  await ctx.reply(question.text, { parse_mode: 'HTML', reply_markup: withCancel(ctx, question.keyboard) })
  for (;;) {
    const update = await conversation.wait()
    // Edits, member changes and the like are not answers; other handlers may want them.
    if (update.message === undefined && update.callbackQuery === undefined) await conversation.skip({ next: true })
    let button: Button | undefined
    const data = update.callbackQuery?.data
    if (update.callbackQuery !== undefined) {
      const parsed = data === undefined ? undefined : parseStepData(data)
      if (parsed === undefined) await conversation.skip({ next: true })
      await update.answerCallbackQuery()
      if (parsed?.step === 'stop') await leave(conversation, update)
      button = parsed === undefined ? undefined : { step: parsed.step, ...(parsed.arg === undefined ? {} : { arg: parsed.arg }) }
    }
    const answer = await read(update, button)
    if (answer.ok) return answer.value
    if (answer.error !== undefined) {
      await update.reply(answer.error, { parse_mode: 'HTML', reply_markup: withCancel(ctx, answer.keyboard) })
    }
  }
}

export async function leave(conversation: BotConversation, ctx: ConversationContext): Promise<never> {
  await ctx.reply(ctx.t('conversation-cancelled'))
  return conversation.halt()
}

/** Reads a text message of 1…max characters (trimmed). */
export function textReader(ctx: ConversationContext, max: number, min = 1): Reader<string> {
  return async (update) => {
    const text = update.message?.text?.trim()
    if (text === undefined) return retry(ctx.t('eventadmin-need-text'))
    if (text.length < min || text.length > max) return retry(ctx.t('eventadmin-bad-length', { max, length: text.length }))
    return accept(text)
  }
}
