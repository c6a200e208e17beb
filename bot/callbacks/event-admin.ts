import { code, defineCallback, id, namespaceFilter, oneOf, optional, word } from './codec.js'

const eventActions = ['edit', 'publish', 'close', 'cancel', 'cancelok', 'export', 'exportall', 'checkin'] as const
export type EventAction = (typeof eventActions)[number]

export const editFields = ['title', 'description', 'capacity', 'start', 'end', 'closes'] as const
export type EditField = (typeof editFields)[number]

/** The buttons inside the create/edit/check-in conversations (`ea:step:<step>[:<arg>]`). */
const formSteps = [
  'stop',
  'kind',
  'skip',
  'default',
  'done',
  'qplain',
  'qsens',
  'publish',
  'draft',
  'discard',
  'ask',
  'dateok',
  'dateno',
  'station',
  'noslots',
  'slotsum',
  'sloteven',
  'slotagain',
] as const
export type FormStep = (typeof formSteps)[number]

/** The organizer's event screens (/manage, /newevent, /checkin). */
export const eventAdminCallbacks = {
  list: defineCallback('ea:list'),
  create: defineCallback('ea:new'),
  panel: defineCallback('ea:panel', { eventId: id() }),
  action: defineCallback('ea:do', { action: oneOf(eventActions), eventId: id() }),
  edit: defineCallback('ea:edit', { field: oneOf(editFields), eventId: id() }),
  /** 仍然签到: check a code in although check-in is not open (the organizer confirmed). */
  forceCheckIn: defineCallback('ea:force', { code: code(6) }),
  step: defineCallback('ea:step', { step: oneOf(formSteps), arg: optional(word(20)) }),
}

/** A station picked inside the create conversation (`ea:step:station:<id>`). */
export const stepStationId = (arg: string | undefined): number | undefined => (arg === undefined ? undefined : id().parse(arg))

/** Before the codec the namespace was already `ea:`, with one-letter names that no definition reuses. */
export const eventAdminStale = namespaceFilter('ea')
