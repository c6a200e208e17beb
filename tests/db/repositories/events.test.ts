import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkIn } from '../../../db/repositories/check-in.js'
import { eventCounts } from '../../../db/repositories/event-counts.js'
import { listRegistrants } from '../../../db/repositories/event-registrants.js'
import {
  cancelEvent,
  closeRegistration,
  createEvent,
  findEvent,
  finishEndedEvents,
  listManagedEvents,
  listSlots,
  publishEvent,
  updateEvent,
  type EventDraft,
} from '../../../db/repositories/events.js'
import { addScope, setRole } from '../../../db/repositories/roles.js'
import { touchUser } from '../../../db/repositories/users.js'
import { outbox, registrations, stations, type RegistrationStatus } from '../../../db/schema/index.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'

let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => database.close())

const now = new Date('2026-12-01T02:00:00Z')
const hours = (n: number) => new Date(now.getTime() + n * 3_600_000)
let nextUser = 91_000
let nextCode = 100

const draft = (overrides: Partial<EventDraft> = {}): EventDraft => ({
  kind: 'health_check',
  title: '免费体检',
  description: '',
  stationId: null,
  address: '体育场路 1 号',
  city: '杭州',
  lat: null,
  lng: null,
  startsAt: hours(48),
  endsAt: hours(51),
  registrationClosesAt: hours(48),
  cancelClosesAt: hours(46),
  capacity: 10,
  asks: ['name'],
  questions: [],
  createdBy: 1,
  ...overrides,
})

async function registrant(eventId: number, status: RegistrationStatus, extra: { name?: string; slotId?: number } = {}) {
  const user = await touchUser(database.db, { id: ++nextUser, languageCode: 'zh', isAdmin: false, firstName: `R${nextUser}` })
  const [row] = await database.db
    .insert(registrations)
    .values({
      eventId,
      userId: user.id,
      status,
      code: `T${String(++nextCode).padStart(5, '0')}`,
      name: extra.name ?? null,
      slotId: extra.slotId ?? null,
    })
    .returning()
  if (row === undefined) throw new Error('no registration')
  return row
}

