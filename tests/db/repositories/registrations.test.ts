import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitlistNotices } from '../../../bot/ui/event-notices.js'
import { cancelRegistration, expireOffers, promoteWaitlisted, waitlistPosition } from '../../../core/registration.js'
import { findEventCard, listMyRegistrations, listPersonalData, listUpcomingEvents } from '../../../db/repositories/event-listing.js'
import { deletePersonalData, generateCode, register } from '../../../db/repositories/registrations.js'
import { setUserLocation, touchUser } from '../../../db/repositories/users.js'
import { events, outbox, registrations, users } from '../../../db/schema/index.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { createTestEvent, createTestSlots } from '../../helpers/events.js'

const now = new Date('2026-11-25T02:00:00Z')
const HOUR = 3_600_000
let database: TestDatabase
let nextUser = 50_000

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => database.close())

async function newUsers(count: number, languageCode = 'zh') {
  const ids = Array.from({ length: count }, () => nextUser++)
  for (const id of ids) await touchUser(database.db, { id, languageCode, isAdmin: false })
  return ids
}
const statusOf = async (id: number) => (await database.db.select().from(registrations).where(eq(registrations.id, id)))[0]?.status

describe('register', () => {
  it('confirms until the seats are gone, then waitlists in order; a second call is "already"', async () => {
    const event = await createTestEvent(database.db, { capacity: 2 })
    const [a, b, c] = await newUsers(3)
    const results = []
    for (const userId of [a, b, c])
      results.push(await register(database.db, { eventId: event.id, userId: userId ?? 0, consent: false, now }))
    expect(results.map((r) => r.kind)).toEqual(['confirmed', 'confirmed', 'waitlisted'])
    const again = await register(database.db, { eventId: event.id, userId: a ?? 0, consent: false, now })
    expect(again.kind).toBe('already')
    const waiting = results[2]
    if (waiting === undefined || !('registration' in waiting)) throw new Error('expected a registration')
    expect(await waitlistPosition(database.db, waiting.registration)).toBe(1)
  })

  it('refuses drafts, cancelled events, closed windows and early taps', async () => {
    const [userId = 0] = await newUsers(1)
    const cases: [Parameters<typeof createTestEvent>[1], string][] = [
      [{ status: 'draft' }, 'closed'],
      [{ status: 'cancelled' }, 'closed'],
      [{ registrationClosed: true }, 'closed'],
      [{ registrationClosesAt: now }, 'closed'],
      [{ registrationOpensAt: new Date(now.getTime() + HOUR) }, 'not-open'],
    ]
    for (const [overrides, outcome] of cases) {
      const event = await createTestEvent(database.db, overrides)
      expect((await register(database.db, { eventId: event.id, userId, consent: false, now })).kind).toBe(outcome)
    }
    expect((await register(database.db, { eventId: 2 ** 31 - 1, userId, consent: false, now })).kind).toBe('closed')
  })

  it('counts seats per slot and needs a slot of this event when there are slots', async () => {
    const event = await createTestEvent(database.db, { capacity: 2 })
    const other = await createTestEvent(database.db)
    const [otherSlot] = await createTestSlots(database.db, other, [{ startsAt: other.startsAt, endsAt: other.endsAt, capacity: 5 }])
    const [early, late] = await createTestSlots(database.db, event, [
      { startsAt: event.startsAt, endsAt: new Date(event.startsAt.getTime() + HOUR), capacity: 1 },
      { startsAt: new Date(event.startsAt.getTime() + HOUR), endsAt: event.endsAt, capacity: 1 },
    ])
    const [a = 0, b = 0, c = 0] = await newUsers(3)
    expect((await register(database.db, { eventId: event.id, userId: a, consent: false, now })).kind).toBe('closed')
    expect((await register(database.db, { eventId: event.id, slotId: otherSlot?.id ?? 0, userId: a, consent: false, now })).kind).toBe(
      'closed',
    )
    expect((await register(database.db, { eventId: event.id, slotId: early?.id ?? 0, userId: a, consent: false, now })).kind).toBe(
      'confirmed',
    )
    expect((await register(database.db, { eventId: event.id, slotId: early?.id ?? 0, userId: b, consent: false, now })).kind).toBe(
      'waitlisted',
    )
    expect((await register(database.db, { eventId: event.id, slotId: late?.id ?? 0, userId: c, consent: false, now })).kind).toBe(
      'confirmed',
    )
    const card = await findEventCard(database.db, event.id)
    expect(card?.slots.map((slot) => slot.taken)).toEqual([1, 1])
  })

  it('stores personal fields only with consent, and re-activates a cancelled registration with the same code', async () => {
    const event = await createTestEvent(database.db)
    const [userId = 0] = await newUsers(1)
    const first = await register(database.db, { eventId: event.id, userId, name: '甲', consent: false, now })
    if (!('registration' in first)) throw new Error('expected a registration')
    expect(first.registration.name).toBeNull()
    await cancelRegistration(database.db, waitlistNotices, { registrationId: first.registration.id, userId, now, offerHours: 12 })
    const second = await register(database.db, { eventId: event.id, userId, name: '甲', phone: '+86138', consent: true, now })
    if (!('registration' in second)) throw new Error('expected a registration')
    expect(second).toMatchObject({
      kind: 'confirmed',
      registration: { id: first.registration.id, code: first.registration.code, name: '甲', phone: '+86138' },
    })
  })

  it('never exceeds capacity or registers anyone twice under concurrent calls', async () => {
    const event = await createTestEvent(database.db, { capacity: 10 })
    const ids = await newUsers(40)
    const calls = [...ids, ...ids.slice(0, 10)].map((userId) => register(database.db, { eventId: event.id, userId, consent: false, now }))
    const outcomes = (await Promise.all(calls)).map((result) => result.kind)
    expect(outcomes.filter((o) => o === 'confirmed')).toHaveLength(10)
    expect(outcomes.filter((o) => o === 'already')).toHaveLength(10)
    const rows = await database.db.select().from(registrations).where(eq(registrations.eventId, event.id))
    expect(rows).toHaveLength(40)
  })

  it('writes taps that arrive together in arrival order: seats, then waitlist places 1, 2, 3…, each answered with its own row', async () => {
    const event = await createTestEvent(database.db, { capacity: 3 })
    const ids = await newUsers(12)
    const results = await Promise.all(ids.map((userId) => register(database.db, { eventId: event.id, userId, consent: false, now })))
    expect(results.map((result) => result.kind)).toEqual([...Array(3).fill('confirmed'), ...Array(9).fill('waitlisted')])
    expect(results.map((result) => ('registration' in result ? [result.registration.userId, result.waitlistPosition] : []))).toEqual(
      ids.map((userId, index) => [userId, Math.max(0, index - 2)]),
    )
  })

  it('a tap that cannot be written fails alone; the taps that came with it are still registered', async () => {
    const event = await createTestEvent(database.db, { capacity: 5 })
    const [a = 0, b = 0] = await newUsers(2)
    const unknownWorker = 9_999_999_001
    const outcomes = await Promise.allSettled(
      [a, unknownWorker, b].map((userId) => register(database.db, { eventId: event.id, userId, consent: false, now })),
    )
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    const rows = await database.db.select().from(registrations).where(eq(registrations.eventId, event.id))
    expect(rows.map((row) => row.userId).sort()).toEqual([a, b].sort())
  })

  it('returns what the confirmation shows with the registration: event, slot times and waitlist place, as a later read finds them', async () => {
    const event = await createTestEvent(database.db, { capacity: 1, title: '带位置' })
    const [slot] = await createTestSlots(database.db, event, [
      { startsAt: new Date(event.startsAt.getTime() + HOUR), endsAt: event.endsAt, capacity: 1 },
    ])
    const [a = 0, b = 0, c = 0] = await newUsers(3)
    const results = []
    for (const userId of [a, b, c])
      results.push(await register(database.db, { eventId: event.id, slotId: slot?.id ?? 0, userId, consent: false, now }))
    const again = await register(database.db, { eventId: event.id, slotId: slot?.id ?? 0, userId: c, consent: false, now })
    const expectedSlot = { startsAt: slot?.startsAt, endsAt: slot?.endsAt }
    expect(results).toMatchObject([
      { kind: 'confirmed', event: { id: event.id, title: '带位置' }, stationName: null, slot: expectedSlot, waitlistPosition: 0 },
      { kind: 'waitlisted', event: { id: event.id }, slot: expectedSlot, waitlistPosition: 1 },
      { kind: 'waitlisted', waitlistPosition: 2 },
    ])
    expect(again).toMatchObject({ kind: 'already', registration: { userId: c }, slot: expectedSlot, waitlistPosition: 2 })
    for (const result of [...results, again]) {
      if (!('registration' in result)) throw new Error('expected a registration')
      const read = (await database.db.select().from(registrations).where(eq(registrations.id, result.registration.id)))[0]
      expect(result.registration).toEqual(read)
      if (result.registration.status === 'waitlisted')
        expect(result.waitlistPosition).toBe(await waitlistPosition(database.db, result.registration))
    }
  })

  it('draws codes of 6 unambiguous characters', () => {
    const codes = Array.from({ length: 500 }, generateCode)
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/)
    expect(codes.join('')).not.toMatch(/[01OI]/)
  })
})

