import type { AddressInfo } from 'node:net'
import { Api, GrammyError } from 'grammy'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmulatorServer } from '../../../bot/local/emulator/server.js'
import { EmulatorState } from '../../../bot/local/emulator/state.js'
import { pressButton, sendAsUser } from '../../../bot/local/emulator/users.js'

const token = '1000000001:TEST-emulator-token'
const rider = { id: 10001, is_bot: false, first_name: '小李' }

let state: EmulatorState
let server: ReturnType<typeof createEmulatorServer>
let root: string
let api: Api

beforeAll(async () => {
  state = new EmulatorState(1_000_000_001)
  state.addUser(rider)
  server = createEmulatorServer(state, token, { session: () => ({}), addUser: () => 0, onError: () => {} })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  // grammY's real HTTP client, exactly as the bot uses it in local mode.
  api = new Api(token, { apiRoot: root })
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const raw = async (method: string, body: unknown, withToken = token) => {
  const response = await fetch(`${root}/bot${withToken}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return {
    status: response.status,
    body: (await response.json()) as { ok: boolean; error_code?: number; description?: string; result?: unknown },
  }
}

const drain = async () => {
  const pending = await api.getUpdates({ timeout: 0 })
  const last = pending.at(-1)
  if (last !== undefined) await api.getUpdates({ offset: last.update_id + 1, timeout: 0 })
}

describe('long polling', () => {
  it('returns pending updates at once and confirms them with the offset', async () => {
    await drain()
    sendAsUser(state, rider.id, { text: '/start' })
    sendAsUser(state, rider.id, { text: '春熙路' })
    const updates = await api.getUpdates({ timeout: 0 })
    expect(updates.map((update) => update.message?.text)).toEqual(['/start', '春熙路'])
    expect(updates[0]?.message?.entities).toEqual([{ type: 'bot_command', offset: 0, length: 6 }])
    const again = await api.getUpdates({ offset: (updates[1]?.update_id ?? 0) + 1, timeout: 0 })
    expect(again).toEqual([])
  })

  it('waits for the next update instead of answering empty', async () => {
    await drain()
    const started = Date.now()
    const waiting = api.getUpdates({ timeout: 10 })
    setTimeout(() => sendAsUser(state, rider.id, { location: { latitude: 30.65, longitude: 104.06 } }), 300)
    const updates = await waiting
    expect(updates[0]?.message?.location).toEqual({ latitude: 30.65, longitude: 104.06 })
    expect(Date.now() - started).toBeLessThan(9_000)
  })

  it('ends an older waiting getUpdates with 409 Conflict when a newer one arrives', async () => {
    await drain()
    const older = raw('getUpdates', { timeout: 5 })
    await new Promise((resolve) => setTimeout(resolve, 100))
    const newer = raw('getUpdates', { timeout: 0 })
    expect((await older).body).toMatchObject({ ok: false, error_code: 409 })
    expect((await newer).body.ok).toBe(true)
  })
})

describe('limits and errors as Telegram gives them', () => {
  const errorOf = async (call: Promise<unknown>) => {
    const error = await call.catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(GrammyError)
    return error as GrammyError
  }

  it('accepts 4096 characters of text and refuses 4097 or none', async () => {
    await expect(api.sendMessage(rider.id, '字'.repeat(4096))).resolves.toMatchObject({ text: '字'.repeat(4096) })
    expect((await errorOf(api.sendMessage(rider.id, '字'.repeat(4097)))).description).toContain('message is too long')
    expect((await errorOf(api.sendMessage(rider.id, ' '))).error_code).toBe(400)
  })

  it('checks callback data is 1–64 bytes (a Chinese character is 3)', async () => {
    const markup = (data: string) => ({ reply_markup: { inline_keyboard: [[{ text: '按钮', callback_data: data }]] } })
    await expect(api.sendMessage(rider.id, 'ok', markup('驿'.repeat(21)))).resolves.toBeDefined()
    expect((await errorOf(api.sendMessage(rider.id, 'bad', markup('驿'.repeat(22))))).description).toContain('BUTTON_DATA_INVALID')
    expect((await errorOf(api.sendMessage(rider.id, 'bad', markup('')))).error_code).toBe(400)
  })

  it('answers unknown methods with 404, unknown chats with 400, a wrong token with 401, a blocked user with 403', async () => {
    expect((await raw('sendSticker', { chat_id: rider.id, sticker: 'x' })).body).toMatchObject({
      ok: false,
      error_code: 404,
      description: 'Not Found',
    })
    expect((await errorOf(api.sendMessage(999, 'hi'))).description).toBe('Bad Request: chat not found')
    expect((await raw('getMe', {}, '1:wrong')).status).toBe(401)
    state.users.set(777, { id: 777, is_bot: false, first_name: 'B', blocked: true })
    expect((await errorOf(api.sendMessage(777, 'hi'))).error_code).toBe(403)
  })

  it('parses HTML into entities with UTF-16 offsets and refuses unsupported tags', async () => {
    const message = await api.sendMessage(rider.id, '🧡 <b>驿站</b> &amp; <a href="https://uri.amap.com/x?a=1&amp;b=2">导航</a>', {
      parse_mode: 'HTML',
    })
    expect(message.text).toBe('🧡 驿站 & 导航')
    expect(message.entities).toEqual([
      { type: 'bold', offset: 3, length: 2 },
      { type: 'text_link', offset: 8, length: 2, url: 'https://uri.amap.com/x?a=1&b=2' },
    ])
    expect((await errorOf(api.sendMessage(rider.id, '<div>x</div>', { parse_mode: 'HTML' }))).description).toContain("can't parse entities")
    expect((await errorOf(api.sendMessage(rider.id, '<b>x', { parse_mode: 'HTML' }))).error_code).toBe(400)
  })

  it("marks commands and URLs by itself, as Telegram does, but not inside the sender's entities", async () => {
    const message = await api.sendMessage(rider.id, '发送 /help 或看 https://example.org/a ，<code>/start</code>', { parse_mode: 'HTML' })
    expect(message.entities).toEqual([
      { type: 'bot_command', offset: 3, length: 5 },
      { type: 'url', offset: 12, length: 21 },
      { type: 'code', offset: 35, length: 6 },
    ])
  })

  it('edits in place, refuses an edit that changes nothing, and a missing message', async () => {
    const sent = await api.sendMessage(rider.id, '第 1 页')
    const edited = await api.editMessageText(rider.id, sent.message_id, '第 2 页')
    expect(edited).toMatchObject({ message_id: sent.message_id, text: '第 2 页' })
    expect(state.history(rider.id).messages.find((m) => m.message_id === sent.message_id)?.text).toBe('第 2 页')
    expect((await errorOf(api.editMessageText(rider.id, sent.message_id, '第 2 页'))).description).toContain('message is not modified')
    expect((await errorOf(api.editMessageText(rider.id, 99999, 'x'))).description).toContain('message to edit not found')
  })

  it('lets a callback query be answered once, and only real buttons be pressed', async () => {
    const sent = await api.sendMessage(rider.id, '选一个', {
      reply_markup: { inline_keyboard: [[{ text: '热水', callback_data: 'n:1' }]] },
    })
    expect(() => pressButton(state, rider.id, sent.message_id, 'forged')).toThrow(/no such button/)
    const id = pressButton(state, rider.id, sent.message_id, 'n:1')
    await expect(api.answerCallbackQuery(id, { text: '好的' })).resolves.toBe(true)
    expect((await errorOf(api.answerCallbackQuery(id))).description).toContain('query is too old')
  })

  it('sends venues and uploaded photos, and serves the files back', async () => {
    const venue = await api.sendVenue(rider.id, 30.65, 104.06, '春熙路工会驿站', '锦江区春熙路 1 号')
    expect(venue.venue).toMatchObject({ title: '春熙路工会驿站', location: { latitude: 30.65, longitude: 104.06 } })
    const { InputFile } = await import('grammy')
    const photo = await api.sendPhoto(rider.id, new InputFile(Buffer.from('fake-png'), 'qr.png'), { caption: '签到码' })
    const fileId = photo.photo?.[0]?.file_id ?? ''
    const file = await api.getFile(fileId)
    const download = await fetch(`${root}/file/bot${token}/${file.file_path ?? ''}`)
    expect(await download.text()).toBe('fake-png')
    expect(photo.caption).toBe('签到码')
  })

  it('keeps a chat-scoped command menu apart from the default one, as Telegram does', async () => {
    await api.setMyCommands([{ command: 'start', description: '主菜单' }])
    await api.setMyCommands(
      [
        { command: 'start', description: '主菜单' },
        { command: 'organize', description: '组织者工作台' },
      ],
      { scope: { type: 'chat', chat_id: rider.id } },
    )
    expect((await api.getMyCommands()).map((command) => command.command)).toEqual(['start'])
    expect((await api.getMyCommands({ scope: { type: 'chat', chat_id: rider.id } })).map((command) => command.command)).toEqual([
      'start',
      'organize',
    ])
    await api.deleteMyCommands({ scope: { type: 'chat', chat_id: rider.id } })
    expect(await api.getMyCommands({ scope: { type: 'chat', chat_id: rider.id } })).toEqual([])
    expect((await api.getMyCommands()).map((command) => command.command)).toEqual(['start'])
  })
})
