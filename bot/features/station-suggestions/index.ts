import { createConversation } from '@grammyjs/conversations'
import { Composer } from 'grammy'
import { MAX_PENDING_SUGGESTIONS } from '../../../core/station-suggestions.js'
import { countPendingSuggestions } from '../../../db/repositories/station-suggestions.js'
import { onCallback } from '../../callbacks/route.js'
import { suggestionCallbacks, suggestionsStale } from '../../callbacks/station-suggestions.js'
import type { BotContext, BotDeps } from '../../context.js'
import { conversationIds } from '../../conversations/ids.js'
import { createDeclineConversation } from './decline-conversation.js'
import { createReviewFeature } from './review.js'
import { createSuggestConversation } from './suggest-conversation.js'

/**
 * 推荐一个驿站: riders suggest a place that is not on the map yet (/suggest, or the button under
 * a short nearest list); organizers review them in /suggestions, approve (which creates the
 * station, after the duplicate check) or decline with a reason; the rider is told either way.
 */
export function createStationSuggestionsFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>()
  composer.use(createConversation(createSuggestConversation(deps), conversationIds.suggestStation))
  composer.use(createConversation(createDeclineConversation(deps), conversationIds.declineSuggestion))

  const start = async (ctx: BotContext) => {
    if (ctx.user !== undefined && (await countPendingSuggestions(deps.db, ctx.user.id)) >= MAX_PENDING_SUGGESTIONS) {
      return ctx.reply(ctx.t('suggest-too-many', { max: MAX_PENDING_SUGGESTIONS }))
    }
    await ctx.conversation.exitAll()
    await ctx.conversation.enter(conversationIds.suggestStation)
  }
  composer.chatType('private').command('suggest', start)
  onCallback(composer, suggestionCallbacks.start, async (ctx) => {
    await ctx.answerCallbackQuery()
    await start(ctx)
  })
  composer.use(createReviewFeature(deps))
  // A form button tapped after its form ended, or data nobody built: say so, change nothing.
  composer.callbackQuery(suggestionsStale, (ctx) => ctx.answerCallbackQuery({ text: ctx.t('suggest-stale') }))
  return composer
}
