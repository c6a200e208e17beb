import { InlineKeyboard } from 'grammy'
import type { InlineKeyboardMarkup } from 'grammy/types'
import type { TicketNotices } from '../../core/tickets.js'
import type { Database } from '../../db/client.js'
import { findInboxItem, firstWorkerMessages } from '../../db/repositories/feedback.js'
import { enqueueMessages, type OutboxMessage } from '../../db/repositories/outbox.js'
import { findUser } from '../../db/repositories/users.js'
import type { FeedbackMessage, FeedbackTicket } from '../../db/schema/index.js'
import { feedbackCallbacks } from '../callbacks/feedback.js'
import { translate, translatorFor, userLocale, type Locale } from '../i18n.js'
import { CAPTION_LIMIT, MESSAGE_LIMIT } from './telegram-limits.js'
import { ticketPlace } from './ticket-place.js'

/** Telegram's limits for a message text and a photo caption. */
/** How much of the rider's words an answer quotes back. */
const QUOTE_LENGTH = 40

/**
 * Splits text into pieces of at most `limit` characters (code points, so no emoji is torn),
 * preferring to break after a newline, so that a long answer arrives whole in several messages.
 */
export function splitText(text: string, limit = MESSAGE_LIMIT): string[] {
  const chars = [...text]
  const pieces: string[] = []
  let start = 0
  while (chars.length - start > limit) {
    let end = start + limit
    const newline = chars.lastIndexOf('\n', end - 1)
    if (newline > start + limit / 2) end = newline + 1
    pieces.push(chars.slice(start, end).join(''))
    start = end
  }
  pieces.push(chars.slice(start).join(''))
  return pieces
}

/**
 * The start of what the worker wrote, on one line (`max` characters, then …), so that an answer or
 * a list says which message it is about; a photo or voice message without words is named as such.
 */
export function excerpt(
  translateKey: (key: string) => string,
  message: Pick<FeedbackMessage, 'kind' | 'text'> | undefined,
  max: number,
): string {
  if (message === undefined) return ''
  const chars = [...message.text.replace(/\s+/g, ' ').trim()]
  if (chars.length === 0) return message.kind === 'text' ? '' : translateKey(`feedback-media-${message.kind}`)
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('')
}

type Recipient = { locale: Locale }

async function recipient(db: Database, userId: number): Promise<Recipient> {
  const user = await findUser(db, userId)
  return { locale: user === undefined ? 'zh' : userLocale(user) }
}

/**
 * A notice to an organizer about a ticket, with a button that opens it. Built only from the ticket
 * number and place: never the sender's id or name, whether or not the ticket is anonymous.
 */
export async function queueOrganizerNotice(
  db: Database,
  organizerId: number,
  ticket: FeedbackTicket,
  key: string,
  dedupeKey: string,
  vars: Record<string, string | number> = {},
): Promise<void> {
  const { locale } = await recipient(db, organizerId)
  const item = await findInboxItem(db, ticket.id)
  const about = {
    category: translate(locale, `feedback-category-${ticket.category}`),
    place: item === undefined ? '-' : ticketPlace(translatorFor(locale), item),
  }
  const markup = new InlineKeyboard().text(translate(locale, 'feedback-button-open'), feedbackCallbacks.open.pack({ ticketId: ticket.id }))
  await enqueueMessages(db, [
    {
      userId: organizerId,
      kind: 'feedback-notice',
      payload: {
        method: 'sendMessage',
        text: translate(locale, key, { number: ticket.number, ...about, ...vars }),
        replyMarkup: toMarkup(markup),
      },
      dedupeKey,
      urgent: false,
    },
  ])
}

/** A notice to the worker who wrote the ticket (status changes), with a button to open it. */
export async function queueWorkerNotice(
  db: Database,
  ticket: FeedbackTicket,
  key: string,
  dedupeKey: string,
  vars: Record<string, string | number> = {},
) {
  const { locale } = await recipient(db, ticket.userId)
  const markup = new InlineKeyboard().text(translate(locale, 'feedback-button-view'), feedbackCallbacks.own.pack({ ticketId: ticket.id }))
  await enqueueMessages(db, [
    {
      userId: ticket.userId,
      kind: 'feedback-status',
      payload: { method: 'sendMessage', text: translate(locale, key, { number: ticket.number, ...vars }), replyMarkup: toMarkup(markup) },
      dedupeKey,
      ticketId: ticket.id,
    },
  ])
}

