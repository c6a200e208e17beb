import { parse } from 'csv-parse/sync'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findEvent } from '../../../db/repositories/events.js'
import { addScope, setRole } from '../../../db/repositories/roles.js'
import { touchUser } from '../../../db/repositories/users.js'
import { outbox, registrations, type Event, type RegistrationStatus } from '../../../db/schema/index.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { createTestEvent, createTestSlots } from '../../helpers/events.js'
import { textMessages } from '../../helpers/fake-telegram.js'
import type { UploadedFile } from '../../helpers/multipart.js'
import { callbackUpdate, textUpdate } from '../../helpers/updates.js'

let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase()
  await touchUser(database.db, { id: organizerId, languageCode: 'zh', isAdmin: false, firstName: 'Org' })
  await setRole(database.db, { userId: organizerId, role: 'organizer', changedBy: null, via: 'command' })
  await addScope(database.db, { userId: organizerId, city: '绍兴', createdBy: null })
})
afterAll(async () => database.close())

// 2026-12-01 10:00 in Shanghai.
const now = new Date('2026-12-01T02:00:00Z')
const hours = (n: number) => new Date(now.getTime() + n * 3_600_000)
const organizerId = 8101
const organizer = { id: organizerId }
const worker = { id: 8102 }
let nextUser = 8200
let nextCode = 0

async function registrant(
  event: Event,
  status: RegistrationStatus,
  extra: { name?: string; phone?: string; answers?: string[]; locale?: string } = {},
) {
  const user = await touchUser(database.db, {
    id: ++nextUser,
    languageCode: extra.locale ?? 'zh',
    isAdmin: false,
    firstName: `骑手${nextUser}`,
  })
  const [row] = await database.db
    .insert(registrations)
    .values({
      eventId: event.id,
      userId: user.id,
      status,
      code: `K${String(++nextCode).padStart(5, '0')}`,
      name: extra.name ?? null,
      phone: extra.phone ?? null,
      answers: extra.answers ?? [],
      createdAt: hours(-5),
      waitlistedAt: status === 'waitlisted' ? hours(-5) : null,
    })
    .returning()
  if (row === undefined) throw new Error('no registration')
  return row
}

const shaoxingEvent = (overrides: Parameters<typeof createTestEvent>[1] = {}) =>
  createTestEvent(database.db, {
    city: '绍兴',
    title: '绍兴体检',
    startsAt: hours(48),
    registrationClosesAt: hours(47),
    cancelClosesAt: hours(46),
    ...overrides,
  })

