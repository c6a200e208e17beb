// The pairs of bench:instances: a user walks a form step by step, the steps alternating between
// the two instances, and the last step (the one that creates something) reaches both at once.
// One kind per form that creates something; each user walks one kind, so any second row is a
// duplicate effect.
import { count, eq } from 'drizzle-orm'
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
  if (kind === 'tap-register') return { before: [], last: [tap(`e:r:${fixtures.eventId}`), tap(`e:r:${fixtures.eventId}`)] }
  if (kind === 'form-register') {
    const phone = contactUpdate(worker, { phone_number: `+86138${String(index).padStart(8, '0')}`, user_id: worker.id })
    return { before: [tap(`e:r:${fixtures.formEventId}`), tap('e:y'), say('李明'), phone], last: [say(`A${index}`), say(`A${index}`)] }
  }
  if (kind === 'ticket') {
    return {
      before: [say('/feedback'), tap('f:w:c'), tap('f:w:c:成都'), tap('f:w:k:need'), tap('f:w:a:0')],
      last: [say('热水器坏了'), say('热水器坏了！')],
    }
  }
  await addUser(db, worker.id, { role: 'organizer' })
  if (kind === 'broadcast') {
    await addScope(db, worker.id, { city: fixtures.city })
    const before = [say('/broadcast'), tap('b:t:e'), tap(`b:e:${fixtures.eventId}`), tap('b:o:a'), say('明天的活动改到下午两点')]
    return { before, last: [tap('b:y'), tap('b:y')] }
  }
  await addScope(db, worker.id, { city: '杭州' })
  const before = [
    ...[
      say('/newevent'),
      tap('ea:c:kind:training'),
      say(`并发发布${index}`),
      tap('ea:c:skip'),
      say('湖滨'),
      tap(`ea:c:station:${fixtures.stationId}`),
    ],
    ...[
      say(typedStart()),
      say('11:30'),
      say('30'),
      tap('ea:c:noslots'),
      tap('ea:c:default'),
      tap('ea:c:default'),
      tap('ea:c:done'),
      tap('ea:c:done'),
    ],
  ]
  return { before, last: [tap('ea:c:publish'), tap('ea:c:publish')] }
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