describe('events repository', () => {
  it('creates an event with slots in one go, capacity being their sum', async () => {
    const event = await createEvent(
      database.db,
      draft(),
      [
        { startsAt: hours(48), endsAt: hours(48.5), capacity: 20 },
        { startsAt: hours(48.5), endsAt: hours(49), capacity: 15 },
      ],
      { publish: false, now },
    )
    expect(event).toMatchObject({ status: 'draft', capacity: 35, publishedAt: null })
    expect(await listSlots(database.db, event.id)).toHaveLength(2)
    expect(await publishEvent(database.db, event.id, now)).toMatchObject({ status: 'published' })
    expect(await publishEvent(database.db, event.id, now)).toBeUndefined()
  })

  it('refuses a capacity below the seats taken, and moves slots and deadlines with the start', async () => {
    const event = await createEvent(database.db, draft({ capacity: 3 }), [], { publish: true, now })
    await registrant(event.id, 'confirmed')
    await registrant(event.id, 'offered')
    await registrant(event.id, 'waitlisted')
    expect(await updateEvent(database.db, { eventId: event.id, patch: { capacity: 1 }, now })).toEqual({ kind: 'below-taken', taken: 2 })
    expect((await findEvent(database.db, event.id))?.capacity).toBe(3)
    const moved = await updateEvent(database.db, {
      eventId: event.id,
      patch: { startsAt: hours(72), endsAt: hours(75) },
      now: hours(1),
      notice: (user, updated) => ({ method: 'sendMessage', text: `${user.id} ${updated.startsAt.toISOString()}` }),
    })
    if (moved.kind !== 'updated') throw new Error('not moved')
    expect(moved.event.cancelClosesAt).toEqual(hours(70))
    expect(moved.event.registrationClosesAt).toEqual(hours(72))
    const notices = await database.db.select().from(outbox).where(eq(outbox.kind, 'event-changed'))
    expect(notices.filter((row) => row.dedupeKey?.startsWith(`event-changed:${event.id}:`))).toHaveLength(3)

    const slotted = await createEvent(database.db, draft(), [{ startsAt: hours(48), endsAt: hours(49), capacity: 5 }], {
      publish: true,
      now,
    })
    await updateEvent(database.db, { eventId: slotted.id, patch: { startsAt: hours(50), endsAt: hours(53) }, now })
    expect((await listSlots(database.db, slotted.id))[0]?.startsAt).toEqual(hours(50))
    expect(await updateEvent(database.db, { eventId: slotted.id, patch: { capacity: 9 }, now })).toEqual({ kind: 'has-slots' })
  })

  it('cancels once, telling every active registrant urgently and withdrawing their reminders', async () => {
    const event = await createEvent(database.db, draft(), [], { publish: true, now })
    const confirmed = await registrant(event.id, 'confirmed')
    await registrant(event.id, 'waitlisted')
    await registrant(event.id, 'cancelled')
    await database.db.insert(outbox).values({
      userId: confirmed.userId,
      kind: 'reminder-day',
      payload: { method: 'sendMessage', text: 'r' },
      registrationId: confirmed.id,
    })
    const notice = () => ({ method: 'sendMessage' as const, text: 'cancelled' })
    const result = await cancelEvent(database.db, { eventId: event.id, now, notice })
    expect(result?.notified).toBe(2)
    expect(await cancelEvent(database.db, { eventId: event.id, now, notice })).toBeUndefined()
    const rows = await database.db.select().from(outbox).where(eq(outbox.kind, 'event-cancelled'))
    expect(rows.filter((row) => row.dedupeKey?.startsWith(`event-cancelled:${event.id}:`)).every((row) => row.urgent)).toBe(true)
    const [reminder] = await database.db.select().from(outbox).where(eq(outbox.registrationId, confirmed.id))
    expect(reminder?.status).toBe('cancelled')
  })

  it('counts seats, check-ins and (after the end) no-shows, and checks in idempotently', async () => {
    const event = await createEvent(database.db, draft(), [], { publish: true, now })
    const other = await createEvent(database.db, draft({ title: '另一个' }), [], { publish: true, now })
    const anna = await registrant(event.id, 'confirmed', { name: '安娜' })
    await registrant(event.id, 'confirmed')
    const waiting = await registrant(event.id, 'waitlisted')
    const organizer = { id: 1, role: 'admin' as const }
    // An hour before the start: check-in is open (it opens 2 hours before).
    const door = hours(47)
    expect(await checkIn(database.db, { code: ` ${anna.code.toLowerCase()} `, organizer, now: door, opensHours: 2 })).toMatchObject({
      kind: 'ok',
    })
    expect(await checkIn(database.db, { code: anna.code, organizer, now: hours(48), opensHours: 2 })).toMatchObject({
      kind: 'already',
      registration: { checkedInAt: door },
    })
    expect(await checkIn(database.db, { code: waiting.code, organizer, now: door, opensHours: 2 })).toMatchObject({ kind: 'not-confirmed' })
    expect(await checkIn(database.db, { code: anna.code, organizer, now: door, opensHours: 2, eventId: other.id })).toMatchObject({
      kind: 'other-event',
    })
    expect(await checkIn(database.db, { code: 'ZZZZZZ', organizer, now: door, opensHours: 2 })).toEqual({ kind: 'unknown' })
    expect(await eventCounts(database.db, event, now)).toEqual({ confirmed: 2, offered: 0, waitlisted: 1, checkedIn: 1, noShows: 0 })
    expect((await eventCounts(database.db, event, hours(60))).noShows).toBe(1)
    const list = await listRegistrants(database.db, event.id)
    expect(list.map((row) => row.registration.status)).toEqual(['confirmed', 'confirmed', 'waitlisted'])
  })

  it('checks in only from the opening hours before the start until the end, unless the organizer confirms', async () => {
    const event = await createEvent(database.db, draft(), [], { publish: true, now })
    const early = await registrant(event.id, 'confirmed')
    const late = await registrant(event.id, 'confirmed')
    const organizer = { id: 1, role: 'admin' as const }
    // 28 hours before the start, as in the field report.
    expect(await checkIn(database.db, { code: early.code, organizer, now: hours(20), opensHours: 2 })).toMatchObject({
      kind: 'too-early',
      opensAt: hours(46),
    })
    expect(await checkIn(database.db, { code: late.code, organizer, now: hours(60), opensHours: 2 })).toMatchObject({ kind: 'too-late' })
    expect((await eventCounts(database.db, event, hours(60))).checkedIn).toBe(0)
    expect(await checkIn(database.db, { code: early.code, organizer, now: hours(20), opensHours: 2, force: true })).toMatchObject({
      kind: 'ok',
    })
    expect(await checkIn(database.db, { code: late.code, organizer, now: hours(46), opensHours: 2 })).toMatchObject({ kind: 'ok' })
  })

  it("lists only the events in a scoped organizer's cities and stations", async () => {
    const [station] = await database.db
      .insert(stations)
      .values({ externalId: 'ev-repo-1', name: '宁波驿站', kind: 'union', city: '宁波', lat: 29.87, lng: 121.55 })
      .returning()
    const organizer = await touchUser(database.db, { id: 91_999, languageCode: 'zh', isAdmin: false })
    await setRole(database.db, { userId: organizer.id, role: 'organizer', changedBy: null, via: 'command' })
    await addScope(database.db, { userId: organizer.id, stationId: station?.id ?? null, createdBy: null })
    const mine = await createEvent(database.db, draft({ city: '宁波', stationId: station?.id ?? null }), [], { publish: true, now })
    const listed = await listManagedEvents(database.db, { id: organizer.id, role: 'organizer' }, now)
    expect([...listed.drafts, ...listed.upcoming, ...listed.recent].map((event) => event.id)).toEqual([mine.id])
    const foreign = (await listManagedEvents(database.db, { id: 1, role: 'admin' }, now)).upcoming.find((event) => event.city === '杭州')
    expect(await checkIn(database.db, { code: 'NONE00', organizer, now, opensHours: 2 })).toEqual({ kind: 'unknown' })
    const code = (await registrant(foreign?.id ?? 0, 'confirmed')).code
    expect(await checkIn(database.db, { code, organizer, now, opensHours: 2 })).toEqual({ kind: 'forbidden' })
  })

  it('closes registration once and finishes ended events', async () => {
    const event = await createEvent(database.db, draft({ endsAt: hours(51) }), [], { publish: true, now })
    expect(await closeRegistration(database.db, event.id, now)).toMatchObject({ registrationClosed: true })
    expect(await closeRegistration(database.db, event.id, now)).toBeUndefined()
    expect(await finishEndedEvents(database.db, hours(52))).toBeGreaterThanOrEqual(1)
    expect((await findEvent(database.db, event.id))?.status).toBe('finished')
  })
})

describe('the finish-events job', () => {
  it('finishes published events that have ended, and leaves the others', async () => {
    const { run } = await import('../../../jobs/finish-events.js')
    const { parseConfig } = await import('../../../bot/config.js')
    const pino = (await import('pino')).default
    const ended = await createEvent(database.db, draft({ startsAt: hours(-5), endsAt: hours(-1) }), [], { publish: true, now })
    const running = await createEvent(database.db, draft({ startsAt: hours(-1), endsAt: hours(1) }), [], { publish: true, now })
    const draftEnded = await createEvent(database.db, draft({ startsAt: hours(-5), endsAt: hours(-1) }), [], { publish: false, now })
    await run({ config: parseConfig({}), db: database.db, logger: pino({ level: 'silent' }), now: () => now, api: {} as never })
    expect((await findEvent(database.db, ended.id))?.status).toBe('finished')
    expect((await findEvent(database.db, running.id))?.status).toBe('published')
    expect((await findEvent(database.db, draftEnded.id))?.status).toBe('draft')
  })
})
