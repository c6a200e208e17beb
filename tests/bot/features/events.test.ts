import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setUserLocation } from '../../../db/repositories/users.js'
import { eventViews, registrations, users } from '../../../db/schema/index.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { contactUpdate, createTestEvent, createTestSlots } from '../../helpers/events.js'
import { inlineButtons, textMessages } from '../../helpers/fake-telegram.js'
import { callbackUpdate, stickerUpdate, textUpdate } from '../../helpers/updates.js'

// Wednesday 2026-11-25 10:00 in Shanghai; the default test event is Saturday 12月5日 09:00–11:30.
const clock = new Date('2026-11-25T02:00:00Z')
let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => database.close())

const setup = () => createTestBot(database.db, { now: () => clock })
let nextUser = 7000
const newRider = () => ({ id: nextUser++, first_name: '小王' })

const registrationOf = async (eventId: number, userId: number) =>
  (await database.db.select().from(registrations).where(eq(registrations.eventId, eventId))).find((r) => r.userId === userId)

describe('browsing events', () => {
  it('lists upcoming events by date, then nearest first once the worker shared a location', async () => {
    const far = await createTestEvent(database.db, {
      title: '远处的体检',
      kind: 'health_check',
      lat: 31.5,
      lng: 104.06,
      startsAt: new Date('2026-12-01T01:00:00Z'),
    })
    const near = await createTestEvent(database.db, {
      title: '附近的午餐',
      lat: 30.651,
      lng: 104.06,
      startsAt: new Date('2026-12-03T01:00:00Z'),
    })
    await createTestEvent(database.db, { title: '已结束的活动', startsAt: new Date('2026-11-20T01:00:00Z') })
    await createTestEvent(database.db, { title: '草稿活动', status: 'draft' })
    const { bot, telegram } = setup()
    const rider = newRider()
    await bot.handleUpdate(textUpdate(rider, '📅 活动报名'))
    const byDate = telegram.lastText(textMessages)
    expect(byDate).toContain('按时间排序')
    expect(byDate.indexOf('远处的体检')).toBeLessThan(byDate.indexOf('附近的午餐'))
    expect(byDate).not.toContain('已结束的活动')
    expect(byDate).not.toContain('草稿活动')
    expect(byDate).toContain('12月1日（周二）09:00–11:30')

    await setUserLocation(database.db, rider.id, { lat: 30.65, lng: 104.06 })
    await bot.handleUpdate(textUpdate(rider, '/events'))
    const byDistance = telegram.lastText(textMessages)
    expect(byDistance).toContain('离你近的在前')
    expect(byDistance.indexOf('附近的午餐')).toBeLessThan(byDistance.indexOf('远处的体检'))
    expect(byDistance).toContain('110 米')
    expect(telegram.buttons({ method: 'sendMessage' }).map((b) => b.callback_data)).toContain(`ev:view:${near.id}`)
    expect(far.id).toBeGreaterThan(0)
  })

  it('says a full event can still be waitlisted instead of "0 seats left"', async () => {
    const full = await createTestEvent(database.db, { title: '满员的午餐', capacity: 1, startsAt: new Date('2026-11-28T01:00:00Z') })
    await database.db.insert(users).values({ id: 6999, firstName: '先到' }).onConflictDoNothing()
    await database.db.insert(registrations).values({ eventId: full.id, userId: 6999, status: 'confirmed', code: 'FULL01' })
    const { bot, telegram } = setup()
    await bot.handleUpdate(textUpdate(newRider(), '/events'))
    const list = telegram.lastText(textMessages)
    const item = list.slice(list.indexOf('满员的午餐'))
    expect(item.split('\n\n')[0]).toContain('已满，可候补')
    expect(list).not.toContain('剩余 0 个名额')
  })

  it('pages through many events', async () => {
    const { bot, telegram } = setup()
    for (let i = 0; i < 6; i++)
      await createTestEvent(database.db, { title: `分页活动${i}`, startsAt: new Date(`2027-01-0${i + 1}T01:00:00Z`) })
    const rider = newRider()
    await bot.handleUpdate(textUpdate(rider, '/events'))
    const next = telegram.buttons({ method: 'sendMessage' }).find((b) => b.callback_data === 'ev:list:1')
    expect(next).toBeDefined()
    await bot.handleUpdate(callbackUpdate(rider, 'ev:list:1'))
    const edit = telegram.callsOf('editMessageText').at(-1)
    expect(String(edit?.payload.text)).toContain('6.')
    expect(inlineButtons(edit).map((b) => b.callback_data)).toContain('ev:list:0')
  })

  it('shows a card with time, place, seats and buttons, records the view, and navigates', async () => {
    const event = await createTestEvent(database.db, { title: '匠星大赛', kind: 'skill_contest', capacity: 35 })
    const { bot, telegram } = setup()
    const rider = newRider()
    await bot.handleUpdate(callbackUpdate(rider, `ev:view:${event.id}`))
    const card = telegram.lastText(textMessages)
    expect(card).toContain('🏆 <b>匠星大赛</b> · 技能比赛')
    expect(card).toContain('12月5日（周六）09:00–11:30')
    expect(card).toContain('青羊区测试路 1 号')
    expect(card).toContain('剩余名额：35 / 35')
    expect(card).toContain('报名中，12月5日（周六）07:00 截止')
    expect(telegram.buttons({ method: 'sendMessage' }).map((b) => b.text)).toEqual(['✍️ 报名', '🧭 导航'])
    const views = await database.db.select().from(eventViews).where(eq(eventViews.eventId, event.id))
    expect(views.map((v) => v.userId)).toEqual([rider.id])

    await bot.handleUpdate(callbackUpdate(rider, `ev:nav:${event.id}`))
    expect(telegram.callsOf('sendVenue').at(-1)?.payload).toMatchObject({ latitude: 30.66, longitude: 104.06 })
  })

  it('speaks English to a rider whose Telegram is set to English', async () => {
    const event = await createTestEvent(database.db, { title: 'Lunch', kind: 'meal' })
    const { bot, telegram } = setup()
    const rider = { ...newRider(), language_code: 'en' }
    await bot.handleUpdate(callbackUpdate(rider, `ev:view:${event.id}`))
    expect(telegram.lastText(textMessages)).toContain('🍱 <b>Lunch</b> · free meal')
    expect(telegram.lastText(textMessages)).toContain('Sat 5/12 09:00–11:30')
    expect(telegram.buttons({ method: 'sendMessage' }).map((b) => b.text)).toEqual(['✍️ Register', '🧭 Navigate'])
  })

  it('opens a card from a shared /start ev_ link, and says when registration is not open yet or full', async () => {
    const later = await createTestEvent(database.db, { title: '未开放', registrationOpensAt: new Date('2026-11-28T02:00:00Z') })
    const full = await createTestEvent(database.db, { title: '满员', capacity: 0 })
    const { bot, telegram } = setup()
    const rider = newRider()
    await bot.handleUpdate(textUpdate(rider, `/start ev_${later.id}`))
    expect(telegram.lastText(textMessages)).toContain('报名还没开始，11月28日（周六）10:00 开始')
    expect(telegram.buttons({ method: 'sendMessage' }).map((b) => b.text)).toEqual(['🧭 导航'])
    await bot.handleUpdate(textUpdate(rider, `/start ev_${full.id}`))
    expect(telegram.lastText(textMessages)).toContain('名额已满')
    expect(telegram.buttons({ method: 'sendMessage' }).map((b) => b.text)).toContain('🕒 加入候补')
  })
})

