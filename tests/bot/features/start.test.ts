import type { Update } from 'grammy/types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerCommands } from '../../../bot/ui/command-menu.js'
import { findUser } from '../../../db/repositories/users.js'
import { botInfo, createTestBot } from '../../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { callbackUpdate, textUpdate } from '../../helpers/updates.js'

let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => database.close())

type ReplyKeyboard = { keyboard: { text: string; request_location?: boolean }[][] }

describe('/start', () => {
  it('greets in Chinese with the location button first, alone on its row', async () => {
    const { bot, telegram } = createTestBot(database.db)
    await bot.handleUpdate(textUpdate({ id: 7001, first_name: '王<师傅>' }, '/start'))
    const [reply] = telegram.callsOf('sendMessage')
    expect(reply?.payload.text).toContain('你好，王&lt;师傅&gt;')
    const keyboard = (reply?.payload.reply_markup as ReplyKeyboard).keyboard
    expect(keyboard[0]).toEqual([{ text: '📍 发送位置找驿站', request_location: true }])
    expect(keyboard.flat().map((button) => button.text)).toEqual([
      '📍 发送位置找驿站',
      '🔎 输入地名找驿站',
      '📅 活动报名',
      '💬 我有话说',
      '❓ 帮助',
    ])
  })

  it('records the user, and makes ADMIN_IDS admins', async () => {
    const { bot } = createTestBot(database.db, { env: { ADMIN_IDS: '7002' } })
    await bot.handleUpdate(textUpdate({ id: 7002 }, '/start'))
    await bot.handleUpdate(textUpdate({ id: 7003 }, '/start'))
    expect((await findUser(database.db, 7002))?.role).toBe('admin')
    expect((await findUser(database.db, 7003))?.role).toBe('worker')
  })

  it('speaks English to an English Telegram app', async () => {
    const { bot, telegram } = createTestBot(database.db)
    await bot.handleUpdate(textUpdate({ id: 7004, language_code: 'en-US' }, '/help'))
    expect(telegram.callsOf('sendMessage')[0]?.payload.text).toMatch(/station/i)
  })
})

describe('blocking the bot', () => {
  const memberUpdate = (id: number, status: 'kicked' | 'member'): Update => ({
    update_id: 900_000 + id,
    my_chat_member: {
      chat: { id, type: 'private', first_name: 'R' },
      from: { id, is_bot: false, first_name: 'R' },
      date: 0,
      old_chat_member: status === 'kicked' ? { status: 'member', user: botInfo } : { status: 'kicked', user: botInfo, until_date: 0 },
      new_chat_member: status === 'kicked' ? { status: 'kicked', user: botInfo, until_date: 0 } : { status: 'member', user: botInfo },
    },
  })

  it('marks a worker who blocks the bot, and clears it when they come back', async () => {
    const { bot, telegram } = createTestBot(database.db)
    await bot.handleUpdate(memberUpdate(7010, 'kicked'))
    expect((await findUser(database.db, 7010))?.blockedAt).toBeInstanceOf(Date)
    expect(telegram.calls).toHaveLength(0)
    await bot.handleUpdate(textUpdate({ id: 7010 }, '/start'))
    expect((await findUser(database.db, 7010))?.blockedAt).toBeNull()
  })
})

describe('help and language', () => {
  it('answers the help button and /help alike', async () => {
    const { bot, telegram } = createTestBot(database.db)
    await bot.handleUpdate(textUpdate({ id: 7005 }, '❓ 帮助'))
    await bot.handleUpdate(textUpdate({ id: 7005 }, '/help'))
    const [button, command] = telegram.callsOf('sendMessage')
    expect(button?.payload.text).toContain('暖新助手能帮你做什么')
    expect(command?.payload.text).toBe(button?.payload.text)
  })

  it('switches language with /language and keeps it', async () => {
    const { bot, telegram } = createTestBot(database.db)
    await bot.handleUpdate(textUpdate({ id: 7006 }, '/language'))
    await bot.handleUpdate(callbackUpdate({ id: 7006 }, 'ui:lang:en'))
    expect((await findUser(database.db, 7006))?.locale).toBe('en')
    telegram.clear()
    await bot.handleUpdate(textUpdate({ id: 7006 }, '/start'))
    expect(telegram.callsOf('sendMessage')[0]?.payload.text).toContain('Send my location')
    await bot.handleUpdate(callbackUpdate({ id: 7006 }, 'ui:lang:xx'))
    expect((await findUser(database.db, 7006))?.locale).toBe('en')
  })

  it('registers the command menu in Chinese (default) and English', async () => {
    const { bot, i18n, telegram } = createTestBot(database.db)
    await registerCommands(bot.api, i18n)
    const calls = telegram.callsOf('setMyCommands')
    expect(calls.map((call) => call.payload.language_code)).toEqual([undefined, 'en'])
    expect(JSON.stringify(calls[0]?.payload.commands)).toContain('找最近的驿站')
    const names = (calls[0]?.payload.commands as { command: string }[]).map((command) => command.command)
    expect(names).toContain('said')
    expect(names).not.toContain('organize')
    expect(calls.every((call) => call.payload.scope === undefined)).toBe(true)
  })

  it('gives organizers and admins a menu of their own in their chat, and workers none', async () => {
    const { bot, telegram } = createTestBot(database.db, { env: { ADMIN_IDS: '7010' } })
    await bot.handleUpdate(textUpdate({ id: 7011 }, '/start'))
    expect(telegram.callsOf('setMyCommands')).toEqual([])

    await bot.handleUpdate(textUpdate({ id: 7010 }, '/start'))
    const [menu] = telegram.callsOf('setMyCommands')
    expect(menu?.payload.scope).toEqual({ type: 'chat', chat_id: 7010 })
    const names = (menu?.payload.commands as { command: string }[]).map((command) => command.command)
    expect(names).toEqual(expect.arrayContaining(['nearby', 'organize', 'checkin', 'inbox', 'team', 'invite', 'coverage']))

    telegram.clear()
    await bot.handleUpdate(textUpdate({ id: 7010 }, '/help'))
    expect(telegram.callsOf('sendMessage')[0]?.payload.text).toContain('/organize')
    expect(telegram.callsOf('sendMessage')[0]?.payload.text).toContain('/coverage')
  })
})
