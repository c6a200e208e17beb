import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { LOCAL_TOKEN } from '../../bot/local/index.js'
import {
  botMessages,
  messageById,
  nthBotMessage,
  send,
  startRelay,
  startWebChat,
  t,
  textOf,
  tinyPng,
  translate,
  userMessages,
  type WebChat,
} from './harness.js'

let chat: WebChat

beforeAll(async () => {
  chat = await startWebChat()
})
afterAll(async () => chat?.close())
afterEach(() => expect(chat.pageErrors).toEqual([]))

/** Calls the emulator's Bot API as the bot would (same token, same HTTP). */
async function botApi(
  method: string,
  params: Record<string, unknown>,
): Promise<{ ok: boolean; result?: { message_id: number }; description?: string }> {
  const response = await fetch(`${chat.url}/bot${LOCAL_TOKEN}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  })
  return (await response.json()) as { ok: boolean; result?: { message_id: number }; description?: string }
}

describe('web chat', () => {
  it('keeps each simulated user’s chat separate when switching users', async () => {
    const first = await chat.newUser('甲')
    const page = await chat.open(first)
    await send(page, '/help')
    expect(await textOf(await nthBotMessage(page, 1))).toContain('暖新助手能帮你做什么')

    await page.getByTestId('user-switcher').click()
    await page.getByTestId('new-user-name').fill('乙')
    await page.getByTestId('add-user').click()
    await expect.poll(() => page.getByTestId('current-user').innerText()).toBe('乙')
    await page.getByTestId('empty-state').waitFor()
    expect(await page.getByTestId('message').count()).toBe(0)
    const second = Number(new URL(page.url()).searchParams.get('user'))
    expect(second).not.toBe(first)

    await send(page, '春熙路')
    await nthBotMessage(page, 1)

    await page.getByTestId('user-switcher').click()
    await page.locator(`[data-testid="user-option"][data-user-id="${first}"]`).click()
    await expect.poll(() => page.getByTestId('current-user').innerText()).toBe('甲')
    await nthBotMessage(page, 1)
    expect(await userMessages(page).allInnerTexts()).toEqual([expect.stringContaining('/help')])
    expect(await page.getByTestId('message').count()).toBe(2)

    // And the other way round, straight from the emulator.
    const history = (await (await fetch(`${chat.url}/api/chats/${second}`)).json()) as { messages: { text?: string }[] }
    expect(history.messages.map((message) => message.text)).toContain('春熙路')
    expect(history.messages.map((message) => message.text)).not.toContain('/help')
    await page.close()
  })

  it('uploads a photo and gets the friendly "I cannot read pictures" answer', async () => {
    const page = await chat.open(await chat.newUser('小陈'))
    await page.getByTestId('file-photo').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: tinyPng })

    const photo = userMessages(page).first().getByTestId('photo')
    await photo.waitFor()
    await expect.poll(() => photo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(2)
    expect(await textOf(await nthBotMessage(page, 1))).toBe(t('unhandled-media'))
    await page.close()
  })

  it('sends a document chosen through the attach menu', async () => {
    const page = await chat.open(await chat.newUser('小林'))
    await page.getByTestId('attach-button').click()
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('attach-document').click()])
    await chooser.setFiles({ name: '驿站.csv', mimeType: 'text/csv', buffer: Buffer.from('name,lat,lng\n') })

    const document = userMessages(page).first().getByTestId('document')
    await document.waitFor()
    expect(await document.innerText()).toContain('驿站.csv')
    expect(await document.getAttribute('download')).toBe('驿站.csv')
    const download = await fetch(new URL((await document.getAttribute('href')) ?? '', chat.url))
    expect(await download.text()).toBe('name,lat,lng\n')
    expect(await textOf(await nthBotMessage(page, 1))).toBe(t('unhandled-media'))
    await page.close()
  })

  it('draws entities from UTF-16 offsets as DOM nodes, never as HTML, and follows edits, deletions and typing', async () => {
    const userId = await chat.newUser('小黄')
    const page = await chat.open(userId)
    const sent = await botApi('sendMessage', {
      chat_id: userId,
      parse_mode: 'HTML',
      text: '🧡 <b>粗体</b> <i>斜体</i> <u>下划线</u> <s>删除</s> <code>code</code> <a href="https://example.org/a?b=1&amp;c=2">链接</a> <tg-spoiler>秘密</tg-spoiler>\n<pre>line 1</pre><blockquote>引用</blockquote>&lt;img src=x onerror=alert(1)&gt;',
      reply_markup: {
        inline_keyboard: [
          [
            { text: '按一下', callback_data: 'no-such-feature' },
            { text: '网站', url: 'https://example.org/' },
          ],
        ],
      },
    })
    expect(sent.ok).toBe(true)
    const id = String(sent.result?.message_id)
    const message = messageById(page, id)
    await message.waitFor()

    expect(await message.locator('strong').innerText()).toBe('粗体')
    expect(await message.locator('em').innerText()).toBe('斜体')
    expect(await message.locator('u').innerText()).toBe('下划线')
    expect(await message.locator('s').innerText()).toBe('删除')
    expect(await message.locator('.text > code').innerText()).toBe('code')
    expect(await message.locator('pre').innerText()).toBe('line 1')
    expect(await message.locator('blockquote').innerText()).toBe('引用')
    const link = message.locator('.text a')
    expect(await link.innerText()).toBe('链接')
    expect(await link.getAttribute('href')).toBe('https://example.org/a?b=1&c=2')
    expect(await link.getAttribute('target')).toBe('_blank')
    expect(await link.getAttribute('rel')).toContain('noopener')
    expect(await message.locator('img').count()).toBe(0)
    expect(await textOf(message)).toContain('<img src=x onerror=alert(1)>')

    const spoiler = message.getByTestId('spoiler')
    expect(await spoiler.getAttribute('class')).not.toContain('revealed')
    await spoiler.click()
    expect(await spoiler.getAttribute('class')).toContain('revealed')

    // A callback button nobody handles gets the bot's "stale button" answer, shown as a toast.
    await message.getByRole('button', { name: '按一下' }).click()
    await expect.poll(() => page.getByTestId('toast').innerText()).toBe(t('button-stale'))
    expect(await message.getByRole('link', { name: '网站' }).getAttribute('target')).toBe('_blank')

    await botApi('sendChatAction', { chat_id: userId, action: 'typing' })
    await page.getByTestId('typing').waitFor()
    expect(await page.getByTestId('bot-status').innerText()).toBe(t('webchat-bot-typing'))

    await botApi('editMessageText', { chat_id: userId, message_id: Number(id), text: '改过了' })
    await expect.poll(() => textOf(message)).toBe('改过了')
    expect(await message.getByTestId('edited').innerText()).toBe(t('webchat-edited'))
    expect(await message.getByTestId('inline-keyboard').count()).toBe(0)

    await botApi('deleteMessage', { chat_id: userId, message_id: Number(id) })
    await message.waitFor({ state: 'detached' })
    await page.close()
  })

  it('shares a phone number through a request_contact button', async () => {
    const userId = await chat.newUser('小何')
    const page = await chat.open(userId)
    await botApi('sendMessage', {
      chat_id: userId,
      text: '报名需要手机号',
      reply_markup: { keyboard: [[{ text: '📞 分享手机号', request_contact: true }]], resize_keyboard: true, one_time_keyboard: true },
    })
    await page.locator('[data-testid="reply-button"][data-request="contact"]').click()
    await page.getByTestId('contact-sheet').waitFor()
    await page.getByTestId('contact-input').fill('abc')
    await page.getByTestId('contact-send').click()
    expect(await page.getByTestId('contact-error').innerText()).toBe(t('webchat-contact-bad'))
    await page.getByTestId('contact-input').fill('138 0013 8000')
    await page.getByTestId('contact-send').click()

    const contact = userMessages(page).first().getByTestId('contact')
    await contact.waitFor()
    expect(await contact.innerText()).toContain('13800138000')
    // one_time_keyboard: the keyboard folds away after use and comes back with the toggle.
    expect(await page.getByTestId('reply-keyboard').isHidden()).toBe(true)
    await page.getByTestId('keyboard-toggle').click()
    expect(await page.getByTestId('reply-keyboard').isVisible()).toBe(true)
    await nthBotMessage(page, 2)
    await page.close()
  })

  it('blocks and unblocks the bot', async () => {
    const userId = await chat.newUser('小马')
    const page = await chat.open(userId)
    await page.getByTestId('menu-button').click()
    await page.getByTestId('block-toggle').click()
    await page.getByTestId('blocked-banner').waitFor()
    expect(await page.getByTestId('blocked-banner').innerText()).toContain(t('webchat-blocked-banner'))
    expect(await page.getByTestId('composer').isDisabled()).toBe(true)
    const refused = await botApi('sendMessage', { chat_id: userId, text: '你好' })
    expect(refused).toMatchObject({ ok: false, description: 'Forbidden: bot was blocked by the user' })

    await page.getByTestId('unblock-button').click()
    await page.getByTestId('blocked-banner').waitFor({ state: 'hidden' })
    expect(await page.getByTestId('composer').isEnabled()).toBe(true)
    expect((await botApi('sendMessage', { chat_id: userId, text: '你好' })).ok).toBe(true)
    await nthBotMessage(page, 1)
    await page.close()
  })

  it('switches the interface to English and back, keeping the user', async () => {
    const userId = await chat.newUser('Sam')
    const page = await chat.open(userId)
    expect(await page.getByTestId('composer').getAttribute('placeholder')).toBe(t('webchat-input-hint'))
    await page.getByTestId('menu-button').click()
    expect(await page.getByTestId('language-link').innerText()).toBe(t('webchat-other-language'))
    await page.getByTestId('language-link').click()
    await page.waitForURL((url) => url.searchParams.get('lang') === 'en')
    await expect.poll(() => page.getByTestId('composer').getAttribute('placeholder')).toBe(translate('en', 'webchat-input-hint'))
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    expect(await page.getByTestId('current-user').innerText()).toBe('Sam')
    expect(await page.title()).toBe(translate('en', 'webchat-title'))

    await page.getByTestId('menu-button').click()
    expect(await page.getByTestId('language-link').innerText()).toBe(translate('en', 'webchat-other-language'))
    await page.getByTestId('language-link').click()
    await page.waitForURL((url) => url.searchParams.get('lang') === 'zh')
    await expect.poll(() => page.getByTestId('composer').getAttribute('placeholder')).toBe(t('webchat-input-hint'))
    expect(await page.getByTestId('current-user').innerText()).toBe('Sam')
    await page.close()
  })

  it('says when the connection is lost and catches up with what was missed after reconnecting', async () => {
    const userId = await chat.newUser('小杨')
    const relay = await startRelay(chat.url)
    try {
      const page = await chat.open(userId, {}, relay.url)
      await send(page, '/start')
      await nthBotMessage(page, 1)

      relay.cut()
      await page.getByTestId('connection-lost').waitFor()
      expect(await page.getByTestId('connection-lost').innerText()).toBe(t('webchat-connection-lost'))
      // Meanwhile, from elsewhere (another tab, say):
      await fetch(`${chat.url}/api/chats/${userId}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: '/help' }),
      })
      const historyLength = async () =>
        ((await (await fetch(`${chat.url}/api/chats/${userId}`)).json()) as { messages: unknown[] }).messages.length
      await expect.poll(historyLength).toBe(4)

      relay.restore()
      await page.getByTestId('connection-lost').waitFor({ state: 'hidden' })
      await expect.poll(() => botMessages(page).count()).toBe(2)
      expect(await textOf(botMessages(page).nth(1))).toContain('暖新助手能帮你做什么')
      await page.close()
    } finally {
      await relay.close()
    }
  })
})
