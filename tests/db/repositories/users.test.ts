import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findUser, markUserBlocked, setUserLocale, setUserLocation, touchUser } from '../../../db/repositories/users.js'
import { users } from '../../../db/schema/index.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'

let database: TestDatabase
let nextId = 7_000_000_000 // above 2^32, as recent Telegram ids are

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => database.close())

const newId = () => ++nextId
const worker = (id: number, languageCode: string | undefined = 'zh-hans') => ({ id, languageCode, isAdmin: false })

/** Moves a user's first and last seen a day into the past, so a later touch shows as a change. */
async function ageByOneDay(id: number) {
  await database.db
    .update(users)
    .set({ firstSeenAt: sql`now() - interval '1 day'`, lastSeenAt: sql`now() - interval '1 day'` })
    .where(eq(users.id, id))
  const user = await findUser(database.db, id)
  if (user === undefined) throw new Error(`user ${id} is missing`)
  return user
}

describe('touchUser', () => {
  it('creates a worker seen for the first time, first and last seen now', async () => {
    const id = newId()
    const user = await touchUser(database.db, worker(id))
    expect(user).toMatchObject({ id, languageCode: 'zh-hans', role: 'worker', blockedAt: null, lastLat: null })
    expect(user.firstSeenAt).toBeInstanceOf(Date)
    expect(user.lastSeenAt.getTime()).toBe(user.firstSeenAt.getTime())
    expect(Math.abs(user.firstSeenAt.getTime() - Date.now())).toBeLessThan(60_000)
    expect(await findUser(database.db, id)).toEqual(user)
  })

  it('moves last seen forward and keeps first seen when the user comes back', async () => {
    const id = newId()
    await touchUser(database.db, worker(id))
    const aged = await ageByOneDay(id)
    const again = await touchUser(database.db, worker(id, 'en'))
    expect(again.firstSeenAt.getTime()).toBe(aged.firstSeenAt.getTime())
    expect(again.lastSeenAt.getTime()).toBeGreaterThan(aged.lastSeenAt.getTime() + 23 * 3_600_000)
    expect(again.languageCode).toBe('en')
  })

  it('makes a user listed in ADMIN_IDS an admin, on first contact and later', async () => {
    const newcomer = newId()
    expect((await touchUser(database.db, { id: newcomer, languageCode: 'zh', isAdmin: true })).role).toBe('admin')

    const existing = newId()
    await touchUser(database.db, worker(existing))
    expect((await touchUser(database.db, { id: existing, languageCode: 'zh', isAdmin: true })).role).toBe('admin')
  })

  it('never demotes anyone: an admin stays admin and an organizer stays organizer when touched as a worker', async () => {
    const admin = newId()
    await touchUser(database.db, { id: admin, languageCode: 'zh', isAdmin: true })
    expect((await touchUser(database.db, worker(admin))).role).toBe('admin')

    const organizer = newId()
    await touchUser(database.db, worker(organizer))
    await database.db.update(users).set({ role: 'organizer' }).where(eq(users.id, organizer))
    expect((await touchUser(database.db, worker(organizer))).role).toBe('organizer')
    expect((await findUser(database.db, organizer))?.role).toBe('organizer')
  })

  it('clears blockedAt when a user who had blocked the bot writes again', async () => {
    const id = newId()
    await touchUser(database.db, worker(id))
    await markUserBlocked(database.db, id)
    expect((await findUser(database.db, id))?.blockedAt).toBeInstanceOf(Date)
    expect((await touchUser(database.db, worker(id))).blockedAt).toBeNull()
    expect((await findUser(database.db, id))?.blockedAt).toBeNull()
  })
})

describe('setUserLocation', () => {
  it('remembers where the user last was, and when', async () => {
    const id = newId()
    await touchUser(database.db, worker(id))
    await setUserLocation(database.db, id, { lat: 30.6573, lng: 104.0798 })
    const user = await findUser(database.db, id)
    expect(user?.lastLat).toBeCloseTo(30.6573, 10)
    expect(user?.lastLng).toBeCloseTo(104.0798, 10)
    expect(user?.lastLocatedAt).toBeInstanceOf(Date)

    await setUserLocation(database.db, id, { lat: 34.26, lng: 108.94 })
    expect(await findUser(database.db, id)).toMatchObject({ lastLat: 34.26, lastLng: 108.94 })
  })

  it('changes nobody else', async () => {
    const mover = newId()
    const other = newId()
    await touchUser(database.db, worker(mover))
    await touchUser(database.db, worker(other))
    await setUserLocation(database.db, mover, { lat: 30.6, lng: 104.0 })
    expect(await findUser(database.db, other)).toMatchObject({ lastLat: null, lastLng: null, lastLocatedAt: null })
  })
})

describe('setUserLocale and findUser', () => {
  it('stores the picked language, and null again to follow Telegram', async () => {
    const id = newId()
    await touchUser(database.db, worker(id))
    await setUserLocale(database.db, id, 'en')
    expect((await findUser(database.db, id))?.locale).toBe('en')
    await touchUser(database.db, worker(id))
    expect((await findUser(database.db, id))?.locale).toBe('en')
    await setUserLocale(database.db, id, null)
    expect((await findUser(database.db, id))?.locale).toBeNull()
  })

  it('finds nobody for an id never seen', async () => {
    expect(await findUser(database.db, newId())).toBeUndefined()
  })
})
