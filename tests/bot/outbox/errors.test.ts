import { GrammyError, HttpError } from 'grammy'
import { describe, expect, it } from 'vitest'
import { classifySendError, MAX_ATTEMPTS } from '../../../bot/outbox/errors.js'

const now = new Date('2026-11-23T04:00:00Z')
const context = { now, attempts: 1, userId: 7 }
const telegram = (code: number, description: string, parameters = {}) =>
  new GrammyError(
    `Call to 'sendMessage' failed! (${code}: ${description})`,
    { ok: false, error_code: code, description, parameters },
    'sendMessage',
    {},
  )
const network = (code: string) => new HttpError("Network request for 'sendMessage' failed!", Object.assign(new Error(code), { code }))

describe('classifySendError', () => {
  it('pauses for retry_after on 429', () => {
    expect(classifySendError(telegram(429, 'Too Many Requests: retry after 7', { retry_after: 7 }), context)).toEqual({
      kind: 'rate-limited',
      error: '429: Too Many Requests: retry after 7',
      retryAt: new Date(now.getTime() + 7000),
    })
  })

  it('marks the user blocked on 403 and fails other 4xx for good', () => {
    expect(classifySendError(telegram(403, 'Forbidden: bot was blocked by the user'), context)).toMatchObject({
      kind: 'blocked',
      userId: 7,
    })
    expect(classifySendError(telegram(400, 'Bad Request: chat not found'), context)).toMatchObject({ kind: 'failed' })
  })

  it('retries 5xx and connections that were never made, until the last attempt', () => {
    expect(classifySendError(telegram(500, 'Internal Server Error'), context)).toMatchObject({ kind: 'retry' })
    expect(classifySendError(network('ECONNREFUSED'), context)).toMatchObject({ kind: 'retry', error: 'network: ECONNREFUSED' })
    expect(classifySendError(network('EAI_AGAIN'), { ...context, attempts: MAX_ATTEMPTS })).toMatchObject({
      kind: 'failed',
      error: expect.stringMatching(/gave up/),
    })
  })

  it('never retries when the answer was lost after the request went out', () => {
    expect(classifySendError(network('ECONNRESET'), context)).toEqual({ kind: 'failed', error: 'uncertain, not retried: ECONNRESET' })
    expect(classifySendError(new Error('timeout'), context)).toMatchObject({ kind: 'failed', error: expect.stringMatching(/^uncertain/) })
  })
})
