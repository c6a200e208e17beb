import { composeActionOf, type ComposeAction } from '../../callbacks/broadcast.js'
import type { BotConversation, ConversationContext } from '../../context.js'
import { accept, ask, retry } from '../../conversations/ask.js'
import type { Translate } from '../../i18n.js'

export type Input =
  { kind: 'action'; action: ComposeAction; ctx: ConversationContext } | { kind: 'text'; text: string; ctx: ConversationContext }

/** The compose form's buttons of earlier steps: a hint, nothing else. */
export const staleComposeButtons = (t: Translate) => ({
  buttons: (data: string) => composeActionOf(data) !== undefined,
  toast: () => t('broadcast-use-latest-buttons'),
})

/**
 * Waits for a tap on one of the `accept`ed compose buttons (or typed text when `allowText`).
 * Buttons of earlier steps get a hint; buttons of other features and of running broadcasts
 * (pause, cancel) are passed on to the rest of the bot, so they keep working while composing.
 */
export async function nextInput(
  conversation: BotConversation,
  t: Translate,
  accepts: readonly ComposeAction['kind'][],
  allowText = false,
): Promise<Input> {
  const taken = (data: string | undefined) => {
    const action = data === undefined ? undefined : composeActionOf(data)
    return action !== undefined && accepts.includes(action.kind) ? action : undefined
  }
  return ask<Input>(conversation, {
    buttons: (data) => taken(data) !== undefined,
    stale: staleComposeButtons(t),
    updates: () => true,
    read: (ctx) => {
      const action = taken(ctx.callbackQuery?.data)
      if (action !== undefined) return accept({ kind: 'action', action, ctx })
      const text = ctx.message?.text
      if (allowText && text !== undefined) return accept({ kind: 'text', text: text.trim(), ctx })
      // Anything that is not a message (an edit, say) is let go without a word.
      return retry(ctx.message === undefined ? undefined : (c) => c.reply(t('broadcast-use-buttons')))
    },
  })
}
