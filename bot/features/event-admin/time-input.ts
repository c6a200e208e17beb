import { readDateTime, readTimeOnDay } from '../../../domain/date-input.js'

/** A typed date and time in Asia/Shanghai (strict formats or Chinese words), when fully understood. */
export function parseDateTime(text: string, now: Date): Date | undefined {
  const reading = readDateTime(text, now)
  return reading.kind === 'ok' ? reading.at : undefined
}

/** A time of day ("11:30", "16点") on the Shanghai date of `day`, or a full date and time. */
export function parseTimeOnDay(text: string, day: Date, now: Date): Date | undefined {
  const reading = readTimeOnDay(text, day, now)
  return reading.kind === 'ok' ? reading.at : undefined
}

/** "every N minutes, M people each": two whole numbers, e.g. "30 20" or "30分钟 20人". */
export function parseSlotRule(text: string): { minutes: number; perSlot: number } | undefined {
  const numbers = text.match(/\d+/g)
  if (numbers === null || numbers.length !== 2) return undefined
  const minutes = Number(numbers[0])
  const perSlot = Number(numbers[1])
  if (minutes < 5 || minutes > 720 || perSlot < 1 || perSlot > 10_000) return undefined
  return { minutes, perSlot }
}

const MAX_SLOTS = 48

/** Back-to-back slots from start while a whole slot fits before the end; undefined when none or too many. */
export function generateSlots(
  startsAt: Date,
  endsAt: Date,
  rule: { minutes: number; perSlot: number },
): { startsAt: Date; endsAt: Date; capacity: number }[] | undefined {
  const step = rule.minutes * 60_000
  const slots = []
  for (let start = startsAt.getTime(); start + step <= endsAt.getTime(); start += step) {
    slots.push({ startsAt: new Date(start), endsAt: new Date(start + step), capacity: rule.perSlot })
    if (slots.length > MAX_SLOTS) return undefined
  }
  return slots.length === 0 ? undefined : slots
}