describe('the events panel', () => {
  it('lists managed events and shows counts', async () => {
    const { bot, telegram } = createTestBot(database.db, { now: () => now })
    const event = await shaoxingEvent({ title: '计数活动', capacity: 5 })
    await registrant(event, 'confirmed')
    await registrant(event, 'offered')
    await registrant(event, 'waitlisted')
    await createTestEvent(database.db, { city: '成都', title: '成都的活动', startsAt: hours(48) })
    await bot.handleUpdate(textUpdate(organizer, '/manage'))
    const list = JSON.stringify(telegram.callsOf('sendMessage').at(-1)?.payload.reply_markup)
    expect(list).toContain('计数活动')
    expect(list).not.toContain('成都的活动')
    await bot.handleUpdate(callbackUpdate(organizer, `ea:panel:${event.id}`))
    expect(telegram.lastText(textMessages)).toContain('已确认 1，待接受 1，候补 1，已签到 0')
  })

  it('counts every time slot, and once the event is over the no-shows', async () => {
    const { bot, telegram } = createTestBot(database.db, { now: () => now })
    const event = await shaoxingEvent({ title: '分时段计数', capacity: 4 })
    const [early, late] = await createTestSlots(database.db, event, [
      { startsAt: hours(48), endsAt: hours(48.5), capacity: 2 },
      { startsAt: hours(48.5), endsAt: hours(49), capacity: 2 },
    ])
    const inSlot = async (status: RegistrationStatus, slotId: number | undefined, checkedIn = false) => {
      const row = await registrant(event, status)
      await database.db
        .update(registrations)
        .set({ slotId: slotId ?? null, checkedInAt: checkedIn ? now : null })
        .where(eq(registrations.id, row.id))
    }
    await inSlot('confirmed', early?.id, true)
    await inSlot('confirmed', early?.id)
    await inSlot('waitlisted', early?.id)
    await inSlot('confirmed', late?.id)
    await bot.handleUpdate(callbackUpdate(organizer, `ea:panel:${event.id}`))
    const panel = telegram.lastText(textMessages)
    expect(panel).toContain('10:00–10:30　名额 2：已确认 2，待接受 0，候补 1，已签到 1')
    expect(panel).toContain('10:30–11:00　名额 2：已确认 1，待接受 0，候补 0，已签到 0')
    expect(panel).not.toContain('未到场')

    const after = createTestBot(database.db, { now: () => hours(51) })
    await after.bot.handleUpdate(callbackUpdate(organizer, `ea:panel:${event.id}`))
    expect(after.telegram.lastText(textMessages)).toContain('未到场 2 人')
  })

  it('raises the capacity and offers seats to the waitlist; refuses to go below the seats taken', async () => {
    const { bot, telegram } = createTestBot(database.db, { now: () => now })
    const event = await shaoxingEvent({ capacity: 1 })
    await registrant(event, 'confirmed')
    const waiting = await registrant(event, 'waitlisted')
    await bot.handleUpdate(callbackUpdate(organizer, `ea:edit:capacity:${event.id}`))
    expect(telegram.lastText(textMessages)).toContain('现在的名额：1')
    await bot.handleUpdate(textUpdate(organizer, '两个'))
    expect(telegram.lastText(textMessages)).toContain('1 到 10000')
    await bot.handleUpdate(textUpdate(organizer, '2'))
    expect(telegram.lastText(textMessages)).toContain('已保存')
    const [offered] = await database.db.select().from(registrations).where(eq(registrations.id, waiting.id))
    expect(offered?.status).toBe('offered')
    expect(await database.db.select().from(outbox).where(eq(outbox.userId, waiting.userId))).not.toHaveLength(0)

    await bot.handleUpdate(callbackUpdate(organizer, `ea:edit:capacity:${event.id}`))
    await bot.handleUpdate(textUpdate(organizer, '1'))
    expect(telegram.lastText(textMessages)).toContain('已经有 2 人占了名额')
    expect((await findEvent(database.db, event.id))?.capacity).toBe(2)
  })

  it('tells every active registrant about a new time, in their language', async () => {
    const { bot, telegram } = createTestBot(database.db, { now: () => now })
    const event = await shaoxingEvent()
    const zh = await registrant(event, 'confirmed')
    const en = await registrant(event, 'waitlisted', { locale: 'en' })
    await registrant(event, 'cancelled')
    await bot.handleUpdate(callbackUpdate(organizer, `ea:edit:start:${event.id}`))
    await bot.handleUpdate(textUpdate(organizer, '12-04 14:00'))
    expect(telegram.lastText(textMessages)).toContain('已保存')
    expect((await findEvent(database.db, event.id))?.startsAt).toEqual(new Date('2026-12-04T06:00:00Z'))
    const notices = await database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.kind, 'event-changed')))
    const mine = notices.filter((row) => row.dedupeKey?.startsWith(`event-changed:${event.id}:`))
    expect(mine.map((row) => row.userId).sort()).toEqual([zh.userId, en.userId].sort())
    const text = (userId: number) => (mine.find((row) => row.userId === userId)?.payload as { text: string }).text
    expect(text(zh.userId)).toContain('现在：12月4日（周五）14:00')
    expect(text(en.userId)).toContain('has changed')
  })

  it('takes a new start in words, echoing it back before anyone is told', async () => {
    const { bot, telegram } = createTestBot(database.db, { now: () => now })
    const event = await shaoxingEvent({ title: '改期讲座' })
    await bot.handleUpdate(callbackUpdate(organizer, `ea:edit:start:${event.id}`))
    await bot.handleUpdate(textUpdate(organizer, '后天晚上7点半'))
    expect(telegram.lastText(textMessages)).toBe('开始时间是 12月3日（周四）19:30，对吗？')
    expect((await findEvent(database.db, event.id))?.startsAt).toEqual(event.startsAt)
    await bot.handleUpdate(callbackUpdate(organizer, 'ea:step:dateok'))
    expect(telegram.lastText(textMessages)).toContain('已保存')
    expect((await findEvent(database.db, event.id))?.startsAt).toEqual(new Date('2026-12-03T11:30:00Z'))
  })

  it('cancels after a confirmation, telling everyone urgently and withdrawing reminders', async () => {
    const { bot, telegram } = createTestBot(database.db, { now: () => now })
    const event = await shaoxingEvent({ title: '要取消的活动' })
    const people = [await registrant(event, 'confirmed'), await registrant(event, 'offered'), await registrant(event, 'waitlisted')]
    const first = people[0]
    if (first === undefined) throw new Error('no registrant')
    await database.db
      .insert(outbox)
      .values({ userId: first.userId, kind: 'reminder-day', payload: { method: 'sendMessage', text: '明天见' }, registrationId: first.id })
    await bot.handleUpdate(callbackUpdate(organizer, `ea:do:cancel:${event.id}`))
    expect(telegram.lastText(textMessages)).toContain('将马上通知 3 位报名者')
    expect((await findEvent(database.db, event.id))?.status).toBe('published')
    await bot.handleUpdate(callbackUpdate(organizer, `ea:do:cancelok:${event.id}`))
    await bot.handleUpdate(callbackUpdate(organizer, `ea:do:cancelok:${event.id}`))
    expect((await findEvent(database.db, event.id))?.status).toBe('cancelled')
    const notices = (await database.db.select().from(outbox).where(eq(outbox.kind, 'event-cancelled'))).filter((row) =>
      row.dedupeKey?.startsWith(`event-cancelled:${event.id}:`),
    )
    expect(notices.map((row) => row.userId).sort()).toEqual(people.map((row) => row.userId).sort())
    expect(notices.every((row) => row.urgent && (row.payload as { text: string }).text.includes('要取消的活动'))).toBe(true)
    const [reminder] = await database.db.select().from(outbox).where(eq(outbox.kind, 'reminder-day'))
    expect(reminder?.status).toBe('cancelled')
  })

  it('exports the registrants as a CSV with a BOM that Excel opens in Chinese', async () => {
    const { bot, telegram } = createTestBot(database.db, { now: () => now })
    const event = await shaoxingEvent({ title: '导出/测试', asks: ['name', 'phone'], questions: ['工号？', '尺码？'] })
    await registrant(event, 'confirmed', { name: '张三', phone: '13800000000', answers: ['=1+1', 'L'] })
    await registrant(event, 'waitlisted', { name: '李四' })
    await bot.handleUpdate(callbackUpdate(organizer, `ea:do:export:${event.id}`))
    const document = telegram.callsOf('sendDocument')[0]?.payload.document as UploadedFile
    expect(document.filename).toBe('导出 测试-名单.csv')
    expect([...document.data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parse(document.data.toString('utf8').slice(1)) as string[][]
    expect(rows[0]).toEqual([
      '序号',
      '状态',
      '姓名',
      '手机号',
      '职业',
      '平台',
      '工号？',
      '尺码？',
      '时段',
      '报名时间',
      '签到时间',
      '签到码',
    ])
    expect(rows[1]).toEqual([
      '1',
      '已确认',
      '张三',
      '13800000000',
      '',
      '',
      "'=1+1",
      'L',
      '',
      '2026-12-01 05:00',
      '',
      'K' + String(nextCode - 1).padStart(5, '0'),
    ])
    expect(rows[2]?.slice(0, 3)).toEqual(['2', '候补', '李四'])
  })

  it('leaves answers to sensitive questions out of the export unless the organizer asks for them', async () => {
    const { bot, telegram } = createTestBot(database.db, { now: () => now })
    const event = await shaoxingEvent({ title: '敏感导出', asks: ['name'], questions: ['工号？', '有慢性病吗？'], sensitiveQuestions: [1] })
    await registrant(event, 'confirmed', { name: '张三', answers: ['A12', '高血压'] })
    await bot.handleUpdate(callbackUpdate(organizer, `ea:do:export:${event.id}`))
    const plain = telegram.callsOf('sendDocument').at(-1)?.payload
    const plainCsv = (plain?.document as UploadedFile).data.toString('utf8')
    expect(plainCsv).toContain('工号？')
    expect(plainCsv).not.toContain('有慢性病吗？')
    expect(plainCsv).not.toContain('高血压')
    expect(String(plain?.caption)).toContain('不含敏感问题的回答')
    expect(JSON.stringify(plain?.reply_markup)).toContain(`ea:do:exportall:${event.id}`)
    await bot.handleUpdate(callbackUpdate(worker, `ea:do:exportall:${event.id}`))
    expect(telegram.callsOf('sendDocument')).toHaveLength(1)
    await bot.handleUpdate(callbackUpdate(organizer, `ea:do:exportall:${event.id}`))
    const full = (telegram.callsOf('sendDocument').at(-1)?.payload.document as UploadedFile).data.toString('utf8')
    expect(full).toContain('有慢性病吗？')
    expect(full).toContain('高血压')
  })

  it('publishes a draft and closes registration, each once', async () => {
    const { bot, telegram } = createTestBot(database.db, { now: () => now })
    const event = await shaoxingEvent({ status: 'draft', publishedAt: null })
    await bot.handleUpdate(callbackUpdate(organizer, `ea:do:publish:${event.id}`))
    expect(telegram.alerts().at(-1) ?? '').toContain('已发布')
    await bot.handleUpdate(callbackUpdate(organizer, `ea:do:publish:${event.id}`))
    expect(telegram.alerts().at(-1) ?? '').toContain('不是草稿')
    await bot.handleUpdate(callbackUpdate(organizer, `ea:do:close:${event.id}`))
    expect(await findEvent(database.db, event.id)).toMatchObject({ status: 'published', registrationClosed: true })
  })

  it('refuses forged buttons from workers and from organizers of another city, changing nothing', async () => {
    const { bot, telegram } = createTestBot(database.db, { now: () => now })
    const event = await shaoxingEvent()
    const chengdu = await createTestEvent(database.db, { city: '成都', startsAt: hours(48) })
    for (const data of [`ea:do:cancelok:${event.id}`, `ea:edit:capacity:${event.id}`, `ea:do:export:${event.id}`, 'hub:events']) {
      telegram.clear()
      await bot.handleUpdate(callbackUpdate(worker, data))
      expect(telegram.alerts().at(-1) ?? '').toContain('只对负责该活动的组织者开放')
      expect(telegram.callsOf('sendDocument')).toHaveLength(0)
    }
    await bot.handleUpdate(callbackUpdate(organizer, `ea:do:cancelok:${chengdu.id}`))
    expect(telegram.alerts().at(-1) ?? '').toContain('只对负责该活动的组织者开放')
    await bot.handleUpdate(callbackUpdate(organizer, 'ea:do:cancelok:abc'))
    expect(telegram.alerts().at(-1) ?? '').toContain('失效')
    expect((await findEvent(database.db, event.id))?.status).toBe('published')
    expect((await findEvent(database.db, chengdu.id))?.status).toBe('published')
  })
})

