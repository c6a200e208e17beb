import { readFile } from 'node:fs/promises'
import { checkInAtStation, fileStationReport, type ProblemKind } from '../../core/station-reports.js'
import { updateStation } from '../../db/repositories/station-changes.js'
import { listStations } from '../../db/repositories/stations.js'
import { touchUser } from '../../db/repositories/users.js'
import { shanghaiDay, shanghaiDayStart } from '../../domain/open-intervals.js'
import type { BotDeps } from '../context.js'
import { translate } from '../i18n.js'
import { ticketNotices } from '../ui/feedback-notices.js'
import { LOCAL_ORGANIZER_ID } from './index.js'

const sampleFile = new URL('../../db/seed/sample-field.json', import.meta.url)
const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

type SampleField = {
  closures: { external_id: string; days: number; reason: string }[]
  reports: { external_id: string; rider: number; kind: ProblemKind; minutes_ago: number }[]
  check_ins: { external_id: string; rider: number; minutes_ago: number }[]
}

/**
 * What the street adds to the sample stations in local mode, so that a newcomer sees it at once: a
 * station temporarily closed for repairs, riders' recent reports (没有热水, and two 现在没开门 that
 * make a station 可能没开门) with their tickets in the organizer's inbox, and a 👍 check-in. Times
 * are relative to the bot's clock; run only right after the sample stations were loaded.
 */
export async function seedSampleFieldData(deps: BotDeps): Promise<void> {
  const sample = JSON.parse(await readFile(sampleFile, 'utf8')) as SampleField
  const now = deps.now()
  const stationIds = new Map((await listStations(deps.db)).map((station) => [station.externalId, station.id]))
  const idOf = (externalId: string) => {
    const id = stationIds.get(externalId)
    if (id === undefined) throw new Error(`sample-field.json names ${externalId}, which is not a sample station`)
    return id
  }
  const riders = new Set([...sample.reports, ...sample.check_ins].map((entry) => entry.rider))
  for (const id of riders) await touchUser(deps.db, { id, languageCode: 'zh-hans', isAdmin: false })
  // 王老师 (an admin in local mode) exists before the reports, so their tickets are his from the
  // start: their notices go out as the app starts, not later in the middle of whatever he is doing.
  await touchUser(deps.db, {
    id: LOCAL_ORGANIZER_ID,
    languageCode: 'zh-hans',
    isAdmin: true,
    firstName: translate('zh', 'webchat-user-organizer'),
  })

  for (const closure of sample.closures) {
    const until = shanghaiDayStart(shanghaiDay(new Date(now.getTime() + closure.days * DAY)))
    const [, month, day] = shanghaiDay(until).split('-').map(Number)
    const date = `${month}月${day}日`
    const closedReason = closure.reason.replace('{date}', date)
    await updateStation(
      deps.db,
      idOf(closure.external_id),
      { closedUntil: until, closedReason },
      { actorId: LOCAL_ORGANIZER_ID, source: 'organizer' },
      now,
    )
  }
  const at = (minutesAgo: number) => ({ ...deps, now: () => new Date(now.getTime() - minutesAgo * MINUTE) })
  for (const report of [...sample.reports].sort((a, b) => b.minutes_ago - a.minutes_ago)) {
    const label = translate('zh', `station-report-kind-${report.kind}`)
    const text = translate('zh', 'station-report-ticket-head', { what: label })
    const filed = await fileStationReport(
      at(report.minutes_ago),
      ticketNotices,
      { id: report.rider },
      {
        stationId: idOf(report.external_id),
        kind: report.kind,
        text: '',
        file: null,
        message: { kind: 'text', text, fileId: null },
      },
    )
    if (filed.kind !== 'filed') throw new Error(`the sample report on ${report.external_id} was not filed: ${filed.kind}`)
  }
  for (const checkIn of sample.check_ins) await checkInAtStation(at(checkIn.minutes_ago), { id: checkIn.rider }, idOf(checkIn.external_id))
}
