import type { Database } from '../db/client.js'
import {
  addMessage,
  countWorkerMessagesSince,
  findFeedbackEvent,
  insertTicket,
  lockTicket,
  updateTicket,
  type NewFeedbackMessage,
} from '../db/repositories/feedback.js'
import { canManage, isOrganizer, responsibleOrganizers, type Place } from '../db/repositories/roles.js'
import { findStation } from '../db/repositories/stations.js'
import type { FeedbackCategory, FeedbackTicket, User } from '../db/schema/index.js'

const HOUR = 3_600_000
export const MAX_WORKER_TEXT = 2000

/** What a ticket is about, as chosen in the form. */
export type Subject = { kind: 'station'; stationId: number } | { kind: 'event'; eventId: number } | { kind: 'city'; city: string }

export type Draft = { subject: Subject; category: FeedbackCategory; anonymous: boolean; content: NewFeedbackMessage }

/** What the ticket rules need: the database, the clock and two limits from the configuration. */
type Deps = { db: Database; now: () => Date; config: { feedbackMaxPerHour: number; feedbackFirstAnswerHours: number } }

/**
 * The notice an owner gets about a ticket (new, added to, reopened, consent answered), queued in the
 * caller's transaction and rendered by the bot's UI in the owner's language.
 */
export type TicketNotices = {
  organizer: (tx: Database, organizerId: number, ticket: FeedbackTicket, key: string, dedupeKey: string) => Promise<void>
}

/** Whether the worker already wrote `feedbackMaxPerHour` messages (new tickets and additions) in the last hour. */
export async function overRateLimit({ db, config, now }: Deps, userId: number): Promise<boolean> {
  const since = new Date(now().getTime() - HOUR)
  return (await countWorkerMessagesSince(db, userId, since)) >= config.feedbackMaxPerHour
}

async function resolvePlace(db: Database, subject: Subject) {
  if (subject.kind === 'station') {
    const station = await findStation(db, subject.stationId)
    return station === undefined ? undefined : { stationId: station.id, eventId: null, city: station.city }
  }
  if (subject.kind === 'event') {
    const event = await findFeedbackEvent(db, subject.eventId)
    return event === undefined ? undefined : { stationId: event.stationId, eventId: event.id, city: event.city }
  }
  return { stationId: null, eventId: null, city: subject.city }
}

/**
 * Who owns a ticket at `place`: the first (lowest id) of the organizers responsible for it
 * (scoped ones, else unscoped organizers, else admins); undefined while there is nobody.
 */
export async function routeTicket(db: Database, place: Place): Promise<User | undefined> {
  const owners = await responsibleOrganizers(db, place)
  return [...owners].sort((a, b) => a.id - b.id)[0]
}

export type CreateResult = { kind: 'created'; ticket: FeedbackTicket } | { kind: 'limited' | 'gone' }

/**
 * Files a ticket: routed to the first of the organizers responsible for its place (scoped ones,
 * else unscoped organizers, else admins), who is notified through the outbox in the same
 * transaction. The first answer is due `feedbackFirstAnswerHours` after filing.
 */
export async function createTicket(deps: Deps, notices: TicketNotices, worker: Pick<User, 'id'>, draft: Draft): Promise<CreateResult> {
  if (await overRateLimit(deps, worker.id)) return { kind: 'limited' }
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const place = await resolvePlace(tx, draft.subject)
    if (place === undefined) return { kind: 'gone' } as const
    const owner = await routeTicket(tx, place)
    const ticket = await insertTicket(
      tx,
      {
        userId: worker.id,
        anonymous: draft.anonymous,
        ...place,
        category: draft.category,
        assigneeId: owner?.id ?? null,
        dueAt: new Date(now.getTime() + deps.config.feedbackFirstAnswerHours * HOUR),
        now,
      },
      draft.content,
    )
    if (owner !== undefined) await notices.organizer(tx, owner.id, ticket, 'feedback-notice-new', `feedback-new:${ticket.id}`)
    return { kind: 'created', ticket } as const
  })
}

export type WorkerResult = 'ok' | 'gone' | 'closed' | 'limited' | 'not-answered'

