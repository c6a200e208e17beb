import { describe, expect, it } from 'vitest'
import { eventAdminCallbacks } from '../../../bot/callbacks/event-admin.js'
import { parseCapacity } from '../../../bot/features/event-admin/create-conversation.js'
import { generateSlots, parseDateTime, parseSlotRule, parseTimeOnDay } from '../../../bot/features/event-admin/time-input.js'

// 2026-12-01 10:00 in Shanghai.
const now = new Date('2026-12-01T02:00:00Z')
const utc = (text: string) => new Date(`${text}Z`)

describe('typed times (Asia/Shanghai)', () => {
  it.each([
    ['2026-12-05 09:00', '2026-12-05T01:00:00'],
    ['2026/12/5 9:00', '2026-12-05T01:00:00'],
    ['12-05 09:00', '2026-12-05T01:00:00'],
    ['12月5日 9:00', '2026-12-05T01:00:00'],
    ['12月5日9点', '2026-12-05T01:00:00'],
    ['12月5日 下午', undefined],
    ['2027年1月3日 14:30', '2027-01-03T06:30:00'],
    // Without a year, a date already past this year means next year.
    ['1-3 14:30', '2027-01-03T06:30:00'],
    ['2-30 09:00', undefined],
    ['12-05 24:00', undefined],
    ['明天', undefined],
  ])('%s', (text, expected) => {
    expect(parseDateTime(text, now)).toEqual(expected === undefined ? undefined : utc(expected))
  })

  it('reads a time of day on the start date, or a full date', () => {
    const start = utc('2026-12-04T17:00:00') // 2026-12-05 01:00 in Shanghai
    expect(parseTimeOnDay('11:30', start, now)).toEqual(utc('2026-12-05T03:30:00'))
    expect(parseTimeOnDay('12-06 08:00', start, now)).toEqual(utc('2026-12-06T00:00:00'))
    expect(parseTimeOnDay('late', start, now)).toBeUndefined()
  })
})

describe('slots and capacity', () => {
  it('makes back-to-back slots that fit between start and end', () => {
    const slots = generateSlots(utc('2026-12-05T01:00:00'), utc('2026-12-05T03:30:00'), { minutes: 40, perSlot: 20 })
    expect(slots?.map((slot) => slot.startsAt.toISOString().slice(11, 16))).toEqual(['01:00', '01:40', '02:20'])
    expect(generateSlots(utc('2026-12-05T01:00:00'), utc('2026-12-05T01:20:00'), { minutes: 30, perSlot: 5 })).toBeUndefined()
    expect(generateSlots(utc('2026-12-05T01:00:00'), utc('2026-12-07T01:00:00'), { minutes: 5, perSlot: 5 })).toBeUndefined()
    expect(parseSlotRule('30分钟 20人')).toEqual({ minutes: 30, perSlot: 20 })
    expect(parseSlotRule('30')).toBeUndefined()
    expect(parseSlotRule('1 20')).toBeUndefined()
  })

  it('accepts 1 to 10000 seats', () => {
    expect(parseCapacity('35人')).toBe(35)
    expect(parseCapacity('10000')).toBe(10_000)
    expect(parseCapacity('10001')).toBeUndefined()
    expect(parseCapacity('0')).toBeUndefined()
    expect(parseCapacity('3.5')).toBeUndefined()
  })
})

describe('callback data', () => {
  it('parses only what the builders make', () => {
    const { panel, action, edit, step } = eventAdminCallbacks
    expect(panel.unpack('ea:panel:12')).toEqual({ eventId: 12 })
    expect(panel.unpack('ea:panel:012')).toBeUndefined()
    expect(panel.unpack('ea:panel:99999999999')).toBeUndefined()
    expect(action.unpack('ea:do:cancelok:7')).toEqual({ action: 'cancelok', eventId: 7 })
    expect(action.unpack('ea:do:drop:7')).toBeUndefined()
    expect(edit.unpack('ea:edit:capacity:7')).toEqual({ field: 'capacity', eventId: 7 })
    expect(edit.unpack('ea:edit:status:7')).toBeUndefined()
    expect(step.unpack('ea:step:kind:health_check')).toEqual({ step: 'kind', arg: 'health_check' })
    expect(step.unpack('ea:step:kind:Health')).toBeUndefined()
  })
})
