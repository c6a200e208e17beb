import { Composer, InlineKeyboard } from 'grammy'
import { forgetSuggestions } from '../../../core/station-suggestions.js'
import { listPersonalData } from '../../../db/repositories/event-listing.js'
import { deletePersonalData } from '../../../db/repositories/registrations.js'
import { listUserSuggestions } from '../../../db/repositories/station-suggestions.js'
import { findUser } from '../../../db/repositories/users.js'
import { minutesToClock, shanghaiDate } from '../../../domain/time.js'
import { eventCallbacks } from '../../callbacks/events.js'
import { onCallback } from '../../callbacks/route.js'
import type { BotContext, BotDeps } from '../../context.js'
import { formatEventMoment } from '../../ui/event-time.js'
import { escapeHtml } from '../../ui/html.js'
import { removeButtons } from '../../ui/telegram-errors.js'
import { questionAndAnswer } from './format.js'

/** /mydata: everything personal the bot stores about the worker, and a way to delete it. */
export function createMyDataFeature({ db, now }: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>()

  composer.chatType('private').command('mydata', async (ctx) => {
    const user = await findUser(db, ctx.from.id)
    const stored = await listPersonalData(db, ctx.from.id)
    const value = (text: string | null) => (text === null ? ctx.t('events-mydata-none') : escapeHtml(text))
    const sections = stored.map((row) =>
      ctx.t('events-mydata-registration', {
        title: escapeHtml(row.eventTitle),
        name: value(row.name),
        phone: value(row.phone),
        occupation: value(row.occupation),
        platform: value(row.platform),
        answers:
          row.answers.length === 0
            ? ctx.t('events-mydata-none')
            : row.answers.map((answer, i) => escapeHtml(questionAndAnswer(row.questions[i] ?? '?', answer))).join('\n'),
      }),
    )
    if (user?.lastLat != null && user.lastLng != null) {
      sections.push(
        ctx.t('events-mydata-location', {
          lat: user.lastLat.toFixed(4),
          lng: user.lastLng.toFixed(4),
          when: user.lastLocatedAt === null ? '' : formatEventMoment(ctx.t, user.lastLocatedAt),
        }),
      )
    }
    if (user?.quietStart != null && user.quietEnd != null) {
      sections.push(ctx.t('events-mydata-quiet', { start: minutesToClock(user.quietStart), end: minutesToClock(user.quietEnd) }))
    }
    const suggestions = await listUserSuggestions(db, ctx.from.id)
    if (suggestions.length > 0) {
      const items = suggestions.map((suggestion) =>
        ctx.t('suggest-mydata-item', {
          name: escapeHtml(suggestion.name),
          status: suggestion.status,
          when: shanghaiDate(suggestion.createdAt),
          lat: suggestion.lat.toFixed(4),
          lng: suggestion.lng.toFixed(4),
        }),
      )
      sections.push(ctx.t('suggest-mydata-section', { list: items.join('；') }))
    }
    // Location searches are kept without a user id: nothing to show or delete, but said all the same.
    const searches = ctx.t('events-mydata-searches')
    if (sections.length === 0) return ctx.reply([ctx.t('events-mydata-empty'), searches].join('\n\n'))
    const keyboard = new InlineKeyboard().text(ctx.t('events-button-delete-data'), eventCallbacks.deleteAsk.pack())
    await ctx.reply([ctx.t('events-mydata-title'), ...sections, searches].join('\n\n'), { parse_mode: 'HTML', reply_markup: keyboard })
  })

  onCallback(composer, eventCallbacks.deleteAsk, async (ctx) => {
    await ctx.answerCallbackQuery()
    const keyboard = new InlineKeyboard()
      .text(ctx.t('events-button-delete-confirm'), eventCallbacks.deleteConfirm.pack())
      .text(ctx.t('events-button-delete-keep'), eventCallbacks.deleteKeep.pack())
    await ctx.reply(ctx.t('events-mydata-delete-ask'), { reply_markup: keyboard })
  })
  onCallback(composer, eventCallbacks.deleteKeep, async (ctx) => {
    await ctx.answerCallbackQuery({ text: ctx.t('events-mydata-kept') })
    await removeButtons(ctx)
  })
  onCallback(composer, eventCallbacks.deleteConfirm, async (ctx) => {
    // Only ever the tapping worker's own data: the user id comes from Telegram, not from the button.
    const deleted = await deletePersonalData(db, ctx.from.id)
    const suggestions = await forgetSuggestions(db, ctx.from.id, now())
    await ctx.answerCallbackQuery()
    await removeButtons(ctx)
    const said = ctx.t('events-mydata-deleted', { registrations: deleted.registrations, location: deleted.location ? 'yes' : 'no' })
    await ctx.reply(suggestions === 0 ? said : `${said}\n${ctx.t('suggest-mydata-deleted', { count: suggestions })}`)
  })

  return composer
}
