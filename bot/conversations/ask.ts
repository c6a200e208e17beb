import { GrammyError, type InlineKeyboard } from 'grammy'
import type { BotConversation, ConversationContext } from '../context.js'

/** The buttons a question reads: a RegExp on the callback data or a predicate (a callback codec's filter works as either). */
type ButtonFilter = RegExp | ((data: string) => boolean)

type Say = (ctx: ConversationContext) => Promise<unknown>

/** What a question makes of one update: its value, or a retry with an optional hint (a reply, a keyboard edit). */
export type Answer<T> = { ok: true; value: T } | { ok: false; hint?: Say }

export const accept = <T>(value: T): Answer<T> => ({ ok: true, value })
export const retry = <T = never>(hint?: Say): Answer<T> => (hint === undefined ? { ok: false } : { ok: false, hint })

export type Question<T> = {
  /** Sent once, before the first answer is waited for. */
  prompt?: () => Promise<unknown>
  /** Buttons this question reads; a tap is answered before `read` sees it. Taps on anything else go on to the rest of the bot. */
  buttons?: ButtonFilter
  /** The form's older buttons: answered with `toast`, nothing else (they never reach the rest of the bot). */
  stale?: { buttons: ButtonFilter; toast: (ctx: ConversationContext) => string }
  /** Which other updates `read` sees (default: messages); the rest go on to the rest of the bot. */
  updates?: (ctx: ConversationContext) => boolean
  /** Updates (taken ones) that end the form and go on, unanswered, to the rest of the bot (a shared location starts the station search). */
  leaveWith?: (ctx: ConversationContext) => boolean
  /** The form's own way out (a 取消 button, a 退出 word): `say` it, then the conversation ends. */
  quit?: { when: (ctx: ConversationContext) => boolean; say: Say }
  read: (ctx: ConversationContext) => Answer<T> | Promise<Answer<T>>
}

const matches = (filter: ButtonFilter | undefined, data: string | undefined): boolean =>
  filter !== undefined && data !== undefined && (typeof filter === 'function' ? filter(data) : filter.test(data))

/**
 * Asks one question of a form and waits until `read` accepts an answer. Updates the question does
 * not take are skipped with `next`, so other features' buttons (a running broadcast's pause, a
 * station's details) keep working in the middle of a form; commands and main-keyboard taps never
 * get here, the conversations middleware leaves the form first.
 *
 * A wrong answer is a turn of its own (waited for, hinted, waited again) rather than an `otherwise`
 * that skips it: a retry can change the form's state (a toggle ticked), which must survive the
 * replay of the stored log, and the logs of conversations in progress record retries that way.
 */
export async function ask<T>(conversation: BotConversation, question: Question<T>): Promise<T> {
  await question.prompt?.()
  for (;;) {
    // `wait` is the key every stored log has for its turns (waitUntil's own would be `until`).
    const ctx = await conversation.waitUntil((update) => takes(question, update), { next: true, collationKey: 'wait' })
    if (question.leaveWith?.(ctx) === true) return conversation.halt({ next: true })
    if (ctx.callbackQuery !== undefined) {
      const stale = question.stale
      if (stale !== undefined && !matches(question.buttons, ctx.callbackQuery.data)) {
        await ctx.answerCallbackQuery({ text: stale.toast(ctx) })
        continue
      }
      await ctx.answerCallbackQuery()
    }
    if (question.quit?.when(ctx) === true) {
      await question.quit.say(ctx)
      return conversation.halt()
    }
    const answer = await question.read(ctx)
    if (answer.ok) return answer.value
    await answer.hint?.(ctx)
  }
}

function takes(question: Question<unknown>, ctx: ConversationContext): boolean {
  const data = ctx.callbackQuery?.data
  if (ctx.callbackQuery !== undefined) return matches(question.buttons, data) || matches(question.stale?.buttons, data)
  return question.updates === undefined ? ctx.message !== undefined : question.updates(ctx)
}

/** Characters as a person counts them (an emoji is one), not UTF-16 units. */
export const characters = (text: string): number => [...text].length

/** A typed answer, trimmed: the text, or why it is not one. */
export type Typed = { kind: 'text'; text: string } | { kind: 'not-text' } | { kind: 'empty' } | { kind: 'too-long'; length: number }

export function typed(ctx: ConversationContext, max: number): Typed {
  const text = ctx.message?.text?.trim()
  if (text === undefined) return { kind: 'not-text' }
  if (text === '') return { kind: 'empty' }
  const length = characters(text)
  return length > max ? { kind: 'too-long', length } : { kind: 'text', text }
}

/**
 * Shows a toggle keyboard again with its new ticks on the message tapped. When Telegram refuses
 * the edit (the message is gone or too old), `fallback` says it again in a new message.
 */
export async function editKeyboard(ctx: ConversationContext, keyboard: InlineKeyboard, fallback?: Say): Promise<void> {
  try {
    await ctx.editMessageReplyMarkup({ reply_markup: keyboard })
  } catch (error) {
    if (!(error instanceof GrammyError)) throw error
    await fallback?.(ctx)
  }
}
