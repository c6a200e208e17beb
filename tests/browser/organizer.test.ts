import type { Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { LOCAL_ORGANIZER_ID } from '../../bot/local/index.js'
import { createTestEvent } from '../helpers/events.js'
import { botMessages, nthBotMessage, send, startWebChat, t, textOf, type WebChat } from './harness.js'

let chat: WebChat

beforeAll(async () => {
  chat = await startWebChat()
})
afterAll(async () => chat?.close())
afterEach(() => expect(chat.pageErrors).toEqual([]))

/** A locale string as the web chat shows it: HTML tags become formatting, so they are not in the text. */
const shown = (key: string, variables?: Record<string, string | number>) => t(key, variables).replace(/<[^>]+>/g, '')

/** The latest bot message containing `text`, once it has arrived. */
async function botMessageWith(page: Page, text: string): Promise<Locator> {
  const message = botMessages(page).filter({ hasText: text }).last()
  try {
    await message.waitFor({ timeout: 15_000 })
  } catch (error) {
    const seen = await page.getByTestId('message').allInnerTexts()
    throw new Error(`no bot message with “${text}”; the chat shows:\n${seen.join('\n---\n')}`, { cause: error })
  }
  return message
}

/** A rider registers with one tap through 📅 活动报名 and reads the 6-character check-in code. */
async function registerAndReadCode(page: Page, title: string): Promise<string> {
  await send(page, t('keyboard-events'))
  const list = await nthBotMessage(page, 1)
  expect(await textOf(list)).toContain(title)
  await list
    .getByTestId('inline-button')
    .filter({ hasText: t('events-button-open', { index: 1 }) })
    .click()
  const card = await nthBotMessage(page, 2)
  await card
    .getByTestId('inline-button')
    .filter({ hasText: t('events-button-register') })
    .click()
  const confirmation = await nthBotMessage(page, 3)
  const code = /签到码：(\w{6})/.exec(await textOf(confirmation))?.[1] ?? ''
  expect(code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/)
  return code
}

describe('web chat: 王老师 at the door', () => {
  it('checks a rider in with /checkin and the code from the rider’s confirmation', async () => {
    // The harness clock is 2026-06-10 12:00 in Shanghai; the event starts at 13:30 the same day, so
    // check-in (open from 2 hours before the start) is open; registration stays open until 13:00.
    const title = '午后热饮站'
    await createTestEvent(chat.app.database.db, {
      title,
      kind: 'market',
      startsAt: new Date('2026-06-10T05:30:00Z'),
      registrationClosesAt: new Date('2026-06-10T05:00:00Z'),
      capacity: 20,
    })
    const rider = await chat.open(await chat.newUser('韩小北'))
    const code = await registerAndReadCode(rider, title)

    const organizer = await chat.open(LOCAL_ORGANIZER_ID)
    await send(organizer, '/checkin')
    const startLine = shown('eventadmin-checkin-start', { title }).split('\n')[0] ?? ''
    // With one event today the check-in starts at once; with several the bot asks which one first.
    const started = botMessages(organizer).filter({ hasText: startLine })
    const asked = botMessages(organizer).filter({ hasText: t('eventadmin-checkin-pick') })
    await started.or(asked).first().waitFor({ timeout: 15_000 })
    if ((await started.count()) === 0) await asked.last().getByTestId('inline-button').filter({ hasText: title }).click()
    const start = await botMessageWith(organizer, startLine)
    expect(await start.locator('strong').first().innerText()).toBe(startLine)

    // Typed in lower case, as a hurried organizer would: codes are case-insensitive.
    await send(organizer, code.toLowerCase())
    const ok = await botMessageWith(organizer, code)
    expect(await textOf(ok)).toMatch(/^✅/)
    expect(await textOf(ok)).toBe(shown('eventadmin-checkin-ok', { name: t('eventadmin-checkin-no-name'), slot: 'none', code }))

    // The same code again only answers "already checked in".
    // Found by its mark, not by position: notices (the sample reports' tickets) may arrive in between.
    await send(organizer, code)
    const again = await botMessageWith(organizer, '☑️')
    expect(await textOf(again)).toMatch(/^☑️/)
    expect(await textOf(again)).toContain(`（${code}）`)

    await start
      .getByTestId('inline-button')
      .filter({ hasText: t('eventadmin-button-checkin-done') })
      .click()
    await botMessageWith(organizer, shown('eventadmin-checkin-finished', { checkedIn: 1, confirmed: 1 }))
    await rider.close()
    await organizer.close()
  })
})
