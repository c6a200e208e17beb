import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { nthBotMessage, startWebChat, t, textOf, userMessages, type WebChat } from './harness.js'

let chat: WebChat

beforeAll(async () => {
  chat = await startWebChat()
})
afterAll(async () => chat?.close())
afterEach(() => expect(chat.pageErrors).toEqual([]))

describe("the web chat's attach menu", () => {
  it('sends a location from the attach menu, as the prompts say (📎 → 位置)', async () => {
    const page = await chat.open(await chat.newUser('小郑'))
    await page.getByTestId('attach-button').click()
    const item = page.getByTestId('attach-location')
    expect(await item.innerText()).toBe(t('webchat-attach-location'))
    expect(t('eventadmin-ask-place')).toContain(`📎 → ${t('webchat-attach-location').replace('📍 ', '')}`)
    await page.screenshot({ path: 'tests/output/attach-sheet.png' })
    await item.click()
    await page.getByTestId('attach-sheet').waitFor({ state: 'hidden' })
    const sheet = page.getByTestId('location-sheet')
    await sheet.waitFor()
    await page.getByTestId('location-input').fill('30.65762, 104.08059')
    await page.getByTestId('location-send').click()
    await sheet.waitFor({ state: 'hidden' })
    expect(await userMessages(page).last().getByTestId('coordinates').innerText()).toBe('30.65762, 104.08059')
    expect(await textOf(await nthBotMessage(page, 1))).toContain('离你最近')
    await page.close()
  })
})
