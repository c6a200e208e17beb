import { Writable } from 'node:stream'
import { GrammyError } from 'grammy'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger, withSafeErrors } from '../../bot/logger.js'
import { users } from '../../db/schema/index.js'
import { createTestBot } from '../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import type { ApiCall } from '../helpers/fake-telegram.js'
import { addUser, seedStations, ticketsOf } from '../helpers/feedback.js'
import { callbackUpdate, textUpdate } from '../helpers/updates.js'

let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => database.close())

/** A logger whose JSON lines land in `lines`, as they would on stdout. */
export function capturedLogger() {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean))
      done()
    },
  })
  return { logger: createLogger('info', stream), lines, text: () => lines.join('\n') }
}

const apologyZh = '抱歉，刚才出了点问题，请稍后再试一次。'
const apologyEn = 'Sorry, something went wrong. Please try again in a moment.'
const isApology = (call: ApiCall) => call.payload.text === apologyZh || call.payload.text === apologyEn
const failAllButApologies = (call: ApiCall) =>
  isApology(call) || (call.method === 'answerCallbackQuery' && call.payload.text === undefined)
    ? undefined
    : { ok: false as const, error_code: 400, description: 'Bad Request: chat not found' }

describe('a failed update', () => {
  it('tells the person who pressed a button, by a message in the chat and by the button answer, and logs the update id', async () => {
    const captured = capturedLogger()
    const { bot, telegram } = createTestBot(database.db, { logger: captured.logger })
    const rider = { id: 6101, first_name: '小李' }
    telegram.respond(failAllButApologies)
    const update = callbackUpdate(rider, 'se:lang')
    await bot.handleUpdate(update)
    expect(telegram.callsOf('answerCallbackQuery').map((call) => call.payload.text)).toContain(apologyZh)
    expect(
      telegram
        .callsOf('sendMessage')
        .filter(isApology)
        .map((call) => call.payload.chat_id),
    ).toEqual([rider.id])
    const failure = captured.lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.msg === 'update failed')
    expect(failure).toMatchObject({
      level: 50,
      update_id: update.update_id,
      err: { type: 'GrammyError', error_code: 400, method: 'sendMessage' },
    })
  })

  it('still sends the message when the callback query is too old to answer', async () => {
    const { bot, telegram } = createTestBot(database.db)
    const rider = { id: 6102, first_name: 'Li', language_code: 'en' }
    await bot.handleUpdate(textUpdate(rider, '/start'))
    telegram.clear()
    telegram.respond((call) =>
      call.method === 'answerCallbackQuery'
        ? { ok: false, error_code: 400, description: 'Bad Request: query is too old and response timeout expired or query ID is invalid' }
        : undefined,
    )
    telegram.respond(failAllButApologies)
    await bot.handleUpdate(callbackUpdate(rider, 'se:lang'))
    expect(
      telegram
        .callsOf('sendMessage')
        .filter(isApology)
        .map((call) => [call.payload.chat_id, call.payload.text]),
    ).toEqual([[rider.id, apologyEn]])
  })

  it('answers a failed text message with a reply in the chat', async () => {
    const { bot, telegram } = createTestBot(database.db)
    const rider = { id: 6103, first_name: '小王' }
    telegram.respond(failAllButApologies)
    await bot.handleUpdate(textUpdate(rider, '/start'))
    expect(
      telegram
        .callsOf('sendMessage')
        .filter(isApology)
        .map((call) => call.payload.chat_id),
    ).toEqual([rider.id])
  })
})

describe('logs of failing paths keep anonymous tickets anonymous', () => {
  const worker = { id: 777001, first_name: '匿名测试' }

  it('logs a failed receipt without the ticket number, the worker id or the text', async () => {
    await seedStations(database.db)
    const captured = capturedLogger()
    const { bot, telegram } = createTestBot(database.db, { logger: captured.logger })
    // The worker blocked the bot right after submitting: the receipt gets 403.
    telegram.respond((call) =>
      call.method === 'sendMessage' && String(call.payload.text).includes('#')
        ? { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' }
        : undefined,
    )
    await bot.handleUpdate(textUpdate(worker, '/feedback'))
    await bot.handleUpdate(callbackUpdate(worker, 'fb:cities'))
    await bot.handleUpdate(callbackUpdate(worker, 'fb:city:成都'))
    await bot.handleUpdate(callbackUpdate(worker, 'fb:kind:need'))
    await bot.handleUpdate(callbackUpdate(worker, 'fb:anon:1'))
    await bot.handleUpdate(textUpdate(worker, '匿名测试3：站长态度不好'))
    const [ticket] = await ticketsOf(database.db, worker.id)
    expect(ticket?.anonymous).toBe(true)
    const log = captured.text()
    expect(log).toContain('update failed')
    expect(log).toContain('Forbidden: bot was blocked by the user')
    expect(log).not.toContain(ticket?.number ?? 'no ticket')
    expect(log).not.toContain(String(worker.id))
    expect(log).not.toContain('匿名测试')
    expect(log).not.toContain('站长态度不好')
  })

  it('logs a database error without its query parameters or the row it names', async () => {
    const captured = capturedLogger()
    await addUser(database.db, { id: 777002, firstName: '匿名测试3' })
    const error = await database.db
      .insert(users)
      .values({ id: 777002, firstName: '匿名测试3', username: 'secret_rider' })
      .then(
        () => undefined,
        (caught: unknown) => caught,
      )
    expect(error).toBeInstanceOf(Error)
    expect(String((error as Error).message)).toContain('777002') // the raw error does carry them
    // A logger made elsewhere (tests, scripts) gets the same serializers through withSafeErrors, as in startApp.
    const plain = pino({ level: 'info' }, { write: (line: string) => void captured.lines.push(line) })
    captured.logger.error({ err: error }, 'query failed')
    withSafeErrors(plain).error({ err: error }, 'query failed')
    const log = captured.text()
    expect(captured.lines).toHaveLength(2)
    expect(log).toContain('Failed query: insert into')
    expect(log).toMatch(/"code":"23505"/)
    expect(log).not.toContain('777002')
    expect(log).not.toContain('匿名测试3')
    expect(log).not.toContain('secret_rider')
  })

  it('keeps a plain description logged under "error" (as the outbox sender does), and makes an Error under it safe', () => {
    const captured = capturedLogger()
    captured.logger.warn({ error: 'Forbidden: bot was blocked by the user' }, 'outbox message not sent')
    captured.logger.warn(
      { error: new GrammyError('x', { ok: false, error_code: 400, description: 'Bad Request' }, 'sendMessage', { text: '#5N7AM' }) },
      'failed',
    )
    expect(captured.lines[0]).toContain('"error":"Forbidden: bot was blocked by the user"')
    expect(captured.lines[1]).toContain('"error_code":400')
    expect(captured.lines[1]).not.toContain('5N7AM')
  })

  it('logs a Telegram error with method, code and description only', () => {
    const captured = capturedLogger()
    const error = new GrammyError(
      "Call to 'sendMessage' failed!",
      { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' },
      'sendMessage',
      {
        chat_id: 777001,
        text: '✅ 收到了！留言编号 #5N7AM（匿名）',
      },
    )
    captured.logger.warn({ err: error }, 'receipt not sent')
    const [line] = captured.lines.map((entry) => JSON.parse(entry) as { err: Record<string, unknown> })
    expect(line?.err).toMatchObject({
      type: 'GrammyError',
      method: 'sendMessage',
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    })
    expect(captured.text()).not.toMatch(/5N7AM|777001|收到了/)
  })
})
