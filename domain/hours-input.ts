import { openingHoursError } from './opening-hours.js'
import { CHINESE_NUMBER, chineseNumber, hourOfDay, periodWords, type Period, type SpokenTime } from './spoken-time.js'
import { minutesToClock as clock } from './time.js'

export type HoursInput = { kind: 'ok'; hours: string } | { kind: 'invalid' }

const MAX_LENGTH = 200
const DAY = 24 * 60
const osmDays = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const
const dayIndex: Record<string, number> = { 一: 0, 二: 1, 三: 2, 四: 3, 五: 4, 六: 5, 日: 6, 天: 6, 七: 6 }

type Token =
  | { kind: 'days'; days: string }
  | { kind: 'all-day' }
  | { kind: 'rest'; before: boolean }
  | { kind: 'time'; time: SpokenTime; bare: boolean }
  | { kind: 'dash' }
  | { kind: 'skip' }

const periodPattern = periodWords.map(([word]) => word).join('|')
const timePattern = new RegExp(
  `(${periodPattern})?(\\d{1,2}|${CHINESE_NUMBER})(?::(\\d{2})|([点时])(半|一刻|三刻|整|(?:(\\d{1,2}|${CHINESE_NUMBER})分?))?)?`,
  'y',
)

/** Tried in this order at each position: longer, more specific words before the parts they contain. */
const scanners: [RegExp, (match: RegExpExecArray) => Token | undefined][] = [
  [/(?:24小时|24h|二十四小时|全天候?|24\/7|通宵)(?:营业|开放|开门)?/y, () => ({ kind: 'all-day' })],
  [/午休|休息|闭馆|闭店|不营业|不开门|不开放|不开|关门|歇业|打烊|除外|休/y, (match) => ({ kind: 'rest', before: match[0] === '午休' })],
  [/每天|每日|天天|全周|每周七天|一周七天|七天|7天/y, () => ({ kind: 'days', days: 'Mo-Su' })],
  [/工作日/y, () => ({ kind: 'days', days: 'Mo-Fr' })],
  [/周末|双休日/y, () => ({ kind: 'days', days: 'Sa,Su' })],
  [/法定节假日|节假日|节日|假日/y, () => ({ kind: 'days', days: 'PH' })],
  [/(?:周|星期|礼拜)[一二三四五六日天七1-7](?:[-、,]?(?:周|星期|礼拜)?[一二三四五六日天七](?![点时:半]))*/y, (match) => dayList(match[0])],
  [timePattern, (match) => spokenTime(match)],
  [/-/y, () => ({ kind: 'dash' })],
  [
    /[,;、.。()/和及与]|营业时间|开放时间|服务时间|营业|开放|开门|时间|从|起|开始|为|是|都|全年|无休|照常|正常|左右|整|:/y,
    () => ({ kind: 'skip' }),
  ],
]

/** 周一至五 → Mo-Fr, 周六日 → Sa,Su, 周一、三、五 → Mo,We,Fr. */
function dayList(text: string): Token | undefined {
  const items = text.replace(/周|星期|礼拜/g, '').replace(/[1-7]/, (digit) => '一二三四五六日'[Number(digit) - 1] ?? '')
  const parts: string[] = []
  let from: number | undefined
  let ranged = false
  for (const char of items) {
    if (char === '-') ranged = true
    const day = dayIndex[char]
    const name = day === undefined ? undefined : osmDays[day]
    if (day === undefined || name === undefined) continue
    if (ranged && from !== undefined) parts[parts.length - 1] = `${osmDays[from]}-${name}`
    else parts.push(name)
    from = ranged ? undefined : day
    ranged = false
  }
  return parts.length === 0 ? undefined : { kind: 'days', days: parts.join(',') }
}

function spokenTime(match: RegExpExecArray): Token | undefined {
  const [, periodWord, hourText = '', colonMinutes, unit, after, afterNumber] = match
  const hour = chineseNumber(hourText)
  const minute =
    colonMinutes !== undefined
      ? Number(colonMinutes)
      : after === '半'
        ? 30
        : after === '一刻'
          ? 15
          : after === '三刻'
            ? 45
            : afterNumber !== undefined
              ? chineseNumber(afterNumber)
              : 0
  if (hour === undefined || minute === undefined || hour > 24 || minute > 59) return undefined
  const period: Period | undefined = periodWords.find(([word]) => word === periodWord)?.[1]
  return { kind: 'time', time: { hour, minute, period }, bare: colonMinutes === undefined && unit === undefined }
}

function scan(text: string): Token[] | undefined {
  const tokens: Token[] = []
  let at = 0
  outer: while (at < text.length) {
    for (const [pattern, make] of scanners) {
      pattern.lastIndex = at
      const match = pattern.exec(text)
      if (match === null || match[0] === '') continue
      const token = make(match)
      if (token === undefined) return undefined
      if (token.kind !== 'skip') tokens.push(token)
      at += match[0].length
      continue outer
    }
    return undefined
  }
  return tokens
}

type Range = [number, number]
type Rule = { days: string | undefined; ranges: Range[]; breaks: Range[]; off: boolean; allDay: boolean }
const newRule = (): Rule => ({ days: undefined, ranges: [], breaks: [], off: false, allDay: false })
const hasContent = (rule: Rule) => rule.ranges.length > 0 || rule.off || rule.allDay

