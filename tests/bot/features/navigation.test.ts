import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stationCallbacks } from '../../../bot/callbacks/stations.js'
import { searchStations } from '../../../db/repositories/station-search.js'
import { upsertStations } from '../../../db/repositories/stations.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { createTestEvent } from '../../helpers/events.js'
import { inlineButtons, type InlineButton } from '../../helpers/fake-telegram.js'
import { callbackUpdate } from '../../helpers/updates.js'

// Field issue, item 5: map links in the vendors' documented forms, for stations and events alike.
const clock = new Date('2026-11-25T02:00:00Z')
const rider = { id: 9001, first_name: '小张' }
let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
  await upsertStations(database.db, [
    {
      externalId: 'N1',
      name: '天府广场驿站',
      kind: 'union',
      city: '成都',
      district: '青羊区',
      address: '青羊区人民南路 1 号',
      lat: 30.657,
      lng: 104.066,
      openingHours: '24/7',
    },
  ])
})
afterAll(async () => database.close())

function expectDocumentedMapLinks(buttons: InlineButton[]) {
  const urls = buttons.flatMap((button) => (button.url === undefined ? [] : [button.url]))
  expect(buttons.filter((button) => button.url !== undefined).map((button) => button.text)).toEqual([
    '高德地图导航',
    '百度地图导航',
    '腾讯地图导航',
  ])
  expect(urls[0]).toMatch(/^https:\/\/uri\.amap\.com\/navigation\?to=[\d.]+,[\d.]+,/)
  expect(urls[1]).toMatch(/^https:\/\/api\.map\.baidu\.com\/marker\?location=[\d.]+,[\d.]+&.*coord_type=bd09ll.*&src=webapp\.\w+\.\w+$/)
  expect(urls[2]).toMatch(/^https:\/\/apis\.map\.qq\.com\/uri\/v1\/marker\?marker=coord:[\d.]+,[\d.]+;title:/)
  for (const url of urls) expect(url).not.toMatch(/type=bike|\/direction\?/)
}

describe('map buttons', () => {
  it('come with a station’s details', async () => {
    const { bot, telegram } = createTestBot(database.db, { now: () => clock })
    const [station] = await searchStations(database.db, '天府广场驿站', 1)
    await bot.handleUpdate(callbackUpdate(rider, stationCallbacks.navigate.pack({ stationId: station?.id ?? 0 })))
    expectDocumentedMapLinks(inlineButtons(telegram.callsOf('sendMessage')[0]?.payload))
  })

  it('come with an event’s 🧭 导航 as well, on its venue card, not just a location', async () => {
    const event = await createTestEvent(database.db, { title: '匠星大赛', kind: 'skill_contest' })
    const { bot, telegram } = createTestBot(database.db, { now: () => clock })
    await bot.handleUpdate(callbackUpdate(rider, `ev:nav:${event.id}`))
    const venue = telegram.callsOf('sendVenue')[0]?.payload
    expect(venue).toMatchObject({ latitude: 30.66, longitude: 104.06 })
    expectDocumentedMapLinks(inlineButtons(venue))
  })
})
