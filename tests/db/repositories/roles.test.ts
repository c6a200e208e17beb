import { eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createInvite, redeemInvite } from '../../../db/repositories/invites.js'
import {
  addScope,
  canManage,
  demoteToWorker,
  listScopes,
  listTeam,
  removeScope,
  responsibleOrganizers,
  setRole,
  stationCities,
} from '../../../db/repositories/roles.js'
import { findUser, touchUser } from '../../../db/repositories/users.js'
import { organizerScopes, roleChanges, stations, users, type User } from '../../../db/schema/index.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'

let database: TestDatabase
let nextId = 8_000_000_000

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => database.close())

const db = () => database.db
const now = new Date('2026-11-23T06:00:00Z')

async function person(role: User['role'] = 'worker', firstName = '师傅'): Promise<User> {
  const id = ++nextId
  await touchUser(db(), { id, languageCode: 'zh', isAdmin: false, firstName })
  if (role !== 'worker') await db().update(users).set({ role }).where(eq(users.id, id))
  const user = await findUser(db(), id)
  if (user === undefined) throw new Error('user missing')
  return user
}

let stationSerial = 0
async function station(city: string, name = `驿站${++stationSerial}`): Promise<number> {
  const [row] = await db()
    .insert(stations)
    .values({ externalId: `roles-${++stationSerial}`, name, kind: '暖新驿站', city, lat: 30.6, lng: 104.06 })
    .returning({ id: stations.id })
  if (row === undefined) throw new Error('station missing')
  return row.id
}

const changesOf = (userId: number) => db().select().from(roleChanges).where(eq(roleChanges.userId, userId)).orderBy(roleChanges.id)

describe('touchUser and ADMIN_IDS', () => {
  it('records a promotion through the configuration once, with no one as the changer', async () => {
    const id = ++nextId
    await touchUser(db(), { id, languageCode: 'zh', isAdmin: true })
    await touchUser(db(), { id, languageCode: 'zh', isAdmin: true })
    await touchUser(db(), { id, languageCode: 'zh', isAdmin: false })
    expect(await changesOf(id)).toMatchObject([{ fromRole: null, toRole: 'admin', changedBy: null, via: 'config' }])
  })

  it('records the previous role of an existing user who becomes admin, and returns the user row', async () => {
    const organizer = await person('organizer', '李组织')
    const user = await touchUser(db(), { id: organizer.id, languageCode: 'zh', isAdmin: true, firstName: '李组织' })
    expect(user).toMatchObject({ id: organizer.id, role: 'admin', firstName: '李组织' })
    expect(user.lastSeenAt).toBeInstanceOf(Date)
    expect(Object.keys(user).sort()).toEqual(Object.keys(organizer).sort())
    expect(await changesOf(organizer.id)).toMatchObject([{ fromRole: 'organizer', toRole: 'admin', via: 'config' }])
  })

  it('writes nothing for workers', async () => {
    const worker = await person()
    await touchUser(db(), { id: worker.id, languageCode: 'zh', isAdmin: false })
    expect(await changesOf(worker.id)).toEqual([])
  })
})

describe('setRole, scopes and demoteToWorker', () => {
  it('records who changed a role and how, and nothing when the role stays', async () => {
    const admin = await person('admin')
    const worker = await person()
    expect(await setRole(db(), { userId: worker.id, role: 'organizer', changedBy: admin.id, via: 'command' })).toBe(true)
    expect(await setRole(db(), { userId: worker.id, role: 'organizer', changedBy: admin.id, via: 'command' })).toBe(false)
    expect(await changesOf(worker.id)).toMatchObject([{ fromRole: 'worker', toRole: 'organizer', changedBy: admin.id, via: 'command' }])
  })

  it('adds the same scope only once, removes one scope, and demotion drops all of them', async () => {
    const organizer = await person('organizer')
    const stationId = await station('绵阳市')
    await addScope(db(), { userId: organizer.id, city: '绵阳市', createdBy: null })
    await addScope(db(), { userId: organizer.id, city: '绵阳市', createdBy: null })
    await addScope(db(), { userId: organizer.id, stationId, createdBy: null })
    const scopes = await listScopes(db(), organizer.id)
    expect(scopes.map((scope) => [scope.city, scope.stationId])).toEqual([
      ['绵阳市', null],
      [null, stationId],
    ])
    expect(await removeScope(db(), scopes[0]?.id ?? 0)).toBe(true)
    expect(await removeScope(db(), scopes[0]?.id ?? 0)).toBe(false)
    expect(await demoteToWorker(db(), { userId: organizer.id, changedBy: null, via: 'command' })).toBe(true)
    expect(await demoteToWorker(db(), { userId: organizer.id, changedBy: null, via: 'command' })).toBe(false)
    expect(await listScopes(db(), organizer.id)).toEqual([])
    expect((await findUser(db(), organizer.id))?.role).toBe('worker')
  })

  it('lists the cities of active stations, each once', async () => {
    await station('德阳市')
    await station('德阳市')
    const cities = await stationCities(db())
    expect(cities.filter((city) => city === '德阳市')).toHaveLength(1)
    expect(cities).not.toContain('')
  })
})

