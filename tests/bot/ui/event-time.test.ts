import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { questionAndAnswer } from '../../../bot/features/events/format.js'
import { translatorFor } from '../../../bot/i18n.js'
import { formatEventMoment, formatEventSpan, formatSlotTime } from '../../../bot/ui/event-time.js'

const zh = translatorFor('zh')
const en = translatorFor('en')
const shanghai = (text: string) => new Date(`${text}+08:00`)

describe('one format for an event time', () => {
  it('writes a span, a moment and a span across days the same way everywhere', () => {
    expect(formatEventSpan(zh, shanghai('2026-12-05T09:00'), shanghai('2026-12-05T11:30'))).toBe('12月5日（周六）09:00–11:30')
    expect(formatEventMoment(zh, shanghai('2026-12-04T18:00'))).toBe('12月4日（周五）18:00')
    expect(formatEventSpan(zh, shanghai('2026-12-05T09:00'), shanghai('2026-12-06T11:30'))).toBe(
      '12月5日（周六）09:00 至 12月6日（周日）11:30',
    )
    expect(formatEventSpan(en, shanghai('2026-12-05T09:00'), shanghai('2026-12-05T11:30'))).toBe('Sat 5/12 09:00–11:30')
  })

  it('lists a slot by its times alone when it lies on the day the card already names', () => {
    const start = shanghai('2026-12-05T09:00')
    expect(formatSlotTime(zh, { startsAt: shanghai('2026-12-05T09:30'), endsAt: shanghai('2026-12-05T10:00') }, start)).toBe('09:30–10:00')
    expect(formatSlotTime(zh, { startsAt: shanghai('2026-12-06T09:30'), endsAt: shanghai('2026-12-06T10:00') }, start)).toBe(
      '12月6日（周日）09:30–10:00',
    )
  })

  it('puts no colon after a question that ends in its own punctuation', () => {
    expect(questionAndAnswer('有慢性病吗？', '没有')).toBe('有慢性病吗？ 没有')
    expect(questionAndAnswer('骑手工号', '123')).toBe('骑手工号：123')
  })
})

describe('wording of the event texts', () => {
  // Fluent's own quoting ({""}, {" "}, {"\u000A"}) is syntax, not text people read.
  const prose = (name: string) =>
    readFileSync(new URL(`../../../bot/locales/zh/${name}.ftl`, import.meta.url), 'utf8').replace(/\{\s*"[^"]*"\s*\}/g, '')

  it.each(['events', 'event-admin', 'reminders'])('%s.ftl quotes with 「」 only, and never doubles brackets or punctuation', (name) => {
    const text = prose(name)
    expect(text).not.toMatch(/[“”"]/)
    expect(text).not.toMatch(/）（|？：|「[^」\n]*「/)
  })

  it('calls the people who register 报名者 or 劳动者, not 工人 (环卫工人 is a job title)', () => {
    for (const name of ['events', 'event-admin', 'reminders']) expect(prose(name).replaceAll('环卫工人', '')).not.toContain('工人')
  })
})
