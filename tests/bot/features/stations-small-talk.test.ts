import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { upsertStations } from '../../../db/repositories/stations.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { textUpdate } from '../../helpers/updates.js'

// Free text outside any flow used to be always a place search (field issue, item 4).
const rider = { id: 8001, first_name: '小王' }
let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
  await upsertStations(database.db, [
    {
      externalId: 'S1',
      name: '春熙路工会驿站',
      kind: 'union',
      city: '成都',
      district: '锦江区',
      lat: 30.657,
      lng: 104.08,
      openingHours: '24/7',
    },
    { externalId: 'S2', name: '好利来门店友好商家', kind: 'merchant', city: '成都', district: '锦江区', lat: 30.66, lng: 104.07 },
    { externalId: 'S3', name: '1号驿站', kind: 'union', city: '西安', district: '雁塔区', lat: 34.22, lng: 108.95 },
  ])
})
afterAll(async () => database.close())

async function answerTo(text: string) {
  const { bot, telegram } = createTestBot(database.db)
  await bot.handleUpdate(textUpdate(rider, text))
  expect(telegram.calls.map((call) => call.method)).toEqual(['sendMessage'])
  return telegram.calls[0]!.payload as { text: string; reply_markup?: { keyboard?: unknown[]; inline_keyboard?: unknown[] } }
}

describe('small talk', () => {
  it.each([
    ['你好', '你好！我是暖新助手'],
    ['👍', '好的 👍'],
    ['好的收到，谢谢王老师', '不客气'],
    ['谢谢', '不客气'],
  ])('answers %s with a short friendly word and the main menu, not a search', async (text, expected) => {
    const reply = await answerTo(text)
    expect(reply.text).toContain(expected)
    expect(reply.text).not.toContain('没找到')
    expect(JSON.stringify(reply.reply_markup?.keyboard)).toContain('发送位置找驿站')
  })

  it.each(['1', '路', '。。。'])('answers %s with how to search instead of searching', async (text) => {
    const reply = await answerTo(text)
    expect(reply.text).toContain('请输入路名、区县、地标或驿站名')
    expect(reply.reply_markup?.inline_keyboard).toBeUndefined()
  })

  it.each([
    ['春熙路', '春熙路工会驿站'],
    ['好利来', '好利来门店友好商家'],
    ['雁塔区', '1号驿站'],
  ])('still searches a real place such as %s', async (text, station) => {
    const reply = await answerTo(text)
    expect(JSON.stringify(reply.reply_markup?.inline_keyboard)).toContain(station)
  })
})
