import { stringify } from 'csv-stringify/sync'
import type { Registrant } from '../../../db/repositories/event-registrants.js'
import type { Event } from '../../../db/schema/index.js'
import { shanghaiDateTime, shanghaiTime } from '../../lib/time.js'
import {  } from './format.js'
import type { Translate } from '../../i18n.js'

/** Excel reads a CSV as the system's ANSI code page unless it starts with a UTF-8 byte order mark. */
const BOM = '\uFEFF'

/** Spreadsheet apps run cells starting with these as formulas; a worker's answer must stay text. */
const neutralize = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)

/** The registrants of an event as a CSV file Excel opens with Chinese intact. */
export function registrantsCsv(t: Translate, event: Pick<Event, 'questions'>, registrants: readonly Registrant[]): Buffer {
  const header = [
    t('eventadmin-csv-number'),
    t('eventadmin-csv-status'),
    t('eventadmin-csv-name'),
    t('eventadmin-csv-phone'),
    t('eventadmin-csv-occupation'),
    t('eventadmin-csv-platform'),
    ...event.questions,
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
    ...event.questions.map((_, question) => registration.answers[question] ?? ''),
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
