import type { AddressInfo } from 'node:net'
import { Api, GrammyError, InputFile } from 'grammy'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { RateLimiter } from '../../../bot/local/emulator/rate-limits.js'
import { createEmulatorServer } from '../../../bot/local/emulator/server.js'
import { EmulatorState } from '../../../bot/local/emulator/state.js'
import { sendAsUser } from '../../../bot/local/emulator/users.js'

const token = '1000000001:TEST-emulator-token'
const riders = [10001, 10002, 10003, 10004]

let state: EmulatorState
let server: ReturnType<typeof createEmulatorServer>
let api: Api

beforeAll(async () => {
  state = new EmulatorState(1_000_000_001)
  for (const id of riders) state.addUser({ id, is_bot: false, first_name: `骑手${id}` })
  server = createEmulatorServer(state, token, { session: () => ({}), addUser: () => 0, onError: () => {} })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  api = new Api(token, { apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})
beforeEach(() => {
  state.rateLimiter = undefined
})

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as GrammyError,
  )

describe('flood limits', () => {
  it('are off by default: replies to one chat go out in a burst', async () => {
    const sent = await Promise.all([1, 2, 3, 4, 5].map((n) => api.sendMessage(riders[0] ?? 0, `回复 ${n}`)))
    expect(sent).toHaveLength(5)
  })

  it('answer 429 with retry_after when one chat gets more than one message a second', async () => {
    let clock = 0
    state.rateLimiter = new RateLimiter({ perSecond: 30 }, () => clock)
    await api.sendMessage(riders[0] ?? 0, 'first')
    const error = await errorOf(api.sendMessage(riders[0] ?? 0, 'second'))
    expect(error).toBeInstanceOf(GrammyError)
    expect(error).toMatchObject({ error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } })
    expect(state.tooManyRequests).toBe(1)
    clock = 1000
    await api.sendMessage(riders[0] ?? 0, 'second')
  })

  it('answer 429 when the global rate is exceeded, after a burst of half a second', async () => {
    let clock = 0
    const limiter = new RateLimiter({ perSecond: 4 }, () => clock)
    expect([1, 2, 3, 4].map((n) => limiter.take(n))).toEqual([0, 0, 1, 1])
    // Refilled at 4/s: one token after 250 ms.
    clock = 250
    expect(limiter.take(5)).toBe(0)
    expect(limiter.take(6)).toBe(1)
    clock = 500
    expect(limiter.take(6)).toBe(0)
  })
})

describe('entities, voice and copies', () => {
  it('takes explicit entities and caption_entities, and checks their offsets', async () => {
    const message = await api.sendMessage(riders[1] ?? 0, '热汤 今晚', { entities: [{ type: 'bold', offset: 0, length: 2 }] })
    expect(message.entities).toEqual([{ type: 'bold', offset: 0, length: 2 }])
    const error = await errorOf(api.sendMessage(riders[1] ?? 0, '热汤', { entities: [{ type: 'bold', offset: 1, length: 5 }] }))
    expect(error).toMatchObject({ error_code: 400 })
    const photo = await api.sendPhoto(riders[1] ?? 0, new InputFile(Buffer.from('png'), 'a.png'), {
      caption: '驿站 照片',
      caption_entities: [{ type: 'italic', offset: 3, length: 2 }],
    })
    expect(photo.caption_entities).toEqual([{ type: 'italic', offset: 3, length: 2 }])
  })

  it('sends voice messages by upload and again by file_id', async () => {
    const first = await api.sendVoice(riders[2] ?? 0, new InputFile(Buffer.from('ogg'), 'v.ogg'))
    const fileId = first.voice.file_id
    const again = await api.sendVoice(riders[2] ?? 0, fileId, { caption: '再听一次' })
    expect(again.voice.file_id).toBe(fileId)
    expect(again.caption).toBe('再听一次')
    expect(await errorOf(api.sendVoice(riders[2] ?? 0, 'no-such-file'))).toMatchObject({ error_code: 400 })
  })

  it('copies a user message into another chat', async () => {
    const original = sendAsUser(state, riders[3] ?? 0, { text: '路口有积水' })
    const copy = await api.copyMessage(riders[2] ?? 0, riders[3] ?? 0, original.message_id)
    const stored = state.history(riders[2] ?? 0).messages.find((message) => message.message_id === copy.message_id)
    expect(stored?.text).toBe('路口有积水')
    expect(stored?.from?.id).toBe(state.bot.id)
  })
})