describe('registering', () => {
  it('registers with one tap and sends the code and a QR photo with the check-in link', async () => {
    const event = await createTestEvent(database.db, { title: '一键报名' })
    const { bot, telegram } = setup()
    const rider = newRider()
    await bot.handleUpdate(callbackUpdate(rider, `ev:join:${event.id}`))
    const registration = await registrationOf(event.id, rider.id)
    expect(registration?.status).toBe('confirmed')
    expect(registration?.code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/)
    const confirmation = telegram.lastText(textMessages)
    expect(confirmation).toContain('报名成功')
    expect(confirmation).toContain(`签到码：<b>${registration?.code}</b>`)
    expect(confirmation).toContain('12月4日（周五）09:00 前')
    const photo = telegram.callsOf('sendPhoto').at(-1)
    expect(photo).toBeDefined()
    expect(String(photo?.payload.caption)).toContain(registration?.code ?? '?')
  })

  it('answers a second tap with the same registration, and two concurrent taps register once', async () => {
    const event = await createTestEvent(database.db, { title: '双击' })
    const { bot, telegram } = setup()
    const rider = newRider()
    await Promise.all([
      bot.handleUpdate(callbackUpdate(rider, `ev:join:${event.id}`)),
      bot.handleUpdate(callbackUpdate(rider, `ev:join:${event.id}`)),
    ])
    const rows = await database.db.select().from(registrations).where(eq(registrations.eventId, event.id))
    expect(rows).toHaveLength(1)
    expect(telegram.texts(textMessages).some((text) => text.includes('你已经报过名了'))).toBe(true)
  })

  it('walks through the whole form, re-asking bad input, and stores what was given', async () => {
    const event = await createTestEvent(database.db, {
      title: '免费体检',
      kind: 'health_check',
      asks: ['name', 'phone', 'occupation', 'platform'],
      questions: ['有什么慢性病吗？'],
    })
    const [, second] = await createTestSlots(database.db, event, [
      { startsAt: new Date('2026-12-05T01:00:00Z'), endsAt: new Date('2026-12-05T01:30:00Z'), capacity: 2 },
      { startsAt: new Date('2026-12-05T01:30:00Z'), endsAt: new Date('2026-12-05T02:00:00Z'), capacity: 2 },
    ])
    const { bot, telegram } = setup()
    const rider = newRider()
    const send = (update: Parameters<typeof bot.handleUpdate>[0]) => bot.handleUpdate(update)
    await send(callbackUpdate(rider, `ev:join:${event.id}`))
    expect(telegram.lastText(textMessages)).toContain('请选择时段')
    expect(telegram.buttons({ method: 'sendMessage' }).map((b) => b.text)).toContain('12月5日（周六）09:30–10:00（剩 2）')
    await send(textUpdate(rider, '随便'))
    expect(telegram.lastText(textMessages)).toContain('请点下面的按钮选一个时段')
    await send(callbackUpdate(rider, `ev:slot:${second?.id}`))
    expect(telegram.lastText(textMessages)).toContain('同意吗')
    // The consent screen lists every item asked, the organizer's question too.
    expect(telegram.lastText(textMessages)).toContain('姓名、手机号、职业、所在平台')
    expect(telegram.lastText(textMessages)).toContain('「有什么慢性病吗？」')
    await send(callbackUpdate(rider, 'ev:consent-yes'))
    expect(telegram.lastText(textMessages)).toContain('请输入你的姓名')
    await send(stickerUpdate(rider))
    expect(telegram.lastText(textMessages)).toContain('姓名要 1–20 个字')
    await send(textUpdate(rider, '一'.repeat(21)))
    expect(telegram.lastText(textMessages)).toContain('姓名要 1–20 个字')
    await send(textUpdate(rider, '王小明'))
    expect(telegram.lastText(textMessages)).toContain('发送我的手机号')
    const phoneKeyboard = telegram.callsOf('sendMessage').at(-1)?.payload.reply_markup as { keyboard: { request_contact?: boolean }[][] }
    expect(phoneKeyboard.keyboard[0]?.[0]?.request_contact).toBe(true)
    await send(textUpdate(rider, '13800138000'))
    expect(telegram.lastText(textMessages)).toContain('不能手动输入')
    await send(contactUpdate(rider, { phone_number: '+8613900000000', user_id: 999 }))
    expect(telegram.lastText(textMessages)).toContain('这是别人的名片')
    await send(contactUpdate(rider, { phone_number: '+8613811112222', user_id: rider.id }))
    expect(telegram.lastText(textMessages)).toContain('你的职业是')
    await send(callbackUpdate(rider, 'ev:job:9'))
    expect(telegram.lastText(textMessages)).toContain('请点上面的按钮')
    await send(callbackUpdate(rider, 'ev:job:0'))
    expect(telegram.lastText(textMessages)).toContain('哪个平台')
    // Several platforms: taps toggle a ✅, 选好了 ends the choice.
    await send(callbackUpdate(rider, 'ev:platform-done'))
    expect(telegram.lastText(textMessages)).toContain('请至少选一个平台')
    await send(callbackUpdate(rider, 'ev:platform:1'))
    await send(callbackUpdate(rider, 'ev:platform:0'))
    expect(JSON.stringify(telegram.callsOf('editMessageReplyMarkup').at(-1)?.payload)).toContain('✅ 美团')
    await send(callbackUpdate(rider, 'ev:platform-done'))
    expect(telegram.lastText(textMessages)).toContain('有什么慢性病吗？')
    await send(textUpdate(rider, '长'.repeat(201)))
    expect(telegram.lastText(textMessages)).toContain('1–200 个字')
    await send(textUpdate(rider, '没有'))
    expect(telegram.lastText(textMessages)).toContain('报名成功')
    expect(telegram.lastText(textMessages)).toContain('09:30–10:00')
    expect(telegram.callsOf('sendPhoto')).toHaveLength(1)
    const stored = await registrationOf(event.id, rider.id)
    expect(stored).toMatchObject({
      status: 'confirmed',
      slotId: second?.id,
      name: '王小明',
      phone: '+8613811112222',
      occupation: '外卖骑手',
      platform: '美团、饿了么',
      answers: ['没有'],
    })
    expect(stored?.consentAt).not.toBeNull()
  })

  it('continues a form at the same step after a restart (a new bot on the same database)', async () => {
    const event = await createTestEvent(database.db, { title: '重启', asks: ['name', 'occupation'] })
    const rider = newRider()
    const first = setup()
    await first.bot.handleUpdate(callbackUpdate(rider, `ev:join:${event.id}`))
    await first.bot.handleUpdate(callbackUpdate(rider, 'ev:consent-yes'))
    expect(first.telegram.lastText(textMessages)).toContain('请输入你的姓名')

    const second = setup()
    await second.bot.handleUpdate(textUpdate(rider, '李四'))
    expect(second.telegram.lastText(textMessages)).toContain('你的职业是')
    await second.bot.handleUpdate(callbackUpdate(rider, 'ev:job:1'))
    expect(second.telegram.lastText(textMessages)).toContain('报名成功')
    expect(await registrationOf(event.id, rider.id)).toMatchObject({ name: '李四', occupation: '快递员' })
  })

  it('starts the form afresh when 报名 is tapped again in the middle of it', async () => {
    const event = await createTestEvent(database.db, { title: '再点一次', asks: ['name'] })
    const { bot, telegram } = setup()
    const rider = newRider()
    await bot.handleUpdate(callbackUpdate(rider, `ev:join:${event.id}`))
    await bot.handleUpdate(callbackUpdate(rider, 'ev:consent-yes'))
    await bot.handleUpdate(callbackUpdate(rider, `ev:join:${event.id}`))
    expect(telegram.lastText(textMessages)).toContain('同意吗')
    await bot.handleUpdate(callbackUpdate(rider, 'ev:consent-yes'))
    await bot.handleUpdate(textUpdate(rider, '周七'))
    expect(telegram.lastText(textMessages)).toContain('报名成功')
    expect((await registrationOf(event.id, rider.id))?.name).toBe('周七')
  })

  it('stores nothing when consent is refused, or when the form is left with 取消 or /cancel', async () => {
    const event = await createTestEvent(database.db, { title: '不同意', asks: ['name'] })
    const { bot, telegram } = setup()
    const rider = newRider()
    await bot.handleUpdate(callbackUpdate(rider, `ev:join:${event.id}`))
    await bot.handleUpdate(callbackUpdate(rider, 'ev:consent-no'))
    expect(telegram.lastText(textMessages)).toContain('没有保存你的任何信息')
    expect(await registrationOf(event.id, rider.id)).toBeUndefined()

    await bot.handleUpdate(callbackUpdate(rider, `ev:join:${event.id}`))
    await bot.handleUpdate(callbackUpdate(rider, 'ev:consent-yes'))
    await bot.handleUpdate(textUpdate(rider, '取消'))
    expect(telegram.lastText(textMessages)).toContain('已取消报名')
    await bot.handleUpdate(textUpdate(rider, '张三'))
    expect(await registrationOf(event.id, rider.id)).toBeUndefined()

    await bot.handleUpdate(callbackUpdate(rider, `ev:join:${event.id}`))
    await bot.handleUpdate(callbackUpdate(rider, 'ev:consent-yes'))
    await bot.handleUpdate(textUpdate(rider, '/cancel'))
    expect(telegram.lastText(textMessages)).toContain('已退出')
    expect(await registrationOf(event.id, rider.id)).toBeUndefined()
  })

  it('refuses stale and garbage buttons politely', async () => {
    const { bot, telegram } = setup()
    const rider = newRider()
    for (const data of ['ev:slot:5', 'ev:join:abc', 'ev:view:0', 'e:zz:1', 'ev:join:1:2', 'ev:consent-yes']) {
      telegram.clear()
      await bot.handleUpdate(callbackUpdate(rider, data))
      expect(telegram.callsOf('answerCallbackQuery')[0]?.payload.text).toContain('按钮已经失效')
      expect(telegram.callsOf('sendMessage')).toHaveLength(0)
    }
  })
})

