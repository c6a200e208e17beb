import { describe, expect, it } from 'vitest'
import { parseSpokenHours } from '../../domain/hours-input.js'
import { chineseNumber } from '../../domain/spoken-time.js'

const hoursOf = (text: string) => {
  const result = parseSpokenHours(text)
  return result.kind === 'ok' ? result.hours : result.kind
}

describe('parseSpokenHours: the way people say opening hours', () => {
  it.each([
    ['每天9点半到晚上9点', 'Mo-Su 09:30-21:00'],
    ['每天9:30-21:00', 'Mo-Su 09:30-21:00'],
    ['早9晚9', 'Mo-Su 09:00-21:00'],
    ['早八晚八', 'Mo-Su 08:00-20:00'],
    ['九点到下午五点', 'Mo-Su 09:00-17:00'],
    ['9点到5点', 'Mo-Su 09:00-17:00'],
    ['9点到9点', 'Mo-Su 09:00-21:00'],
    ['上午9点到12点，下午2点到6点', 'Mo-Su 09:00-12:00,14:00-18:00'],
    ['8:30-18:00', 'Mo-Su 08:30-18:00'],
    ['9-21', 'Mo-Su 09:00-21:00'],
    ['9时至21时', 'Mo-Su 09:00-21:00'],
    ['8点一刻到5点三刻', 'Mo-Su 08:15-17:45'],
    ['7点30分到19点', 'Mo-Su 07:30-19:00'],
    ['营业时间：每天 9:00-21:00', 'Mo-Su 09:00-21:00'],
  ])('%s → %s', (text, hours) => expect(hoursOf(text)).toBe(hours))

  it.each([
    ['周一到周五 8:30-18:00 中午12点到2点休息', 'Mo-Fr 08:30-12:00,14:00-18:00'],
    ['每天8点到18点，午休12点到14点', 'Mo-Su 08:00-12:00,14:00-18:00'],
    ['午休12-14点，每天8点到18点', 'Mo-Su 08:00-12:00,14:00-18:00'],
    ['8:00-18:00 12:00-13:30休息', 'Mo-Su 08:00-12:00,13:30-18:00'],
  ])('cuts the lunch break out: %s → %s', (text, hours) => expect(hoursOf(text)).toBe(hours))

  it.each([
    ['24小时', '24/7'],
    ['全天', '24/7'],
    ['24小时营业', '24/7'],
    ['全天候开放', '24/7'],
    ['24/7', '24/7'],
    ['周一到周五全天', 'Mo-Fr 00:00-24:00'],
  ])('round the clock: %s → %s', (text, hours) => expect(hoursOf(text)).toBe(hours))

  it.each([
    ['晚上6点到凌晨2点', 'Mo-Su 18:00-02:00'],
    ['晚上10点到早上6点', 'Mo-Su 22:00-06:00'],
    ['晚上6点到2点', 'Mo-Su 18:00-02:00'],
    ['下午5点到晚上12点', 'Mo-Su 17:00-24:00'],
    ['22:00-06:00', 'Mo-Su 22:00-06:00'],
  ])('past midnight: %s → %s', (text, hours) => expect(hoursOf(text)).toBe(hours))

  it.each([
    ['工作日 9:00-17:00', 'Mo-Fr 09:00-17:00'],
    ['周末10点到下午4点', 'Sa,Su 10:00-16:00'],
    ['周六日 9-17点', 'Sa,Su 09:00-17:00'],
    ['周六周日 9-17点', 'Sa,Su 09:00-17:00'],
    ['星期一至星期六 8:00—20:00', 'Mo-Sa 08:00-20:00'],
    ['礼拜一到礼拜五 9点-6点', 'Mo-Fr 09:00-18:00'],
    ['周一至五 9-18点', 'Mo-Fr 09:00-18:00'],
    ['周一、三、五 上午9点到11点', 'Mo,We,Fr 09:00-11:00'],
    ['周一至周五9:00-18:00，周末10:00-16:00', 'Mo-Fr 09:00-18:00; Sa,Su 10:00-16:00'],
    ['周末10-16点，其余9-18点', 'invalid'],
  ])('days: %s → %s', (text, hours) => expect(hoursOf(text)).toBe(hours))

  it.each([
    ['每天9-21点，周一休息', 'Mo-Su 09:00-21:00; Mo off'],
    ['周一闭馆，每天9-21点', 'Mo-Su 09:00-21:00; Mo off'],
    ['周二到周日 10点到晚上8点，周一闭馆', 'Tu-Su 10:00-20:00; Mo off'],
    ['每天9点到21点，法定节假日休息', 'Mo-Su 09:00-21:00; PH off'],
  ])('days off come last, so that they win: %s → %s', (text, hours) => expect(hoursOf(text)).toBe(hours))

  it.each([
    ['０９：３０－２１：００', 'Mo-Su 09:30-21:00'],
    ['09:30～21:00', 'Mo-Su 09:30-21:00'],
    ['9：30 – 21：00', 'Mo-Su 09:30-21:00'],
    ['9点半~21点', 'Mo-Su 09:30-21:00'],
  ])('full-width digits, colons and dashes: %s', (text, hours) => expect(hoursOf(text)).toBe(hours))

  it.each([
    ['Mo-Fr 08:00-18:00; PH off', 'Mo-Fr 08:00-18:00; PH off'],
    ['Mo-Su 09:30-21:00', 'Mo-Su 09:30-21:00'],
    ['  Sa 10:00-14:00  ', 'Sa 10:00-14:00'],
  ])('accepts the raw syntax: %s', (text, hours) => expect(hoursOf(text)).toBe(hours))

  it.each([
    '',
    '   ',
    'hello',
    '9点',
    '周一到周五',
    '每天很早到很晚',
    '25点到26点',
    '9:75-18:00',
    '中午12点到2点休息',
    'Mo-Fr 25:00-26:00',
    '每天'.repeat(150),
  ])('refuses %j', (text) => expect(parseSpokenHours(text)).toEqual({ kind: 'invalid' }))
})

describe('chineseNumber', () => {
  it('reads the numbers of clock times', () => {
    expect(['九', '十', '十二', '二十', '二十四', '两', '三十', '12'].map(chineseNumber)).toEqual([9, 10, 12, 20, 24, 2, 30, 12])
    expect(chineseNumber('十十')).toBeUndefined()
  })
})
