import type { Database } from '../db/client.js'
import { addMessage, lockTicket, updateTicket } from '../db/repositories/feedback.js'
import { canManage, isAdmin, isOrganizer } from '../db/repositories/roles.js'
import { createStation, findPossibleDuplicates } from '../db/repositories/station-changes.js'
import {
  countPendingSuggestions,
  deleteUserSuggestions,
  insertSuggestion,
  lockSuggester,
  lockSuggestion,
  markSuggestion,
  ticketAssignee,
} from '../db/repositories/station-suggestions.js'
import { findNearestStations, findStation, type StationRecord } from '../db/repositories/stations.js'
import type { StationSuggestion, User } from '../db/schema/index.js'
import { createTicket, type TicketNotices } from './tickets.js'

/** How many suggestions a rider may have waiting for review at once. */
export const MAX_PENDING_SUGGESTIONS = 3
/** A suggestion belongs to the city of the nearest station when that is this close (metres). */
const CITY_WITHIN_METRES = 50_000

type Deps = { db: Database; now: () => Date; config: { feedbackMaxPerHour: number; feedbackFirstAnswerHours: number } }

type SuggestionOutcome = { kind: 'approved'; stationName: string } | { kind: 'declined'; reason: string }

/**
 * The notices the suggestion rules queue, rendered by the bot: the owner's "new suggestion" (in
 * the ticket's transaction) and the rider's "added to the map" / "not added, because…".
 */
export type SuggestionNotices = {
  organizer: TicketNotices['organizer']
  rider: (tx: Database, suggestion: StationSuggestion, outcome: SuggestionOutcome) => Promise<void>
}

export type SuggestionDraft = Pick<StationSuggestion, 'lat' | 'lng' | 'name' | 'amenities' | 'note' | 'photoFileId'>

export type SubmitResult = { kind: 'submitted'; suggestion: StationSuggestion } | { kind: 'too-many' | 'limited' }

/** The city of the nearest station within 50 km of the point, '' when there is none. */
async function suggestionCity(db: Database, point: { lat: number; lng: number }): Promise<string> {
  const [nearest] = await findNearestStations(db, point, { limit: 1, withinMetres: CITY_WITHIN_METRES })
  return nearest?.city ?? ''
}

/**
 * Files a rider's suggestion with its ticket (owner, due time and escalation as for 我有话说),
 * routed to the owners of the nearest station's city. At most `MAX_PENDING_SUGGESTIONS` pending
 * per rider: the rider's row is locked first, so two submissions at once cannot both pass.
 */
export async function submitSuggestion(
  deps: Deps,
  notices: SuggestionNotices,
  rider: Pick<User, 'id'>,
  draft: SuggestionDraft,
): Promise<SubmitResult> {
  const city = await suggestionCity(deps.db, draft)
  return deps.db.transaction(async (tx) => {
    await lockSuggester(tx, rider.id)
    if ((await countPendingSuggestions(tx, rider.id)) >= MAX_PENDING_SUGGESTIONS) return { kind: 'too-many' } as const
    const words = [draft.name, draft.note].filter((part) => part !== '').join('\n')
    const filed = await createTicket({ ...deps, db: tx }, notices, rider, {
      subject: { kind: 'city', city },
      category: 'station_suggestion',
      anonymous: false,
      content:
        draft.photoFileId === null
          ? { kind: 'text', text: words, fileId: null }
          : { kind: 'photo', text: words, fileId: draft.photoFileId },
    })
    if (filed.kind !== 'created') return { kind: 'limited' } as const
    const suggestion = await insertSuggestion(tx, { ...draft, userId: rider.id, city, ticketId: filed.ticket.id, createdAt: deps.now() })
    return { kind: 'submitted', suggestion } as const
  })
}

/** Whether an organizer may review the suggestion: admins, unscoped organizers, its city's, its ticket's owner. */
export async function mayReview(
  db: Database,
  user: Pick<User, 'id' | 'role'> | undefined,
  suggestion: StationSuggestion,
): Promise<boolean> {
  if (user === undefined || !isOrganizer(user)) return false
  if (isAdmin(user) || (await canManage(db, user, { city: suggestion.city, stationId: null }))) return true
  return suggestion.ticketId !== null && (await ticketAssignee(db, suggestion.ticketId)) === user.id
}

export type Choice = { kind: 'check' } | { kind: 'create' } | { kind: 'link'; stationId: number }

export type DecideResult =
  | { kind: 'approved'; suggestion: StationSuggestion; station: StationRecord; created: boolean }
  | { kind: 'duplicates'; suggestion: StationSuggestion; candidates: (StationRecord & { distance: number })[] }
  | { kind: 'declined'; suggestion: StationSuggestion }
  | { kind: 'decided'; suggestion: StationSuggestion }
  | { kind: 'forbidden' | 'gone' }

type Organizer = Pick<User, 'id' | 'role'> | undefined

