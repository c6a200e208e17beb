import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addScope, listScopes } from '../../../db/repositories/roles.js'
import { findUser } from '../../../db/repositories/users.js'
import { invites, organizerScopes, outbox, roleChanges, stations, users } from '../../../db/schema/index.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { callbackUpdate, stickerUpdate, textUpdate } from '../../helpers/updates.js'

let database: TestDatabase
let chengduStation = 0

const ADMIN = 9_100_001
const env = { ADMIN_IDS: String(ADMIN) }
let nextId = 9_200_000
const newId = () => ++nextId
const start = new Date('2026-11-23T02:00:00Z') // 10:00 in Shanghai

beforeAll(async () => {
  database = await createTestDatabase()
  const rows = await database.db
    .insert(stations)
    .values([
      { externalId: 'r-1', name: '春熙路暖新驿站', kind: '暖新驿站', city: '成都市', district: '锦江区', lat: 30.657, lng: 104.08 },
      { externalId: 'r-2', name: '雁塔暖新驿站', kind: '暖新驿站', city: '西安市', district: '雁塔区', lat: 34.22, lng: 108.95 },
    ])
    .returning({ id: stations.id })
  chengduStation = rows[0]?.id ?? 0
})
afterAll(async () => database.close())

const db = () => database.db
const bot = (now = start) => createTestBot(db(), { env, now: () => now })
const roleOf = async (id: number) => (await findUser(db(), id))?.role
const outboxFor = (userId: number) => db().select().from(outbox).where(eq(outbox.userId, userId)).orderBy(outbox.id)

async function snapshot() {
  const [a] = await db().select({ n: count() }).from(invites)
  const [b] = await db().select({ n: count() }).from(roleChanges)
  const [c] = await db().select({ n: count() }).from(organizerScopes)
  const [d] = await db().select({ n: count() }).from(outbox)
  const roles = await db().select({ id: users.id, role: users.role }).from(users).orderBy(users.id)
  return { invites: a?.n, changes: b?.n, scopes: c?.n, outbox: d?.n, roles }
}

/** Runs /invite as the admin and picks a city; returns the invite code from the link. */
async function inviteForCity(now = start): Promise<string> {
  const { bot: admin, telegram } = bot(now)
  await admin.handleUpdate(textUpdate({ id: ADMIN }, '/invite'))
  expect(telegram.callbackData({ method: 'sendMessage' })).toEqual(['ro:invite', 'ro:cities', 'ro:stations'])
  await admin.handleUpdate(callbackUpdate({ id: ADMIN }, 'ro:cities'))
  expect(telegram.callbackData({ method: 'sendMessage' })).toEqual(['ro:city:成都市', 'ro:city:西安市'])
  await admin.handleUpdate(callbackUpdate({ id: ADMIN }, 'ro:city:成都市'))
  const match = /https:\/\/t\.me\/nuanxin_test_bot\?start=org_([\w-]+)/.exec(telegram.lastText({ method: 'sendMessage' }))
  expect(match).not.toBeNull()
  return match?.[1] ?? ''
}

