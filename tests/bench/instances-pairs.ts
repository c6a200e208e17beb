// The pairs of bench:instances: a user walks a form step by step, the steps alternating between
// the two instances, and the last step (the one that creates something) reaches both at once.
// One kind per form that creates something; each user walks one kind, so any second row is a
// duplicate effect.
import { count, eq } from 'drizzle-orm'
import { composeCallbacks } from '../../bot/callbacks/broadcast.js'
import { eventAdminCallbacks } from '../../bot/callbacks/event-admin.js'
import { eventCallbacks, eventFormCallbacks } from '../../bot/callbacks/events.js'
import { wizardCallbacks } from '../../bot/callbacks/feedback.js'
import type { Database } from '../../db/client.js'
import { broadcasts, events, feedbackTickets, registrations } from '../../db/schema/index.js'
import { addScope, addStation, addUser, register } from '../helpers/broadcast.js'
import { contactUpdate, createTestEvent } from '../helpers/events.js'
import { callbackUpdate, textUpdate, type Sender } from '../helpers/updates.js'
import type { Instance } from './instances-process.js'

export const pairKinds = ['ticket', 'tap-register', 'broadcast', 'publish', 'form-register'] as const
export type PairKind = (typeof pairKinds)[number]

type Fixtures = { eventId: number; city: string; formEventId: number; stationId: number }
type Update = Parameters<Instance['post']>[0]

const inTenDays = () => new Date(Date.now() + 10 * 86_400_000)

/** The events and the station the pairs act on; returns what the walks need. */
export async function preparePairs(db: Database): Promise<Fixtures> {
  const event = await createTestEvent(db, { capacity: 1000, startsAt: inTenDays() })
  // One registrant, so that an organizer's broadcast to the event has someone to reach.
  await register(db, event.id, await addUser(db, 799_999), 'confirmed')
  const form = await createTestEvent(db, {
    title: '表单报名活动',
    capacity: 1000,
    startsAt: inTenDays(),
    asks: ['name', 'phone'],
    questions: ['骑手工号'],
  })
  const stationId = await addStation(db, { name: '湖滨暖新驿站', city: '杭州', lat: 30.259, lng: 120.163 })
  return { eventId: event.id, city: event.city, formEventId: form.id, stationId }
}

/** A date ten days ahead in Shanghai, typed as an organizer would: "2026-12-11 09:00". */
const typedStart = () => `${new Date(inTenDays().getTime() + 8 * 3_600_000).toISOString().slice(0, 10)} 09:00`

async function steps(
  db: Database,
  kind: PairKind,
  worker: Sender,
  index: number,
  fixtures: Fixtures,
): Promise<{ before: Update[]; last: [Update, Update] }> {
  const tap = (data: string) => callbackUpdate(worker, data)
  const say = (text: string) => textUpdate(worker, text)
  if (kind === 'tap-register')
    return {
      before: [],
      last: [
        tap(eventCallbacks.register.pack({ eventId: fixtures.eventId })),
        tap(eventCallbacks.register.pack({ eventId: fixtures.eventId })),
      ],
    }
  if (kind === 'form-register') {
    const phone = contactUpdate(worker, { phone_number: `+86138${String(index).padStart(8, '0')}`, user_id: worker.id })
    return {
      before: [
        tap(eventCallbacks.register.pack({ eventId: fixtures.formEventId })),
        tap(eventFormCallbacks.consentYes.pack()),
        say('李明'),
        phone,
      ],
      last: [say(`A${index}`), say(`A${index}`)],
    }
  }
  if (kind === 'ticket') {
    return {
      before: [
        say('/feedback'),
        tap(wizardCallbacks.cities.pack()),
        tap(wizardCallbacks.city.pack({ city: '成都' })),
        tap(wizardCallbacks.category.pack({ category: 'need' })),
        tap(wizardCallbacks.anonymous.pack({ anonymous: false })),
      ],
      last: [say('热水器坏了'), say('热水器坏了！')],
    }
  }
  await addUser(db, worker.id, { role: 'organizer' })
  if (kind === 'broadcast') {
    await addScope(db, worker.id, { city: fixtures.city })
    const before = [
      say('/broadcast'),
      tap(composeCallbacks.type.pack({ type: 'event' })),
      tap(composeCallbacks.event.pack({ eventId: fixtures.eventId })),
      tap(composeCallbacks.only.pack({ only: 'all' })),
      say('明天的活动改到下午两点'),
    ]
    return { before, last: [tap(composeCallbacks.send.pack()), tap(composeCallbacks.send.pack())] }
  }
  await addScope(db, worker.id, { city: '杭州' })
  const before = [
    ...[
      say('/newevent'),
      tap(eventAdminCallbacks.step.pack({ step: 'kind', arg: 'training' })),
      say(`并发发布${index}`),
      tap(eventAdminCallbacks.step.pack({ step: 'skip' })),
      say('湖滨'),
      tap(eventAdminCallbacks.step.pack({ step: 'station', arg: String(fixtures.stationId) })),
    ],
    ...[
      say(typedStart()),
      say('11:30'),
      say('30'),
      tap(eventAdminCallbacks.step.pack({ step: 'noslots' })),
      tap(eventAdminCallbacks.step.pack({ step: 'default' })),
      tap(eventAdminCallbacks.step.pack({ step: 'default' })),
      tap(eventAdminCallbacks.step.pack({ step: 'done' })),
      tap(eventAdminCallbacks.step.pack({ step: 'done' })),
    ],
  ]
  return {
    before,
    last: [tap(eventAdminCallbacks.step.pack({ step: 'publish' })), tap(eventAdminCallbacks.step.pack({ step: 'publish' }))],
  }
}

/** Walks one user through `kind`, the steps alternating between a and b, the last one on both at once. */
export async function walkPair(
  db: Database,
  instances: [Instance, Instance],
  kind: PairKind,
  worker: Sender,
  index: number,
  fixtures: Fixtures,
): Promise<void> {
  const [a, b] = instances
  const { before, last } = await steps(db, kind, worker, index, fixtures)
  for (const [step, update] of before.entries()) await (step % 2 === 0 ? a : b).post(update)
  await Promise.all([a.post(last[0]), b.post(last[1])])
}

/** What the user's walk created: tickets, registrations, broadcasts and events, whichever the kind. */
export async function effectsOf(db: Database, userId: number): Promise<number> {
  const counts = await Promise.all([
    db.select({ n: count() }).from(feedbackTickets).where(eq(feedbackTickets.userId, userId)),
    db.select({ n: count() }).from(registrations).where(eq(registrations.userId, userId)),
    db.select({ n: count() }).from(broadcasts).where(eq(broadcasts.createdBy, userId)),
    db.select({ n: count() }).from(events).where(eq(events.createdBy, userId)),
  ])
  return counts.reduce((sum, [row]) => sum + (row?.n ?? 0), 0)
}
