import { afterEach, describe, expect, it } from 'vitest'
import { readDateTime, readDay, readTimeOnDay } from '../../domain/date-input.js'

// Tuesday 2026-12-01 10:00 in Shanghai.
const now = new Date('2026-12-01T02:00:00Z')
const shanghai = (text: string) => new Date(`${text}+08:00`)
const at = (text: string) => {
  const reading = readDateTime(text, now)
  return reading.kind === 'ok' ? reading.at : reading.kind
}

describe('dates typed in Chinese words (Asia/Shanghai)', () => {
  it.each([
    ['明天上午9点', '2026-12-02T09:00'],
    ['下周六下午两点', '2026-12-12T14:00'],
    ['12月5日 14:00', '2026-12-05T14:00'],
    ['后天晚上7点半', '2026-12-03T19:30'],
    ['十二月五日下午两点', '2026-12-05T14:00'],
    ['周六上午十点', '2026-12-05T10:00'],
    ['明天9点开始', '2026-12-02T09:00'],
    ['今晚8点', '2026-12-01T20:00'],
  ])('%s', (text, expected) => {
    expect(at(text)).toEqual(shanghai(expected))
    expect(readDateTime(text, now)).toMatchObject({ kind: 'ok' })
  })

  it('keeps the strict formats, and says they were not words', () => {
    expect(readDateTime('2026-12-05 09:00', now)).toEqual({ kind: 'ok', at: shanghai('2026-12-05T09:00'), natural: false })
    expect(at('12-05 09:00')).toEqual(shanghai('2026-12-05T09:00'))
    expect(at('2026/12/5 9:00')).toEqual(shanghai('2026-12-05T09:00'))
    expect(at('12月5日9点30')).toEqual(shanghai('2026-12-05T09:30'))
    expect(at('1-3 14:30')).toEqual(shanghai('2027-01-03T14:30'))
    expect(readDateTime('明天上午9点', now)).toMatchObject({ natural: true })
  })

  it('tells a day without a time, a time without a day and nonsense apart', () => {
    expect(at('明天')).toBe('no-time')
    expect(at('下周六')).toBe('no-time')
    expect(at('明天下午')).toBe('no-time')
    expect(at('九点')).toBe('no-date')
    expect(at('体检')).toBe('unknown')
    expect(at('随便 明天9点 哈')).toBe('unknown')
    expect(at('2-30 09:00')).toBe('unknown')
  })

  it('reads a time of day on a given day, in words too', () => {
    const day = shanghai('2026-12-05T09:00')
    const onDay = (text: string) => {
      const reading = readTimeOnDay(text, day, now)
      return reading.kind === 'ok' ? reading.at : reading.kind
    }
    expect(onDay('11:30')).toEqual(shanghai('2026-12-05T11:30'))
    expect(onDay('下午5点')).toEqual(shanghai('2026-12-05T17:00'))
    expect(onDay('12月6日 8:00')).toEqual(shanghai('2026-12-06T08:00'))
    expect(onDay('late')).toBe('unknown')
  })
})

describe('whatever the machine time zone is', () => {
  const saved = process.env.TZ
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ
    else process.env.TZ = saved
  })

  it.each(['America/New_York', 'UTC', 'Pacific/Kiritimati'])('%s reads Shanghai time', (zone) => {
    process.env.TZ = zone
    expect(at('明天上午9点')).toEqual(shanghai('2026-12-02T09:00'))
    expect(at('后天晚上7点半')).toEqual(shanghai('2026-12-03T19:30'))
    expect(at('下周六下午两点')).toEqual(shanghai('2026-12-12T14:00'))
  })
})

describe('readDay', () => {
  const day = (text: string) => readDay(text, now)
  it('reads days without a time, in Shanghai, rolling a past date into next year', () => {
    expect(day('12月10日')).toEqual({ kind: 'ok', day: '2026-12-10' })
    expect(day('2027-02-05')).toEqual({ kind: 'ok', day: '2027-02-05' })
    expect(day('1月3号')).toEqual({ kind: 'ok', day: '2027-01-03' })
    expect(day('12月1日')).toEqual({ kind: 'ok', day: '2026-12-01' })
    expect(day('明天')).toEqual({ kind: 'ok', day: '2026-12-02' })
    expect(day('下周一')).toEqual({ kind: 'ok', day: '2026-12-07' })
    expect(day('2月30日')).toEqual({ kind: 'unknown' })
    expect(day('装修')).toEqual({ kind: 'unknown' })
  })
})
