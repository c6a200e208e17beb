import type { Update } from 'grammy/types'
import { expect } from 'vitest'
import type { Database } from '../../../db/client.js'
import { addScope, setRole } from '../../../db/repositories/roles.js'
import { touchUser } from '../../../db/repositories/users.js'
import { feedbackTickets, registrations, stations } from '../../../db/schema/index.js'
import { createTestEvent } from '../../helpers/events.js'
import type { FakeTelegram } from '../../helpers/fake-telegram.js'
import { seedChengduOrganizer } from '../../helpers/feedback.js'
import { callbackUpdate, textUpdate } from '../../helpers/updates.js'

/**
 * Conversations half-way through, with wrong answers, stale taps and toggles in their history: the
 * kind of state a deploy finds in the database. `before` is how each stored fixture was made (with
 * the code of commit 493014f, before the shared form step); `after` continues it to the end.
 */
export type Scenario = {
  name: string
  chatId: number
  /** The chat's clock (the conversations read it through `external`). */
  now: Date
  env?: Record<string, string>
  setup: (db: Database) => Promise<void>
  before: (send: (update: Update) => Promise<void>) => Promise<void>
  after: (send: (update: Update) => Promise<void>, telegram: FakeTelegram, db: Database) => Promise<void>
}

const texts = (telegram: FakeTelegram) =>
  telegram.calls
    .filter((call) => call.method === 'sendMessage' || call.method === 'editMessageText')
    .map((call) => String(call.payload.text))
const lastText = (telegram: FakeTelegram) => texts(telegram).at(-1) ?? ''

const organizer = { id: 8301, first_name: 'Org' }
const rider = { id: 8302, first_name: '小王' }
const feedbackOrganizer = { id: 8303, first_name: '王组织' }
const doorOrganizer = { id: 8304, first_name: '签到员' }

