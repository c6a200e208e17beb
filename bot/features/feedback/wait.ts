import type { NewFeedbackMessage } from '../../../db/repositories/feedback.js'
import type { BotConversation, ConversationContext } from '../../context.js'
import { wizardChoiceOf, type WizardChoice } from '../../callbacks/feedback.js'

/**
 * Waits for a tap on one of the form's buttons that `accept` takes. Buttons of other features
 * (and 我有话说 buttons outside the form) pass on to the rest of the bot; taps on the form's older
 * buttons and typed messages get a short hint and change nothing.
 */
export async function waitForChoice<T extends WizardChoice>(
  conversation: BotConversation,
  accept: (choice: WizardChoice) => choice is T,
  onText?: (ctx: ConversationContext, text: string) => Promise<void>,
): Promise<T> {
  for (;;) {
    const ctx = await conversation.wait()
    const data = ctx.callbackQuery?.data
    if (data !== undefined) {
      const choice = wizardChoiceOf(data)
      if (choice === undefined) await conversation.skip({ next: true })
      else if (accept(choice)) {
        await ctx.answerCallbackQuery()
        return choice
      } else await ctx.answerCallbackQuery({ text: ctx.t('feedback-stale') })
      continue
    }
    const text = ctx.message?.text
    if (text !== undefined && onText !== undefined) await onText(ctx, text)
    else await ctx.reply(ctx.t('feedback-use-buttons'))
  }
}

/** Waits for the worker's or organizer's content: text (within `maxText`), a photo (with caption) or a voice message. */
export async function waitForContent(
  conversation: BotConversation,
  options: { maxText: number; voice: boolean; photo: boolean },
): Promise<NewFeedbackMessage> {
  for (;;) {
    const ctx = await conversation.wait()
    if (ctx.callbackQuery !== undefined) {
      if (wizardChoiceOf(ctx.callbackQuery.data) === undefined) await conversation.skip({ next: true })
      await ctx.answerCallbackQuery({ text: ctx.t('feedback-stale') })
      continue
    }
    const message = ctx.message
    if (message?.text !== undefined) {
      const length = [...message.text].length
      if (length > options.maxText) {
        await ctx.reply(ctx.t('feedback-too-long', { max: String(options.maxText), length: String(length) }))
        continue
      }
      if (message.text.trim() !== '') return { kind: 'text', text: message.text, fileId: null }
    }
    const photo = message?.photo?.at(-1)
    if (photo !== undefined && options.photo) return { kind: 'photo', text: message?.caption ?? '', fileId: photo.file_id }
    if (message?.voice !== undefined && options.voice) return { kind: 'voice', text: '', fileId: message.voice.file_id }
    await ctx.reply(ctx.t(options.voice ? 'feedback-content-hint' : options.photo ? 'feedback-reply-hint' : 'feedback-note-hint'))
  }
}
