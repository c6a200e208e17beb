import { InlineKeyboard } from 'grammy'
import type { SuggestionNotices } from '../../../core/station-suggestions.js'
import { enqueueMessages } from '../../../db/repositories/outbox.js'
import { findUser } from '../../../db/repositories/users.js'
import { suggestionCallbacks } from '../../callbacks/station-suggestions.js'
import { translate, userLocale, type Locale } from '../../i18n.js'

async function localeOf(db: Parameters<SuggestionNotices['rider']>[0], userId: number): Promise<Locale> {
  const user = await findUser(db, userId)
  return user === undefined ? 'zh' : userLocale(user)
}

/**
 * The suggestion notices, queued in the caller's transaction: the owner hears of a new suggestion
 * (with a button to the review list), the rider of the decision.
 */
export const suggestionNotices: SuggestionNotices = {
  async organizer(tx, organizerId, ticket, _key, dedupeKey) {
    const locale = await localeOf(tx, organizerId)
    const button = new InlineKeyboard().text(translate(locale, 'suggest-button-review'), suggestionCallbacks.list.pack())
    await enqueueMessages(tx, [
      {
        userId: organizerId,
        kind: 'suggestion-notice',
        payload: {
          method: 'sendMessage',
          text: translate(locale, 'suggest-notice-new', { number: ticket.number }),
          replyMarkup: { inline_keyboard: button.inline_keyboard },
        },
        dedupeKey,
      },
    ])
  },
  async rider(tx, suggestion, outcome) {
    const locale = await localeOf(tx, suggestion.userId)
    const text =
      outcome.kind === 'approved'
        ? translate(locale, 'suggest-notice-approved', { name: outcome.stationName })
        : translate(locale, 'suggest-notice-declined', { name: suggestion.name, reason: outcome.reason })
    await enqueueMessages(tx, [
      {
        userId: suggestion.userId,
        kind: 'suggestion-decided',
        payload: { method: 'sendMessage', text },
        dedupeKey: `suggestion-decided:${suggestion.id}`,
      },
    ])
  },
}