describe('canManage', () => {
  it('lets admins manage everything and workers nothing', async () => {
    const place = { city: '成都市', stationId: null }
    expect(await canManage(db(), await person('admin'), place)).toBe(true)
    expect(await canManage(db(), await person(), place)).toBe(false)
    expect(await canManage(db(), undefined, place)).toBe(false)
  })

  it('lets an organizer without scopes manage everywhere', async () => {
    const organizer = await person('organizer')
    expect(await canManage(db(), organizer, { city: '西安市', stationId: null })).toBe(true)
    expect(await canManage(db(), organizer, { city: null, stationId: await station('兰州市') })).toBe(true)
  })

  it('keeps a city-scoped organizer to that city, also for stations that only know their city', async () => {
    const organizer = await person('organizer')
    await addScope(db(), { userId: organizer.id, city: '成都市', createdBy: null })
    expect(await canManage(db(), organizer, { city: '成都市', stationId: null })).toBe(true)
    expect(await canManage(db(), organizer, { city: null, stationId: await station('成都市') })).toBe(true)
    expect(await canManage(db(), organizer, { city: '重庆市', stationId: null })).toBe(false)
    expect(await canManage(db(), organizer, { city: null, stationId: await station('重庆市') })).toBe(false)
  })

  it('keeps a station-scoped organizer to that station', async () => {
    const organizer = await person('organizer')
    const mine = await station('南充市')
    const other = await station('南充市')
    await addScope(db(), { userId: organizer.id, stationId: mine, createdBy: null })
    expect(await canManage(db(), organizer, { city: '南充市', stationId: mine })).toBe(true)
    expect(await canManage(db(), organizer, { city: '南充市', stationId: other })).toBe(false)
    expect(await canManage(db(), organizer, { city: '南充市', stationId: null })).toBe(false)
  })
})

describe('responsibleOrganizers', () => {
  /** Starts from a team of nobody, so that the fallbacks can be seen. */
  async function emptyTeam() {
    await db().delete(organizerScopes)
    await db()
      .update(users)
      .set({ role: 'worker' })
      .where(inArray(users.role, ['organizer', 'admin']))
  }
  const ids = (list: readonly User[]) => list.map((user) => user.id).sort()

  it('prefers organizers of the station and of its city, then unscoped organizers, then admins', async () => {
    await emptyTeam()
    const admin = await person('admin')
    const stationId = await station('宜宾市')
    expect(ids(await responsibleOrganizers(db(), { city: null, stationId }))).toEqual([admin.id])

    const unscoped = await person('organizer')
    expect(ids(await responsibleOrganizers(db(), { city: null, stationId }))).toEqual([unscoped.id])

    const ofCity = await person('organizer')
    await addScope(db(), { userId: ofCity.id, city: '宜宾市', createdBy: admin.id })
    expect(ids(await responsibleOrganizers(db(), { city: null, stationId }))).toEqual([ofCity.id])
    expect(ids(await responsibleOrganizers(db(), { city: '宜宾市', stationId: null }))).toEqual([ofCity.id])

    const ofStation = await person('organizer')
    await addScope(db(), { userId: ofStation.id, stationId, createdBy: admin.id })
    expect(ids(await responsibleOrganizers(db(), { city: '宜宾市', stationId }))).toEqual(ids([ofCity, ofStation]))
    // Another city has no scoped organizer: the unscoped one answers for it.
    expect(ids(await responsibleOrganizers(db(), { city: '泸州市', stationId: null }))).toEqual([unscoped.id])
    // A demoted organizer is nobody's owner any more, even with a scope row left behind.
    await db().update(users).set({ role: 'worker' }).where(eq(users.id, ofCity.id))
    expect(ids(await responsibleOrganizers(db(), { city: '宜宾市', stationId: null }))).toEqual([unscoped.id])
  })
})

