import { feedbackCategory, type FeedbackCategory } from '../../../db/schema/index.js'
import { ownValue } from '../../../domain/own.js'

/**
 * Callback data of 我有话说 buttons, all under the prefix "f:". Anyone can send any bytes, so the
 * parser accepts only what the builders make; handlers still re-check who may do what.
 *
 *   f:w:…               steps of the new-ticket form (station s:<id>, search q, events e[:<id>],
 *                       cities c[:<city>], category k:<category>, anonymous a:<0|1>)
 *   f:i / f:t           organizer inbox / statistics
 *   f:o|r|n|u|g:<id>    organizer: open, reply, note, toggle public, reassign menu
 *   f:s:<id>:<p|a|c>    organizer: set status in progress / answered / closed
 *   f:h:<id>:<userId>   organizer: reassign to
 *   f:l / f:m:<id>      worker: my tickets / open own ticket
 *   f:d|x|y|z:<id>      worker: add to, close, satisfied, not satisfied
 *   f:a|b:<id>          worker: may / may not be shown in 你说我做
 *   f:v:<stationId>     anyone: "you said → we did" at a station
 *   f:e[:<eventId>]     anyone: start a new ticket (about that event), from a broadcast reply hint
 */

export type StatusChange = 'in_progress' | 'answered' | 'closed'
const statusCodes: Record<string, StatusChange> = { p: 'in_progress', a: 'answered', c: 'closed' }
const statusLetters: Record<StatusChange, string> = { in_progress: 'p', answered: 'a', closed: 'c' }

export type WizardChoice =
  | { kind: 'station'; stationId: number }
  | { kind: 'search' }
  | { kind: 'events' }
  | { kind: 'event'; eventId: number }
  | { kind: 'cities' }
  | { kind: 'city'; city: string }
  | { kind: 'category'; category: FeedbackCategory }
  | { kind: 'anonymous'; anonymous: boolean }

export type FeedbackAction =
  | { kind: 'wizard'; choice: WizardChoice }
  | { kind: 'inbox' }
  | { kind: 'stats' }
  | { kind: 'mine' }
  | { kind: 'open' | 'reply' | 'note' | 'public' | 'reassign-menu'; ticketId: number }
  | { kind: 'status'; ticketId: number; status: StatusChange }
  | { kind: 'reassign'; ticketId: number; userId: number }
  | { kind: 'own' | 'add' | 'close' | 'satisfied' | 'unsatisfied' | 'consent-yes' | 'consent-no'; ticketId: number }
  | { kind: 'said'; stationId: number }
  | { kind: 'new-feedback'; eventId?: number }

const MAX_ID = 2 ** 31 - 1

function parseId(text: string | undefined, max = MAX_ID): number | undefined {
  if (text === undefined || !/^[1-9]\d{0,15}$/.test(text)) return undefined
  const id = Number(text)
  return id <= max ? id : undefined
}

export const wizardData = {
  station: (stationId: number) => `f:w:s:${stationId}`,
  search: 'f:w:q',
  events: 'f:w:e',
  event: (eventId: number) => `f:w:e:${eventId}`,
  cities: 'f:w:c',
  city: (city: string) => `f:w:c:${city}`,
  category: (category: FeedbackCategory) => `f:w:k:${category}`,
  anonymous: (anonymous: boolean) => `f:w:a:${anonymous ? 1 : 0}`,
}

/** Whether a city name fits in a button's callback data (64 bytes, Chinese characters take 3). */
export const cityFits = (city: string) => Buffer.byteLength(wizardData.city(city)) <= 64 && !city.includes(':')

export const feedbackData = {
  inbox: 'f:i',
  stats: 'f:t',
  mine: 'f:l',
  open: (id: number) => `f:o:${id}`,
  reply: (id: number) => `f:r:${id}`,
  note: (id: number) => `f:n:${id}`,
  public: (id: number) => `f:u:${id}`,
  reassignMenu: (id: number) => `f:g:${id}`,
  status: (id: number, status: StatusChange) => `f:s:${id}:${statusLetters[status]}`,
  reassign: (id: number, userId: number) => `f:h:${id}:${userId}`,
  own: (id: number) => `f:m:${id}`,
  add: (id: number) => `f:d:${id}`,
  close: (id: number) => `f:x:${id}`,
  satisfied: (id: number) => `f:y:${id}`,
  unsatisfied: (id: number) => `f:z:${id}`,
  consentYes: (id: number) => `f:a:${id}`,
  consentNo: (id: number) => `f:b:${id}`,
  said: (stationId: number) => `f:v:${stationId}`,
  newFeedback: (eventId?: number) => (eventId === undefined ? 'f:e' : `f:e:${eventId}`),
}

function parseWizard(parts: string[]): WizardChoice | undefined {
  const [step, value, ...rest] = parts
  if (rest.length > 0) return undefined
  if (step === 's') {
    const stationId = parseId(value)
    return stationId === undefined ? undefined : { kind: 'station', stationId }
  }
  if (step === 'q') return value === undefined ? { kind: 'search' } : undefined
  if (step === 'e') {
    if (value === undefined) return { kind: 'events' }
    const eventId = parseId(value)
    return eventId === undefined ? undefined : { kind: 'event', eventId }
  }
  if (step === 'c') return value === undefined ? { kind: 'cities' } : value.trim() === '' ? undefined : { kind: 'city', city: value }
  if (step === 'k') {
    const category = feedbackCategory.enumValues.find((item) => item === value)
    return category === undefined ? undefined : { kind: 'category', category }
  }
  if (step === 'a') return value === '1' || value === '0' ? { kind: 'anonymous', anonymous: value === '1' } : undefined
  return undefined
}

const ticketKinds = {
  o: 'open',
  r: 'reply',
  n: 'note',
  u: 'public',
  g: 'reassign-menu',
  m: 'own',
  d: 'add',
  x: 'close',
  y: 'satisfied',
  z: 'unsatisfied',
  a: 'consent-yes',
  b: 'consent-no',
} as const

export function parseFeedbackData(data: string): FeedbackAction | undefined {
  const parts = data.split(':')
  if (parts[0] !== 'f' || parts.length > 5) return undefined
  const [, code, first, second] = parts
  if (code === 'w') {
    const choice = parseWizard(parts.slice(2))
    return choice === undefined ? undefined : { kind: 'wizard', choice }
  }
  if (parts.length === 2) {
    if (code === 'i') return { kind: 'inbox' }
    if (code === 't') return { kind: 'stats' }
    if (code === 'l') return { kind: 'mine' }
    if (code === 'e') return { kind: 'new-feedback' }
    return undefined
  }
  const id = parseId(first)
  if (id === undefined) return undefined
  if (code === 's' && parts.length === 4) {
    const status = ownValue(statusCodes, second)
    return status === undefined ? undefined : { kind: 'status', ticketId: id, status }
  }
  if (code === 'h' && parts.length === 4) {
    const userId = parseId(second, Number.MAX_SAFE_INTEGER)
    return userId === undefined ? undefined : { kind: 'reassign', ticketId: id, userId }
  }
  if (parts.length !== 3) return undefined
  if (code === 'v') return { kind: 'said', stationId: id }
  if (code === 'e') return { kind: 'new-feedback', eventId: id }
  const kind = ownValue(ticketKinds, code)
  return kind === undefined ? undefined : { kind, ticketId: id }
}
