import type { AddressInfo } from 'node:net'
import { Bot, InputFile } from 'grammy'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmulatorServer } from '../../../bot/local/emulator/server.js'
import { EmulatorState } from '../../../bot/local/emulator/state.js'
import { botInfo as testBotInfo } from '../../helpers/bot.js'

const token = '1000000001:TEST-emulator-token'
const organizer = { id: 10001, is_bot: false, first_name: '王组织' }
const botInfo = { ...testBotInfo, id: 1_000_000_001 }

let state: EmulatorState
let server: ReturnType<typeof createEmulatorServer>
let root: string
let bot: Bot

beforeAll(async () => {
  state = new EmulatorState(botInfo.id)
  state.addUser(organizer)
  server = createEmulatorServer(state, token, { session: () => ({}), addUser: () => 0, onError: () => {} })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  // A real Bot with grammY's own multipart serialisation, as in local mode.
  bot = new Bot(token, { botInfo, client: { apiRoot: root } })
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

describe('uploads the way grammY sends them', () => {
  // grammY writes `filename=<name>` raw and unquoted; each of these used to lose the file (400).
  const names = ['registrants.csv', '名单.csv', 'a b.csv', 'x"y.csv', "it's.csv", 'a;b=c.csv', '报名 名单「终」 "2026".csv', '"quoted".csv']

  it.each(names)('stores a document named %s with its name and bytes', async (name) => {
    const sent = await bot.api.sendDocument(organizer.id, new InputFile(Buffer.from('姓名,电话\n小李,138\n'), name), {
      caption: '报名名单',
    })
    expect(sent.document?.file_name).toBe(name)
    expect(sent.caption).toBe('报名名单')
    const stored = state.files.get(sent.document?.file_id ?? '')
    expect(stored?.name).toBe(name)
    expect(stored?.bytes.toString('utf8')).toBe('姓名,电话\n小李,138\n')
  })

  it('keeps the other fields of the request beside a photo with a Chinese name', async () => {
    const sent = await bot.api.sendPhoto(organizer.id, new InputFile(Buffer.from('png'), '签到 码.png'), {
      caption: '签到码',
      reply_markup: { inline_keyboard: [[{ text: '刷新', callback_data: 'x:1' }]] },
    })
    expect(sent.caption).toBe('签到码')
    expect(sent.reply_markup?.inline_keyboard[0]?.[0]?.text).toBe('刷新')
    expect(state.files.get(sent.photo?.[0]?.file_id ?? '')?.name).toBe('签到 码.png')
  })

  it('reads a browser upload (quoted name, %22 for a quote) from the web chat', async () => {
    const form = new FormData()
    form.set('kind', 'document')
    form.set('file', new Blob(['a,b\n'], { type: 'text/csv' }), '驿站 "新".csv')
    const response = await fetch(`${root}/api/chats/${organizer.id}/messages`, { method: 'POST', body: form })
    const { message } = (await response.json()) as { message: { document?: { file_name?: string } } }
    expect(message.document?.file_name).toBe('驿站 "新".csv')
  })
})