describe('invites', () => {
  it('makes a worker an organizer with the invite’s scope, once, and records who invited them', async () => {
    const admin = await person('admin')
    const worker = await person()
    const other = await person()
    const invite = await createInvite(db(), { createdBy: admin.id, expiresAt: new Date(now.getTime() + 3_600_000), city: '自贡市' })
    expect(invite.code).toMatch(/^[A-Za-z0-9_-]{12}$/)
    expect(await redeemInvite(db(), invite.code, worker.id, now)).toMatchObject({ code: invite.code, usedBy: worker.id })
    expect((await findUser(db(), worker.id))?.role).toBe('organizer')
    expect((await listScopes(db(), worker.id)).map((scope) => scope.city)).toEqual(['自贡市'])
    expect(await changesOf(worker.id)).toMatchObject([{ fromRole: 'worker', toRole: 'organizer', changedBy: admin.id, via: 'invite' }])

    expect(await redeemInvite(db(), invite.code, other.id, now)).toBeUndefined()
    expect(await redeemInvite(db(), invite.code, worker.id, now)).toBeUndefined()
    expect((await findUser(db(), other.id))?.role).toBe('worker')
  })

  it('refuses an expired or unknown code and changes nothing', async () => {
    const admin = await person('admin')
    const worker = await person()
    const invite = await createInvite(db(), { createdBy: admin.id, expiresAt: now })
    expect(await redeemInvite(db(), invite.code, worker.id, now)).toBeUndefined()
    expect(await redeemInvite(db(), 'no-such-code', worker.id, now)).toBeUndefined()
    expect((await findUser(db(), worker.id))?.role).toBe('worker')
    expect(await changesOf(worker.id)).toEqual([])
  })

  it('leaves an admin an admin, without a scope', async () => {
    const admin = await person('admin')
    const other = await person('admin')
    const invite = await createInvite(db(), { createdBy: admin.id, expiresAt: new Date(now.getTime() + 60_000), city: '自贡市' })
    expect(await redeemInvite(db(), invite.code, other.id, now)).toBeDefined()
    expect((await findUser(db(), other.id))?.role).toBe('admin')
    expect(await listScopes(db(), other.id)).toEqual([])
  })
})

describe('listTeam', () => {
  it('lists organizers and admins with station names and the latest change with the changer’s name', async () => {
    const admin = await person('admin', '王管理')
    const worker = await person('worker', '张师傅')
    const stationId = await station('乐山市', '乐山嘉州驿站')
    await setRole(db(), { userId: worker.id, role: 'organizer', changedBy: null, via: 'config' })
    await setRole(db(), { userId: worker.id, role: 'worker', changedBy: admin.id, via: 'command' })
    await setRole(db(), { userId: worker.id, role: 'organizer', changedBy: admin.id, via: 'command' })
    await addScope(db(), { userId: worker.id, stationId, createdBy: admin.id })
    const team = await listTeam(db())
    const member = team.find((entry) => entry.user.id === worker.id)
    expect(member?.scopes).toMatchObject([{ stationId, stationName: '乐山嘉州驿站', city: null }])
    expect(member?.lastChange).toMatchObject({
      fromRole: 'worker',
      toRole: 'organizer',
      changedBy: admin.id,
      changedByName: '王管理',
      via: 'command',
    })
    expect(team.every((entry) => entry.user.role !== 'worker')).toBe(true)
    expect(team.findIndex((entry) => entry.user.id === admin.id)).toBeGreaterThanOrEqual(0)
  })
})
