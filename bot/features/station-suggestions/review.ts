import { Composer, type CallbackQueryContext } from 'grammy'
import { approveSuggestion, mayReview, type Choice, type DecideResult } from '../../../core/station-suggestions.js'
import { isOrganizer } from '../../../db/repositories/roles.js'
import { findSuggestion, listPendingSuggestions } from '../../../db/repositories/station-suggestions.js'
import { findUser } from '../../../db/repositories/users.js'
import { onCallback } from '../../callbacks/route.js'
import { suggestionCallbacks } from '../../callbacks/station-suggestions.js'
import { requireUserId, type BotContext, type BotDeps } from '../../context.js'
import { conversationIds } from '../../conversations/ids.js'
import { tHtml } from '../../ui/html.js'
import { removeButtons } from '../../ui/telegram-errors.js'
import { formatDuplicates, formatReviewCard } from './format.js'
import { duplicatesKeyboard, reviewKeyboard } from './keyboards.js'
import { suggestionNotices } from './notices.js'

const LISTED = 10

/** `/suggestions`: organizers review riders' suggestions in their scope, approve (with the duplicate check) or decline. */
export function createReviewFeature(deps: BotDeps): Composer<BotContext> {
  const { db } = deps
  const composer = new Composer<BotContext>()

  async function showPending(ctx: BotContext) {
    if (ctx.user === undefined || !isOrganizer(ctx.user)) return ctx.reply(ctx.t('suggest-not-organizer'))
    const pending = await listPendingSuggestions(db, ctx.user, LISTED)
    if (pending.length === 0) return ctx.reply(ctx.t('suggest-list-empty'))
    await ctx.reply(ctx.t('suggest-list-title', { count: pending.length }), { parse_mode: 'HTML' })
    for (const suggestion of pending) {
      await ctx.replyWithVenue(suggestion.lat, suggestion.lng, suggestion.name, ctx.t('suggest-venue-address', { id: suggestion.id }))
      const text = formatReviewCard(ctx.t, suggestion)
      const reply_markup = reviewKeyboard(ctx.t, suggestion)
      if (suggestion.photoFileId === null) await ctx.reply(text, { parse_mode: 'HTML', reply_markup })
      else await ctx.replyWithPhoto(suggestion.photoFileId, { caption: text, parse_mode: 'HTML', reply_markup })
    }
  }

  async function answer(ctx: CallbackQueryContext<BotContext>, result: DecideResult) {
    switch (result.kind) {
      case 'approved':
        await ctx.answerCallbackQuery({ text: ctx.t('suggest-approved-toast') })
        await removeButtons(ctx)
        return ctx.reply(
          tHtml(ctx.t, result.created ? 'suggest-approved-created' : 'suggest-approved-linked', {
            name: result.station.name,
            id: result.station.id,
          }),
          { parse_mode: 'HTML' },
        )
      case 'duplicates':
        await ctx.answerCallbackQuery()
        return ctx.reply(formatDuplicates(ctx.t, result.suggestion.name, result.candidates), {
          parse_mode: 'HTML',
          reply_markup: duplicatesKeyboard(ctx.t, result.suggestion.id, result.candidates),
        })
      case 'decided':
        await removeButtons(ctx)
        return ctx.answerCallbackQuery({ text: ctx.t('suggest-already-decided', { status: result.suggestion.status }), show_alert: true })
      case 'declined':
        return ctx.answerCallbackQuery()
      case 'forbidden':
      case 'gone':
        return ctx.answerCallbackQuery({ text: ctx.t(`suggest-${result.kind}`), show_alert: result.kind === 'forbidden' })
    }
  }

  async function approve(ctx: CallbackQueryContext<BotContext>, suggestionId: number, choice: Choice) {
    // The role is read again: the button may be old, or its data forged.
    const organizer = await findUser(db, requireUserId(ctx))
    return answer(ctx, await approveSuggestion(deps, suggestionNotices, organizer, suggestionId, choice))
  }

  const privateChats = composer.chatType('private')
  privateChats.command('suggestions', showPending)
  onCallback(composer, suggestionCallbacks.list, async (ctx) => {
    await ctx.answerCallbackQuery()
    await showPending(ctx)
  })
  onCallback(composer, suggestionCallbacks.approve, (ctx, { suggestionId }) => approve(ctx, suggestionId, { kind: 'check' }))
  onCallback(composer, suggestionCallbacks.create, (ctx, { suggestionId }) => approve(ctx, suggestionId, { kind: 'create' }))
  onCallback(composer, suggestionCallbacks.link, (ctx, { suggestionId, stationId }) =>
    approve(ctx, suggestionId, { kind: 'link', stationId }),
  )
  onCallback(composer, suggestionCallbacks.decline, async (ctx, { suggestionId }) => {
    const organizer = await findUser(db, requireUserId(ctx))
    const suggestion = await findSuggestion(db, suggestionId)
    if (suggestion === undefined) return answer(ctx, { kind: 'gone' })
    if (!(await mayReview(db, organizer, suggestion))) return answer(ctx, { kind: 'forbidden' })
    if (suggestion.status !== 'pending') return answer(ctx, { kind: 'decided', suggestion })
    await ctx.answerCallbackQuery()
    await ctx.conversation.exitAll()
    await ctx.conversation.enter(conversationIds.declineSuggestion, suggestionId)
  })
  return composer
}
