import { describe, expect, it } from 'vitest'
import { translatorFor } from '../../../bot/i18n.js'
import { describeOpeningHours } from '../../../bot/ui/opening-hours-words.js'

const zh = translatorFor('zh')
const en = translatorFor('en')

describe('describeOpeningHours: the syntax read back for a confirmation', () => {
  it.each([
    ['Mo-Su 09:30-21:00', '每天 09:30–21:00'],
    ['09:30-21:00', '每天 09:30–21:00'],
    ['Mo-Fr 08:30-12:00,14:00-18:00', '周一至周五 08:30–12:00、14:00–18:00'],
    ['24/7', '24 小时营业'],
    ['Mo-Fr 00:00-24:00', '周一至周五 24 小时'],
    ['Mo-Su 18:00-02:00', '每天 18:00–次日 02:00'],
    ['Sa,Su 10:00-16:00', '周六、周日 10:00–16:00'],
    ['Mo-Su 09:00-21:00; Mo off', '每天 09:00–21:00；周一休息'],
    ['Mo-Fr 08:00-18:00; PH off', '周一至周五 08:00–18:00；法定节假日休息'],
    ['', '未填写'],
  ])('%j → %s', (hours, words) => expect(describeOpeningHours(zh, hours)).toBe(words))

  it('shows syntax it cannot put in words as it is', () => {
    expect(describeOpeningHours(zh, 'Jan-Mar Mo-Fr 08:00-12:00')).toBe('Jan-Mar Mo-Fr 08:00-12:00')
    expect(describeOpeningHours(zh, 'Mo-Fr 08:00-18:00 "by appointment"')).toBe('Mo-Fr 08:00-18:00 "by appointment"')
  })

  it('speaks English too', () => {
    expect(describeOpeningHours(en, 'Mo-Fr 08:30-12:00,14:00-18:00; Su off')).toBe('Mon–Fri 08:30–12:00, 14:00–18:00; Sun: closed')
  })
})
