import type { Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { LOCAL_ORGANIZER_ID } from '../../bot/local/index.js'
import { botMessages, botMessageWith, send, startWebChat, t, tapUnder, textOf, type WebChat } from './harness.js'

// 喜树路, Chengdu (WGS-84): the nearest sample station is 喜树路社区喜乐驿站, open at noon, with hot water.
const xishuRoad = { latitude: 30.6118, longitude: 104.1196 }
const station = '喜树路社区喜乐驿站'

let chat: WebChat

beforeAll(async () => {
  chat = await startWebChat()
})
afterAll(async () => chat?.close())
afterEach(() => expect(chat.pageErrors).toEqual([]))

/** 🧭 1 on the rider's nearest list (the list stays in the chat above the cards it opened). */
async function navigateToFirst(rider: Page): Promise<void> {
  const list = botMessages(rider)
    .filter({ has: rider.getByTestId('inline-button').filter({ hasText: '🧭 1' }) })
    .last()
  await list.getByTestId('inline-button').filter({ hasText: '🧭 1' }).first().click()
}

async function openAt(userId: number): Promise<Page> {
  const page = await chat.open(userId)
  await page.context().grantPermissions(['geolocation'])
  await page.context().setGeolocation(xishuRoad)
  await send(page, '/start')
  await botMessageWith(page, '暖新助手')
  return page
}

/** The rider's nearest list from their location, then the card of the first station. */
async function openCard(rider: Page): Promise<Locator> {
  await rider.locator('[data-testid="reply-button"][data-request="location"]').click()
  await rider.getByTestId('location-use-browser').click()
  await botMessageWith(rider, station)
  await navigateToFirst(rider)
  return botMessageWith(rider, t('station-card-button-report').slice(2))
}

describe('web chat: a rider reports 没有热水, an organizer confirms it', () => {
  it('shows the report on the card at once, and tells the rider what the organizer did', async () => {
    const rider = await openAt(await chat.newUser('程小西'))
    const card = await openCard(rider)
    expect(await textOf(card)).toContain(station)
    await card
      .getByTestId('inline-button')
      .filter({ hasText: t('station-card-button-report') })
      .click()
    await tapUnder(rider, '现在怎么样', t('station-report-button-no_hot_water'))
    await botMessageWith(rider, '收到了，谢谢你')

    // The card, opened again, says what was just reported.
    await navigateToFirst(rider)
    const reported = await botMessageWith(rider, '有骑手反馈：没有热水')
    expect(await textOf(reported)).toContain(station)

    // The organizer (an admin in local mode) is told of the new ticket, opens it and confirms.
    const organizer = await openAt(LOCAL_ORGANIZER_ID)
    await tapUnder(organizer, station, t('feedback-button-open'))
    await tapUnder(organizer, '没有热水', t('rh-button-confirm'))
    await tapUnder(organizer, station, t('rh-until-today'))
    await botMessageWith(organizer, '已确认')

    // The rider is told through the outbox, and the card shows the hot water as out.
    const told = await botMessageWith(rider, `你反馈的「${station}」没有热水，已确认`)
    expect(await textOf(told)).toContain('谢谢你的反馈')
    await navigateToFirst(rider)
    const confirmed = await botMessageWith(rider, '暂停供应')
    expect(await textOf(confirmed)).toContain(t('amenity-hot_water'))
    await rider.screenshot({ path: 'tests/output/station-report-rider.png' })
    await organizer.screenshot({ path: 'tests/output/station-report-organizer.png' })
    await organizer.close()
    await rider.close()
  })
})