/** The worker adds to their open ticket; an answered ticket goes back to "in progress". */
export async function addToTicket(
  deps: Deps,
  notices: TicketNotices,
  worker: Pick<User, 'id'>,
  ticketId: number,
  content: NewFeedbackMessage,
): Promise<WorkerResult> {
  if (await overRateLimit(deps, worker.id)) return 'limited'
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, ticketId)
    if (ticket === undefined || ticket.userId !== worker.id) return 'gone'
    if (ticket.status === 'closed') return 'closed'
    const message = await addMessage(tx, { ticketId, author: 'worker', authorId: worker.id, ...content, createdAt: now })
    await updateTicket(tx, ticketId, { status: ticket.status === 'answered' ? 'in_progress' : ticket.status, updatedAt: now })
    if (ticket.assigneeId !== null) {
      await notices.organizer(tx, ticket.assigneeId, ticket, 'feedback-notice-added', `feedback-added:${message.id}`)
    }
    return 'ok'
  })
}

export async function closeByWorker(deps: Deps, notices: TicketNotices, worker: Pick<User, 'id'>, ticketId: number): Promise<WorkerResult> {
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, ticketId)
    if (ticket === undefined || ticket.userId !== worker.id) return 'gone'
    if (ticket.status === 'closed') return 'closed'
    await updateTicket(tx, ticketId, { status: 'closed', closedAt: now, updatedAt: now })
    await addMessage(tx, {
      ticketId,
      author: 'system',
      authorId: null,
      kind: 'text',
      text: 'closed-by-worker',
      fileId: null,
      createdAt: now,
    })
    return 'ok'
  })
}

/**
 * The worker rates an answer, once per answer: satisfied closes the ticket; not satisfied reopens
 * it (in progress, a new answer due within `feedbackFirstAnswerHours`) and tells the owner.
 */
export async function rateAnswer(
  deps: Deps,
  notices: TicketNotices,
  worker: Pick<User, 'id'>,
  ticketId: number,
  satisfied: boolean,
): Promise<WorkerResult> {
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, ticketId)
    if (ticket === undefined || ticket.userId !== worker.id) return 'gone'
    if (ticket.status !== 'answered') return 'not-answered'
    if (satisfied) {
      await updateTicket(tx, ticketId, { status: 'closed', rating: 'satisfied', closedAt: now, updatedAt: now })
    } else {
      await updateTicket(tx, ticketId, {
        status: 'in_progress',
        rating: 'unsatisfied',
        dueAt: new Date(now.getTime() + deps.config.feedbackFirstAnswerHours * HOUR),
        updatedAt: now,
      })
    }
    const message = await addMessage(tx, {
      ticketId,
      author: 'system',
      authorId: null,
      kind: 'text',
      text: satisfied ? 'rated-satisfied' : 'rated-unsatisfied',
      fileId: null,
      createdAt: now,
    })
    if (!satisfied && ticket.assigneeId !== null) {
      await notices.organizer(tx, ticket.assigneeId, ticket, 'feedback-notice-reopened', `feedback-reopened:${message.id}`)
    }
    return 'ok'
  })
}

export type ConsentResult = 'granted' | 'refused' | 'gone'

/**
 * The worker's answer to "may this be shown in 你说我做?". They may change it later; a no also
 * takes the ticket out of the public list. The ticket's owner is told either way.
 */
export async function answerConsent(
  deps: Deps,
  notices: TicketNotices,
  worker: Pick<User, 'id'>,
  ticketId: number,
  granted: boolean,
): Promise<ConsentResult> {
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, ticketId)
    if (ticket === undefined || ticket.userId !== worker.id || ticket.publicConsent === null) return 'gone'
    const publicConsent = granted ? 'granted' : 'refused'
    if (ticket.publicConsent === publicConsent) return publicConsent
    await updateTicket(tx, ticketId, { publicConsent, ...(granted ? {} : { public: false }), updatedAt: now })
    const message = await addMessage(tx, {
      ticketId,
      author: 'system',
      authorId: null,
      kind: 'text',
      text: `consent-${publicConsent}`,
      fileId: null,
      createdAt: now,
    })
    if (ticket.assigneeId !== null) {
      await notices.organizer(tx, ticket.assigneeId, ticket, `feedback-notice-consent-${publicConsent}`, `feedback-consent:${message.id}`)
    }
    return publicConsent
  })
}

/** Whether an organizer may handle this ticket: its owner, or responsible for its place. */
export async function mayHandle(db: Database, user: Pick<User, 'id' | 'role'> | undefined, ticket: FeedbackTicket): Promise<boolean> {
  if (user === undefined || !isOrganizer(user)) return false
  if (ticket.assigneeId === user.id) return true
  return canManage(db, user, { city: ticket.city, stationId: ticket.stationId })
}
