import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { questionAndAnswer } from '../../../bot/features/events/format.js'
import { translatorFor } from '../../../bot/i18n.js'
import { formatEventMoment, formatEventSpan } from '../../../bot/ui/event-time.js'

const zh = translatorFor('zh')
const en = translatorFor('en')
const shanghai = (text: string) => new Date(`${text}+08:00`)

describe('one format for an event time', () => {
  it('writes a span, a moment and a span across days the same way everywhere', () => {
    expect(formatEventSpan(zh, shanghai('2026-12-05T09:00'), shanghai('2026-12-05T11:30'))).toBe('12月5日（周六）09:00–11:30')
    expect(formatEventMoment(zh, shanghai('2026-12-04T18:00'))).toBe('12月4日（周五）18:00')
    expect(formatEventSpan(zh, shanghai('2026-12-05T09:00'), shanghai('2026-12-06T11:30'))).toBe('12月5日（周六）09:00 至 12月6日（周日）11:30')
    expect(formatEventSpan(en, shanghai('2026-12-05T09:00'), shanghai('2026-12-05T11:30'))).toBe('Sat 5/12 09:00–11:30')
  })

  it('puts no colon after a question that ends in its own punctuation', () => {
    expect(questionAndAnswer('有慢性病吗？', '没有')).toBe('有慢性病吗？ 没有')
    expect(questionAndAnswer('骑手工号', '123')).toBe('骑手工号：123')
  })
})

describe('wording of the event texts', () => {
  const file = (name: string) => readFileSync(new URL(`../../../bot/locales/zh/${name}.ftl`, import.meta.url), 'utf8')

  it.each(['events', 'event-admin', 'reminders'])('%s.ftl quotes with 「」 only', (name) => {
    expect(file(name)).not.toMatch(/[“”]/)
  })

  it('calls the people who register riders or registrants, not 工人, in organizer texts', () => {
    expect(file('event-admin')).not.toContain('工人')
  })
})
