import type { FeedbackCategory } from '../../db/schema/index.js'
import { defineCallback, flag, id, namespaceFilter, oneOf, optional, text, unpackAny } from './codec.js'

const statusChanges = ['in_progress', 'answered', 'closed'] as const
export type StatusChange = (typeof statusChanges)[number]

/** Telegram user ids pass 2^31. */
const userId = id(Number.MAX_SAFE_INTEGER)

/**
 * The categories a worker picks in 我有话说; station reports and suggestions have flows of their
 * own (📣 报告情况 on a station card), so a forged 我有话说 button cannot file one.
 */
export const workerCategories = ['need', 'suggestion', 'complaint', 'praise', 'other'] as const satisfies readonly FeedbackCategory[]

/** Steps of the new-ticket form (inside its conversation). */
export const wizardCallbacks = {
  station: defineCallback('fb:station', { stationId: id() }),
  search: defineCallback('fb:search'),
  events: defineCallback('fb:events'),
  event: defineCallback('fb:event', { eventId: id() }),
  cities: defineCallback('fb:cities'),
  city: defineCallback('fb:city', { city: text(40) }),
  category: defineCallback('fb:kind', { category: oneOf(workerCategories) }),
  anonymous: defineCallback('fb:anon', { anonymous: flag() }),
}

/** Which step button of the form the data is (`{ kind: 'station', stationId }`…), or undefined. */
export const wizardChoiceOf = (data: string | undefined) => unpackAny(data, wizardCallbacks)
export type WizardChoice = NonNullable<ReturnType<typeof wizardChoiceOf>>

/** 我有话说 outside the form: organizers' inbox, workers' own tickets, 你说我做. */
export const feedbackCallbacks = {
  // organizers
  inbox: defineCallback('fb:inbox'),
  stats: defineCallback('fb:stats'),
  open: defineCallback('fb:open', { ticketId: id() }),
  reply: defineCallback('fb:reply', { ticketId: id() }),
  note: defineCallback('fb:note', { ticketId: id() }),
  public: defineCallback('fb:public', { ticketId: id() }),
  reassignMenu: defineCallback('fb:assign-menu', { ticketId: id() }),
  status: defineCallback('fb:status', { ticketId: id(), status: oneOf(statusChanges) }),
  reassign: defineCallback('fb:assign', { ticketId: id(), userId }),
  // workers
  mine: defineCallback('fb:mine'),
  own: defineCallback('fb:own', { ticketId: id() }),
  add: defineCallback('fb:add', { ticketId: id() }),
  close: defineCallback('fb:close', { ticketId: id() }),
  satisfied: defineCallback('fb:good', { ticketId: id() }),
  unsatisfied: defineCallback('fb:bad', { ticketId: id() }),
  consentYes: defineCallback('fb:consent-yes', { ticketId: id() }),
  consentNo: defineCallback('fb:consent-no', { ticketId: id() }),
  // anyone
  said: defineCallback('fb:said', { stationId: id() }),
  /** Start a new ticket (about that event), from the hint after a reply to a broadcast. */
  newTicket: defineCallback('fb:new', { eventId: optional(id()) }),
}

/** `f:` before the codec. */
export const feedbackStale = namespaceFilter('fb', 'f')