describe('waitlist promotion', () => {
  it('offers seats freed by a capacity increase in waitlist order, in each recipient’s language', async () => {
    const event = await createTestEvent(database.db, { capacity: 1, title: '扩容' })
    const [a = 0] = await newUsers(1)
    const [b = 0, c = 0] = await newUsers(2, 'en')
    const [d = 0] = await newUsers(1)
    for (const userId of [a, b, c, d]) await register(database.db, { eventId: event.id, userId, consent: false, now })
    await database.db.update(events).set({ capacity: 3 }).where(eq(events.id, event.id))
    expect(await promoteWaitlisted(database.db, waitlistNotices, event.id, now, 12)).toBe(2)
    expect(await promoteWaitlisted(database.db, waitlistNotices, event.id, now, 12)).toBe(0)
    const rows = await database.db.select().from(registrations).where(eq(registrations.eventId, event.id))
    expect(Object.fromEntries(rows.map((row) => [row.userId, row.status]))).toEqual({
      [a]: 'confirmed',
      [b]: 'offered',
      [c]: 'offered',
      [d]: 'waitlisted',
    })
    const notices = await database.db.select().from(outbox).where(eq(outbox.userId, b))
    expect(notices).toHaveLength(1)
    expect((notices[0]?.payload as { text: string }).text).toContain('A seat is free for you')
  })

  it('promotes per slot, and not after the event started', async () => {
    const event = await createTestEvent(database.db, { capacity: 2 })
    const [one, two] = await createTestSlots(database.db, event, [
      { startsAt: event.startsAt, endsAt: event.endsAt, capacity: 1 },
      { startsAt: event.startsAt, endsAt: event.endsAt, capacity: 1 },
    ])
    const [a = 0, b = 0, c = 0] = await newUsers(3)
    const first = await register(database.db, { eventId: event.id, slotId: one?.id ?? 0, userId: a, consent: false, now })
    await register(database.db, { eventId: event.id, slotId: one?.id ?? 0, userId: b, consent: false, now })
    await register(database.db, { eventId: event.id, slotId: two?.id ?? 0, userId: c, consent: false, now })
    expect(await promoteWaitlisted(database.db, waitlistNotices, event.id, now, 12)).toBe(0)
    if (!('registration' in first)) throw new Error('expected a registration')
    expect(await promoteWaitlisted(database.db, waitlistNotices, event.id, event.startsAt, 12)).toBe(0)
    const cancelled = await cancelRegistration(database.db, waitlistNotices, {
      registrationId: first.registration.id,
      userId: a,
      now,
      offerHours: 12,
    })
    expect(cancelled).toMatchObject({ kind: 'cancelled', promoted: 1 })
  })

  it('expires offers at their time and refuses to cancel after the cut-off or for someone else', async () => {
    const event = await createTestEvent(database.db, { capacity: 1 })
    const [a = 0, b = 0] = await newUsers(2)
    const first = await register(database.db, { eventId: event.id, userId: a, consent: false, now })
    const second = await register(database.db, { eventId: event.id, userId: b, consent: false, now })
    if (!('registration' in first) || !('registration' in second)) throw new Error('expected registrations')
    expect(
      (await cancelRegistration(database.db, waitlistNotices, { registrationId: first.registration.id, userId: b, now, offerHours: 12 }))
        .kind,
    ).toBe('not-found')
    expect(
      await cancelRegistration(database.db, waitlistNotices, {
        registrationId: first.registration.id,
        userId: a,
        now: event.cancelClosesAt,
        offerHours: 12,
      }),
    ).toEqual({
      kind: 'too-late',
      cancelClosesAt: event.cancelClosesAt,
    })
    await cancelRegistration(database.db, waitlistNotices, { registrationId: first.registration.id, userId: a, now, offerHours: 2 })
    expect(await statusOf(second.registration.id)).toBe('offered')
    expect(await expireOffers(database.db, waitlistNotices, new Date(now.getTime() + HOUR), 2)).toBe(0)
    expect(await expireOffers(database.db, waitlistNotices, new Date(now.getTime() + 2 * HOUR), 2)).toBe(1)
    expect(await statusOf(second.registration.id)).toBe('expired')
  })
})

