import { describe, expect, it } from 'vitest'
import { unpackAny } from '../../../bot/callbacks/codec.js'
import { feedbackCallbacks, wizardCallbacks, wizardChoiceOf } from '../../../bot/callbacks/feedback.js'
import { splitText } from '../../../bot/ui/feedback-notices.js'

const feedbackActionOf = (data: string) => unpackAny(data, feedbackCallbacks) ?? wizardChoiceOf(data)
const cityFits = (city: string) => wizardCallbacks.city.fits({ city })

describe('feedback callback data', () => {
  it('parses what the builders make', () => {
    expect(feedbackActionOf(feedbackCallbacks.status.pack({ ticketId: 12, status: 'in_progress' }))).toEqual({
      kind: 'status',
      ticketId: 12,
      status: 'in_progress',
    })
    expect(feedbackActionOf(feedbackCallbacks.reassign.pack({ ticketId: 3, userId: 123456789012 }))).toEqual({
      kind: 'reassign',
      ticketId: 3,
      userId: 123456789012,
    })
    expect(feedbackActionOf(feedbackCallbacks.unsatisfied.pack({ ticketId: 9 }))).toEqual({ kind: 'unsatisfied', ticketId: 9 })
    expect(feedbackActionOf(feedbackCallbacks.inbox.pack())).toEqual({ kind: 'inbox' })
    expect(feedbackActionOf(wizardCallbacks.city.pack({ city: '成都' }))).toEqual({ kind: 'city', city: '成都' })
    expect(feedbackActionOf(wizardCallbacks.anonymous.pack({ anonymous: true }))).toEqual({ kind: 'anonymous', anonymous: true })
  })

  it('rejects anything else', () => {
    const forged = [
      'fb:open:0',
      'fb:open:-1',
      'fb:open:1:2',
      'fb:status:1:x',
      'fb:need',
      'fb:kind:bad',
      'fb:anon:2',
      'fb:open:99999999999',
      'fb:q',
      'x:open:1',
      'fb:station:1:2',
      'fb:said:abc',
    ]
    for (const data of forged) {
      expect(feedbackActionOf(data), data).toBeUndefined()
    }
  })

  it('keeps every button within 64 bytes', () => {
    expect(
      Buffer.byteLength(feedbackCallbacks.reassign.pack({ ticketId: 2 ** 31 - 1, userId: Number.MAX_SAFE_INTEGER })),
    ).toBeLessThanOrEqual(64)
    expect(cityFits('成都')).toBe(true)
    expect(cityFits('很'.repeat(20))).toBe(false)
  })
})

describe('splitText', () => {
  it('keeps short text whole and splits long text into pieces within the limit, losing nothing', () => {
    expect(splitText('你好')).toEqual(['你好'])
    const text = `${'第一段'.repeat(1000)}\n${'第二段😀'.repeat(800)}`
    const pieces = splitText(text)
    expect(pieces.length).toBeGreaterThan(1)
    for (const piece of pieces) expect([...piece].length).toBeLessThanOrEqual(4096)
    expect(pieces.join('')).toBe(text)
    expect(pieces[0]?.endsWith('\n')).toBe(true)
  })
})
