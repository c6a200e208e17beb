/**
 * Callback data of the events feature, prefix "e". Anyone can send any bytes, so the parser
 * accepts only what the builders produce; everything else is undefined (→ "button stale").
 *
 *   e:l:<page>       upcoming events list page        e:v:<eventId>   event card
 *   e:r:<eventId>    register / join the waitlist     e:n:<eventId>   navigate to the place
 *   e:q:<regId>      resend the check-in QR           e:c:<regId>     ask to cancel
 *   e:cc:<regId>     confirm cancelling               e:ck            keep the registration
 *   e:a:<regId>      accept an offer                  e:d:<regId>     decline an offer
 *   e:del / e:dely / e:deln   delete my personal data: ask / confirm / keep
 * Inside the registration form: e:s:<slotId>, e:o:<index>, e:p:<index> (toggle) and e:pd (done), e:y / e:no
 * (consent), e:sy / e:sn (consent to sensitive questions), e:u / e:un (reuse the saved answers or not), e:x (quit).
 */
export type EventAction =
  | { kind: 'list'; page: number }
  | { kind: 'view' | 'register' | 'navigate'; eventId: number }
  | { kind: 'qr' | 'cancel' | 'cancelConfirm' | 'accept' | 'decline'; registrationId: number }
  | { kind: 'slot'; slotId: number }
  | { kind: 'occupation' | 'platform'; index: number }
  | { kind: 'cancelKeep' | 'consentYes' | 'consentNo' | 'quit' | 'deleteAsk' | 'deleteConfirm' | 'deleteKeep' }
  | { kind: 'platformDone' | 'sensitiveYes' | 'sensitiveNo' | 'reuseYes' | 'reuseNo' }

const MAX_ID = 2 ** 31 - 1
const idCodes = { v: 'view', r: 'register', n: 'navigate' } as const
const registrationCodes = { q: 'qr', c: 'cancel', cc: 'cancelConfirm', a: 'accept', d: 'decline' } as const
const bareCodes = {
  ck: 'cancelKeep',
  y: 'consentYes',
  no: 'consentNo',
  x: 'quit',
  del: 'deleteAsk',
  dely: 'deleteConfirm',
  deln: 'deleteKeep',
  pd: 'platformDone',
  sy: 'sensitiveYes',
  sn: 'sensitiveNo',
  u: 'reuseYes',
  un: 'reuseNo',
} as const

const reverse = <T extends Record<string, string>>(codes: T) =>
  Object.fromEntries(Object.entries(codes).map(([code, kind]) => [kind, code])) as Record<T[keyof T], string>
const codeOf = { ...reverse(idCodes), ...reverse(registrationCodes), ...reverse(bareCodes), list: 'l', slot: 's', occupation: 'o', platform: 'p' }

/** Builds the callback data of an action. */
export function eventData(action: EventAction): string {
  const code = codeOf[action.kind]
  if ('eventId' in action) return `e:${code}:${action.eventId}`
  if ('registrationId' in action) return `e:${code}:${action.registrationId}`
  if ('slotId' in action) return `e:${code}:${action.slotId}`
  if ('page' in action) return `e:${code}:${action.page}`
  if ('index' in action) return `e:${code}:${action.index}`
  return `e:${code}`
}

function parseNumber(text: string | undefined, max: number): number | undefined {
  if (text === undefined || !/^(0|[1-9]\d{0,9})$/.test(text)) return undefined
  const value = Number(text)
  return value <= max ? value : undefined
}

const has = <T extends object>(codes: T, code: string): code is Extract<keyof T, string> => Object.hasOwn(codes, code)

/** Parses data built by `eventData`; undefined for anything else, including other features' data. */
export function parseEventData(data: string): EventAction | undefined {
  const parts = data.split(':')
  if (parts[0] !== 'e' || parts.length < 2 || parts.length > 3) return undefined
  const code = parts[1] ?? ''
  if (parts.length === 2) return has(bareCodes, code) ? { kind: bareCodes[code] } : undefined
  const id = parseNumber(parts[2], MAX_ID)
  if (id === undefined) return undefined
  if (code === 'l') return id <= 100 ? { kind: 'list', page: id } : undefined
  if (code === 'o' || code === 'p') return id < 20 ? { kind: code === 'o' ? 'occupation' : 'platform', index: id } : undefined
  if (id === 0) return undefined
  if (code === 's') return { kind: 'slot', slotId: id }
  if (has(idCodes, code)) return { kind: idCodes[code], eventId: id }
  if (has(registrationCodes, code)) return { kind: registrationCodes[code], registrationId: id }
  return undefined
}

/** Buttons that only mean something inside a running registration form. */
export const formKinds: ReadonlySet<EventAction['kind']> = new Set([
  'slot',
  'occupation',
  'platform',
  'platformDone',
  'consentYes',
  'consentNo',
  'sensitiveYes',
  'sensitiveNo',
  'reuseYes',
  'reuseNo',
  'quit',
])