describe('listings and personal data', () => {
  it('lists my live registrations, upcoming first', async () => {
    const [userId = 0] = await newUsers(1)
    const soon = await createTestEvent(database.db, { title: '先', startsAt: new Date('2026-11-30T01:00:00Z') })
    const later = await createTestEvent(database.db, { title: '后', startsAt: new Date('2026-12-20T01:00:00Z') })
    const past = await createTestEvent(database.db, {
      title: '过去',
      startsAt: new Date('2026-11-20T01:00:00Z'),
      registrationClosesAt: new Date('2026-11-26T00:00:00Z'),
    })
    for (const event of [later, past, soon]) await register(database.db, { eventId: event.id, userId, consent: false, now })
    const mine = await listMyRegistrations(database.db, userId, now)
    expect(mine.map((row) => row.event.title)).toEqual(['先', '后', '过去'])
  })

  it('sorts upcoming events by distance when a point is given', async () => {
    const { events: listed } = await listUpcomingEvents(database.db, { now, near: { lat: 30.66, lng: 104.06 }, offset: 0, limit: 3 })
    expect(listed[0]?.distance).toBeLessThan(1)
  })

  it('deletes personal fields and the last location but keeps the registrations', async () => {
    const event = await createTestEvent(database.db)
    const [userId = 0] = await newUsers(1)
    await register(database.db, {
      eventId: event.id,
      userId,
      name: '乙',
      phone: '+86139',
      occupation: '快递员',
      answers: ['无'],
      consent: true,
      now,
    })
    await setUserLocation(database.db, userId, { lat: 30, lng: 104 })
    expect(await listPersonalData(database.db, userId)).toHaveLength(1)
    expect(await deletePersonalData(database.db, userId)).toEqual({ registrations: 1, location: true })
    expect(await listPersonalData(database.db, userId)).toHaveLength(0)
    const [row] = await database.db.select().from(registrations).where(eq(registrations.userId, userId))
    expect(row).toMatchObject({ status: 'confirmed', name: null, phone: null, occupation: null, answers: [] })
    const [user] = await database.db.select().from(users).where(eq(users.id, userId))
    expect(user?.lastLat).toBeNull()
    expect(await deletePersonalData(database.db, userId)).toEqual({ registrations: 0, location: false })
  })
})
