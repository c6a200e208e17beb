import type { Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { LOCAL_ORGANIZER_ID } from '../../bot/local/index.js'
import { MAX_WORKER_TEXT } from '../../core/tickets.js'
import { botMessages, nthBotMessage, send, startWebChat, t, textOf, userMessages, type WebChat } from './harness.js'

let chat: WebChat

beforeAll(async () => {
  chat = await startWebChat()
})
afterAll(async () => chat?.close())
afterEach(() => expect(chat.pageErrors).toEqual([]))

/** A locale string as the web chat shows it: HTML tags become formatting, so they are not in the text. */
const shown = (key: string, variables?: Record<string, string | number>) => t(key, variables).replace(/<[^>]+>/g, '')
/** The first line of a (multi-line) string, enough to recognise a message by. */
const firstLine = (text: string) => text.split('\n')[0] ?? ''

/** The latest bot message containing `text`, once it has arrived. */
async function botMessageWith(page: Page, text: string, timeout = 15_000): Promise<Locator> {
  const message = botMessages(page).filter({ hasText: text }).last()
  try {
    await message.waitFor({ timeout })
  } catch (error) {
    // Name what did arrive, so that a failure says where the conversation went instead.
    const seen = await page.getByTestId('message').allInnerTexts()
    throw new Error(`no bot message with “${text}”; the chat shows:\n${seen.join('\n---\n')}`, { cause: error })
  }
  return message
}

/** Taps an inline button of `message` by its exact label. */
async function tap(message: Locator, label: string): Promise<void> {
  await message.getByTestId('inline-button').filter({ hasText: label }).click()
}

/** Not a real Ogg/Opus stream, just recognisable bytes: the emulator stores and serves files as they are. */
const voiceBytes = Buffer.from('OggS\u0000\u0002 fake opus voice note for 我有话说', 'utf8')

/** The bytes behind an <audio> element's src, fetched inside the page (same origin, as the player would). */
async function downloadInPage(page: Page, audio: Locator): Promise<{ ok: boolean; size: number; type: string }> {
  const src = (await audio.getAttribute('src')) ?? ''
  expect(src).not.toBe('')
  return page.evaluate(async (url) => {
    const response = await fetch(url)
    const body = await response.arrayBuffer()
    return { ok: response.ok, size: body.byteLength, type: response.headers.get('content-type') ?? '' }
  }, src)
}

/**
 * A rider's whole 我有话说 form in the browser: the reply keyboard's button, the whole city as the
 * subject, 🙋 需求, 实名 or 匿名, and a voice message through the attach sheet. Returns the ticket number.
 */
async function leaveVoiceFeedback(page: Page, anonymous: boolean): Promise<string> {
  await send(page, '/start')
  await nthBotMessage(page, 1)
  await page
    .getByTestId('reply-button')
    .filter({ hasText: t('keyboard-feedback') })
    .click()

  // Found by the words after the bold title, then checked for the tags being formatting, not text.
  const subject = await botMessageWith(page, shown('feedback-ask-subject').split('：').slice(1).join('：'))
  expect(await textOf(subject), 'the subject question is sent as HTML, not with its tags showing').toBe(shown('feedback-ask-subject'))
  await tap(subject, t('feedback-subject-city'))
  const cities = await botMessageWith(page, shown('feedback-pick-city'))
  const cityButtons = cities.getByTestId('inline-button')
  await cityButtons.first().waitFor()
  const labels = await cityButtons.allInnerTexts()
  expect(labels.length).toBeGreaterThan(0)
  await tap(cities, labels.includes('成都') ? '成都' : (labels[0] ?? ''))

  await tap(await botMessageWith(page, shown('feedback-ask-category')), t('feedback-category-need'))
  const anonymity = await botMessageWith(page, firstLine(shown('feedback-ask-anonymous')))
  await tap(anonymity, t(anonymous ? 'feedback-anonymous-choice' : 'feedback-named'))
  await botMessageWith(page, firstLine(shown('feedback-ask-content', { max: String(MAX_WORKER_TEXT) })))

  // The attach sheet's 🎤 option opens the hidden audio picker.
  await page.getByTestId('attach-button').click()
  await page.getByTestId('attach-sheet').waitFor()
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('attach-voice').click()])
  expect(await chooser.element().getAttribute('data-testid')).toBe('file-voice')
  expect(await chooser.element().getAttribute('accept')).toBe('audio/*')
  await chooser.setFiles({ name: 'voice.ogg', mimeType: 'audio/ogg', buffer: voiceBytes })

  // The rider's own voice message, playable from the emulator.
  const sent = userMessages(page).last().getByTestId('voice')
  await sent.waitFor()
  const own = await downloadInPage(page, sent)
  expect(own).toMatchObject({ ok: true, size: voiceBytes.length })

  const receipt = await botMessageWith(
    page,
    firstLine(shown('feedback-receipt', { number: 'XXXXX', hours: 1, anonymous: 'no' })).split('#')[0] ?? '',
  )
  const text = await textOf(receipt)
  const number = /#([0-9A-Z]{5})/.exec(text)?.[1] ?? ''
  expect(number).toMatch(/^[0-9A-Z]{5}$/)
  expect(text).toContain(firstLine(shown('feedback-receipt', { number, hours: 1, anonymous: anonymous ? 'yes' : 'no' })))
  return number
}

