import { InlineKeyboard } from 'grammy'
import { eventCounts, slotCounts } from '../../../db/repositories/event-counts.js'
import { findEvent, listManagedEvents, listSlots } from '../../../db/repositories/events.js'
import { canManage, isOrganizer } from '../../../db/repositories/roles.js'
import { findStation } from '../../../db/repositories/stations.js'
import type { Event } from '../../../db/schema/index.js'
import { editFields, eventAdminCallbacks } from '../../callbacks/event-admin.js'
import type { BotContext, BotDeps } from '../../context.js'
import { tHtml } from '../../ui/html.js'
import { asksText, cardText, countsText, formatRange, placeLabel, slotsText, statusText } from './format.js'

const statusIcon = { draft: '📝', published: '📅', finished: '🕘', cancelled: '✖️' } as const

/** Shows a screen: edits the message a button sits on, or sends a new one for commands. */
async function show(ctx: BotContext, text: string, keyboard: InlineKeyboard): Promise<void> {
  const options = { parse_mode: 'HTML' as const, reply_markup: keyboard }
  if (ctx.callbackQuery?.message !== undefined) {
    const edited = await ctx.editMessageText(text, options).then(
      () => true,
      () => false,
    )
    if (edited) return
  }
  await ctx.reply(text, options)
}

/** Answers a refusal when the sender is no organizer; the button or command then does nothing. */
export async function refuseUnlessOrganizer(ctx: BotContext): Promise<boolean> {
  if (isOrganizer(ctx.user)) return false
  if (ctx.callbackQuery !== undefined) await ctx.answerCallbackQuery({ text: ctx.t('eventadmin-not-allowed'), show_alert: true })
  else await ctx.reply(ctx.t('eventadmin-not-allowed'))
  return true
}

/**
 * The event behind a button, when the sender may manage it; otherwise answers a polite refusal
 * (data can be forged, rights can change) and returns undefined.
 */
export async function managedEvent(ctx: BotContext, deps: BotDeps, eventId: number): Promise<Event | undefined> {
  if (await refuseUnlessOrganizer(ctx)) return undefined
  const event = await findEvent(deps.db, eventId)
  if (event !== undefined && (await canManage(deps.db, ctx.user, { city: event.city, stationId: event.stationId }))) return event
  const text = ctx.t(event === undefined ? 'eventadmin-event-gone' : 'eventadmin-not-allowed')
  if (ctx.callbackQuery !== undefined) await ctx.answerCallbackQuery({ text, show_alert: true })
  else await ctx.reply(text)
  return undefined
}

export async function showList(ctx: BotContext, deps: BotDeps): Promise<void> {
  if (ctx.user === undefined || (await refuseUnlessOrganizer(ctx))) return
  if (ctx.callbackQuery !== undefined) await ctx.answerCallbackQuery()
  const { drafts, upcoming, recent } = await listManagedEvents(deps.db, ctx.user, deps.now())
  const keyboard = new InlineKeyboard().text(ctx.t('eventadmin-button-new'), eventAdminCallbacks.create.pack()).row()
  for (const event of [...drafts, ...upcoming, ...recent]) {
    keyboard
      .text(
        `${statusIcon[event.status]} ${event.title} · ${formatRange(event.startsAt, event.endsAt)}`,
        eventAdminCallbacks.panel.pack({ eventId: event.id }),
      )
      .row()
  }
  const empty = drafts.length + upcoming.length + recent.length === 0
  await show(ctx, ctx.t(empty ? 'eventadmin-list-empty' : 'eventadmin-list-header'), keyboard)
}

export async function showPanel(ctx: BotContext, deps: BotDeps, event: Event): Promise<void> {
  const now = deps.now()
  const [counts, slots, bySlot, station] = await Promise.all([
    eventCounts(deps.db, event, now),
    listSlots(deps.db, event.id),
    slotCounts(deps.db, event.id),
    event.stationId === null ? undefined : findStation(deps.db, event.stationId),
  ])
  const place = placeLabel(station, event.address)
  const text = [
    statusText(ctx.t, event.status, event.registrationClosed),
    cardText(ctx.t, { ...event, place }, slots),
    slots.length > 0 ? slotsText(ctx.t, slots, bySlot) : '',
    asksText(ctx.t, event.asks, event.questions, event.sensitiveQuestions),
    countsText(ctx.t, counts, event.capacity, event.endsAt <= now),
  ]
    .filter((part) => part !== '')
    .join('\n\n')
  const keyboard = new InlineKeyboard()
  const open = event.status === 'draft' || event.status === 'published'
  if (open) keyboard.text(ctx.t('eventadmin-button-edit'), eventAdminCallbacks.action.pack({ action: 'edit', eventId: event.id }))
  if (event.status === 'draft')
    keyboard.text(ctx.t('eventadmin-button-publish'), eventAdminCallbacks.action.pack({ action: 'publish', eventId: event.id }))
  if (event.status === 'published' && !event.registrationClosed)
    keyboard.text(ctx.t('eventadmin-button-close'), eventAdminCallbacks.action.pack({ action: 'close', eventId: event.id }))
  keyboard.row()
  if (event.status === 'published')
    keyboard.text(ctx.t('eventadmin-button-checkin'), eventAdminCallbacks.action.pack({ action: 'checkin', eventId: event.id }))
  keyboard.text(ctx.t('eventadmin-button-export'), eventAdminCallbacks.action.pack({ action: 'export', eventId: event.id })).row()
  if (open)
    keyboard.text(ctx.t('eventadmin-button-cancel-event'), eventAdminCallbacks.action.pack({ action: 'cancel', eventId: event.id })).row()
  keyboard.text(ctx.t('eventadmin-button-back'), eventAdminCallbacks.list.pack())
  await show(ctx, text, keyboard)
}

export async function showEditMenu(ctx: BotContext, event: Event): Promise<void> {
  const keyboard = new InlineKeyboard()
  editFields.forEach((field, index) => {
    keyboard.text(ctx.t(`eventadmin-edit-field-${field}`), eventAdminCallbacks.edit.pack({ field: field, eventId: event.id }))
    if (index % 2 === 1) keyboard.row()
  })
  keyboard.row().text(ctx.t('eventadmin-button-back'), eventAdminCallbacks.panel.pack({ eventId: event.id }))
  await show(ctx, tHtml(ctx.t, 'eventadmin-edit-menu', { title: event.title }), keyboard)
}

export async function showCancelConfirm(ctx: BotContext, deps: BotDeps, event: Event): Promise<void> {
  const counts = await eventCounts(deps.db, event, deps.now())
  const keyboard = new InlineKeyboard()
    .text(ctx.t('eventadmin-button-cancel-confirm'), eventAdminCallbacks.action.pack({ action: 'cancelok', eventId: event.id }))
    .row()
    .text(ctx.t('eventadmin-button-back'), eventAdminCallbacks.panel.pack({ eventId: event.id }))
  const people = counts.confirmed + counts.offered + counts.waitlisted
  await show(ctx, tHtml(ctx.t, 'eventadmin-cancel-confirm', { title: event.title, people }), keyboard)
}
