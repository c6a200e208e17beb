import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseQuietHours } from '../../../bot/features/settings/quiet-hours.js'
import { setQuietHours } from '../../../db/repositories/user-settings.js'
import { findUser } from '../../../db/repositories/users.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { callbackUpdate, stickerUpdate, textUpdate } from '../../helpers/updates.js'

let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => database.close())

type InlineMarkup = { inline_keyboard: { text: string; callback_data: string }[][] }

const quiet = async (id: number) => {
  const user = await findUser(database.db, id)
  return { start: user?.quietStart, end: user?.quietEnd }
}
describe('reading typed quiet hours', () => {
  it.each([
    ['22:00-07:00', 1320, 420],
    ['22:00–7:00', 1320, 420],
    ['22-7', 1320, 420],
    ['２３：３０～６：００', 1410, 360],
    ['13:15 到 14:45', 795, 885],
    ['21:00-24:00', 1260, 0],
  ])('reads %s', (text, start, end) => {
    expect(parseQuietHours(text)).toEqual({ kind: 'parsed', hours: { start, end } })
  })

  it.each(['22', '25-7', '22:60-7', 'tonight', '22-7-8', ''])('refuses %s', (text) => {
    expect(parseQuietHours(text)).toEqual({ kind: 'format' })
  })

  it('refuses a range that starts where it ends', () => {
    expect(parseQuietHours('22:00-22')).toEqual({ kind: 'same' })
  })
})

describe('/settings', () => {
  it('shows no quiet hours by default, the presets, custom, off, language, and what still comes', async () => {
    const { bot, telegram } = createTestBot(database.db)
    await bot.handleUpdate(textUpdate({ id: 8101 }, '/settings'))
    const [reply] = telegram.callsOf('sendMessage')
    expect(reply?.payload.text).toContain('没有设置免打扰')
    expect(reply?.payload.text).toContain('活动取消')
    const buttons = (reply?.payload.reply_markup as InlineMarkup).inline_keyboard.flat()
    expect(buttons.map((button) => button.text)).toEqual([
      '22:00–07:00',
      '23:00–06:00',
      '21:00–08:00',
      '✏️ 自定义',
      '✅ 🔔 关闭免打扰',
      '🌐 切换语言 / Language',
    ])
    expect(buttons.map((button) => button.callback_data)).toEqual([
      'se:preset:0',
      'se:preset:1',
      'se:preset:2',
      'se:custom',
      'se:off',
      'se:lang',
    ])
  })

  it('sets a preset and shows it ticked, and a double tap changes nothing', async () => {
    const { bot, telegram } = createTestBot(database.db)
    await bot.handleUpdate(textUpdate({ id: 8102 }, '/settings'))
    await bot.handleUpdate(callbackUpdate({ id: 8102 }, 'se:preset:1'))
    await bot.handleUpdate(callbackUpdate({ id: 8102 }, 'se:preset:1'))
    expect(await quiet(8102)).toEqual({ start: 1380, end: 360 })
    expect(telegram.callsOf('answerCallbackQuery').map((call) => call.payload.text)).toEqual([
      '✅ 已设为 23:00–06:00 免打扰',
      '✅ 已设为 23:00–06:00 免打扰',
    ])
    const edit = telegram.callsOf('editMessageText')[0]
    expect(edit?.payload.text).toContain('每天 <b>23:00–06:00</b>')
    const buttons = (edit?.payload.reply_markup as InlineMarkup).inline_keyboard.flat().map((button) => button.text)
    expect(buttons).toContain('✅ 23:00–06:00')
    expect(buttons).toContain('🔔 关闭免打扰')

    telegram.clear()
    await bot.handleUpdate(textUpdate({ id: 8102 }, '/settings'))
    expect(telegram.callsOf('sendMessage')[0]?.payload.text).toContain('每天 <b>23:00–06:00</b>')
  })

  it('turns quiet hours off', async () => {
    const { bot } = createTestBot(database.db)
    await bot.handleUpdate(textUpdate({ id: 8103 }, '/settings'))
    await setQuietHours(database.db, 8103, { start: 1320, end: 420 })
    await bot.handleUpdate(callbackUpdate({ id: 8103 }, 'se:off'))
    expect(await quiet(8103)).toEqual({ start: null, end: null })
  })

  it('answers a forged or outdated button politely and changes nothing', async () => {
    const { bot, telegram } = createTestBot(database.db)
    await bot.handleUpdate(textUpdate({ id: 8104 }, '/settings'))
    for (const data of ['se:preset:3', 'qh:p', 'qh:off:1', 'qh:pp']) await bot.handleUpdate(callbackUpdate({ id: 8104 }, data))
    expect(await quiet(8104)).toEqual({ start: null, end: null })
    expect(telegram.callsOf('answerCallbackQuery').map((call) => call.payload.text)).toEqual(
      Array(4).fill('这个按钮已失效，请重新发送 /settings。'),
    )
  })

  it('shows the language choice', async () => {
    const { bot, telegram } = createTestBot(database.db)
    await bot.handleUpdate(textUpdate({ id: 8105 }, '/settings'))
    telegram.clear()
    await bot.handleUpdate(callbackUpdate({ id: 8105 }, 'se:lang'))
    const [reply] = telegram.callsOf('sendMessage')
    expect(reply?.payload.text).toContain('请选择语言')
    expect((reply?.payload.reply_markup as InlineMarkup).inline_keyboard.flat().map((button) => button.callback_data)).toEqual([
      'ui:lang:zh',
      'ui:lang:en',
    ])
  })
})

