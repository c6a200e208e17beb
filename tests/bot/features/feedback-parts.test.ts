import { describe, expect, it } from 'vitest'
import { cityFits, feedbackData, parseFeedbackData, wizardData } from '../../../bot/features/feedback/callback-data.js'
import { splitText } from '../../../bot/ui/feedback-notices.js'

describe('feedback callback data', () => {
  it('parses what the builders make', () => {
    expect(parseFeedbackData(feedbackData.status(12, 'in_progress'))).toEqual({ kind: 'status', ticketId: 12, status: 'in_progress' })
    expect(parseFeedbackData(feedbackData.reassign(3, 123456789012))).toEqual({ kind: 'reassign', ticketId: 3, userId: 123456789012 })
    expect(parseFeedbackData(feedbackData.unsatisfied(9))).toEqual({ kind: 'unsatisfied', ticketId: 9 })
    expect(parseFeedbackData(feedbackData.inbox)).toEqual({ kind: 'inbox' })
    expect(parseFeedbackData(wizardData.city('成都'))).toEqual({ kind: 'wizard', choice: { kind: 'city', city: '成都' } })
    expect(parseFeedbackData(wizardData.anonymous(true))).toEqual({ kind: 'wizard', choice: { kind: 'anonymous', anonymous: true } })
  })

  it('rejects anything else', () => {
    for (const data of ['f:o:0', 'f:o:-1', 'f:o:1:2', 'f:s:1:x', 'f:k:need', 'f:w:k:bad', 'f:w:a:2', 'f:o:99999999999', 'f:q', 'x:o:1', 'f:w:s:1:2', 'f:v:abc']) {
      expect(parseFeedbackData(data), data).toBeUndefined()
    }
  })

  it('keeps every button within 64 bytes', () => {
    expect(Buffer.byteLength(feedbackData.reassign(2 ** 31 - 1, Number.MAX_SAFE_INTEGER))).toBeLessThanOrEqual(64)
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
