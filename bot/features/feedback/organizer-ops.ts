import { mayHandle } from '../../../core/tickets.js'
import { addMessage, lockTicket, updateTicket, type NewFeedbackMessage } from '../../../db/repositories/feedback.js'
import { isOrganizer } from '../../../db/repositories/roles.js'
import { findUser } from '../../../db/repositories/users.js'
import type { FeedbackTicket, User } from '../../../db/schema/index.js'
import type { StatusChange } from '../../callbacks/feedback.js'
import type { BotDeps } from '../../context.js'
import { queueAnswer, queueConsentQuestion, queueOrganizerNotice, queueWorkerNotice } from '../../ui/feedback-notices.js'

const HOUR = 3_600_000
type Deps = Pick<BotDeps, 'db' | 'config' | 'now'>
type Organizer = Pick<User, 'id' | 'role'>

export type OrganizerResult =
  { kind: 'done'; ticket: FeedbackTicket } | { kind: 'forbidden' | 'gone' | 'not-answered' | 'unchanged' | 'refused' }

/** Runs `change` on the locked ticket after re-checking that the organizer may handle it. */
async function withTicket(
  deps: Deps,
  organizer: Organizer | undefined,
  ticketId: number,
  change: (tx: Deps['db'], ticket: FeedbackTicket, now: Date) => Promise<OrganizerResult>,
): Promise<OrganizerResult> {
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, ticketId)
    if (ticket === undefined) return { kind: 'gone' }
    if (organizer === undefined || !(await mayHandle(tx, organizer, ticket))) return { kind: 'forbidden' }
    return change(tx, ticket, now)
  })
}

const answeredPatch = (ticket: FeedbackTicket, now: Date, resolveHours: number) => ({
  status: 'answered' as const,
  firstAnsweredAt: ticket.firstAnsweredAt ?? now,
  answeredAt: now,
  rating: null,
  // After the first answer the deadline that matters is the resolution, should the worker reopen it.
  dueAt: new Date(ticket.createdAt.getTime() + resolveHours * HOUR),
  updatedAt: now,
})

/**
 * Answers the worker: stored in the history, the ticket marked answered, and the answer queued in
 * the outbox (split into several messages when long, deduplicated per reply and piece).
 */
export async function replyToTicket(
  deps: Deps,
  organizer: Organizer | undefined,
  ticketId: number,
  content: NewFeedbackMessage,
): Promise<OrganizerResult> {
  return withTicket(deps, organizer, ticketId, async (tx, ticket, now) => {
    if (ticket.status === 'closed') return { kind: 'unchanged' }
    const message = await addMessage(tx, { ticketId, author: 'organizer', authorId: organizer?.id ?? null, ...content, createdAt: now })
    const patch = answeredPatch(ticket, now, deps.config.feedbackResolveHours)
    await updateTicket(tx, ticketId, patch)
    await queueAnswer(tx, ticket, { messageId: message.id, text: content.text, photo: content.kind === 'photo' ? content.fileId : null })
    return { kind: 'done', ticket: { ...ticket, ...patch } }
  })
}

/** An internal note: kept in the history for organizers, never shown or sent to the worker. */
export async function addNote(deps: Deps, organizer: Organizer | undefined, ticketId: number, text: string): Promise<OrganizerResult> {
  return withTicket(deps, organizer, ticketId, async (tx, ticket, now) => {
    await addMessage(tx, { ticketId, author: 'note', authorId: organizer?.id ?? null, kind: 'text', text, fileId: null, createdAt: now })
    return { kind: 'done', ticket }
  })
}

/** Moves a ticket along new → in progress → answered → closed; the worker is told through the outbox. */
export async function setStatus(
  deps: Deps,
  organizer: Organizer | undefined,
  ticketId: number,
  status: StatusChange,
): Promise<OrganizerResult> {
  return withTicket(deps, organizer, ticketId, async (tx, ticket, now) => {
    if (ticket.status === status) return { kind: 'unchanged' }
    const patch =
      status === 'answered'
        ? answeredPatch(ticket, now, deps.config.feedbackResolveHours)
        : status === 'closed'
          ? { status, closedAt: now, updatedAt: now }
          : { status, updatedAt: now }
    await updateTicket(tx, ticketId, patch)
    const message = await addMessage(tx, {
      ticketId,
      author: 'system',
      authorId: organizer?.id ?? null,
      kind: 'text',
      text: `status-${status}`,
      fileId: null,
      createdAt: now,
    })
    await queueWorkerNotice(tx, ticket, 'feedback-notice-status', `feedback-status:${message.id}`, { status })
    return { kind: 'done', ticket: { ...ticket, ...patch } }
  })
}

/** Hands a ticket to another organizer or admin, who is notified through the outbox. */
export async function reassign(deps: Deps, organizer: Organizer | undefined, ticketId: number, targetId: number): Promise<OrganizerResult> {
  return withTicket(deps, organizer, ticketId, async (tx, ticket, now) => {
    const target = await findUser(tx, targetId)
    if (target === undefined || !isOrganizer(target)) return { kind: 'forbidden' }
    if (ticket.assigneeId === targetId) return { kind: 'unchanged' }
    await updateTicket(tx, ticketId, { assigneeId: targetId, updatedAt: now })
    const message = await addMessage(tx, {
      ticketId,
      author: 'system',
      authorId: organizer?.id ?? null,
      kind: 'text',
      text: `assigned:${targetId}`,
      fileId: null,
      createdAt: now,
    })
    await queueOrganizerNotice(tx, targetId, ticket, 'feedback-notice-assigned', `feedback-assigned:${message.id}`)
    return { kind: 'done', ticket: { ...ticket, assigneeId: targetId } }
  })
}

/**
 * Shows or hides an answered ticket in the station's public "you said → we did" list. The worker's
 * words go public only once they said yes: the first time, they are asked (one tap, no answer
 * counts as no) through the outbox, once per ticket; a worker who said no is never asked again.
 */
export async function togglePublic(deps: Deps, organizer: Organizer | undefined, ticketId: number): Promise<OrganizerResult> {
  return withTicket(deps, organizer, ticketId, async (tx, ticket, now) => {
    if (ticket.answeredAt === null) return { kind: 'not-answered' }
    if (ticket.public && ticket.publicConsent !== null) {
      await updateTicket(tx, ticketId, { public: false, updatedAt: now })
      return { kind: 'done', ticket: { ...ticket, public: false } }
    }
    if (ticket.publicConsent === 'refused') return { kind: 'refused' }
    const publicConsent = ticket.publicConsent ?? 'asked'
    await updateTicket(tx, ticketId, { public: true, publicConsent, updatedAt: now })
    if (ticket.publicConsent === null) await queueConsentQuestion(tx, ticket)
    return { kind: 'done', ticket: { ...ticket, public: true, publicConsent } }
  })
}
