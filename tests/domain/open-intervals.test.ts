import { describe, expect, it } from 'vitest'
import { openIntervals, shanghaiDay, shanghaiDayStart, type StationHours } from '../../domain/open-intervals.js'
import { openingState } from '../../domain/opening-hours.js'

const at = (iso: string) => new Date(iso)
const station = (openingHours: string, extra: Partial<StationHours> = {}): StationHours => ({
  openingHours,
  active: true,
  closedUntil: null,
  ...extra,
})
// Wed 2026-11-25 00:00 in Shanghai, and three days on; every instant below is UTC (Shanghai − 8 h).
const from = at('2026-11-24T16:00:00Z')
const until = at('2026-11-27T16:00:00Z')
const asText = (intervals: { opensAt: Date; closesAt: Date }[]) =>
  intervals.map(({ opensAt, closesAt }) => `${opensAt.toISOString()} – ${closesAt.toISOString()}`)

describe('Shanghai days', () => {
  it('start at 16:00 UTC the day before, all year (no daylight saving)', () => {
    expect(shanghaiDayStart('2026-07-01')).toEqual(at('2026-06-30T16:00:00Z'))
    expect(shanghaiDayStart('2026-01-01')).toEqual(at('2025-12-31T16:00:00Z'))
    expect(shanghaiDay(at('2026-11-24T15:59:59Z'))).toBe('2026-11-24')
    expect(shanghaiDay(at('2026-11-24T16:00:00Z'))).toBe('2026-11-25')
  })
})

describe('openIntervals', () => {
  it('gives one interval a day for day hours', () => {
    expect(asText(openIntervals(station('Mo-Su 09:30-21:00'), [], from, until))).toEqual([
      '2026-11-25T01:30:00.000Z – 2026-11-25T13:00:00.000Z',
      '2026-11-26T01:30:00.000Z – 2026-11-26T13:00:00.000Z',
      '2026-11-27T01:30:00.000Z – 2026-11-27T13:00:00.000Z',
    ])
  })

  it('keeps overnight hours one interval across midnight, and the night before’s tail at the window start', () => {
    expect(asText(openIntervals(station('Mo-Su 18:00-02:00'), [], from, until))).toEqual([
      '2026-11-24T16:00:00.000Z – 2026-11-24T18:00:00.000Z',
      '2026-11-25T10:00:00.000Z – 2026-11-25T18:00:00.000Z',
      '2026-11-26T10:00:00.000Z – 2026-11-26T18:00:00.000Z',
      '2026-11-27T10:00:00.000Z – 2026-11-27T16:00:00.000Z',
    ])
  })

  it('merges 24/7 into one interval over the whole window, and gives none for empty or unreadable hours', () => {
    expect(asText(openIntervals(station('24/7'), [], from, until))).toEqual(['2026-11-24T16:00:00.000Z – 2026-11-27T16:00:00.000Z'])
    expect(openIntervals(station(''), [], from, until)).toEqual([])
    expect(openIntervals(station('whenever'), [], from, until)).toEqual([])
  })

  it('gives none to an inactive station', () => {
    expect(openIntervals(station('24/7', { active: false }), [], from, until)).toEqual([])
  })

  it('replaces the hours on a holiday range, closed all day for empty hours (Thu–Fri)', () => {
    const holiday = [{ startsOn: '2026-11-26', endsOn: '2026-11-27', openingHours: '' }]
    expect(asText(openIntervals(station('Mo-Su 18:00-02:00'), holiday, from, until))).toEqual([
      '2026-11-24T16:00:00.000Z – 2026-11-24T18:00:00.000Z',
      // Wednesday's night ends at the holiday's midnight.
      '2026-11-25T10:00:00.000Z – 2026-11-25T16:00:00.000Z',
    ])
  })

  it('uses a holiday range’s own hours, and joins them to regular hours that meet them at midnight', () => {
    const shortDay = [{ startsOn: '2026-11-26', endsOn: '2026-11-26', openingHours: 'Mo-Su 10:00-14:00' }]
    expect(asText(openIntervals(station('Mo-Su 09:30-21:00'), shortDay, from, until))).toEqual([
      '2026-11-25T01:30:00.000Z – 2026-11-25T13:00:00.000Z',
      '2026-11-26T02:00:00.000Z – 2026-11-26T06:00:00.000Z',
      '2026-11-27T01:30:00.000Z – 2026-11-27T13:00:00.000Z',
    ])
    const allDay = [{ startsOn: '2026-11-25', endsOn: '2026-11-25', openingHours: '24/7' }]
    expect(asText(openIntervals(station('Mo-Su 00:00-02:00'), allDay, from, until))).toEqual([
      '2026-11-24T16:00:00.000Z – 2026-11-25T18:00:00.000Z',
      '2026-11-26T16:00:00.000Z – 2026-11-26T18:00:00.000Z',
    ])
  })

  it('cuts the interval a temporary closure ends in, and drops those before it', () => {
    const closed = station('Mo-Su 09:30-21:00', { closedUntil: at('2026-11-26T04:00:00Z') })
    expect(asText(openIntervals(closed, [], from, until))).toEqual([
      '2026-11-26T04:00:00.000Z – 2026-11-26T13:00:00.000Z',
      '2026-11-27T01:30:00.000Z – 2026-11-27T13:00:00.000Z',
    ])
    expect(openIntervals(station('24/7', { closedUntil: until }), [], from, until)).toEqual([])
  })

  it('ignores a closure that ended before the window', () => {
    const reopened = station('24/7', { closedUntil: at('2026-11-20T00:00:00Z') })
    expect(openIntervals(reopened, [], from, until)).toHaveLength(1)
  })

  it('agrees with openingState at every quarter hour of the window', () => {
    for (const hours of ['Mo-Su 09:30-21:00', 'Mo-Su 18:00-02:00', 'Mo-Fr 08:30-12:00,14:00-18:00', '24/7', 'Mo-Su 10:00-02:00']) {
      const intervals = openIntervals(station(hours), [], from, until)
      for (let t = from.getTime(); t < until.getTime(); t += 15 * 60 * 1000) {
        const open = intervals.some(({ opensAt, closesAt }) => opensAt.getTime() <= t && t < closesAt.getTime())
        expect([hours, new Date(t).toISOString(), open]).toEqual([
          hours,
          new Date(t).toISOString(),
          openingState(hours, new Date(t)).kind === 'open',
        ])
      }
    }
  })
})
