/** The words people put before a clock time ("晚上9点"), each saying which half of the day it is. */
const periods = {
  morning: ['上午', '早上', '早晨', '清晨', '早'],
  noon: ['中午'],
  afternoon: ['下午', '傍晚'],
  evening: ['晚上', '夜里', '夜间', '夜晚', '晚'],
  night: ['凌晨', '半夜', '午夜'],
} as const
export type Period = keyof typeof periods

/** Longest words first, so that 晚上 wins over 晚. */
export const periodWords: [string, Period][] = Object.entries(periods)
  .flatMap(([period, words]) => words.map((word): [string, Period] => [word, period as Period]))
  .sort((a, b) => b[0].length - a[0].length)

const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
export const CHINESE_NUMBER = '[零〇一二两三四五六七八九十]{1,3}'

/** 九 → 9, 十二 → 12, 二十四 → 24, 三十 → 30 (up to 99); undefined for anything else. */
export function chineseNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text)
  const match = /^([一二两三四五六七八九])?(十)?([零〇一二三四五六七八九])?$/.exec(text)
  if (match === null || text === '') return undefined
  const [, tens, ten, units] = match
  if (ten === undefined) return tens === undefined ? digits[units ?? ''] : units === undefined ? digits[tens] : undefined
  return (tens === undefined ? 1 : (digits[tens] ?? 0)) * 10 + (units === undefined ? 0 : (digits[units] ?? 0))
}

/** A clock time as typed: the hour as said (1–24), its minutes, and the period word if any. */
export type SpokenTime = { hour: number; minute: number; period: Period | undefined }

/** The hour of the day (0–24) that `time` means, reading `period` (its own, or the start's) the way people do. */
export function hourOfDay(time: SpokenTime, period: Period | undefined): number {
  const { hour } = time
  switch (period) {
    case 'noon':
      return hour <= 4 ? hour + 12 : hour
    case 'afternoon':
      return hour < 12 ? hour + 12 : hour
    case 'evening':
      // 晚上12点 is midnight; 晚上1点 is after it.
      return hour === 12 ? 24 : hour >= 5 && hour < 12 ? hour + 12 : hour
    case 'night':
      return hour === 12 ? 0 : hour
    case 'morning':
    case undefined:
      return hour
  }
}
