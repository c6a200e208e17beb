import { Composer, InlineKeyboard } from 'grammy'
import { findOwnRegistration, listMyRegistrations } from '../../../db/repositories/event-listing.js'
import { acceptOffer, cancelRegistration, declineOffer, waitlistPosition } from '../../../core/registration.js'
import { waitlistNotices } from '../../ui/event-notices.js'
import type { BotContext, BotDeps } from '../../context.js'
import { escapeHtml } from '../../ui/html.js'
import { eventData, parseEventData } from './callback-data.js'
import { describeRegistration, sendQr, sendSummary } from './confirmation.js'
import { formatEventMoment, formatEventSpan } from '../../ui/event-time.js'
import { myEventsKeyboard } from './keyboards.js'

/** /myevents and the buttons on a registration: QR again, cancel (with a confirm step), accept/decline an offer. */
export function createMyEventsFeature({ db, now, config }: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>()

  composer.chatType('private').command('myevents', async (ctx) => {
    const mine = await listMyRegistrations(db, ctx.from.id, now())
    if (mine.length === 0) return ctx.reply(ctx.t('events-mine-empty'))
    const lines = await Promise.all(
      mine.map(async ({ registration, event, slot }, index) =>
        ctx.t('events-mine-item', {
          n: index + 1,
          title: escapeHtml(event.title),
          time: slot === null ? formatEventSpan(ctx.t, event.startsAt, event.endsAt) : formatEventSpan(ctx.t, slot.startsAt, slot.endsAt),
          status: ctx.t(`events-status-${registration.status}`, {
            position: registration.status === 'waitlisted' ? await waitlistPosition(db, registration) : 0,
            expires: registration.offerExpiresAt === null ? '' : formatEventMoment(ctx.t, registration.offerExpiresAt),
          }),
          code: registration.status === 'confirmed' ? registration.code : 'none',
          ended: event.endsAt <= now() ? 'yes' : 'no',
        }),
      ),
    )
    await ctx.reply([ctx.t('events-mine-title'), ...lines].join('\n\n'), { parse_mode: 'HTML', reply_markup: myEventsKeyboard(ctx.t, mine) })
  })

  composer.on('callback_query:data', async (ctx, next) => {
    const action = parseEventData(ctx.callbackQuery.data)
    if (action?.kind === 'cancelKeep') {
      await ctx.answerCallbackQuery({ text: ctx.t('events-cancel-kept') })
      await ctx.editMessageReplyMarkup().catch(() => undefined)
      return
    }
    if (action === undefined || !('registrationId' in action)) return next()
    const userId = ctx.from.id
    const { registrationId } = action
    // The registration must be the tapping worker's own: data can be forged.
    const own = await findOwnRegistration(db, registrationId, userId)
    if (own === undefined) return ctx.answerCallbackQuery({ text: ctx.t('events-not-yours'), show_alert: true })
    const { registration, event } = own

    if (action.kind === 'qr') {
      if (registration.status !== 'confirmed') return ctx.answerCallbackQuery({ text: ctx.t('events-no-seat') })
      await ctx.answerCallbackQuery()
      await sendQr(ctx, registration.code)
      return
    }
    if (action.kind === 'cancel') {
      if (!['confirmed', 'offered', 'waitlisted'].includes(registration.status)) return ctx.answerCallbackQuery({ text: ctx.t('events-not-active') })
      if (now() >= event.cancelClosesAt) {
        return ctx.answerCallbackQuery({ text: ctx.t('events-cancel-too-late', { cutoff: formatEventMoment(ctx.t, event.cancelClosesAt) }), show_alert: true })
      }
      await ctx.answerCallbackQuery()
      const keyboard = new InlineKeyboard()
        .text(ctx.t('events-button-cancel-confirm'), eventData({ kind: 'cancelConfirm', registrationId }))
        .text(ctx.t('events-button-cancel-keep'), eventData({ kind: 'cancelKeep' }))
      await ctx.reply(ctx.t('events-cancel-ask', { title: escapeHtml(event.title) }), { parse_mode: 'HTML', reply_markup: keyboard })
      return
    }
    if (action.kind === 'cancelConfirm') {
      const result = await cancelRegistration(db, waitlistNotices, { registrationId, userId, now: now(), offerHours: config.waitlistOfferHours })
      if (result.outcome === 'too_late') {
        return ctx.answerCallbackQuery({ text: ctx.t('events-cancel-too-late', { cutoff: formatEventMoment(ctx.t, result.cancelClosesAt) }), show_alert: true })
      }
      if (result.outcome !== 'cancelled') return ctx.answerCallbackQuery({ text: ctx.t('events-not-active') })
      await ctx.answerCallbackQuery()
      await ctx.editMessageReplyMarkup().catch(() => undefined)
      await ctx.reply(ctx.t('events-cancelled', { title: escapeHtml(event.title) }), { parse_mode: 'HTML' })
      return
    }
    if (action.kind === 'accept') {
      const result = await acceptOffer(db, { registrationId, userId, now: now() })
      if (result.outcome === 'not_offered' && registration.status === 'confirmed') {
        await ctx.answerCallbackQuery()
        const summary = await describeRegistration(db, ctx.t, { registrationId, userId, outcome: 'already' })
        if (summary !== undefined) await sendSummary(ctx, summary)
        return
      }
      if (result.outcome !== 'confirmed') return ctx.answerCallbackQuery({ text: ctx.t(`events-offer-${result.outcome === 'expired' ? 'expired' : 'gone'}`), show_alert: true })
      await ctx.answerCallbackQuery()
      await ctx.editMessageReplyMarkup().catch(() => undefined)
      const summary = await describeRegistration(db, ctx.t, { registrationId, userId })
      if (summary !== undefined) await sendSummary(ctx, summary)
      return
    }
    if (action.kind === 'decline') {
      const result = await declineOffer(db, waitlistNotices, { registrationId, userId, now: now(), offerHours: config.waitlistOfferHours })
      if (result.outcome !== 'declined') return ctx.answerCallbackQuery({ text: ctx.t('events-offer-gone'), show_alert: true })
      await ctx.answerCallbackQuery()
      await ctx.editMessageReplyMarkup().catch(() => undefined)
      await ctx.reply(ctx.t('events-offer-declined', { title: escapeHtml(event.title) }), { parse_mode: 'HTML' })
    }
  })

  return composer
}