/** Minutes since midnight of both ends; the end may be past midnight (18:00–02:00). */
function toRange(start: SpokenTime, end: SpokenTime): Range | undefined {
  let from = hourOfDay(start, start.period) * 60 + start.minute
  if (from >= DAY) from -= DAY
  const endHour = hourOfDay(end, end.period ?? start.period)
  let to = endHour * 60 + end.minute
  // 9点到5点, 9点半到9点: the end is in the afternoon or evening.
  if (end.period === undefined && to <= from && endHour < 12 && to + 12 * 60 > from) to += 12 * 60
  if (to === 0) to = DAY
  return to > DAY || to === from ? undefined : [from, to]
}

/** The tokens as rules: each day selector starts a rule; a range next to 休息 is a break. */
function readRules(tokens: Token[]): Rule[] | undefined {
  const rules: Rule[] = []
  let rule = newRule()
  let breakNext = false
  let lastWasRange = false
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    const wasRange = lastWasRange
    lastWasRange = false
    switch (token.kind) {
      case 'days':
        if (hasContent(rule)) {
          rules.push(rule)
          rule = newRule()
        }
        rule.days = rule.days === undefined ? token.days : `${rule.days},${token.days}`
        break
      case 'all-day':
        rule.allDay = true
        break
      case 'rest':
        // 午休 comes before its range; 休息 after it (中午12点到2点休息) or before (休息12-14点).
        if (token.before && tokens[i + 1]?.kind === 'time') breakNext = true
        else if (wasRange) rule.breaks.push(rule.ranges.pop()!)
        else if (tokens[i + 1]?.kind === 'time') breakNext = true
        else if (rule.ranges.length === 0 && !rule.allDay && rule.days !== undefined) rule.off = true
        else return undefined
        break
      case 'time': {
        const next = tokens[i + 1]
        const after = tokens[i + 2]
        let end: SpokenTime | undefined
        if (next?.kind === 'dash' && after?.kind === 'time') {
          end = after.time
          i += 2
        } else if (next?.kind === 'time' && token.time.period !== undefined && next.time.period !== undefined) {
          // 早9晚9
          end = next.time
          i += 1
        } else return undefined
        const range = toRange(token.time, end)
        if (range === undefined) return undefined
        if (breakNext) rule.breaks.push(range)
        else {
          rule.ranges.push(range)
          lastWasRange = true
        }
        breakNext = false
        break
      }
      case 'dash':
      case 'skip':
        return undefined
    }
  }
  rules.push(rule)
  return rules
}

/** The open ranges with the breaks cut out; undefined when a break is not inside any of them. */
function withoutBreaks(ranges: Range[], breaks: Range[]): Range[] | undefined {
  let result = [...ranges]
  for (const [from, to] of breaks) {
    let used = false
    result = result.flatMap(([start, end]): Range[] => {
      if (to <= start || from >= end) return [[start, end]]
      used = true
      return [...(from > start ? [[start, from] as Range] : []), ...(to < end ? [[to, end] as Range] : [])]
    })
    if (!used) return undefined
  }
  return result.length === 0 ? undefined : result.sort((a, b) => a[0] - b[0])
}

function ruleText(rule: Rule, only: boolean): string | undefined {
  const days = rule.days ?? 'Mo-Su'
  if (rule.off) return `${days} off`
  if (rule.allDay) return days === 'Mo-Su' && only ? '24/7' : `${days} 00:00-24:00`
  const ranges = withoutBreaks(rule.ranges, rule.breaks)
  return ranges === undefined ? undefined : `${days} ${ranges.map(([from, to]) => `${clock(from)}-${clock(to)}`).join(',')}`
}

/** Later OpenStreetMap rules override earlier ones for the same day: every day first, then some days, then days off. */
const ruleOrder = (rule: Rule) => (rule.off ? 2 : rule.days === undefined || rule.days === 'Mo-Su' ? 0 : 1)

function spoken(text: string): string | undefined {
  const normalized = text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[到至—–~〜]/g, '-')
    .toLowerCase()
  const tokens = scan(normalized)
  const rules = tokens === undefined || tokens.length === 0 ? undefined : readRules(tokens)
  if (rules === undefined) return undefined
  const texts = [...rules].sort((a, b) => ruleOrder(a) - ruleOrder(b)).map((rule) => ruleText(rule, rules.length === 1))
  return texts.some((part) => part === undefined) ? undefined : texts.join('; ')
}

/**
 * Opening hours typed the way people say them (每天9点半到晚上9点, 周一到周五 8:30-18:00 中午12点到2点休息,
 * 24小时, 晚上6点到凌晨2点, 工作日…, 周末…), or in OpenStreetMap's own syntax, as opening_hours.
 */
export function parseSpokenHours(text: string): HoursInput {
  const trimmed = text.trim()
  if (trimmed === '' || [...trimmed].length > MAX_LENGTH) return { kind: 'invalid' }
  const hours = spoken(trimmed)
  if (hours !== undefined && openingHoursError(hours) === undefined) return { kind: 'ok', hours }
  // The raw syntax ("Mo-Fr 08:00-18:00; PH off") as a map editor would type it.
  const raw = trimmed.normalize('NFKC')
  if (!/\p{Script=Han}/u.test(raw) && openingHoursError(raw) === undefined) return { kind: 'ok', hours: raw }
  return { kind: 'invalid' }
}
