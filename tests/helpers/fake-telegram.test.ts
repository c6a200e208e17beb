import { Api, GrammyError, InlineKeyboard, Keyboard } from 'grammy'
import { describe, expect, it } from 'vitest'
import { createFakeTelegram } from './fake-telegram.js'
import { createLimitedTelegram } from './limited-telegram.js'
import { takeRefusals } from './telegram-checks.js'

const token = '123456:TEST-token-for-the-fake-telegram-xyz'
const apiOn = (fetch: typeof globalThis.fetch) => new Api(token, { fetch })

async function refusedWith(request: Promise<unknown>): Promise<string> {
  const error = await request.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(GrammyError)
  return (error as GrammyError).description
}

describe('the fake Telegram refuses what Telegram refuses', () => {
  it('answers 400 to a text over 4096 characters, bad HTML and callback data over 64 bytes, and records each', async () => {
    const telegram = createFakeTelegram()
    const api = apiOn(telegram.fetch)
    expect(await refusedWith(api.sendMessage(7, '长'.repeat(4097)))).toBe('Bad Request: message is too long')
    expect(await refusedWith(api.sendMessage(7, '<b>没有关上', { parse_mode: 'HTML' }))).toMatch(/^Bad Request: can't parse entities/)
    expect(await refusedWith(api.sendMessage(7, '一个 <x>标签</x>', { parse_mode: 'HTML' }))).toMatch(/Unsupported start tag "x"/)
    // 22 Chinese characters are 66 bytes.
    const tooLong = new InlineKeyboard().text('按钮', '报'.repeat(22))
    expect(await refusedWith(api.sendMessage(7, '选一个', { reply_markup: tooLong }))).toBe('Bad Request: BUTTON_DATA_INVALID')
    expect(await refusedWith(api.editMessageText(7, 1, '   '))).toBe('Bad Request: message text is empty')
    expect(await refusedWith(api.sendPhoto(7, 'known-file-id', { caption: '图'.repeat(1025) }))).toBe(
      'Bad Request: message caption is too long',
    )
    expect(await refusedWith(api.answerCallbackQuery('q1', { text: '长'.repeat(201) }))).toBe('Bad Request: MESSAGE_TOO_LONG')

    const refused = takeRefusals()
    expect(refused).toHaveLength(7)
    expect(refused[0]).toMatch(/^sendMessage to 7: Bad Request: message is too long — "长+…"$/)
    expect(refused[3]).toContain('BUTTON_DATA_INVALID')
  })

  it('accepts what Telegram accepts: 4096 characters, escaped HTML, 64-byte callback data', async () => {
    const telegram = createFakeTelegram()
    const api = apiOn(telegram.fetch)
    await api.sendMessage(7, '长'.repeat(4096))
    await api.sendMessage(7, '<b>1 &lt; 2 &amp; 3</b> <a href="https://example.org/?a=1&amp;b=2">链接</a>', { parse_mode: 'HTML' })
    await api.sendMessage(7, '选一个', { reply_markup: new InlineKeyboard().text('按钮', `x${'报'.repeat(21)}`) })
    expect(takeRefusals()).toEqual([])
    expect(telegram.callsOf('sendMessage')).toHaveLength(3)
  })

  it('checks the flood-limited fake the same way', async () => {
    const telegram = createLimitedTelegram({ rate: 30 })
    const api = apiOn(telegram.fetch)
    expect(await refusedWith(api.sendMessage(7, 'x'.repeat(4097)))).toBe('Bad Request: message is too long')
    expect(telegram.deliveredTotal()).toBe(0)
    expect(takeRefusals()).toEqual([expect.stringContaining('message is too long')])
  })
})

describe('reading what the bot sent', () => {
  it('gives the last text, buttons and keys, to one chat or of one method', async () => {
    const telegram = createFakeTelegram()
    const api = apiOn(telegram.fetch)
    await api.sendMessage(1, '你好', { reply_markup: new Keyboard().text('📍 发送位置找驿站') })
    await api.sendMessage(2, '列表', { reply_markup: new InlineKeyboard().text('下一页', 'p:1').url('地图', 'https://example.org') })
    await api.editMessageText(2, 5, '第二页')
    await api.sendPhoto(1, 'file-id', { caption: '照片说明' })
    await api.answerCallbackQuery('q1', { text: '已保存' })
    await api.answerCallbackQuery('q2')

    expect(telegram.lastText()).toBe('照片说明')
    expect(telegram.lastText({ method: 'sendMessage' })).toBe('列表')
    expect(telegram.lastText({ chatId: 2 })).toBe('第二页')
    expect(telegram.texts({ chatId: 2 })).toEqual(['列表', '第二页'])
    expect(telegram.buttons({ chatId: 2 })).toEqual([])
    expect(telegram.buttons({ chatId: 2, withMarkup: true }).map((button) => button.text)).toEqual(['下一页', '地图'])
    expect(telegram.callbackData({ chatId: 2, method: 'sendMessage' })).toEqual(['p:1'])
    expect(telegram.allButtons().map((button) => button.callback_data ?? button.url)).toEqual(['p:1', 'https://example.org'])
    expect(telegram.keys({ chatId: 1, method: 'sendMessage' })).toEqual(['📍 发送位置找驿站'])
    expect(telegram.alerts()).toEqual(['已保存', ''])
    expect(telegram.lastText({ chatId: 3 })).toBe('')
  })
})
