import { ownValue } from '../../../domain/own.js'

/**
 * Callback data of the broadcast feature, all under "b:". Anyone can send any bytes, so every
 * parser accepts only what the builders produce; handlers still re-check who may do it.
 *
 * While composing (inside the conversation):
 *   b:t:<e|c|n|a>      audience type: event registrants, a city, near a station, everyone
 *   b:e:<eventId>      pick an event        b:o:<a|c|w>   all / confirmed / waitlisted registrants
 *   b:ci:<index>       pick a listed city   b:s:<stationId>   pick a station   b:k:<km>   radius
 *   b:y  send   b:m  change the message   b:a  choose the audience again   b:x  give up
 * On a running broadcast (outside the conversation):
 *   b:p:<id> pause   b:u:<id> resume   b:q:<id> ask to cancel   b:qy:<id> cancel   b:qn:<id> keep going
 */

const AUDIENCE_TYPES = { e: 'event', c: 'city', n: 'near_station', a: 'everyone' } as const
export type AudienceTypeCode = keyof typeof AUDIENCE_TYPES
export const ONLY_CODES = { a: 'all', c: 'confirmed', w: 'waitlisted' } as const
export type OnlyCode = keyof typeof ONLY_CODES
export const RADII_KM = [1, 3, 5, 10] as const

export type ComposeAction =
  | { kind: 'type'; type: AudienceTypeCode }
  | { kind: 'event'; eventId: number }
  | { kind: 'only'; only: OnlyCode }
  | { kind: 'city'; index: number }
  | { kind: 'station'; stationId: number }
  | { kind: 'km'; km: number }
  | { kind: 'send' | 'edit' | 'audience' | 'abort' }

export type ControlAction = { kind: 'pause' | 'resume' | 'cancel-ask' | 'cancel-yes' | 'cancel-no'; broadcastId: number }

const MAX_ID = 2 ** 31 - 1

function parseId(text: string | undefined): number | undefined {
  if (text === undefined || !/^[1-9]\d{0,9}$/.test(text)) return undefined
  const id = Number(text)
  return id <= MAX_ID ? id : undefined
}

export const composeData = {
  type: (type: AudienceTypeCode) => `b:t:${type}`,
  event: (eventId: number) => `b:e:${eventId}`,
  only: (only: OnlyCode) => `b:o:${only}`,
  city: (index: number) => `b:ci:${index}`,
  station: (stationId: number) => `b:s:${stationId}`,
  km: (km: number) => `b:k:${km}`,
  send: 'b:y',
  edit: 'b:m',
  audience: 'b:a',
  abort: 'b:x',
}

const SIMPLE: Record<string, ComposeAction> = {
  'b:y': { kind: 'send' },
  'b:m': { kind: 'edit' },
  'b:a': { kind: 'audience' },
  'b:x': { kind: 'abort' },
}

export function parseComposeData(data: string): ComposeAction | undefined {
  const simple = ownValue(SIMPLE, data)
  if (simple !== undefined) return simple
  const [prefix, kind, value, ...rest] = data.split(':')
  if (prefix !== 'b' || value === undefined || rest.length > 0) return undefined
  switch (kind) {
    case 't':
      return Object.hasOwn(AUDIENCE_TYPES, value) ? { kind: 'type', type: value as AudienceTypeCode } : undefined
    case 'o':
      return Object.hasOwn(ONLY_CODES, value) ? { kind: 'only', only: value as OnlyCode } : undefined
    case 'e': {
      const eventId = parseId(value)
      return eventId === undefined ? undefined : { kind: 'event', eventId }
    }
    case 'ci':
      return /^(0|[1-9]\d{0,2})$/.test(value) ? { kind: 'city', index: Number(value) } : undefined
    case 's': {
      const stationId = parseId(value)
      return stationId === undefined ? undefined : { kind: 'station', stationId }
    }
    case 'k':
      return RADII_KM.map(String).includes(value) ? { kind: 'km', km: Number(value) } : undefined
    default:
      return undefined
  }
}

const CONTROL_CODES = { p: 'pause', u: 'resume', q: 'cancel-ask', qy: 'cancel-yes', qn: 'cancel-no' } as const
type ControlCode = keyof typeof CONTROL_CODES

export const controlData = (code: ControlCode, broadcastId: number) => `b:${code}:${broadcastId}`

export function parseControlData(data: string): ControlAction | undefined {
  const [prefix, code, value, ...rest] = data.split(':')
  if (prefix !== 'b' || code === undefined || !Object.hasOwn(CONTROL_CODES, code) || rest.length > 0) return undefined
  const broadcastId = parseId(value)
  return broadcastId === undefined ? undefined : { kind: CONTROL_CODES[code as ControlCode], broadcastId }
}
