import type { Database } from '../db/client.js'
import { addMessage, lockUnownedTickets, updateTicket } from '../db/repositories/feedback.js'
import { routeTicket, type TicketNotices } from './tickets.js'

/** Enough for any backlog from before the first organizer; the rest follow on the next trigger. */
const BATCH = 500

/**
 * Gives every open ticket without an owner to whoever the usual routing picks now, and queues that
 * owner's notice in the same transaction. Called when someone who can own tickets appears (an
 * ADMIN_IDS admin's message, an invite accepted, /appoint) or when an owner is demoted. The
 * tickets are locked with SKIP LOCKED and re-read under the lock, and the notice is keyed per
 * assignment, so a double tap or a second instance never assigns or announces a ticket twice. Returns how many tickets got an owner.
 */
export async function assignUnownedTickets(db: Database, notices: TicketNotices, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const tickets = await lockUnownedTickets(tx, BATCH)
    let assigned = 0
    for (const ticket of tickets) {
      const owner = await routeTicket(tx, { city: ticket.city, stationId: ticket.stationId })
      if (owner === undefined) continue
      await updateTicket(tx, ticket.id, { assigneeId: owner.id, updatedAt: now })
      const message = await addMessage(tx, {
        ticketId: ticket.id,
        author: 'system',
        authorId: null,
        kind: 'text',
        text: `assigned:${owner.id}`,
        fileId: null,
        createdAt: now,
      })
      // Keyed by this assignment: a ticket can be without an owner again later (its owner demoted).
      await notices.organizer(tx, owner.id, ticket, 'feedback-notice-unowned', `feedback-unowned:${message.id}`)
      assigned++
    }
    return assigned
  })
}
