import { describe, expect, it } from 'vitest'
import { translatorFor } from '../../../bot/i18n.js'
import { formatDistance } from '../../../bot/ui/distance.js'
import { minutesToClock } from '../../../domain/time.js'

const t = translatorFor('zh')

describe('formatDistance (stations and events alike)', () => {
  it('writes metres to the nearest 10, never 0', () => {
    expect([3, 114, 994].map((metres) => formatDistance(t, metres))).toEqual(['10 米', '110 米', '990 米'])
  })

  it('goes over to kilometres when the metres would round to 1000', () => {
    expect(formatDistance(t, 996)).toBe('1.0 公里')
  })

  it('writes kilometres with one decimal under 10 km and whole ones beyond', () => {
    expect([1000, 2449, 9949, 12_345].map((metres) => formatDistance(t, metres))).toEqual(['1.0 公里', '2.4 公里', '9.9 公里', '12 公里'])
    expect(formatDistance(translatorFor('en'), 12_345)).not.toContain('公里')
  })
})

describe('minutesToClock', () => {
  it('writes minutes after midnight as HH:MM', () => {
    expect([0, 7 * 60 + 5, 22 * 60, 23 * 60 + 59].map(minutesToClock)).toEqual(['00:00', '07:05', '22:00', '23:59'])
  })
})
