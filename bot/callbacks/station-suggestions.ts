import { amenities } from '../../domain/vocabulary.js'
import { defineCallback, id, int, namespaceFilter, oneOf } from './codec.js'

const formSteps = ['done', 'skip', 'submit', 'cancel'] as const
/** The preset reasons an organizer can decline a suggestion with (typed ones go in as text). */
export const declineReasons = ['exists', 'not_station', 'wrong_place', 'closed'] as const

/** 推荐一个驿站: the rider's form and the organizers' review. */
export const suggestionCallbacks = {
  /** Start the form (under a short nearest list, in /help's hint). */
  start: defineCallback('sg:start'),
  // the form
  step: defineCallback('sg:step', { step: oneOf(formSteps) }),
  amenity: defineCallback('sg:amenity', { index: int(0, amenities.length - 1) }),
  near: defineCallback('sg:near', { stationId: id() }),
  reason: defineCallback('sg:reason', { reason: oneOf(declineReasons) }),
  // organizers
  list: defineCallback('sg:list'),
  approve: defineCallback('sg:approve', { suggestionId: id() }),
  create: defineCallback('sg:create', { suggestionId: id() }),
  link: defineCallback('sg:link', { suggestionId: id(), stationId: id() }),
  decline: defineCallback('sg:decline', { suggestionId: id() }),
}

/** Buttons of this namespace nobody handles any more (a form that ended, forged data). */
export const suggestionsStale = namespaceFilter('sg')