export const scenarios: Scenario[] = [
  {
    name: 'eventadmin-create, after a wrong answer, a station tap and a toggle',
    chatId: organizer.id,
    now: new Date('2026-12-01T02:00:00Z'),
    env: { ADMIN_IDS: String(organizer.id) },
    setup: async (db) => {
      await db.insert(stations).values({
        externalId: 'up-hubin',
        name: '湖滨暖新驿站',
        kind: 'union',
        city: '杭州',
        district: '上城区',
        address: '湖滨路 1 号',
        lat: 30.259,
        lng: 120.163,
      })
    },
    before: async (send) => {
      const say = (text: string) => send(textUpdate(organizer, text))
      const tap = (data: string) => send(callbackUpdate(organizer, data))
      await say('/newevent')
      await say('体检')
      await tap('ea:step:kind:health_check')
      await say('很'.repeat(61))
      await say('冬季免费体检')
      await tap('ea:step:skip')
      await say('湖滨')
      await tap('ea:step:station:1')
      await say('12月5日 9:00')
      await say('11:30')
      await say('30')
      await tap('ea:step:noslots')
      await tap('ea:step:default')
      await tap('ea:step:default')
      await tap('ea:step:ask:name')
    },
    after: async (send, telegram) => {
      const tap = (data: string) => send(callbackUpdate(organizer, data))
      await tap('ea:step:ask:phone')
      const toggled = JSON.stringify(telegram.callsOf('editMessageReplyMarkup').at(-1)?.payload)
      expect(toggled).toContain('✅ 姓名')
      expect(toggled).toContain('✅ 手机号')
      await tap('ea:step:done')
      await tap('ea:step:done')
      expect(lastText(telegram)).toContain('冬季免费体检')
      expect(lastText(telegram)).toContain('湖滨暖新驿站')
      expect(lastText(telegram)).toContain('报名时填写：姓名、手机号')
      await tap('ea:step:publish')
      expect(lastText(telegram)).toContain('已发布')
    },
  },
  {
    name: 'events-register, after an overlong name, a platform toggle and a typed answer to a button',
    chatId: rider.id,
    now: new Date('2026-11-25T02:00:00Z'),
    setup: async (db) => {
      await createTestEvent(db, { title: '暖心午餐会', asks: ['name', 'platform'] })
    },
    before: async (send) => {
      await send(callbackUpdate(rider, 'ev:join:1'))
      await send(callbackUpdate(rider, 'ev:consent-yes'))
      await send(textUpdate(rider, '李'.repeat(21)))
      await send(textUpdate(rider, '李明'))
      await send(callbackUpdate(rider, 'ev:platform:0'))
      await send(textUpdate(rider, '美团'))
    },
    after: async (send, telegram, db) => {
      await send(callbackUpdate(rider, 'ev:platform:1'))
      expect(JSON.stringify(telegram.callsOf('editMessageReplyMarkup').at(-1)?.payload)).toContain('✅ 饿了么')
      await send(callbackUpdate(rider, 'ev:platform-done'))
      expect(lastText(telegram)).toContain('报名成功')
      // The name typed and the platform ticked before the upgrade come back from the stored log.
      const [registration] = await db.select().from(registrations)
      expect(registration).toMatchObject({ userId: rider.id, name: '李明', platform: '美团、饿了么' })
    },
  },
  {
    name: 'feedback-new, after a stale tap and a station search',
    chatId: rider.id,
    now: new Date('2026-11-25T02:00:00Z'),
    setup: async (db) => {
      await seedChengduOrganizer(db, feedbackOrganizer)
    },
    before: async (send) => {
      await send(textUpdate(rider, '/feedback'))
      await send(callbackUpdate(rider, 'fb:kind:need'))
      await send(callbackUpdate(rider, 'fb:search'))
      await send(textUpdate(rider, '成都测试驿站B'))
    },
    after: async (send, telegram, db) => {
      await send(callbackUpdate(rider, 'fb:station:2'))
      expect(lastText(telegram)).toContain('哪一类')
      await send(callbackUpdate(rider, 'fb:kind:need'))
      await send(callbackUpdate(rider, 'fb:anon:0'))
      await send(textUpdate(rider, '驿站的热水器坏了'))
      expect(lastText(telegram)).toContain('收到了')
      const [ticket] = await db.select().from(feedbackTickets)
      expect(ticket).toMatchObject({ userId: rider.id, stationId: 2, category: 'need' })
    },
  },
  {
    name: 'broadcast-compose, after a stale tap and an overlong message',
    chatId: organizer.id,
    now: new Date('2026-11-23T04:00:00Z'),
    env: { ADMIN_IDS: String(organizer.id) },
    setup: async (db) => {
      await touchUser(db, { id: 8310, languageCode: 'zh', isAdmin: false })
    },
    before: async (send) => {
      await send(textUpdate(organizer, '/broadcast'))
      await send(callbackUpdate(organizer, 'bc:send'))
      await send(callbackUpdate(organizer, 'bc:type:everyone'))
      await send(textUpdate(organizer, '饭'.repeat(4000)))
    },
    after: async (send, telegram) => {
      await send(textUpdate(organizer, '今晚八点停电'))
      expect(texts(telegram).some((text) => text.endsWith('\n今晚八点停电'))).toBe(true)
      expect(lastText(telegram)).toContain('所有用户')
      await send(callbackUpdate(organizer, 'bc:abort'))
      expect(lastText(telegram)).toContain('已放弃')
    },
  },
  {
    name: 'eventadmin-checkin, after a code that is not one',
    chatId: doorOrganizer.id,
    now: new Date('2026-12-05T00:00:00Z'),
    setup: async (db) => {
      await touchUser(db, { id: doorOrganizer.id, languageCode: 'zh', isAdmin: false })
      await setRole(db, { userId: doorOrganizer.id, role: 'organizer', changedBy: null, via: 'command' })
      await addScope(db, { userId: doorOrganizer.id, city: '成都', createdBy: null })
      await createTestEvent(db, { title: '今天的午餐会' })
    },
    before: async (send) => {
      await send(textUpdate(doorOrganizer, '/checkin'))
      await send(textUpdate(doorOrganizer, '不是签到码'))
    },
    after: async (send, telegram) => {
      await send(textUpdate(doorOrganizer, 'ZZZZZZ'))
      expect(lastText(telegram)).toContain('ZZZZZZ')
      await send(callbackUpdate(doorOrganizer, 'ea:step:stop'))
      expect(lastText(telegram)).toContain('签到结束')
    },
  },
]
