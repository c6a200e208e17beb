import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openingHoursError, openingState } from '../../domain/opening-hours.js'
import { shanghaiTime } from '../../domain/time.js'

const at = (iso: string) => new Date(iso)

// Every instant is given in UTC; the Shanghai wall time (UTC+8) is in the test name.
function describeOpeningState() {
  it('is open inside a day range, closing at its end (Wed 2026-11-25 10:00)', () => {
    expect(openingState('Mo-Su 09:30-21:00', at('2026-11-25T02:00:00Z'))).toEqual({
      kind: 'open',
      closesAt: at('2026-11-25T13:00:00Z'),
    })
  })

  it('is closed after a day range, opening the next morning (Wed 2026-11-25 22:00)', () => {
    expect(openingState('Mo-Su 09:30-21:00', at('2026-11-25T14:00:00Z'))).toEqual({
      kind: 'closed',
      opensAt: at('2026-11-26T01:30:00Z'),
    })
  })

  it('is closed just before opening and open at the opening minute (Wed 2026-11-25 09:29 and 09:30)', () => {
    expect(openingState('Mo-Su 09:30-21:00', at('2026-11-25T01:29:00Z'))).toEqual({
      kind: 'closed',
      opensAt: at('2026-11-25T01:30:00Z'),
    })
    expect(openingState('Mo-Su 09:30-21:00', at('2026-11-25T01:30:00Z'))).toMatchObject({ kind: 'open' })
  })

  it('is open after midnight in an overnight range, closing at 02:00 (Thu 2026-11-26 01:30)', () => {
    expect(openingState('Mo-Su 18:00-02:00', at('2026-11-25T17:30:00Z'))).toEqual({
      kind: 'open',
      closesAt: at('2026-11-25T18:00:00Z'),
    })
  })

  it('is closed after an overnight range ends, opening again at 18:00 (Thu 2026-11-26 03:00)', () => {
    expect(openingState('Mo-Su 18:00-02:00', at('2026-11-25T19:00:00Z'))).toEqual({
      kind: 'closed',
      opensAt: at('2026-11-26T10:00:00Z'),
    })
  })

  it('is open with no closing time when open around the clock (Thu 2026-11-26 03:00)', () => {
    expect(openingState('24/7', at('2026-11-25T19:00:00Z'))).toEqual({ kind: 'open', closesAt: undefined })
  })

  it('is closed on a day off, opening on Monday at 09:00 (Sat 2026-11-28 12:00)', () => {
    expect(openingState('Mo-Fr 09:00-17:00; Sa,Su off', at('2026-11-28T04:00:00Z'))).toEqual({
      kind: 'closed',
      opensAt: at('2026-11-30T01:00:00Z'),
    })
  })

  it('is closed over a lunch break, opening again at 13:30 (Wed 2026-11-25 12:30)', () => {
    expect(openingState('Mo-Fr 08:30-12:00,13:30-18:00', at('2026-11-25T04:30:00Z'))).toEqual({
      kind: 'closed',
      opensAt: at('2026-11-25T05:30:00Z'),
    })
  })

  it('is open in the morning before a lunch break, closing at 12:00 (Wed 2026-11-25 11:00)', () => {
    expect(openingState('Mo-Fr 08:30-12:00,13:30-18:00', at('2026-11-25T03:00:00Z'))).toEqual({
      kind: 'open',
      closesAt: at('2026-11-25T04:00:00Z'),
    })
  })

  it('is closed on National Day with "PH off", opening at 09:00 on a later day (Thu 2026-10-01 10:00)', () => {
    const state = openingState('Mo-Su 09:00-18:00; PH off', at('2026-10-01T02:00:00Z'))
    expect(state.kind).toBe('closed')
    const opensAt = state.kind === 'closed' ? state.opensAt : undefined
    expect(opensAt?.getTime()).toBeGreaterThanOrEqual(at('2026-10-02T01:00:00Z').getTime())
    expect(opensAt && shanghaiTime(opensAt)).toBe('09:00')
  })

  it('is open on an ordinary day with "PH off" (Fri 2026-10-09 10:00)', () => {
    expect(openingState('Mo-Su 09:00-18:00; PH off', at('2026-10-09T02:00:00Z'))).toEqual({
      kind: 'open',
      closesAt: at('2026-10-09T10:00:00Z'),
    })
  })

  it('is unknown for empty, blank, invalid and "unknown" hours (Wed 2026-11-25 10:00)', () => {
    const now = at('2026-11-25T02:00:00Z')
    expect(openingState('', now)).toEqual({ kind: 'unknown' })
    expect(openingState('   ', now)).toEqual({ kind: 'unknown' })
    expect(openingState('每天九点到五点', now)).toEqual({ kind: 'unknown' })
    expect(openingState('Mo-Su 25:00-26:00', now)).toEqual({ kind: 'unknown' })
    expect(openingState('Mo-Su 09:00-18:00 unknown', now)).toEqual({ kind: 'unknown' })
  })
}

describe('openingState in the process time zone', () => {
  describeOpeningState()
})

// Node re-reads TZ whenever it is assigned, so one process can stand in for servers elsewhere.
for (const zone of ['America/New_York', 'Asia/Kolkata', 'Pacific/Auckland']) {
  describe(`openingState on a server in ${zone}`, () => {
    const previous = process.env.TZ
    beforeAll(() => {
      process.env.TZ = zone
    })
    afterAll(() => {
      if (previous === undefined) delete process.env.TZ
      else process.env.TZ = previous
    })

    it('really runs with that local time zone', () => {
      const local = new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' })
      const instant = at('2026-11-25T02:00:00Z')
      expect(instant.getHours()).toBe(Number(local.format(instant)))
    })

    describeOpeningState()
  })
}

describe('openingHoursError', () => {
  it('accepts valid hours and an empty value', () => {
    for (const hours of [
      '',
      '24/7',
      'Mo-Su 09:30-21:00',
      'Mo-Su 18:00-02:00',
      'Mo-Fr 09:00-17:00; Sa,Su off',
      'Mo-Su 09:00-18:00; PH off',
    ]) {
      expect(openingHoursError(hours), hours).toBeUndefined()
    }
  })

  it('describes invalid hours in one line', () => {
    for (const hours of ['nonsense', 'Mo-Su 25:00-26:00', '9点-17点']) {
      const error = openingHoursError(hours)
      expect(error, hours).toEqual(expect.any(String))
      expect(error).not.toBe('')
      expect(error).not.toContain('\n')
    }
  })
})
