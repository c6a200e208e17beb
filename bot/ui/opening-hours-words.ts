import type { Translate } from '../i18n.js'

/** OpenStreetMap's day abbreviations and the weekday keys of main.ftl (weekday-0 is Sunday). */
const dayKeys: Record<string, string> = {
  Mo: 'weekday-1',
  Tu: 'weekday-2',
  We: 'weekday-3',
  Th: 'weekday-4',
  Fr: 'weekday-5',
  Sa: 'weekday-6',
  Su: 'weekday-0',
  PH: 'hours-words-holidays',
}

const DAYS = /^(?:Mo|Tu|We|Th|Fr|Sa|Su|PH)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?(?:,(?:Mo|Tu|We|Th|Fr|Sa|Su|PH)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?)*$/
const TIMES = /^\d\d:\d\d-\d\d:\d\d(?:,\d\d:\d\d-\d\d:\d\d)*$/

function dayWords(t: Translate, days: string): string {
  if (days === 'Mo-Su') return t('hours-words-every-day')
  return days
    .split(',')
    .map((part) => {
      const [from = '', to] = part.split('-')
      const name = t(dayKeys[from] ?? 'hours-words-holidays')
      return to === undefined ? name : t('hours-words-day-range', { from: name, to: t(dayKeys[to] ?? 'weekday-0') })
    })
    .join(t('hours-words-list-separator'))
}

function timeWords(t: Translate, times: string): string {
  if (times === '00:00-24:00') return t('hours-words-all-day')
  return times
    .split(',')
    .map((range) => {
      const [from = '', to = ''] = range.split('-')
      return to <= from ? t('hours-words-overnight', { from, to }) : t('hours-words-range', { from, to })
    })
    .join(t('hours-words-list-separator'))
}

function ruleWords(t: Translate, rule: string): string | undefined {
  if (rule === '24/7') return t('hours-words-always')
  const [first = '', second, extra] = rule.split(/\s+/)
  if (extra !== undefined) return undefined
  const days = second === undefined ? 'Mo-Su' : first
  const rest = second ?? first
  if (!DAYS.test(days)) return undefined
  if (rest === 'off' || rest === 'closed') return t('hours-words-closed', { days: dayWords(t, days) })
  if (!TIMES.test(rest)) return undefined
  return t('hours-words-rule', { days: dayWords(t, days), times: timeWords(t, rest) })
}

/**
 * Opening hours read back in words for a confirmation ("每天 09:30–21:00", "周一至周五 08:30–12:00、
 * 14:00–18:00", "24 小时营业"). Syntax beyond day ranges and times (week numbers, months) is shown as it is.
 */
export function describeOpeningHours(t: Translate, hours: string): string {
  const trimmed = hours.trim()
  if (trimmed === '') return t('hours-words-unknown')
  const rules = trimmed.split(/\s*;\s*/).map((rule) => ruleWords(t, rule))
  if (rules.some((words) => words === undefined)) return trimmed
  return rules.join(t('hours-words-rule-separator'))
}
