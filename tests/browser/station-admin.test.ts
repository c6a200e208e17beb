import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { LOCAL_ORGANIZER_ID } from '../../bot/local/index.js'
import { botMessageWith, listedNames, nthBotMessage, send, startWebChat, t, tapUnder, textOf, type WebChat } from './harness.js'

// A corner of 成都 east of 春熙路 with no station yet (WGS-84, as a phone reports it).
const newCorner = { latitude: 30.6648, longitude: 104.0952 }
const name = '望平街喜乐驿站'

let chat: WebChat

beforeAll(async () => {
  chat = await startWebChat()
})
afterAll(async () => chat?.close())
afterEach(() => expect(chat.pageErrors).toEqual([]))

/** The 📍 button of the reply keyboard, answered with the browser's location. */
async function shareLocation(page: Page): Promise<void> {
  await page.locator('[data-testid="reply-button"][data-request="location"]').click()
  await page.getByTestId('location-use-browser').click()
}

async function openAt(userId: number): Promise<Page> {
  const page = await chat.open(userId)
  await page.context().grantPermissions(['geolocation'])
  await page.context().setGeolocation(newCorner)
  await send(page, '/start')
  await nthBotMessage(page, 1)
  return page
}

describe('web chat: an organizer adds a station', () => {
  it('shares a location, types the hours as said, saves, and a rider then finds the station nearby', async () => {
    const organizer = await openAt(LOCAL_ORGANIZER_ID)
    await send(organizer, '/addstation')
    await botMessageWith(organizer, t('stationadmin-ask-location').split('\n')[0] ?? '')
    await shareLocation(organizer)

    await botMessageWith(organizer, t('stationadmin-ask-name'))
    await send(organizer, name)
    await tapUnder(organizer, t('stationadmin-ask-kind'), t('kind-community'))
    await tapUnder(organizer, t('stationadmin-ask-address').slice(0, 4), t('stationadmin-button-skip'))
    await tapUnder(organizer, t('stationadmin-ask-amenities').slice(0, 8), t('amenity-hot_water'))
    await botMessageWith(organizer, `✅ ${t('amenity-hot_water')}`)
    await tapUnder(organizer, t('stationadmin-ask-amenities').slice(0, 8), t('stationadmin-button-done'))

    await botMessageWith(organizer, '每天9点半到晚上9点')
    await send(organizer, '每天9点半到晚上9点')
    const readBack = await botMessageWith(organizer, '每天 09:30–21:00')
    expect(await textOf(readBack)).toContain('Mo-Su 09:30-21:00')
    await readBack
      .getByTestId('inline-button')
      .filter({ hasText: t('stationadmin-button-confirm') })
      .click()

    await tapUnder(organizer, t('stationadmin-ask-phone').slice(0, 6), t('stationadmin-button-skip'))
    await tapUnder(organizer, t('stationadmin-ask-photo').slice(0, 6), t('stationadmin-button-skip'))
    const summary = await botMessageWith(organizer, name)
    expect(await textOf(summary)).toContain('每天 09:30–21:00')
    await summary
      .getByTestId('inline-button')
      .filter({ hasText: t('stationadmin-button-save') })
      .click()
    await botMessageWith(organizer, `已保存「${name}」`)

    // A rider at the same corner at noon: the new station is open and listed first.
    const rider = await openAt(await chat.newUser('韩小北'))
    await shareLocation(rider)
    const list = await nthBotMessage(rider, 2)
    expect(listedNames(await textOf(list))[0]).toBe(name)
    await organizer.close()
    await rider.close()
  })
})
