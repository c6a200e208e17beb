import { InlineKeyboard } from 'grammy'
import type { InboxItem } from '../../../db/repositories/feedback.js'
import { feedbackCategory, type FeedbackTicket, type User } from '../../../db/schema/index.js'
import { feedbackData, wizardData } from './callback-data.js'
import type { Translate } from '../../i18n.js'

export function subjectKeyboard(t: Translate, nearby: { id: number; name: string }[]): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  for (const station of nearby) keyboard.text(t('feedback-subject-station', { name: station.name }), wizardData.station(station.id)).row()
  return keyboard
    .text(t('feedback-subject-search'), wizardData.search)
    .row()
    .text(t('feedback-subject-event'), wizardData.events)
    .text(t('feedback-subject-city'), wizardData.cities)
}

/** One button per row; built from rows so that no empty row is left at the end. */
export const choicesKeyboard = (items: { label: string; data: string }[]) =>
  InlineKeyboard.from(items.map((item) => [InlineKeyboard.text(item.label, item.data)]))

export function categoryKeyboard(t: Translate): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  feedbackCategory.enumValues.forEach((category, index) => {
    if (index === 3) keyboard.row()
    keyboard.text(t(`feedback-category-${category}`), wizardData.category(category))
  })
  return keyboard
}

export const anonymousKeyboard = (t: Translate) =>
  new InlineKeyboard().text(t('feedback-named'), wizardData.anonymous(false)).text(t('feedback-anonymous-choice'), wizardData.anonymous(true))

export function workerTicketKeyboard(t: Translate, ticket: Pick<FeedbackTicket, 'id' | 'status'>): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  if (ticket.status === 'answered') {
    keyboard.text(t('feedback-button-satisfied'), feedbackData.satisfied(ticket.id)).text(t('feedback-button-unsatisfied'), feedbackData.unsatisfied(ticket.id)).row()
  }
  if (ticket.status !== 'closed') keyboard.text(t('feedback-button-add'), feedbackData.add(ticket.id)).text(t('feedback-button-close'), feedbackData.close(ticket.id)).row()
  return keyboard.text(t('feedback-button-mine'), feedbackData.mine)
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
  new InlineKeyboard().text(t('feedback-button-back-to', { number: ticket.number }), feedbackData.open(ticket.id)).text(t('feedback-button-inbox'), feedbackData.inbox)

export function organizerTicketKeyboard(
  t: Translate,
  ticket: Pick<FeedbackTicket, 'id' | 'status' | 'public' | 'publicConsent' | 'answeredAt'>,
): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  if (ticket.status !== 'closed') keyboard.text(t('feedback-button-reply'), feedbackData.reply(ticket.id))
  keyboard.text(t('feedback-button-note'), feedbackData.note(ticket.id)).row()
  for (const status of ['in_progress', 'answered', 'closed'] as const) {
    if (ticket.status !== status) keyboard.text(t(`feedback-set-${status}`), feedbackData.status(ticket.id, status))
  }
  keyboard.row().text(t('feedback-button-reassign'), feedbackData.reassignMenu(ticket.id))
  // The button says where the ticket stands now, and what a tap does.
  if (ticket.answeredAt !== null) keyboard.text(t(`feedback-button-public-${publicState(ticket)}`), feedbackData.public(ticket.id))
  return keyboard.row().text(t('feedback-button-inbox'), feedbackData.inbox)
}

export function inboxKeyboard(t: Translate, items: InboxItem[]): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  for (const item of items) keyboard.text(`#${item.number} · ${t(`feedback-category-${item.category}`)}`, feedbackData.open(item.id)).row()
  return keyboard.text(t('feedback-button-stats'), feedbackData.stats)
}

export function reassignKeyboard(t: Translate, ticketId: number, candidates: Pick<User, 'id' | 'firstName' | 'username'>[]): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  for (const user of candidates) keyboard.text(user.firstName || `@${user.username ?? user.id}`, feedbackData.reassign(ticketId, user.id)).row()
  return keyboard.text(t('feedback-button-back'), feedbackData.open(ticketId))
}
