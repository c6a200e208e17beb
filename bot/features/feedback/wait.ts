import type { NewFeedbackMessage } from '../../../db/repositories/feedback.js'
import { wizardChoiceOf, type WizardChoice } from '../../callbacks/feedback.js'
import type { BotConversation, ConversationContext } from '../../context.js'
import { accept, ask, characters, retry } from '../../conversations/ask.js'

const choiceOf = (data: string): WizardChoice | undefined => wizardChoiceOf(data)
const isWizard = (data: string) => choiceOf(data) !== undefined
const stale = { buttons: isWizard, toast: (ctx: ConversationContext) => ctx.t('feedback-stale') }

/**
 * Waits for a tap on one of the form's buttons that `accept` takes. Buttons of other features
 * (and 我有话说 buttons outside the form) pass on to the rest of the bot; taps on the form's older
 * buttons and typed messages get a short hint and change nothing.
 */
export async function waitForChoice<T extends WizardChoice>(
  conversation: BotConversation,
  accepts: (choice: WizardChoice) => choice is T,
  onText?: (ctx: ConversationContext, text: string) => Promise<void>,
): Promise<T> {
  const taken = (data: string | undefined): T | undefined => {
    const choice = data === undefined ? undefined : choiceOf(data)
    return choice !== undefined && accepts(choice) ? choice : undefined
  }
  return ask(conversation, {
    buttons: (data) => taken(data) !== undefined,
    stale,
    updates: () => true,
    read: (ctx) => {
      const choice = taken(ctx.callbackQuery?.data)
      if (choice !== undefined) return accept(choice)
      const text = ctx.message?.text
      if (text !== undefined && onText !== undefined) return retry((c) => onText(c, text))
      return retry((c) => c.reply(c.t('feedback-use-buttons')))
    },
  })
}

/** Waits for the worker's or organizer's content: text (within `maxText`), a photo (with caption) or a voice message. */
export async function waitForContent(
  conversation: BotConversation,
  options: { maxText: number; voice: boolean; photo: boolean },
): Promise<NewFeedbackMessage> {
  return ask(conversation, {
    stale,
    updates: () => true,
    read: (ctx) => {
      const message = ctx.message
      if (message?.text !== undefined) {
        const length = characters(message.text)
        if (length > options.maxText)
          return retry((c) => c.reply(c.t('feedback-too-long', { max: String(options.maxText), length: String(length) })))
        if (message.text.trim() !== '') return accept({ kind: 'text', text: message.text, fileId: null })
      }
      const photo = message?.photo?.at(-1)
      if (photo !== undefined && options.photo) return accept({ kind: 'photo', text: message?.caption ?? '', fileId: photo.file_id })
      if (message?.voice !== undefined && options.voice) return accept({ kind: 'voice', text: '', fileId: message.voice.file_id })
      return retry((c) =>
        c.reply(c.t(options.voice ? 'feedback-content-hint' : options.photo ? 'feedback-reply-hint' : 'feedback-note-hint')),
      )
    },
  })
}