describe('invites', () => {
  it('lets an admin invite an organizer for a city; the link works once and the admin is told', async () => {
    const code = await inviteForCity()
    const invite = (await db().select().from(invites).where(eq(invites.code, code)))[0]
    expect(invite?.expiresAt.toISOString()).toBe('2026-11-26T02:00:00.000Z')

    const worker = newId()
    const { bot: app, telegram } = bot()
    await app.handleUpdate(textUpdate({ id: worker, first_name: '刘师傅' }, `/start org_${code}`))
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('欢迎你成为暖新助手的组织者')
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('成都市')
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('/organize')
    expect(await roleOf(worker)).toBe('organizer')
    expect((await listScopes(db(), worker)).map((scope) => scope.city)).toEqual(['成都市'])
    expect(await db().select().from(roleChanges).where(eq(roleChanges.userId, worker))).toMatchObject([
      { fromRole: 'worker', toRole: 'organizer', changedBy: ADMIN, via: 'invite' },
    ])
    const notices = await outboxFor(ADMIN)
    expect(notices.filter((row) => row.dedupeKey === `invite-used:${code}`)).toHaveLength(1)
    expect(notices.at(-1)?.payload).toMatchObject({ method: 'sendMessage', parseMode: 'HTML' })
    expect(JSON.stringify(notices.at(-1)?.payload)).toContain('刘师傅')

    const late = newId()
    await app.handleUpdate(textUpdate({ id: late }, `/start org_${code}`))
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('已经被使用过')
    expect(await roleOf(late)).toBe('worker')
    await app.handleUpdate(textUpdate({ id: worker }, `/start org_${code}`))
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('你已经用过这个邀请链接')
  })

  it('refuses an expired or unknown link and changes nothing', async () => {
    const code = await inviteForCity()
    const worker = newId()
    const { bot: later, telegram } = bot(new Date(start.getTime() + 73 * 3_600_000))
    await later.handleUpdate(textUpdate({ id: worker }, '/start'))
    const before = await snapshot()
    await later.handleUpdate(textUpdate({ id: worker }, `/start org_${code}`))
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('过期')
    await later.handleUpdate(textUpdate({ id: worker }, '/start org_nonsense'))
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('无效')
    expect(await snapshot()).toEqual(before)
  })

  it('keeps the link unused when the admin opens it, and the admin an admin', async () => {
    const code = await inviteForCity()
    const { bot: app, telegram } = bot()
    await app.handleUpdate(textUpdate({ id: ADMIN }, `/start org_${code}`))
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('仍然可以发给')
    expect(await roleOf(ADMIN)).toBe('admin')
    expect((await db().select().from(invites).where(eq(invites.code, code)))[0]?.usedBy).toBeNull()
  })

  it('invites for a station picked by typing its name', async () => {
    const { bot: admin, telegram } = bot()
    await admin.handleUpdate(textUpdate({ id: ADMIN }, '/invite'))
    await admin.handleUpdate(callbackUpdate({ id: ADMIN }, 'ro:stations'))
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('请输入驿站名称')
    // The form lives in the database: a restarted bot continues it.
    const { bot: restarted, telegram: after } = bot()
    await restarted.handleUpdate(stickerUpdate({ id: ADMIN }))
    expect(after.lastText({ method: 'sendMessage' })).toContain('请用文字输入驿站名称')
    await restarted.handleUpdate(textUpdate({ id: ADMIN }, '没有这个地方'))
    expect(after.lastText({ method: 'sendMessage' })).toContain('没找到')
    await restarted.handleUpdate(textUpdate({ id: ADMIN }, '春熙路'))
    expect(after.callbackData({ method: 'sendMessage' })).toEqual([`ro:station:${chengduStation}`])
    await restarted.handleUpdate(callbackUpdate({ id: ADMIN }, `ro:station:${chengduStation}`))
    const code = /start=org_([\w-]+)/.exec(after.lastText({ method: 'sendMessage' }))?.[1] ?? ''
    expect(after.lastText({ method: 'sendMessage' })).toContain('春熙路暖新驿站')
    expect(after.lastText({ method: 'sendMessage' })).toContain('只能使用一次')

    const worker = newId()
    await bot().bot.handleUpdate(textUpdate({ id: worker }, `/start org_${code}`))
    expect(await listScopes(db(), worker)).toMatchObject([{ city: null, stationId: chengduStation }])
  })

  it('invites without a scope', async () => {
    const { bot: admin, telegram } = bot()
    await admin.handleUpdate(textUpdate({ id: ADMIN }, '/invite'))
    await admin.handleUpdate(callbackUpdate({ id: ADMIN }, 'ro:invite'))
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('不限地区')
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('2026-11-26 10:00')
    // A double tap shows the same link again instead of making a second one.
    const first = /start=org_([\w-]+)/.exec(telegram.lastText({ method: 'sendMessage' }))?.[1]
    await admin.handleUpdate(callbackUpdate({ id: ADMIN }, 'ro:invite'))
    expect(/start=org_([\w-]+)/.exec(telegram.lastText({ method: 'sendMessage' }))?.[1]).toBe(first)
  })
})

