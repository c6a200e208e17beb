import type { BotConversation, ConversationContext } from '../../context.js'
import { composeActionOf, type ComposeAction } from '../../callbacks/broadcast.js'
import type { Translate } from '../../i18n.js'

export type Input = { kind: 'action'; action: ComposeAction; ctx: ConversationContext } | { kind: 'text'; text: string; ctx: ConversationContext }

/**
 * Waits for a tap on one of the `accept`ed compose buttons (or typed text when `allowText`).
 * Buttons of earlier steps get a hint; buttons of other features and of running broadcasts
 * (pause, cancel) are passed on to the rest of the bot, so they keep working while composing.
 */
export async function nextInput(
  conversation: BotConversation,
  t: Translate,
  accept: readonly ComposeAction['kind'][],
  allowText = false,
): Promise<Input> {
  for (;;) {
    const ctx = await conversation.wait()
    const data = ctx.callbackQuery?.data
    if (data !== undefined) {
      const action = composeActionOf(data)
      if (action === undefined) await conversation.skip({ next: true })
      else if (accept.includes(action.kind)) {
        await ctx.answerCallbackQuery()
        return { kind: 'action', action, ctx }
      } else await ctx.answerCallbackQuery({ text: t('broadcast-use-latest-buttons') })
      continue
    }
    const text = ctx.message?.text
    if (allowText && text !== undefined) return { kind: 'text', text: text.trim(), ctx }
    if (ctx.message !== undefined) await ctx.reply(t('broadcast-use-buttons'))
  }
}
