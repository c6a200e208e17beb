import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isMerchantOf } from '../../../db/repositories/merchants.js'
import { currentOutages } from '../../../db/repositories/station-outages.js'
import { findStation } from '../../../db/repositories/stations.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { addUser, outboxFor, seedChengduOrganizer } from '../../helpers/feedback.js'
import { callbackUpdate, textUpdate } from '../../helpers/updates.js'

// 2026-12-05 12:00 in Shanghai.
const now = new Date('2026-12-05T04:00:00Z')
const chengdu = { id: 7201, first_name: '成都组织者' }
const xian = { id: 7202, first_name: '西安组织者' }
const shop = { id: 5201, first_name: '茶铺老板' }
const other = { id: 5202, first_name: '另一位' }

let database: TestDatabase
let ids: Record<'A' | 'B' | 'X', number>
beforeAll(async () => {
  database = await createTestDatabase()
  ids = await seedChengduOrganizer(database.db, chengdu)
  await addUser(database.db, { id: xian.id, firstName: xian.first_name, role: 'organizer' })
  const { addScope } = await import('../../../db/repositories/roles.js')
  await addScope(database.db, { userId: xian.id, city: '西安', createdBy: null })
  await addUser(database.db, { id: shop.id, firstName: shop.first_name })
  await addUser(database.db, { id: other.id, firstName: other.first_name })
})
afterAll(async () => database.close())

const setup = () => createTestBot(database.db, { now: () => now })
const texts = (telegram: ReturnType<typeof setup>['telegram']) =>
  JSON.stringify([...telegram.callsOf('sendMessage'), ...telegram.callsOf('editMessageText'), ...telegram.callsOf('answerCallbackQuery')])

describe('/stations', () => {
  it('lists only the stations in the organizer’s scope and refuses forged data for others', async () => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate(xian, '/stations'))
    const listed = texts(telegram)
    expect(listed).toContain('西安测试驿站X')
    expect(listed).not.toContain('成都测试驿站A')

    await bot.handleUpdate(callbackUpdate(xian, `sm:view:${ids.A}`))
    await bot.handleUpdate(callbackUpdate(xian, `sm:close-today:${ids.A}`))
    await bot.handleUpdate(callbackUpdate(xian, `sm:verify:${ids.A}`))
    expect(telegram.callsOf('answerCallbackQuery').every((call) => String(call.payload.text).includes('不在你的管理范围'))).toBe(true)
    expect((await findStation(database.db, ids.A))?.lastVerified).toBeNull()

    await bot.handleUpdate(textUpdate(shop, '/stations'))
    expect(telegram.lastText({ chatId: shop.id })).toContain('只对组织者开放')
  })

  it('pauses a station for today with a reason, reopens it, verifies once a day and shows the history in words', async () => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(callbackUpdate(chengdu, `sm:close-today:${ids.A}`))
    await bot.handleUpdate(textUpdate(chengdu, '停水检修'))
    const closed = await findStation(database.db, ids.A)
    expect(closed?.closedUntil?.toISOString()).toBe('2026-12-05T16:00:00.000Z')
    expect(closed?.closedReason).toBe('停水检修')
    expect(telegram.lastText({ chatId: chengdu.id })).toContain('已暂停开放')

    await bot.handleUpdate(callbackUpdate(chengdu, `sm:reopen:${ids.A}`))
    expect((await findStation(database.db, ids.A))?.closedUntil).toBeNull()

    await bot.handleUpdate(callbackUpdate(chengdu, `sm:verify:${ids.A}`))
    expect((await findStation(database.db, ids.A))?.lastVerified).toBe('2026-12-05')
    await bot.handleUpdate(callbackUpdate(chengdu, `sm:verify:${ids.A}`))
    expect(telegram.callsOf('answerCallbackQuery').at(-1)?.payload.text).toContain('今天已经核实过了')

    await bot.handleUpdate(callbackUpdate(chengdu, `sm:hist:${ids.A}:0`))
    const history = telegram.lastText({ chatId: chengdu.id })
    expect(history).toContain('成都组织者（组织者）')
    expect(history).toContain('核实日期：— → 2026-12-05')
    expect(history).toContain('暂停原因：停水检修 → —')
  })

  it('pauses until a typed day', async () => {
    const { bot } = setup()
    await bot.handleUpdate(callbackUpdate(chengdu, `sm:close-until:${ids.B}`))
    await bot.handleUpdate(textUpdate(chengdu, '12月10日'))
    await bot.handleUpdate(callbackUpdate(chengdu, 'sm:step:skip'))
    const station = await findStation(database.db, ids.B)
    expect(station?.closedUntil?.toISOString()).toBe('2026-12-09T16:00:00.000Z')
    expect(station?.closedReason).toBe('')
  })
})