/** 王老师 opens /inbox and the ticket; returns the card and the re-sent voice message. */
async function openTicketAsOrganizer(page: Page, number: string): Promise<{ card: Locator; voice: Locator }> {
  await send(page, '/inbox')
  const inbox = await botMessageWith(page, firstLine(shown('feedback-inbox-title', { count: 0 })).split('（')[0] ?? '')
  expect(await textOf(inbox)).toContain(`#${number}`)
  await tap(inbox, `#${number} · ${t('feedback-category-need')}`)

  const card = await botMessageWith(page, `📨 #${number}`)
  const voice = (await botMessageWith(page, t('feedback-media-caption', { number, kind: 'voice' }))).getByTestId('voice')
  await voice.waitFor()
  return { card, voice }
}

describe('web chat: 我有话说 with a voice message, answered by the organizer', () => {
  it('takes an anonymous voice ticket, shows the voice to 王老师 without the rider’s name, and delivers his reply', async () => {
    const riderName = '骆小满'
    const riderId = await chat.newUser(riderName)
    const rider = await chat.open(riderId)
    const number = await leaveVoiceFeedback(rider, true)

    const organizer = await chat.open(LOCAL_ORGANIZER_ID)
    const { card, voice } = await openTicketAsOrganizer(organizer, number)
    const cardText = await textOf(card)
    expect(cardText).toContain(t('feedback-category-need'))
    expect(cardText).toContain(t('feedback-anonymous'))
    expect(cardText).toContain(t('feedback-media-voice'))

    // The bot re-sent the rider's voice by file id; the organizer's player loads the same bytes.
    const played = await downloadInPage(organizer, voice)
    expect(played).toMatchObject({ ok: true, size: voiceBytes.length })
    expect(played.type).toContain('audio/ogg')
    const viaRequest = await organizer.request.get(new URL((await voice.getAttribute('src')) ?? '', chat.url).href)
    expect(viaRequest.ok()).toBe(true)
    expect(Buffer.from(await viaRequest.body()).equals(voiceBytes)).toBe(true)

    // Anonymous means anonymous: neither the chat on screen nor the emulator's history names the rider.
    expect(await organizer.getByTestId('messages').innerText()).not.toContain(riderName)
    const history = await (await fetch(`${chat.url}/api/chats/${LOCAL_ORGANIZER_ID}`)).text()
    expect(history).not.toContain(riderName)

    // 💬 回复 starts the reply; the answer goes out through the outbox to the rider's open page.
    await tap(card, t('feedback-button-reply'))
    await botMessageWith(organizer, firstLine(t('feedback-reply-prompt')))
    const answer = '谢谢反馈！成都的驿站从下周起延长到晚上 10 点。'
    await send(organizer, answer)
    await botMessageWith(organizer, t('feedback-reply-sent', { number }))

    const delivered = await botMessageWith(rider, answer, 20_000)
    expect(await textOf(delivered)).toContain(t('feedback-answer-header', { number }))
    const rate = delivered.getByTestId('inline-button')
    expect(await rate.allInnerTexts()).toEqual([t('feedback-button-satisfied'), t('feedback-button-unsatisfied')])
    expect(await organizer.getByTestId('messages').innerText()).not.toContain(riderName)
    await rider.close()
    await organizer.close()
  })

  it('shows a named rider’s first name on the organizer’s card', async () => {
    const riderName = '祁大壮'
    const rider = await chat.open(await chat.newUser(riderName))
    const number = await leaveVoiceFeedback(rider, false)

    const organizer = await chat.open(LOCAL_ORGANIZER_ID)
    const { card, voice } = await openTicketAsOrganizer(organizer, number)
    expect(await textOf(card)).toContain(riderName)
    expect(await textOf(card)).not.toContain(t('feedback-anonymous'))
    expect((await downloadInPage(organizer, voice)).ok).toBe(true)
    await rider.close()
    await organizer.close()
  })
})
