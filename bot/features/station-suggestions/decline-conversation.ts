import { declineSuggestion } from '../../../core/station-suggestions.js'
import { findUser } from '../../../db/repositories/users.js'
import { suggestionCallbacks } from '../../callbacks/station-suggestions.js'
import { requireUserId, type BotConversation, type BotDeps, type ConversationContext } from '../../context.js'
import { accept, ask, retry, typed } from '../../conversations/ask.js'
import { tHtml } from '../../ui/html.js'
import { reasonsKeyboard, withCancel } from './keyboards.js'
import { suggestionNotices } from './notices.js'

const MAX_REASON = 200

const isCancel = (ctx: ConversationContext) => suggestionCallbacks.step.unpack(ctx.callbackQuery?.data)?.step === 'cancel'

/** ❌ 不通过: a preset reason or a typed one, then the suggestion is declined and the rider told why. */
export function createDeclineConversation(deps: BotDeps) {
  return async function declineFlow(conversation: BotConversation, ctx: ConversationContext, suggestionId: number): Promise<void> {
    const reason = await ask(conversation, {
      prompt: () => ctx.reply(ctx.t('suggest-ask-reason', { id: suggestionId, max: MAX_REASON }), { reply_markup: reasonsKeyboard(ctx.t) }),
      buttons: (data) => suggestionCallbacks.reason.unpack(data) !== undefined || suggestionCallbacks.step.unpack(data)?.step === 'cancel',
      quit: { when: isCancel, say: (update) => update.reply(update.t('suggest-decline-cancelled')) },
      read: (update) => {
        const preset = suggestionCallbacks.reason.unpack(update.callbackQuery?.data)
        if (preset !== undefined) return accept(update.t(`suggest-reason-${preset.reason}`))
        const answer = typed(update, MAX_REASON)
        if (answer.kind === 'text') return accept(answer.text)
        const key = answer.kind === 'too-long' ? 'suggest-too-long' : 'suggest-need-reason'
        const length = answer.kind === 'too-long' ? answer.length : 0
        return retry((c) => c.reply(c.t(key, { max: MAX_REASON, length }), { reply_markup: withCancel(c.t) }))
      },
    })
    const organizerId = requireUserId(ctx)
    const result = await conversation.external(async () => {
      const organizer = await findUser(deps.db, organizerId)
      const outcome = await declineSuggestion(deps, suggestionNotices, organizer, suggestionId, reason)
      return outcome.kind === 'declined' || outcome.kind === 'decided'
        ? { kind: outcome.kind, name: outcome.suggestion.name, status: outcome.suggestion.status }
        : { kind: outcome.kind }
    })
    if (result.kind === 'declined') {
      await ctx.reply(tHtml(ctx.t, 'suggest-declined-done', { name: result.name ?? '', reason }), { parse_mode: 'HTML' })
    } else if (result.kind === 'decided') {
      await ctx.reply(ctx.t('suggest-already-decided', { status: result.status ?? '' }))
    } else {
      await ctx.reply(ctx.t(result.kind === 'forbidden' ? 'suggest-forbidden' : 'suggest-gone'))
    }
  }
}