describe('workers and organizers are refused', () => {
  it('refuses a worker every admin command and every forged button, changing nothing', async () => {
    const worker = newId()
    const organizer = newId()
    const { bot: app, telegram } = bot()
    await app.handleUpdate(textUpdate({ id: worker }, '/start'))
    await app.handleUpdate(textUpdate({ id: organizer }, '/start'))
    await db().update(users).set({ role: 'organizer' }).where(eq(users.id, organizer))
    await addScope(db(), { userId: organizer, city: '西安市', createdBy: ADMIN })
    const [scope] = await listScopes(db(), organizer)
    const before = await snapshot()
    telegram.clear()
    for (const command of ['/invite', `/appoint ${worker}`, `/demote ${organizer}`, '/team']) {
      await app.handleUpdate(textUpdate({ id: worker }, command))
      expect(telegram.lastText({ method: 'sendMessage' })).toContain('请向你们的工会或社区管理员要一个组织者邀请链接')
    }
    await app.handleUpdate(textUpdate({ id: organizer }, '/invite'))
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('只有管理员')
    const forged = [
      'ro:invite',
      'ro:city:成都市',
      `ro:station:${chengduStation}`,
      `ro:demote:${organizer}`,
      `ro:demote-yes:${organizer}`,
      `ro:unscope-yes:${scope?.id}`,
      'ro:team',
      'hub:team',
    ]
    for (const data of forged) {
      await app.handleUpdate(callbackUpdate({ id: worker }, data))
      await app.handleUpdate(callbackUpdate({ id: organizer }, data))
    }
    expect(telegram.alerts()).toHaveLength(forged.length * 2)
    expect(telegram.alerts().every((text) => text.includes('只有管理员可以用'))).toBe(true)
    expect(telegram.callsOf('sendMessage')).toHaveLength(5)
    expect(telegram.callsOf('editMessageText')).toHaveLength(0)
    expect(await snapshot()).toEqual(before)
  })

  it('answers broken callback data as stale', async () => {
    const { bot: app, telegram } = bot()
    await app.handleUpdate(callbackUpdate({ id: ADMIN }, 'ro:demote-yes:abc'))
    await app.handleUpdate(callbackUpdate({ id: ADMIN }, 'r:zz'))
    expect(telegram.alerts().every((text) => text.includes('失效'))).toBe(true)
  })
})