/** Runs `decide` on the locked, still pending suggestion after re-checking the organizer's rights. */
async function withPending(
  deps: Deps,
  organizer: Organizer,
  suggestionId: number,
  decide: (tx: Database, suggestion: StationSuggestion, organizerId: number, now: Date) => Promise<DecideResult>,
): Promise<DecideResult> {
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const suggestion = await lockSuggestion(tx, suggestionId)
    if (suggestion === undefined) return { kind: 'gone' }
    if (organizer === undefined || !(await mayReview(tx, organizer, suggestion))) return { kind: 'forbidden' }
    if (suggestion.status !== 'pending') return { kind: 'decided', suggestion }
    return decide(tx, suggestion, organizer.id, now)
  })
}

/** Closes the suggestion's ticket (if it is still open) with the organizer's words as a note. */
async function closeTicket(
  tx: Database,
  suggestion: StationSuggestion,
  by: { organizerId: number | null; note: string },
  now: Date,
): Promise<void> {
  if (suggestion.ticketId === null) return
  const ticket = await lockTicket(tx, suggestion.ticketId)
  if (ticket === undefined || ticket.status === 'closed') return
  const base = { ticketId: ticket.id, kind: 'text' as const, fileId: null, createdAt: now }
  if (by.note !== '') await addMessage(tx, { ...base, author: 'note', authorId: by.organizerId, text: by.note })
  const text = by.organizerId === null ? 'closed-by-worker' : 'status-closed'
  await addMessage(tx, { ...base, author: 'system', authorId: by.organizerId, text })
  await updateTicket(tx, ticket.id, { status: 'closed', closedAt: now, firstAnsweredAt: ticket.firstAnsweredAt ?? now, updatedAt: now })
}

/**
 * Approves a suggestion. `check` first looks for an active station within 100 m with a similar
 * name and returns those instead of deciding; `create` makes the station (history source
 * 'suggestion'); `link` records that the suggestion was an existing station. Either way the
 * suggestion is marked, its ticket closed and the rider's notice queued in one transaction.
 */
export async function approveSuggestion(
  deps: Deps,
  notices: SuggestionNotices,
  organizer: Organizer,
  suggestionId: number,
  choice: Choice,
): Promise<DecideResult> {
  return withPending(deps, organizer, suggestionId, async (tx, suggestion, organizerId, now) => {
    let station: StationRecord | undefined
    if (choice.kind === 'link') {
      station = await findStation(tx, choice.stationId)
      if (station === undefined || !station.active) return { kind: 'gone' }
    } else {
      if (choice.kind === 'check') {
        const candidates = await findPossibleDuplicates(tx, suggestion, suggestion.name)
        if (candidates.length > 0) return { kind: 'duplicates', suggestion, candidates }
      }
      station = await createStation(
        tx,
        {
          name: suggestion.name,
          kind: 'other',
          lat: suggestion.lat,
          lng: suggestion.lng,
          city: suggestion.city,
          amenities: suggestion.amenities,
          photoFileId: suggestion.photoFileId,
        },
        { actorId: organizerId, source: 'suggestion', note: `suggestion #${suggestion.id}` },
        now,
      )
    }
    await markSuggestion(tx, suggestion.id, { status: 'approved', decidedBy: organizerId, decidedAt: now, stationId: station.id })
    await closeTicket(tx, suggestion, { organizerId, note: '' }, now)
    await notices.rider(tx, suggestion, { kind: 'approved', stationName: station.name })
    return {
      kind: 'approved',
      suggestion: { ...suggestion, status: 'approved', stationId: station.id },
      station,
      created: choice.kind !== 'link',
    }
  })
}

/** Declines a suggestion with a reason the rider is told; its ticket is closed with the reason as a note. */
export async function declineSuggestion(
  deps: Deps,
  notices: SuggestionNotices,
  organizer: Organizer,
  suggestionId: number,
  reason: string,
): Promise<DecideResult> {
  return withPending(deps, organizer, suggestionId, async (tx, suggestion, organizerId, now) => {
    await markSuggestion(tx, suggestion.id, { status: 'declined', decidedBy: organizerId, decidedAt: now, declineReason: reason })
    await closeTicket(tx, suggestion, { organizerId, note: reason }, now)
    await notices.rider(tx, suggestion, { kind: 'declined', reason })
    return { kind: 'declined', suggestion: { ...suggestion, status: 'declined', declineReason: reason } }
  })
}

/**
 * Deletes a rider's suggestions (/mydata); the tickets of those still pending are closed, so no
 * organizer is left owning a suggestion that no longer exists. Returns how many were deleted.
 */
export async function forgetSuggestions(db: Database, userId: number, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const deleted = await deleteUserSuggestions(tx, userId)
    for (const suggestion of deleted) {
      if (suggestion.status === 'pending') await closeTicket(tx, suggestion, { organizerId: null, note: '' }, now)
    }
    return deleted.length
  })
}
