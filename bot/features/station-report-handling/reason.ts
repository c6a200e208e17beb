import type { BotConversation, ConversationContext } from '../../context.js'
import { accept, ask, retry, typed } from '../../conversations/ask.js'

/** How long a dismissal's reason may be: it is sent to every reporter in one message. */
const MAX_REASON = 200

/** The reason for ❌ 驳回, typed by the organizer; anything but text is asked again. */
export async function askReason(conversation: BotConversation, ctx: ConversationContext): Promise<string> {
  return ask(conversation, {
    prompt: () => ctx.reply(ctx.t('rh-reason-prompt', { max: MAX_REASON })),
    read: (update) => {
      const answer = typed(update, MAX_REASON)
      if (answer.kind === 'text') return accept(answer.text)
      if (answer.kind === 'too-long') return retry((c) => c.reply(c.t('rh-reason-too-long', { max: MAX_REASON, length: answer.length })))
      return retry((c) => c.reply(c.t('rh-reason-not-text')))
    },
  })
}
