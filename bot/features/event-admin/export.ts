import { stringify } from 'csv-stringify/sync'
import type { Registrant } from '../../../db/repositories/event-registrants.js'
import type { Event } from '../../../db/schema/index.js'
import { shanghaiDateTime, shanghaiTime } from '../../../domain/time.js'
import type { Translate } from '../../i18n.js'

/** Excel reads a CSV as the system's ANSI code page unless it starts with a UTF-8 byte order mark. */
const BOM = '\uFEFF'

/** Spreadsheet apps run cells starting with these as formulas; a worker's answer must stay text. */
const neutralize = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)

/**
 * The registrants of an event as a CSV file Excel opens with Chinese intact. Answers to sensitive
 * questions are left out unless the organizer asked for them (`includeSensitive`).
 */
export function registrantsCsv(
  t: Translate,
  event: Pick<Event, 'questions' | 'sensitiveQuestions'>,
  registrants: readonly Registrant[],
  options: { includeSensitive: boolean } = { includeSensitive: false },
): Buffer {
  const asked = event.questions.flatMap((question, index) =>
    options.includeSensitive || !event.sensitiveQuestions.includes(index) ? [{ question, index }] : [],
  )
  const header = [
    t('eventadmin-csv-number'),
    t('eventadmin-csv-status'),
    t('eventadmin-csv-name'),
    t('eventadmin-csv-phone'),
    t('eventadmin-csv-occupation'),
    t('eventadmin-csv-platform'),
    ...asked.map(({ question }) => question),
    t('eventadmin-csv-slot'),
    t('eventadmin-csv-registered'),
    t('eventadmin-csv-checked-in'),
    t('eventadmin-csv-code'),
  ]
  const rows = registrants.map(({ registration, slot, firstName }, index) => [
    String(index + 1),
    t(`eventadmin-registration-${registration.status}`),
    registration.name ?? firstName,
    registration.phone ?? '',
    registration.occupation ?? '',
    registration.platform ?? '',
    ...asked.map(({ index }) => registration.answers[index] ?? ''),
    slot === null ? '' : `${shanghaiDateTime(slot.startsAt)}–${shanghaiTime(slot.endsAt)}`,
    shanghaiDateTime(registration.createdAt),
    registration.checkedInAt === null ? '' : shanghaiDateTime(registration.checkedInAt),
    registration.code,
  ])
  const csv = stringify([header.map(neutralize), ...rows.map((row) => row.map(neutralize))])
  return Buffer.from(BOM + csv, 'utf8')
}

/** A file name from the title, without characters that file systems refuse. */
export const exportFileName = (t: Translate, title: string): string =>
  t('eventadmin-export-filename', { title: title.replace(/[\\/:*?"<>|\r\n]+/g, ' ').trim() || 'event' })