describe('/appoint and /demote', () => {
  it('appoints a known user with a city scope, records it and tells them', async () => {
    const worker = newId()
    const { bot: app, telegram } = bot()
    await app.handleUpdate(textUpdate({ id: worker, first_name: '赵师傅' }, '/start'))
    await app.handleUpdate(textUpdate({ id: ADMIN }, `/appoint ${worker} 成都市`))
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('已任命')
    expect(await roleOf(worker)).toBe('organizer')
    expect((await listScopes(db(), worker)).map((scope) => scope.city)).toEqual(['成都市'])
    expect(await db().select().from(roleChanges).where(eq(roleChanges.userId, worker))).toMatchObject([
      { fromRole: 'worker', toRole: 'organizer', changedBy: ADMIN, via: 'command' },
    ])
    const notices = await outboxFor(worker)
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatchObject({ kind: 'role-appointed', status: 'pending' })
    expect(JSON.stringify(notices[0]?.payload)).toContain('成都市')

    await app.handleUpdate(textUpdate({ id: ADMIN }, `/appoint ${worker} 成都市`))
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('已经是组织者')
    expect(await listScopes(db(), worker)).toHaveLength(1)
  })

  it('explains bad arguments, unknown users and unknown cities, changing nothing', async () => {
    const worker = newId()
    const { bot: app, telegram } = bot()
    await app.handleUpdate(textUpdate({ id: worker }, '/start'))
    const before = await snapshot()
    await app.handleUpdate(textUpdate({ id: ADMIN }, '/appoint'))
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('用法')
    await app.handleUpdate(textUpdate({ id: ADMIN }, '/appoint abc'))
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('用法')
    await app.handleUpdate(textUpdate({ id: ADMIN }, '/demote'))
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('用法')
    await app.handleUpdate(textUpdate({ id: ADMIN }, '/appoint 123'))
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('找不到用户 123')
    await app.handleUpdate(textUpdate({ id: ADMIN }, `/appoint ${worker} 火星市`))
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('没有「火星市」')
    await app.handleUpdate(textUpdate({ id: ADMIN }, `/demote ${worker}`))
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('不是组织者')
    expect(await snapshot()).toEqual(before)
  })

  it('demotes an organizer, drops their scopes, records it and tells them', async () => {
    const worker = newId()
    const { bot: app, telegram } = bot()
    await app.handleUpdate(textUpdate({ id: worker }, '/start'))
    await app.handleUpdate(textUpdate({ id: ADMIN }, `/appoint ${worker} 西安市`))
    await app.handleUpdate(textUpdate({ id: ADMIN }, `/demote ${worker}`))
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('已撤销')
    expect(await roleOf(worker)).toBe('worker')
    expect(await listScopes(db(), worker)).toEqual([])
    const changes = await db().select().from(roleChanges).where(eq(roleChanges.userId, worker)).orderBy(roleChanges.id)
    expect(changes.at(-1)).toMatchObject({ fromRole: 'organizer', toRole: 'worker', changedBy: ADMIN, via: 'command' })
    expect((await outboxFor(worker)).map((row) => row.kind)).toEqual(['role-appointed', 'role-demoted'])
    // Their chat's organizer menu goes away with the role.
    expect(telegram.callsOf('deleteMyCommands').map((call) => call.payload.scope)).toEqual([{ type: 'chat', chat_id: worker }])
  })

  it('never demotes an admin listed in ADMIN_IDS', async () => {
    const { bot: app, telegram } = bot()
    await app.handleUpdate(textUpdate({ id: ADMIN }, `/demote ${ADMIN}`))
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('ADMIN_IDS')
    expect(await roleOf(ADMIN)).toBe('admin')
  })

  it('records the promotion through ADMIN_IDS once', async () => {
    const changes = await db().select().from(roleChanges).where(eq(roleChanges.userId, ADMIN))
    expect(changes).toMatchObject([{ fromRole: null, toRole: 'admin', changedBy: null, via: 'config' }])
  })
})