describe('check-in', () => {
  it('checks codes in one after another for the event of today', async () => {
    const { bot, telegram } = createTestBot(database.db, { now: () => now })
    const scopedId = 8150
    await touchUser(database.db, { id: scopedId, languageCode: 'zh', isAdmin: false })
    await setRole(database.db, { userId: scopedId, role: 'organizer', changedBy: null, via: 'command' })
    await addScope(database.db, { userId: scopedId, city: '嘉兴', createdBy: null })
    const today = await createTestEvent(database.db, { city: '嘉兴', title: '今天的讲座', startsAt: hours(2) })
    const later = await createTestEvent(database.db, { city: '嘉兴', title: '下周的讲座', startsAt: hours(200) })
    const anna = await registrant(today, 'confirmed', { name: '安娜' })
    const waiting = await registrant(today, 'waitlisted')
    const elsewhere = await registrant(later, 'confirmed')
    const say = (text: string) => bot.handleUpdate(textUpdate({ id: scopedId }, text))

    await say('/checkin')
    expect(telegram.lastText(textMessages)).toContain('签到：今天的讲座')
    await say(`${anna.code.slice(0, 3).toLowerCase()} ${anna.code.slice(3)}`)
    expect(telegram.lastText(textMessages)).toContain('✅ 签到成功：安娜')
    await say(anna.code)
    expect(telegram.lastText(textMessages)).toContain('已在 10:00 签到过了')
    await say(waiting.code)
    expect(telegram.lastText(textMessages)).toContain('候补')
    await say(elsewhere.code)
    expect(telegram.lastText(textMessages)).toContain('另一个活动「下周的讲座」')
    await say('ZZZZ99')
    expect(telegram.lastText(textMessages)).toContain('没有找到')
    await say('12')
    expect(telegram.lastText(textMessages)).toContain('6 位')
    await bot.handleUpdate(callbackUpdate({ id: scopedId }, 'ea:step:stop'))
    expect(telegram.lastText(textMessages)).toContain('签到结束：签到 1 / 已确认 1')
    const [row] = await database.db.select().from(registrations).where(eq(registrations.id, anna.id))
    expect(row).toMatchObject({ checkedInAt: now, checkedInBy: scopedId })
    const [other] = await database.db.select().from(registrations).where(eq(registrations.id, elsewhere.id))
    expect(other?.checkedInAt).toBeNull()
  })

  it('answers typed codes clearly outside the check-in window and checks in only after the organizer confirms', async () => {
    const { bot, telegram } = createTestBot(database.db, { now: () => now })
    const tomorrow = await shaoxingEvent({
      title: '明天的体检',
      startsAt: hours(28),
      registrationClosesAt: hours(27),
      cancelClosesAt: hours(26),
    })
    const person = await registrant(tomorrow, 'confirmed', { name: '李明' })
    await bot.handleUpdate(callbackUpdate(organizer, `ea:do:checkin:${tomorrow.id}`))
    await bot.handleUpdate(textUpdate(organizer, person.code))
    expect(telegram.lastText(textMessages)).toContain('还没到签到时间')
    const [untouched] = await database.db.select().from(registrations).where(eq(registrations.id, person.id))
    expect(untouched?.checkedInAt).toBeNull()
    const forced = `ea:force:${person.code}`
    expect(JSON.stringify(telegram.callsOf('sendMessage').at(-1)?.payload.reply_markup)).toContain(forced)
    await bot.handleUpdate(callbackUpdate(worker, forced))
    expect(telegram.alerts().at(-1) ?? '').toContain('只对负责该活动的组织者开放')
    await bot.handleUpdate(callbackUpdate(organizer, forced))
    expect(telegram.lastText(textMessages)).toContain('✅ 签到成功：李明')
    await bot.handleUpdate(callbackUpdate(organizer, 'ea:step:stop'))
    expect(telegram.lastText(textMessages)).toContain('签到 1 / 已确认 1')

    const over = createTestBot(database.db, { now: () => hours(40) })
    const second = await registrant(tomorrow, 'confirmed')
    await over.bot.handleUpdate(textUpdate(organizer, `/start ci_${second.code}`))
    expect(over.telegram.lastText(textMessages)).toContain('签到已关闭')
  })

  it('lets the organizer pick the event from the hub when none or several are today', async () => {
    const { bot, telegram } = createTestBot(database.db, { now: () => now })
    const event = await shaoxingEvent({ title: '选择签到活动' })
    const draftEvent = await shaoxingEvent({ status: 'draft', publishedAt: null })
    await bot.handleUpdate(callbackUpdate(organizer, 'hub:checkin'))
    expect(telegram.lastText(textMessages)).toContain('给哪个活动签到')
    expect(JSON.stringify(telegram.callsOf('sendMessage').at(-1)?.payload.reply_markup)).toContain(`ea:do:checkin:${event.id}`)
    await bot.handleUpdate(callbackUpdate(organizer, `ea:do:checkin:${draftEvent.id}`))
    expect(telegram.alerts().at(-1) ?? '').toContain('只有已发布的活动才能签到')
    await bot.handleUpdate(callbackUpdate(organizer, `ea:do:checkin:${event.id}`))
    expect(telegram.lastText(textMessages)).toContain('签到：选择签到活动')
    await bot.handleUpdate(callbackUpdate(organizer, 'hub:events'))
    expect(telegram.lastText(textMessages)).toContain('活动管理')
  })

  it('checks in from the QR link for organizers, and politely turns workers away', async () => {
    const { bot, telegram } = createTestBot(database.db, { now: () => now })
    const event = await shaoxingEvent({ title: '扫码活动' })
    const person = await registrant(event, 'confirmed', { name: '王五' })
    await bot.handleUpdate(textUpdate(worker, `/start ci_${person.code}`))
    expect(telegram.lastText(textMessages)).toContain('给活动工作人员扫码用的')
    const [untouched] = await database.db.select().from(registrations).where(eq(registrations.id, person.id))
    expect(untouched?.checkedInAt).toBeNull()
    // The event starts in 48 hours: check-in is not open yet, so the organizer is asked first.
    await bot.handleUpdate(textUpdate(organizer, `/start ci_${person.code}`))
    expect(telegram.lastText(textMessages)).toContain('还没到签到时间')
    expect(telegram.lastText(textMessages)).toContain('开始前 2 小时（2026-12-03 08:00）')
    const [notYet] = await database.db.select().from(registrations).where(eq(registrations.id, person.id))
    expect(notYet?.checkedInAt).toBeNull()
    await bot.handleUpdate(callbackUpdate(organizer, `ea:force:${person.code}`))
    expect(telegram.lastText(textMessages)).toContain('✅ 签到成功：王五')
    await bot.handleUpdate(textUpdate(organizer, `/start ci_${person.code}`))
    expect(telegram.lastText(textMessages)).toContain('签到过了')
    const chengdu = await createTestEvent(database.db, { city: '成都', startsAt: hours(48) })
    const foreign = await registrant(chengdu, 'confirmed')
    await bot.handleUpdate(textUpdate(organizer, `/start ci_${foreign.code}`))
    expect(telegram.lastText(textMessages)).toContain('不由你负责')
  })
})
