import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createTestEvent } from '../helpers/events.js'
import { botMessages, nthBotMessage, send, startWebChat, t, textOf, type WebChat } from './harness.js'

let chat: WebChat

beforeAll(async () => {
  chat = await startWebChat()
})
afterAll(async () => chat?.close())
afterEach(() => expect(chat.pageErrors).toEqual([]))

describe('web chat: registering for an event', () => {
  it('opens 📅 活动报名, registers with one tap and shows the check-in code and its QR image', async () => {
    // The harness clock is 2026-06-10 12:00 in Shanghai; the event is ten days later.
    await createTestEvent(chat.app.database.db, {
      title: '夏日清凉市集',
      kind: 'market',
      startsAt: new Date('2026-06-20T01:00:00Z'),
      capacity: 35,
    })
    const page = await chat.open(await chat.newUser('阿梅'))
    await send(page, t('keyboard-events'))

    const list = await nthBotMessage(page, 1)
    expect(await textOf(list)).toContain('夏日清凉市集')
    await list
      .getByTestId('inline-button')
      .filter({ hasText: t('events-button-open', { index: 1 }) })
      .click()

    const card = await nthBotMessage(page, 2)
    expect(await textOf(card)).toContain('6月20日（周六）09:00–11:30')
    expect(await textOf(card)).toContain('剩余名额：35 / 35')
    await card
      .getByTestId('inline-button')
      .filter({ hasText: t('events-button-register') })
      .click()

    const confirmation = await nthBotMessage(page, 3)
    const text = await textOf(confirmation)
    expect(text).toContain('报名成功')
    const code = /签到码：(\w{6})/.exec(text)?.[1]
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/)

    const qr = botMessages(page).nth(3).getByTestId('photo')
    await qr.waitFor()
    await expect.poll(() => qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(360)
    expect(await textOf(botMessages(page).nth(3))).toContain(code ?? '?')
    await page.close()
  })
})
