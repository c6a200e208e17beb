import { amenities } from '../../domain/vocabulary.js'
import { defineCallback, id, int, namespaceFilter, oneOf } from './codec.js'

const stationId = id()

/** The steps of the station-management forms (a date, a reason, hours) that a button answers. */
const manageFormSteps = ['skip', 'stop'] as const

/** The amenities a merchant may mark as out (热水没了, 充电用不了). */
export const merchantAmenities = ['hot_water', 'charging'] as const

/**
 * Organizers' station panel (/stations) and merchants' (/mystation). Every handler re-checks that
 * the sender manages (or is a merchant of) the station: the data can be forged.
 */
export const stationManageCallbacks = {
  list: defineCallback('sm:list', { page: int(0, 9_999) }),
  search: defineCallback('sm:search'),
  view: defineCallback('sm:view', { stationId }),
  close: defineCallback('sm:close', { stationId }),
  closeToday: defineCallback('sm:close-today', { stationId }),
  closeUntil: defineCallback('sm:close-until', { stationId }),
  reopen: defineCallback('sm:reopen', { stationId }),
  holidays: defineCallback('sm:hol', { stationId }),
  holidayAdd: defineCallback('sm:hol-add', { stationId }),
  holidayDelete: defineCallback('sm:hol-del', { stationId, exceptionId: id() }),
  outages: defineCallback('sm:out', { stationId }),
  outageSet: defineCallback('sm:out-set', { stationId, amenity: oneOf(amenities) }),
  outageClear: defineCallback('sm:out-clear', { stationId, amenity: oneOf(amenities) }),
  verify: defineCallback('sm:verify', { stationId }),
  deactivate: defineCallback('sm:deact', { stationId }),
  deactivateConfirmed: defineCallback('sm:deact-yes', { stationId }),
  reactivate: defineCallback('sm:react', { stationId }),
  history: defineCallback('sm:hist', { stationId, page: int(0, 9_999) }),
  invite: defineCallback('sm:invite', { stationId }),
  step: defineCallback('sm:step', { step: oneOf(manageFormSteps) }),
}

/** The merchant's buttons (/mystation). */
export const merchantCallbacks = {
  view: defineCallback('sm:m-view', { stationId }),
  closeToday: defineCallback('sm:m-close', { stationId }),
  openToday: defineCallback('sm:m-open', { stationId }),
  out: defineCallback('sm:m-out', { stationId, amenity: oneOf(merchantAmenities) }),
  back: defineCallback('sm:m-back', { stationId, amenity: oneOf(merchantAmenities) }),
  hours: defineCallback('sm:m-hours', { stationId }),
}

/** Forged or out-of-range `sm:` data, or buttons of a form that has ended. */
export const stationManageStale = namespaceFilter('sm')