describe('holiday hours and outages', () => {
  it('adds Spring Festival hours in a conversation, refuses overlaps and bad syntax, and marks hot water out', async () => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(callbackUpdate(chengdu, `sm:hol-add:${ids.X}`))
    expect(telegram.callsOf('answerCallbackQuery').at(-1)?.payload.text).toContain('不在你的管理范围')
    await bot.handleUpdate(callbackUpdate(chengdu, `sm:hol-add:${ids.A}`))
    await bot.handleUpdate(textUpdate(chengdu, '2027-02-05'))
    await bot.handleUpdate(textUpdate(chengdu, '2月11日'))
    await bot.handleUpdate(textUpdate(chengdu, '每天十点'))
    expect(telegram.lastText({ chatId: chengdu.id })).toContain('营业时间格式不对')
    await bot.handleUpdate(textUpdate(chengdu, '10:00-16:00'))
    expect(telegram.lastText({ chatId: chengdu.id })).toContain('已添加')
    await bot.handleUpdate(callbackUpdate(chengdu, `sm:hol-add:${ids.A}`))
    await bot.handleUpdate(textUpdate(chengdu, '2027-02-11'))
    await bot.handleUpdate(callbackUpdate(chengdu, 'sm:step:skip'))
    await bot.handleUpdate(textUpdate(chengdu, '休息'))
    expect(telegram.lastText({ chatId: chengdu.id })).toContain('重叠')
    await bot.handleUpdate(callbackUpdate(chengdu, `sm:hol:${ids.A}`))
    expect(telegram.lastText({ chatId: chengdu.id })).toContain('节假日营业时间')

    await bot.handleUpdate(callbackUpdate(chengdu, `sm:out-set:${ids.A}:hot_water`))
    await bot.handleUpdate(callbackUpdate(chengdu, 'sm:step:skip'))
    expect(telegram.lastText({ chatId: chengdu.id })).toContain('暂不可用')
    const outages = await currentOutages(database.db, [ids.A], now)
    expect(outages.map((outage) => [outage.amenity, outage.until])).toEqual([['hot_water', null]])
    await bot.handleUpdate(callbackUpdate(chengdu, `sm:out-clear:${ids.A}:hot_water`))
    expect(await currentOutages(database.db, [ids.A], now)).toEqual([])
    // An amenity the station does not list.
    await bot.handleUpdate(callbackUpdate(chengdu, `sm:out-set:${ids.A}:toilet`))
    expect(telegram.callsOf('answerCallbackQuery').at(-1)?.payload.text).toContain('没有登记')
  })
})

describe('merchants', () => {
  it('join by a single-use link, the organizer is told, and they may only close today — not undo the organizer’s closure', async () => {
    const { bot, telegram } = setup()
    await bot.handleUpdate(callbackUpdate(chengdu, `sm:invite:${ids.A}`))
    const link = /start=mer_([A-Za-z0-9_-]+)/.exec(telegram.lastText({ chatId: chengdu.id }))
    expect(link).not.toBeNull()
    // The organizer trying their own link does not use it up.
    await bot.handleUpdate(textUpdate(chengdu, `/start mer_${link![1]}`))
    expect(telegram.lastText({ chatId: chengdu.id })).toContain('自己打开不会用掉它')
    expect(await isMerchantOf(database.db, chengdu.id, ids.A)).toBe(false)
    await bot.handleUpdate(textUpdate(shop, `/start mer_${link![1]}`))
    expect(await isMerchantOf(database.db, shop.id, ids.A)).toBe(true)
    expect(JSON.stringify(await outboxFor(database.db, chengdu.id))).toContain('茶铺老板')

    await bot.handleUpdate(textUpdate(other, `/start mer_${link![1]}`))
    expect(telegram.lastText({ chatId: other.id })).toContain('已经被用过')
    expect(await isMerchantOf(database.db, other.id, ids.A)).toBe(false)

    await bot.handleUpdate(callbackUpdate(shop, `sm:m-close:${ids.A}`))
    expect((await findStation(database.db, ids.A))?.closedUntil?.toISOString()).toBe('2026-12-05T16:00:00.000Z')
    await bot.handleUpdate(callbackUpdate(shop, `sm:m-open:${ids.A}`))
    expect((await findStation(database.db, ids.A))?.closedUntil).toBeNull()

    // Station B was paused by the organizer until 12月10日: a merchant of B cannot reopen it.
    await bot.handleUpdate(callbackUpdate(chengdu, `sm:invite:${ids.B}`))
    const second = /start=mer_([A-Za-z0-9_-]+)/.exec(telegram.lastText({ chatId: chengdu.id }))
    await bot.handleUpdate(textUpdate(shop, `/start mer_${second![1]}`))
    await bot.handleUpdate(callbackUpdate(shop, `sm:m-open:${ids.B}`))
    expect(telegram.callsOf('answerCallbackQuery').at(-1)?.payload.text).toContain('组织者设置的暂停')
    expect((await findStation(database.db, ids.B))?.closedUntil).not.toBeNull()

    // Forged: a merchant of A and B pressing a button for X, or the organizer's buttons.
    await bot.handleUpdate(callbackUpdate(shop, `sm:m-close:${ids.X}`))
    expect(telegram.callsOf('answerCallbackQuery').at(-1)?.payload.text).toContain('不是这个驿站的商家')
    await bot.handleUpdate(callbackUpdate(shop, `sm:verify:${ids.A}`))
    expect(telegram.callsOf('answerCallbackQuery').at(-1)?.payload.text).toContain('不在你的管理范围')

    await bot.handleUpdate(callbackUpdate(shop, `sm:m-hours:${ids.A}`))
    await bot.handleUpdate(textUpdate(shop, '九点半到九点'))
    expect(telegram.lastText({ chatId: shop.id })).toContain('格式不对')
    await bot.handleUpdate(textUpdate(shop, 'Mo-Su 09:30-21:00'))
    expect((await findStation(database.db, ids.A))?.openingHours).toBe('Mo-Su 09:30-21:00')

    await bot.handleUpdate(textUpdate(other, '/mystation'))
    expect(telegram.lastText({ chatId: other.id })).toContain('还不是任何驿站的友好商家')
  })
})