describe('/team', () => {
  it('lists organizers with scopes and the last change, and removes a scope and demotes after confirming', async () => {
    const worker = newId()
    const { bot: app, telegram } = bot()
    await app.handleUpdate(textUpdate({ id: worker, first_name: '孙师傅' }, '/start'))
    await app.handleUpdate(textUpdate({ id: ADMIN, first_name: '周管理' }, `/appoint ${worker} 成都市`))
    await addScope(db(), { userId: worker, stationId: chengduStation, createdBy: ADMIN })
    const [cityScope, stationScope] = await listScopes(db(), worker)
    telegram.clear()
    await app.handleUpdate(textUpdate({ id: ADMIN, first_name: '周管理' }, '/team'))
    const text = telegram.lastText({ method: 'sendMessage' })
    expect(text).toContain(`孙师傅 (${worker})`)
    expect(text).toContain('成都市、驿站「春熙路暖新驿站」')
    expect(text).toMatch(/最近变更：2\d{3}-\d\d-\d\d \d\d:\d\d 由 周管理 用命令设为组织者/)
    expect(telegram.callbackData({ method: 'sendMessage' })).toEqual(
      expect.arrayContaining([`ro:unscope:${cityScope?.id}`, `ro:unscope:${stationScope?.id}`, `ro:demote:${worker}`]),
    )
    expect(text).toMatch(/最近变更：\d{4}-\d\d-\d\d \d\d:\d\d 按配置（ADMIN_IDS）设为管理员/)
    expect(telegram.callbackData({ method: 'sendMessage' })).not.toContain(`ro:demote:${ADMIN}`)

    await app.handleUpdate(callbackUpdate({ id: ADMIN }, `ro:unscope:${cityScope?.id}`))
    expect(String(telegram.callsOf('editMessageText').at(-1)?.payload.text)).toContain('确定移除')
    expect(await listScopes(db(), worker)).toHaveLength(2)
    await app.handleUpdate(callbackUpdate({ id: ADMIN }, `ro:unscope-yes:${cityScope?.id}`))
    await app.handleUpdate(callbackUpdate({ id: ADMIN }, `ro:unscope-yes:${cityScope?.id}`))
    expect(telegram.alerts().slice(-2)).toEqual(['已移除这个负责范围。', '这个负责范围已经不在了。'])
    expect((await listScopes(db(), worker)).map((scope) => scope.id)).toEqual([stationScope?.id])

    await app.handleUpdate(callbackUpdate({ id: ADMIN }, `ro:unscope:${stationScope?.id}`))
    expect(String(telegram.callsOf('editMessageText').at(-1)?.payload.text)).toContain('所有地区')

    await app.handleUpdate(callbackUpdate({ id: ADMIN }, `ro:demote:${worker}`))
    expect(String(telegram.callsOf('editMessageText').at(-1)?.payload.text)).toContain('确定撤销')
    expect(await roleOf(worker)).toBe('organizer')
    await app.handleUpdate(callbackUpdate({ id: ADMIN }, `ro:demote-yes:${worker}`))
    await app.handleUpdate(callbackUpdate({ id: ADMIN }, `ro:demote-yes:${worker}`))
    expect(await roleOf(worker)).toBe('worker')
    expect((await outboxFor(worker)).filter((row) => row.kind === 'role-demoted')).toHaveLength(1)
    expect(String(telegram.callsOf('editMessageText').at(-1)?.payload.text)).not.toContain(`孙师傅 (${worker})`)

    await app.handleUpdate(callbackUpdate({ id: ADMIN }, `ro:demote:${ADMIN}`))
    expect(telegram.alerts().at(-1)).toContain('ADMIN_IDS')
  })

  it('opens from the hub button for admins', async () => {
    const { bot: app, telegram } = bot()
    await app.handleUpdate(callbackUpdate({ id: ADMIN }, 'hub:team'))
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('组织者管理')
  })
})

describe('/organize', () => {
  it('shows the hub to organizers, with the team button for admins only, and a polite refusal to workers', async () => {
    const organizer = newId()
    const worker = newId()
    const { bot: app, telegram } = bot()
    await app.handleUpdate(textUpdate({ id: organizer }, '/start'))
    await db().update(users).set({ role: 'organizer' }).where(eq(users.id, organizer))

    await app.handleUpdate(textUpdate({ id: organizer }, '/organize'))
    expect(telegram.callbackData({ method: 'sendMessage' })).toEqual(['hub:events', 'hub:checkin', 'hub:broadcast', 'hub:inbox'])
    for (const command of [
      '/manage',
      '/newevent',
      '/checkin',
      '/broadcast',
      '/broadcasts',
      '/inbox',
      '/feedbackstats',
      '/team',
      '/invite',
      '/appoint',
    ]) {
      expect(telegram.lastText({ method: 'sendMessage' })).toContain(command)
    }
    await app.handleUpdate(textUpdate({ id: ADMIN }, '/organize'))
    expect(telegram.callbackData({ method: 'sendMessage' })).toEqual([
      'hub:events',
      'hub:checkin',
      'hub:broadcast',
      'hub:inbox',
      'hub:team',
    ])

    await app.handleUpdate(textUpdate({ id: worker }, '/organize'))
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('这是给活动组织者用的功能')
    expect(telegram.callbackData({ method: 'sendMessage' })).toEqual([])
  })

  it('speaks English to an English app', async () => {
    const { bot: app, telegram } = bot()
    await app.handleUpdate(textUpdate({ id: newId(), language_code: 'en' }, '/organize'))
    expect(telegram.lastText({ method: 'sendMessage' })).toContain('ask your union or community admin')
  })
})
