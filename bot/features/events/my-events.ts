import { Composer, InlineKeyboard, type CallbackQueryContext } from 'grammy'
import { acceptOffer, cancelRegistration, declineOffer, waitlistPosition } from '../../../core/registration.js'
import { findOwnRegistration, listMyRegistrations } from '../../../db/repositories/event-listing.js'
import { isActiveRegistration } from '../../../db/schema/index.js'
import { eventCallbacks } from '../../callbacks/events.js'
import { onCallback } from '../../callbacks/route.js'
import type { BotContext, BotDeps } from '../../context.js'
import { waitlistNotices } from '../../ui/event-notices.js'
import { formatEventMoment, formatEventSpan } from '../../ui/event-time.js'
import { escapeHtml, tHtml } from '../../ui/html.js'
import { removeButtons } from '../../ui/telegram-errors.js'
import { describeRegistration, sendQr, sendSummary } from './confirmation.js'
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
    await ctx.reply([ctx.t('events-mine-title'), ...lines].join('\n\n'), {
      parse_mode: 'HTML',
      reply_markup: myEventsKeyboard(ctx.t, mine),
    })
  })

  onCallback(composer, eventCallbacks.cancelKeep, async (ctx) => {
    await ctx.answerCallbackQuery({ text: ctx.t('events-cancel-kept') })
    await removeButtons(ctx)
  })

  /** The registration must be the tapping worker's own: data can be forged. */
  async function ownRegistration(ctx: CallbackQueryContext<BotContext>, registrationId: number) {
    const own = await findOwnRegistration(db, registrationId, ctx.from.id)
    if (own === undefined) await ctx.answerCallbackQuery({ text: ctx.t('events-not-yours'), show_alert: true })
    return own
  }

  onCallback(composer, eventCallbacks.qr, async (ctx, { registrationId }) => {
    const own = await ownRegistration(ctx, registrationId)
    if (own === undefined) return
    if (own.registration.status !== 'confirmed') return ctx.answerCallbackQuery({ text: ctx.t('events-no-seat') })
    await ctx.answerCallbackQuery()
    await sendQr(ctx, own.registration.code)
  })

  onCallback(composer, eventCallbacks.cancel, async (ctx, { registrationId }) => {
    const own = await ownRegistration(ctx, registrationId)
    if (own === undefined) return
    const { registration, event } = own
    if (!isActiveRegistration(registration.status)) return ctx.answerCallbackQuery({ text: ctx.t('events-not-active') })
    if (now() >= event.cancelClosesAt) {
      return ctx.answerCallbackQuery({
        text: ctx.t('events-cancel-too-late', { cutoff: formatEventMoment(ctx.t, event.cancelClosesAt) }),
        show_alert: true,
      })
    }
    await ctx.answerCallbackQuery()
    const keyboard = new InlineKeyboard()
      .text(ctx.t('events-button-cancel-confirm'), eventCallbacks.cancelConfirm.pack({ registrationId }))
      .text(ctx.t('events-button-cancel-keep'), eventCallbacks.cancelKeep.pack())
    await ctx.reply(tHtml(ctx.t, 'events-cancel-ask', { title: event.title }), { parse_mode: 'HTML', reply_markup: keyboard })
  })

  onCallback(composer, eventCallbacks.cancelConfirm, async (ctx, { registrationId }) => {
    const own = await ownRegistration(ctx, registrationId)
    if (own === undefined) return
    const { event } = own
    const userId = ctx.from.id
    const result = await cancelRegistration(db, waitlistNotices, {
      registrationId,
      userId,
      now: now(),
      offerHours: config.waitlistOfferHours,
    })
    if (result.kind === 'too-late') {
      return ctx.answerCallbackQuery({
        text: ctx.t('events-cancel-too-late', { cutoff: formatEventMoment(ctx.t, result.cancelClosesAt) }),
        show_alert: true,
      })
    }
    if (result.kind !== 'cancelled') return ctx.answerCallbackQuery({ text: ctx.t('events-not-active') })
    await ctx.answerCallbackQuery()
    await removeButtons(ctx)
    await ctx.reply(tHtml(ctx.t, 'events-cancelled', { title: event.title }), { parse_mode: 'HTML' })
  })

  onCallback(composer, eventCallbacks.accept, async (ctx, { registrationId }) => {
    const own = await ownRegistration(ctx, registrationId)
    if (own === undefined) return
    const { registration } = own
    const userId = ctx.from.id
    const result = await acceptOffer(db, { registrationId, userId, now: now() })
    if (result.kind === 'not-offered' && registration.status === 'confirmed') {
      await ctx.answerCallbackQuery()
      const summary = await describeRegistration(db, ctx.t, { registrationId, userId, outcome: 'already' })
      if (summary !== undefined) await sendSummary(ctx, summary)
      return
    }
    if (result.kind !== 'confirmed')
      return ctx.answerCallbackQuery({ text: ctx.t(`events-offer-${result.kind === 'expired' ? 'expired' : 'gone'}`), show_alert: true })
    await ctx.answerCallbackQuery()
    await removeButtons(ctx)
    const summary = await describeRegistration(db, ctx.t, { registrationId, userId })
    if (summary !== undefined) await sendSummary(ctx, summary)
  })

  onCallback(composer, eventCallbacks.decline, async (ctx, { registrationId }) => {
    const own = await ownRegistration(ctx, registrationId)
    if (own === undefined) return
    const { event } = own
    const userId = ctx.from.id
    const result = await declineOffer(db, waitlistNotices, { registrationId, userId, now: now(), offerHours: config.waitlistOfferHours })
    if (result.kind !== 'declined') return ctx.answerCallbackQuery({ text: ctx.t('events-offer-gone'), show_alert: true })
    await ctx.answerCallbackQuery()
    await removeButtons(ctx)
    await ctx.reply(tHtml(ctx.t, 'events-offer-declined', { title: event.title }), { parse_mode: 'HTML' })
  })

  return composer
}