/**
 * The organizer's answer to the worker: text split into as many messages as needed, or the photo
 * (by file id) with the header as caption; the rating buttons come with the last piece.
 */
export async function queueAnswer(
  db: Database,
  ticket: FeedbackTicket,
  answer: { messageId: number; text: string; photo: string | null },
): Promise<void> {
  const { locale } = await recipient(db, ticket.userId)
  // The rider may have several tickets open: the answer starts with what it answers.
  const said = excerpt((key) => translate(locale, key), (await firstWorkerMessages(db, [ticket.id])).get(ticket.id), QUOTE_LENGTH)
  const quote = said === '' ? '' : `${translate(locale, 'feedback-answer-quote', { said })}\n`
  const header = quote + translate(locale, 'feedback-answer-header', { number: ticket.number })
  const rate = toMarkup(
    new InlineKeyboard()
      .text(translate(locale, 'feedback-button-satisfied'), feedbackCallbacks.satisfied.pack({ ticketId: ticket.id }))
      .text(translate(locale, 'feedback-button-unsatisfied'), feedbackCallbacks.unsatisfied.pack({ ticketId: ticket.id })),
  )
  const payloads: OutboxMessage['payload'][] = []
  if (answer.photo !== null) {
    const caption = answer.text === '' ? header : `${header}\n${answer.text}`
    if ([...caption].length <= CAPTION_LIMIT) payloads.push({ method: 'sendPhoto', photo: answer.photo, caption })
    else {
      payloads.push({ method: 'sendPhoto', photo: answer.photo, caption: header })
      for (const piece of splitText(answer.text)) payloads.push({ method: 'sendMessage', text: piece })
    }
  } else {
    for (const piece of splitText(`${header}\n${answer.text}`)) payloads.push({ method: 'sendMessage', text: piece })
  }
  const last = payloads.length - 1
  await enqueueMessages(
    db,
    payloads.map((payload, index) => ({
      userId: ticket.userId,
      kind: 'feedback-answer',
      payload: index === last ? { ...payload, replyMarkup: rate } : payload,
      dedupeKey: `feedback-answer:${answer.messageId}:${index}`,
      ticketId: ticket.id,
    })),
  )
}

/** Asks the worker, once per ticket, whether their words may be shown in 你说我做 (without their name). */
export async function queueConsentQuestion(db: Database, ticket: FeedbackTicket): Promise<void> {
  const { locale } = await recipient(db, ticket.userId)
  const said = excerpt((key) => translate(locale, key), (await firstWorkerMessages(db, [ticket.id])).get(ticket.id), QUOTE_LENGTH)
  const markup = new InlineKeyboard()
    .text(translate(locale, 'feedback-consent-yes'), feedbackCallbacks.consentYes.pack({ ticketId: ticket.id }))
    .text(translate(locale, 'feedback-consent-no'), feedbackCallbacks.consentNo.pack({ ticketId: ticket.id }))
  await enqueueMessages(db, [
    {
      userId: ticket.userId,
      kind: 'feedback-consent',
      ticketId: ticket.id,
      payload: {
        method: 'sendMessage',
        text: translate(locale, 'feedback-consent-ask', { number: ticket.number, said: said === '' ? '-' : said }),
        replyMarkup: toMarkup(markup),
      },
      dedupeKey: `feedback-consent:${ticket.id}`,
    },
  ])
}

const toMarkup = (keyboard: InlineKeyboard): InlineKeyboardMarkup => ({ inline_keyboard: keyboard.inline_keyboard })

/** The owner notices that the ticket rules in core/tickets.ts queue, rendered here. */
export const ticketNotices: TicketNotices = {
  organizer: (tx, organizerId, ticket, key, dedupeKey) => queueOrganizerNotice(tx, organizerId, ticket, key, dedupeKey),
}