describe('/mydata', () => {
  it('shows the stored personal data and deletes it after confirming, keeping the registration', async () => {
    const event = await createTestEvent(database.db, { title: '隐私', asks: ['name'] })
    const { bot, telegram } = setup()
    const rider = newRider()
    await bot.handleUpdate(callbackUpdate(rider, `ev:join:${event.id}`))
    await bot.handleUpdate(callbackUpdate(rider, 'ev:consent-yes'))
    await bot.handleUpdate(textUpdate(rider, '赵六'))
    await setUserLocation(database.db, rider.id, { lat: 30.65, lng: 104.06 })
    await database.db.update(users).set({ quietStart: 1320, quietEnd: 420 }).where(eq(users.id, rider.id))

    await bot.handleUpdate(textUpdate(rider, '/mydata'))
    const shown = telegram.lastText(textMessages)
    expect(shown).toContain('报名「隐私」')
    expect(shown).toContain('姓名：赵六')
    expect(shown).toContain('30.6500, 104.0600')
    expect(shown).toContain('22:00–07:00')
    expect(shown).toContain('约 500 米方格')
    expect(shown).toContain('保存 90 天')
    await bot.handleUpdate(callbackUpdate(rider, 'ev:delete'))
    expect(telegram.lastText(textMessages)).toContain('确定删除吗')
    await bot.handleUpdate(callbackUpdate(rider, 'ev:delete-yes'))
    expect(telegram.lastText(textMessages)).toContain('1 条报名里的姓名')
    expect(telegram.lastText(textMessages)).toContain('你最后发送的位置')
    const stored = await registrationOf(event.id, rider.id)
    expect(stored).toMatchObject({ status: 'confirmed', name: null, phone: null })
    const [user] = await database.db.select().from(users).where(eq(users.id, rider.id))
    expect(user?.lastLat).toBeNull()
    await bot.handleUpdate(textUpdate(rider, '/mydata'))
    expect(telegram.lastText(textMessages)).not.toContain('赵六')
  })
})
