import { mkdirSync } from 'node:fs'
import { eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { findNearestStations } from '../../db/repositories/stations.js'
import { stations } from '../../db/schema/index.js'
import {
  botMessages,
  listedDistances,
  listedNames,
  messageById,
  noonInShanghai,
  nthBotMessage,
  send,
  startWebChat,
  t,
  textOf,
  userMessages,
  type WebChat,
} from './harness.js'

// 春熙路, Chengdu (WGS-84), as the rider's phone would report it.
const chunxiRoad = { latitude: 30.65762, longitude: 104.08059 }

let chat: WebChat
let clock = noonInShanghai

beforeAll(async () => {
  chat = await startWebChat({ now: () => clock })
})
afterAll(async () => chat?.close())
afterEach(() => expect(chat.pageErrors).toEqual([]))

/** Names in `listed` appear in the repository's nearest-first order (closed ones may be left out). */
async function expectNearestFirst(listed: string[], point: { lat: number; lng: number }) {
  const nearest = (await findNearestStations(chat.app.database.db, point, { limit: 60 })).map((station) => station.name)
  const positions = listed.map((name) => nearest.indexOf(name))
  expect(positions.every((position) => position >= 0)).toBe(true)
  expect(positions).toEqual([...positions].sort((a, b) => a - b))
}

/** A new rider whose browser may share its location, after /start. */
async function riderAfterStart(name: string, geolocation: boolean): Promise<Page> {
  const page = await chat.open(await chat.newUser(name))
  if (geolocation) {
    await page.context().grantPermissions(['geolocation'])
    await page.context().setGeolocation(chunxiRoad)
  }
  await send(page, '/start')
  await nthBotMessage(page, 1)
  return page
}

async function listFromBrowserLocation(name: string) {
  const page = await riderAfterStart(name, true)
  await page.locator('[data-testid="reply-button"][data-request="location"]').click()
  await page.getByTestId('location-use-browser').click()
  const list = await nthBotMessage(page, 2)
  return { page, list, id: (await list.getAttribute('data-message-id')) ?? '' }
}

describe('web chat: finding a station', () => {
  it('greets on /start with the welcome and the reply keyboard, the location button first', async () => {
    const page = await chat.open(await chat.newUser('阿强'))
    await page.getByTestId('empty-state').waitFor()
    await send(page, '/start')

    const welcome = await nthBotMessage(page, 1)
    expect(await textOf(welcome)).toContain('你好，阿强！我是 暖新助手')
    // <b> in the bot's HTML arrives as a bold entity and is drawn as <strong>.
    expect(await welcome.locator('strong').first().innerText()).toBe('暖新助手')
    expect(await userMessages(page).first().innerText()).toContain('/start')

    const buttons = page.getByTestId('reply-button')
    await buttons.first().waitFor()
    expect(await buttons.allInnerTexts()).toEqual([
      t('keyboard-share-location'),
      t('keyboard-search-place'),
      t('keyboard-events'),
      t('keyboard-feedback'),
      t('keyboard-help'),
    ])
    expect(await buttons.first().getAttribute('data-request')).toBe('location')
    await page.close()
  })

  it('shares the browser location and lists the nearest open stations, nearest first', async () => {
    const { page, list } = await listFromBrowserLocation('小周')

    const sent = userMessages(page).last().getByTestId('location')
    expect(await sent.getByTestId('coordinates').innerText()).toBe('30.65762, 104.08059')
    expect(await sent.getByTestId('map-osm').getAttribute('href')).toContain('mlat=30.657620&mlon=104.080590')
    expect(await sent.getByTestId('map-amap').getAttribute('href')).toMatch(
      /^https:\/\/uri\.amap\.com\/marker\?position=104\.08\d+,30\.65\d+/,
    )

    const text = await textOf(list)
    expect(text.split('\n')[0]).toContain('离你最近的驿站')
    const names = listedNames(text)
    expect(names).toHaveLength(5)
    expect(names[0]).toBe('春熙路工会驿站')
    await expectNearestFirst(names, { lat: chunxiRoad.latitude, lng: chunxiRoad.longitude })
    const distances = listedDistances(text)
    expect(distances).toHaveLength(5)
    expect(distances).toEqual([...distances].sort((a, b) => a - b))

    // A tall phone, so that the shared location, the whole list and both keyboards are in one picture.
    mkdirSync('tests/output', { recursive: true })
    await page.setViewportSize({ width: 390, height: 1900 })
    await userMessages(page)
      .last()
      .evaluate((row) => row.scrollIntoView({ block: 'start' }))
    await page.screenshot({ path: 'tests/output/location-flow.png' })
    await page.close()
  })

  it('a filter button edits the same list message in place', async () => {
    const { page, list, id } = await listFromBrowserLocation('小吴')
    const before = await botMessages(page).count()

    await list.getByRole('button', { name: t('amenity-hot_water'), exact: true }).click()
    const edited = messageById(page, id)
    await expect.poll(() => edited.getAttribute('data-edited')).toBe('true')

    expect(await textOf(edited)).toContain(t('list-filters', { filters: `${t('filter-open-now')} · ${t('amenity-hot_water')}` }))
    expect(await edited.getByTestId('edited').innerText()).toBe(t('webchat-edited'))
    await edited.getByRole('button', { name: t('filter-on', { label: t('amenity-hot_water') }), exact: true }).waitFor()
    expect(await botMessages(page).count()).toBe(before)
    expect(await page.locator(`[data-message-id="${id}"]`).count()).toBe(1)
    await page.close()
  })

  it('🧭 1 sends the station as a venue card and the map apps as link buttons', async () => {
    const { page, list } = await listFromBrowserLocation('小郑')
    const first = listedNames(await textOf(list))[0]

    await list.getByRole('button', { name: t('button-navigate', { index: 1 }), exact: true }).click()
    const venue = (await nthBotMessage(page, 3)).getByTestId('venue')
    expect(await venue.getByTestId('place-title').innerText()).toBe(first)
    expect(await venue.getByTestId('map-amap').getAttribute('href')).toMatch(/^https:\/\/uri\.amap\.com\/marker\?position=/)

    const details = await nthBotMessage(page, 4)
    expect(await textOf(details)).toContain(first)
    const amap = details.getByRole('link', { name: t('navigate-amap') })
    expect(await amap.getAttribute('href')).toMatch(/^https:\/\/uri\.amap\.com\/navigation\?/)
    expect(await amap.getAttribute('target')).toBe('_blank')
    expect(await amap.getAttribute('rel')).toContain('noopener')
    await page.close()
  })

  it('searches a typed place and lists the stations near the chosen result', async () => {
    const page = await riderAfterStart('小冯', false)
    await page.getByTestId('composer').fill('春熙路')
    await page.getByTestId('composer').press('Enter')

    const results = await nthBotMessage(page, 2)
    expect(await textOf(results)).toBe(t('search-results', { query: '春熙路' }))
    const choice = results.getByTestId('inline-button').first()
    const chosen = (await choice.innerText()).split(' · ')[0] ?? ''
    expect(chosen).toContain('春熙路')
    await choice.click()

    const list = await nthBotMessage(page, 3)
    const text = await textOf(list)
    expect(text.split('\n')[0]).toContain(`「${chosen}」附近的驿站`)
    expect(listedNames(text)[0]).toBe(chosen)
    await page.close()
  })

  it('offers the city list and typed coordinates when the browser refuses its location', async () => {
    // No geolocation permission in this context: Chromium refuses, as when a person says no.
    const page = await riderAfterStart('小褚', false)
    await page.locator('[data-testid="reply-button"][data-request="location"]').click()
    const sheet = page.getByTestId('location-sheet')
    await sheet.waitFor()

    await page.getByTestId('location-use-browser').click()
    await expect.poll(() => page.getByTestId('location-status').innerText()).toBe(t('webchat-location-denied'))

    await page.getByTestId('location-input').fill('春熙路')
    await page.getByTestId('location-send').click()
    expect(await page.getByTestId('location-error').innerText()).toBe(t('webchat-location-bad'))
    expect(await userMessages(page).count()).toBe(1)

    await page.locator('[data-testid="location-city"][data-city="webchat-city-xian"]').click()
    await sheet.waitFor({ state: 'hidden' })
    expect(await userMessages(page).last().getByTestId('coordinates').innerText()).toBe('34.26101, 108.94269')
    const names = listedNames(await textOf(await nthBotMessage(page, 2)))
    expect(names.length).toBeGreaterThan(0)
    await expectNearestFirst(names, { lat: 34.26101, lng: 108.94269 })
    await page.close()
  })

  it('shows the text of a callback answer as a toast (a station that closed since the list was sent)', async () => {
    const page = await riderAfterStart('小卫', false)
    await page.locator('[data-testid="reply-button"][data-request="location"]').click()
    // Typed coordinates in the Amap order (lng, lat) are understood as well.
    await page.getByTestId('location-input').fill('114.01708，33.57268')
    await page.getByTestId('location-send').click()
    const list = await nthBotMessage(page, 2)
    const first = listedNames(await textOf(list))[0] ?? ''
    const db = chat.app.database.db
    await db.update(stations).set({ active: false }).where(eq(stations.name, first))
    try {
      await list.getByRole('button', { name: t('button-navigate', { index: 1 }), exact: true }).click()
      await expect.poll(() => page.getByTestId('toast').innerText()).toBe(t('station-gone'))
      expect(await botMessages(page).count()).toBe(2)
    } finally {
      await db.update(stations).set({ active: true }).where(eq(stations.name, first))
    }
    await page.close()
  })
})

describe('web chat: finding a station at night (field issue, item 1)', () => {
  it('stays within 20 km at 04:44, says only two are open, and offers the nearest closed ones with when they open', async () => {
    clock = new Date('2026-06-09T20:44:00Z') // Wednesday 04:44 in Shanghai
    try {
      const { page, list } = await listFromBrowserLocation('小夜')
      const text = await textOf(list)
      expect(text).toContain(t('list-open-few', { radius: 20, count: 2 }))
      expect(text).not.toMatch(/西安|漯河|肥城/)
      const names = listedNames(text)
      expect(names).toHaveLength(5)
      const [open, closed] = text.split('附近休息中的驿站')
      expect(listedNames(open ?? '')).toEqual(['蓉都大道货车司机之家', '西园街道合庆里清凉物资自取点'])
      expect(listedNames(`\n${closed ?? ''}`.replace(/^[^\n]*\n/, ''))[0]).toBe('春熙路工会驿站')
      expect(closed).toContain('🔴 休息中，09:30 开门')
      // 13 km is no walk: the distance and the e-bike time only.
      expect(open).not.toContain('🚶')
      expect(open).toMatch(/📏 1\d 公里 · 🛵 约 \d+ 分钟/)
      for (const index of [1, 2, 3, 4, 5]) {
        await list.getByRole('button', { name: t('button-navigate', { index }), exact: true }).waitFor()
      }

      mkdirSync('/tmp/shots', { recursive: true })
      await page.setViewportSize({ width: 390, height: 1600 })
      await userMessages(page)
        .last()
        .evaluate((row) => row.scrollIntoView({ block: 'start' }))
      await page.screenshot({ path: '/tmp/shots/night-list.png' })
      await page.close()
    } finally {
      clock = noonInShanghai
    }
  })
})
