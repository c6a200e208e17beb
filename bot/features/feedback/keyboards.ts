import { InlineKeyboard } from 'grammy'
import { reportEffect } from '../../../core/station-report-resolution.js'
import type { InboxItem } from '../../../db/repositories/feedback.js'
import type { FeedbackTicket, User } from '../../../db/schema/index.js'
import { feedbackCallbacks, wizardCallbacks, workerCategories } from '../../callbacks/feedback.js'
import { reportHandlingCallbacks } from '../../callbacks/station-report-handling.js'
import type { Translate } from '../../i18n.js'

export function subjectKeyboard(t: Translate, nearby: { id: number; name: string }[]): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  for (const station of nearby)
    keyboard.text(t('feedback-subject-station', { name: station.name }), wizardCallbacks.station.pack({ stationId: station.id })).row()
  return keyboard
    .text(t('feedback-subject-search'), wizardCallbacks.search.pack())
    .row()
    .text(t('feedback-subject-event'), wizardCallbacks.events.pack())
    .text(t('feedback-subject-city'), wizardCallbacks.cities.pack())
}

/** One button per row; built from rows so that no empty row is left at the end. */
export const choicesKeyboard = (items: { label: string; data: string }[]) =>
  InlineKeyboard.from(items.map((item) => [InlineKeyboard.text(item.label, item.data)]))

export function categoryKeyboard(t: Translate): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  workerCategories.forEach((category, index) => {
    if (index === 3) keyboard.row()
    keyboard.text(t(`feedback-category-${category}`), wizardCallbacks.category.pack({ category: category }))
  })
  return keyboard
}

export const anonymousKeyboard = (t: Translate) =>
  new InlineKeyboard()
    .text(t('feedback-named'), wizardCallbacks.anonymous.pack({ anonymous: false }))
    .text(t('feedback-anonymous-choice'), wizardCallbacks.anonymous.pack({ anonymous: true }))

export function workerTicketKeyboard(t: Translate, ticket: Pick<FeedbackTicket, 'id' | 'status'>): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  if (ticket.status === 'answered') {
    keyboard
      .text(t('feedback-button-satisfied'), feedbackCallbacks.satisfied.pack({ ticketId: ticket.id }))
      .text(t('feedback-button-unsatisfied'), feedbackCallbacks.unsatisfied.pack({ ticketId: ticket.id }))
      .row()
  }
  if (ticket.status !== 'closed')
    keyboard
      .text(t('feedback-button-add'), feedbackCallbacks.add.pack({ ticketId: ticket.id }))
      .text(t('feedback-button-close'), feedbackCallbacks.close.pack({ ticketId: ticket.id }))
      .row()
  return keyboard.text(t('feedback-button-mine'), feedbackCallbacks.mine.pack())
}

export type PublicState = 'private' | 'asking' | 'public' | 'refused'

/** Where a ticket stands with 你说我做: shown only when the organizer chose it and the worker agreed. */
export function publicState(ticket: Pick<FeedbackTicket, 'public' | 'publicConsent'>): PublicState {
  if (ticket.publicConsent === 'refused') return 'refused'
  // Public from before riders were asked (consent null) shows nowhere: it counts as private.
  if (!ticket.public || ticket.publicConsent === null) return 'private'
  return ticket.publicConsent === 'granted' ? 'public' : 'asking'
}

/** After an organizer's reply or note: back to the ticket, or on to the inbox. */
export const afterActionKeyboard = (t: Translate, ticket: Pick<FeedbackTicket, 'id' | 'number'>) =>
  new InlineKeyboard()
    .text(t('feedback-button-back-to', { number: ticket.number }), feedbackCallbacks.open.pack({ ticketId: ticket.id }))
    .text(t('feedback-button-inbox'), feedbackCallbacks.inbox.pack())

/** A 📣 report's ticket: ✅ 确认 / ❌ 驳回 while it is open; once confirmed, the way back (热水已恢复). */
function addReportButtons(t: Translate, keyboard: InlineKeyboard, ticket: ReportTicket): void {
  const { reportKind: kind, reportStatus: status } = ticket
  if (kind === undefined || kind === null) return
  const data = { ticketId: ticket.id }
  if (status === 'open')
    keyboard
      .text(t('rh-button-confirm'), reportHandlingCallbacks.confirm.pack(data))
      .text(t('rh-button-dismiss'), reportHandlingCallbacks.dismiss.pack(data))
      .row()
  const effect = reportEffect(kind)
  if (status === 'confirmed' && (effect === 'outage' || effect === 'close'))
    keyboard.text(t('rh-button-restore', { kind }), reportHandlingCallbacks.restore.pack(data)).row()
}

type ReportTicket = Pick<FeedbackTicket, 'id'> & Partial<Pick<InboxItem, 'reportKind' | 'reportStatus'>>

export function organizerTicketKeyboard(
  t: Translate,
  ticket: Pick<FeedbackTicket, 'id' | 'status' | 'public' | 'publicConsent' | 'answeredAt'> &
    Partial<Pick<InboxItem, 'reportKind' | 'reportStatus'>>,
): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  addReportButtons(t, keyboard, ticket)
  if (ticket.status !== 'closed') keyboard.text(t('feedback-button-reply'), feedbackCallbacks.reply.pack({ ticketId: ticket.id }))
  keyboard.text(t('feedback-button-note'), feedbackCallbacks.note.pack({ ticketId: ticket.id })).row()
  for (const status of ['in_progress', 'answered', 'closed'] as const) {
    if (ticket.status !== status)
      keyboard.text(t(`feedback-set-${status}`), feedbackCallbacks.status.pack({ ticketId: ticket.id, status: status }))
  }
  keyboard.row().text(t('feedback-button-reassign'), feedbackCallbacks.reassignMenu.pack({ ticketId: ticket.id }))
  // The button says where the ticket stands now, and what a tap does.
  if (ticket.answeredAt !== null)
    keyboard.text(t(`feedback-button-public-${publicState(ticket)}`), feedbackCallbacks.public.pack({ ticketId: ticket.id }))
  return keyboard.row().text(t('feedback-button-inbox'), feedbackCallbacks.inbox.pack())
}

export function inboxKeyboard(t: Translate, items: InboxItem[]): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  for (const item of items)
    keyboard
      .text(
        `#${item.number} · ${t(`feedback-category-${item.category}`)}${item.reportKind === null ? '' : `·${t(`rh-kind-${item.reportKind}`)}`}`,
        feedbackCallbacks.open.pack({ ticketId: item.id }),
      )
      .row()
  return keyboard.text(t('feedback-button-stats'), feedbackCallbacks.stats.pack())
}

export function reassignKeyboard(
  t: Translate,
  ticketId: number,
  candidates: Pick<User, 'id' | 'firstName' | 'username'>[],
): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  for (const user of candidates)
    keyboard
      .text(user.firstName || `@${user.username ?? user.id}`, feedbackCallbacks.reassign.pack({ ticketId: ticketId, userId: user.id }))
      .row()
  return keyboard.text(t('feedback-button-back'), feedbackCallbacks.open.pack({ ticketId: ticketId }))
}
