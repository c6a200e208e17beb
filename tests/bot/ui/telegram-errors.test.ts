import { Writable } from 'node:stream'
import { GrammyError } from 'grammy'
import { describe, expect, it } from 'vitest'
import { createLogger } from '../../../bot/logger.js'
import { followUp, ignoreNotModified, isStaleEdit, removeButtons } from '../../../bot/ui/telegram-errors.js'

const telegramError = (description: string, method = 'editMessageReplyMarkup') =>
  new GrammyError(`Call to '${method}' failed!`, { ok: false, error_code: 400, description: `Bad Request: ${description}` }, method, {})

const notModified = telegramError('message is not modified: specified new message content and reply markup are exactly the same')
const tooOld = telegramError("message can't be edited")
const deleted = telegramError('message to edit not found')
const chatGone = telegramError('chat not found', 'setMyCommands')

function capturedLogger() {
  const lines: Record<string, unknown>[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>)
      done()
    },
  })
  return { logger: createLogger('info', stream).child({ update_id: 9 }), lines }
}

describe('Telegram errors that are expected', () => {
  it('lets a double tap through an edit and throws anything else', async () => {
    await expect(ignoreNotModified(Promise.reject(notModified))).resolves.toBeUndefined()
    await expect(ignoreNotModified(Promise.reject(deleted))).rejects.toBe(deleted)
    await expect(ignoreNotModified(Promise.reject(new Error('network down')))).rejects.toThrow('network down')
  })

  it('takes stale edits (double tap, deleted or too old message) as nothing to do, and no other error', () => {
    expect([notModified, tooOld, deleted].every(isStaleEdit)).toBe(true)
    expect(isStaleEdit(chatGone)).toBe(false)
    expect(isStaleEdit(new Error('message is not modified'))).toBe(false)
  })

  it('removes buttons silently when the message is stale, and logs any other failure with the update id instead of swallowing it', async () => {
    const { logger, lines } = capturedLogger()
    await removeButtons({ logger, editMessageReplyMarkup: () => Promise.reject(notModified) })
    await removeButtons({ logger, editMessageReplyMarkup: () => Promise.reject(tooOld) })
    expect(lines).toEqual([])
    await removeButtons({ logger, editMessageReplyMarkup: () => Promise.reject(new Error('socket hang up')) })
    expect(lines).toMatchObject([
      { level: 40, update_id: 9, msg: 'buttons not removed', err: { type: 'Error', message: 'socket hang up' } },
    ])
  })

  it('logs a failed follow-up without failing the update', async () => {
    const { logger, lines } = capturedLogger()
    await expect(followUp(logger, 'chat menu not updated', Promise.reject(chatGone))).resolves.toBeUndefined()
    await followUp(logger, 'chat menu not updated', Promise.resolve(true))
    expect(lines).toMatchObject([{ level: 40, msg: 'chat menu not updated', err: { type: 'GrammyError', method: 'setMyCommands' } }])
  })
})
