/**
 * Callback data of the organizer's event screens, all under `ea:`. Anyone can send any bytes, so
 * every parser accepts only what the builders make; handlers still re-check the sender's rights.
 *
 *   ea:l                  the events panel (list)
 *   ea:n                  start creating an event
 *   ea:v:<id>             one event's panel
 *   ea:a:<act>:<id>       an action on an event (see `actions`)
 *   ea:f:<field>:<id>     edit one field (see `editFields`)
 *   ea:c:<step>[:<arg>]   a button inside the create/edit/check-in conversations
 *   ea:k:<code>           check a code in although check-in is not open (the organizer confirmed)
 */

const actions = ['edit', 'publish', 'close', 'cancel', 'cancelok', 'export', 'exportall', 'checkin'] as const
export type Action = (typeof actions)[number]

export const editFields = ['title', 'description', 'capacity', 'start', 'end', 'closes'] as const
export type EditField = (typeof editFields)[number]

const MAX_ID = 2 ** 31 - 1

function parseId(text: string | undefined): number | undefined {
  if (text === undefined || !/^[1-9]\d{0,9}$/.test(text)) return undefined
  const id = Number(text)
  return id <= MAX_ID ? id : undefined
}

export const listData = 'ea:l'
export const newData = 'ea:n'
export const panelData = (eventId: number) => `ea:v:${eventId}`
export const actionData = (action: Action, eventId: number) => `ea:a:${action}:${eventId}`
export const editData = (field: EditField, eventId: number) => `ea:f:${field}:${eventId}`
export const stepData = (step: string, arg?: string | number) => (arg === undefined ? `ea:c:${step}` : `ea:c:${step}:${arg}`)

export function parsePanelData(data: string): number | undefined {
  const match = /^ea:v:(\d+)$/.exec(data)
  return match === null ? undefined : parseId(match[1])
}

export function parseActionData(data: string): { action: Action; eventId: number } | undefined {
  const match = /^ea:a:([a-z]+):(\d+)$/.exec(data)
  const action = actions.find((known) => known === match?.[1])
  const eventId = parseId(match?.[2])
  return action === undefined || eventId === undefined ? undefined : { action, eventId }
}

export function parseEditData(data: string): { field: EditField; eventId: number } | undefined {
  const match = /^ea:f:([a-z]+):(\d+)$/.exec(data)
  const field = editFields.find((known) => known === match?.[1])
  const eventId = parseId(match?.[2])
  return field === undefined || eventId === undefined ? undefined : { field, eventId }
}

export const forceCheckInData = (code: string) => `ea:k:${code}`

export function parseForceCheckInData(data: string): string | undefined {
  return /^ea:k:([A-Z0-9]{6})$/.exec(data)?.[1]
}

/** A conversation button: its step name and argument, only when both are well-formed. */
export function parseStepData(data: string): { step: string; arg: string | undefined } | undefined {
  const match = /^ea:c:([a-z]{1,10})(?::([a-z0-9_]{1,20}))?$/.exec(data)
  if (match === null || match[1] === undefined) return undefined
  return { step: match[1], arg: match[2] }
}

export const parseStepId = (arg: string | undefined): number | undefined => parseId(arg)