describe('custom quiet hours', () => {
  it('asks again after bad input, then saves a typed range', async () => {
    const { bot, telegram } = createTestBot(database.db)
    await bot.handleUpdate(textUpdate({ id: 8111 }, '/settings'))
    telegram.clear()
    await bot.handleUpdate(callbackUpdate({ id: 8111 }, 'se:custom'))
    expect(telegram.texts({ method: 'sendMessage' })[0]).toContain('22:00-07:00')
    await bot.handleUpdate(textUpdate({ id: 8111 }, '明天晚上'))
    await bot.handleUpdate(stickerUpdate({ id: 8111 }))
    await bot.handleUpdate(textUpdate({ id: 8111 }, '22-22'))
    expect(await quiet(8111)).toEqual({ start: null, end: null })
    await bot.handleUpdate(textUpdate({ id: 8111 }, '23:30–6:00'))
    expect(await quiet(8111)).toEqual({ start: 1410, end: 360 })
    const replies = telegram.texts({ method: 'sendMessage' })
    expect(replies.slice(1, 3).every((text) => text.startsWith('没看懂这个时段'))).toBe(true)
    expect(replies[3]).toContain('不能是同一个时间')
    expect(replies[4]).toContain('23:30–06:00')

    // The conversation is over: the next text is a place search again, not a time range.
    telegram.clear()
    await bot.handleUpdate(textUpdate({ id: 8111 }, '22-7'))
    expect(await quiet(8111)).toEqual({ start: 1410, end: 360 })
  })

  it('leaves everything unchanged on 取消 and on /cancel', async () => {
    const { bot, telegram } = createTestBot(database.db)
    await bot.handleUpdate(textUpdate({ id: 8112 }, '/settings'))
    await bot.handleUpdate(callbackUpdate({ id: 8112 }, 'se:custom'))
    telegram.clear()
    await bot.handleUpdate(textUpdate({ id: 8112 }, '取消'))
    expect(telegram.texts({ method: 'sendMessage' })).toEqual(['好的，免打扰时段没有改动。'])

    await bot.handleUpdate(callbackUpdate({ id: 8112 }, 'se:custom'))
    telegram.clear()
    await bot.handleUpdate(textUpdate({ id: 8112 }, '/cancel'))
    expect(telegram.texts({ method: 'sendMessage' })).toEqual(['好的，已退出。需要时再点菜单就行。'])
    await bot.handleUpdate(textUpdate({ id: 8112 }, '22-7'))
    expect(await quiet(8112)).toEqual({ start: null, end: null })
  })

  it('continues on a restarted bot, and a preset tapped meanwhile ends the typing', async () => {
    const first = createTestBot(database.db)
    await first.bot.handleUpdate(textUpdate({ id: 8113 }, '/settings'))
    await first.bot.handleUpdate(callbackUpdate({ id: 8113 }, 'se:custom'))
    const second = createTestBot(database.db)
    await second.bot.handleUpdate(textUpdate({ id: 8113 }, '21:30-6:30'))
    expect(await quiet(8113)).toEqual({ start: 1290, end: 390 })

    await second.bot.handleUpdate(callbackUpdate({ id: 8113 }, 'se:custom'))
    await second.bot.handleUpdate(callbackUpdate({ id: 8113 }, 'se:preset:2'))
    expect(await quiet(8113)).toEqual({ start: 1260, end: 480 })
    await second.bot.handleUpdate(textUpdate({ id: 8113 }, '22-7'))
    expect(await quiet(8113)).toEqual({ start: 1260, end: 480 })
  })

  it('speaks English to English users', async () => {
    const { bot, telegram } = createTestBot(database.db)
    await bot.handleUpdate(textUpdate({ id: 8114, language_code: 'en' }, '/settings'))
    await bot.handleUpdate(callbackUpdate({ id: 8114, language_code: 'en' }, 'se:custom'))
    await bot.handleUpdate(textUpdate({ id: 8114, language_code: 'en' }, 'late'))
    await bot.handleUpdate(textUpdate({ id: 8114, language_code: 'en' }, 'cancel'))
    const replies = telegram.texts({ method: 'sendMessage' })
    expect(replies[0]).toContain('Quiet hours')
    expect(replies[1]).toContain('Send your quiet hours')
    expect(replies[2]).toContain("couldn't read")
    expect(replies[3]).toBe('OK, your quiet hours are unchanged.')
  })
})

describe('when the settings message cannot be edited', () => {
  it('says nothing more on "not modified", and sends a fresh screen otherwise', async () => {
    const { bot, telegram } = createTestBot(database.db)
    await bot.handleUpdate(textUpdate({ id: 8121 }, '/settings'))
    telegram.respond((call) =>
      call.method === 'editMessageText' ? { ok: false, error_code: 400, description: 'Bad Request: message is not modified' } : undefined,
    )
    telegram.clear()
    await bot.handleUpdate(callbackUpdate({ id: 8121 }, 'se:preset:0'))
    expect(telegram.callsOf('sendMessage')).toHaveLength(0)

    const other = createTestBot(database.db)
    other.telegram.respond((call) =>
      call.method === 'editMessageText' ? { ok: false, error_code: 400, description: "Bad Request: message can't be edited" } : undefined,
    )
    await other.bot.handleUpdate(callbackUpdate({ id: 8121 }, 'se:preset:2'))
    expect(await quiet(8121)).toEqual({ start: 1260, end: 480 })
    expect(other.telegram.callsOf('sendMessage')[0]?.payload.text).toContain('每天 <b>21:00–08:00</b>')
  })
})
