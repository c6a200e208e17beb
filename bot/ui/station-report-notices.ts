import type { ReportNotices } from '../../core/station-report-resolution.js'
import { enqueueMessages } from '../../db/repositories/outbox.js'
import { findUser } from '../../db/repositories/users.js'
import { translate, userLocale } from '../i18n.js'

/**
 * What a rider hears about their 📣 report, in their language: confirmed, dismissed (with the
 * organizer's reason), or the station fine again. Once per report and outcome.
 */
export const reportNotices: ReportNotices = {
  reporter: async (tx, { report, stationName, outcome, reason }) => {
    const user = await findUser(tx, report.userId)
    const locale = user === undefined ? 'zh' : userLocale(user)
    const vars = {
      name: stationName,
      kind: report.kind,
      what: translate(locale, `rh-kind-${report.kind}`),
      reason: reason === '' ? 'none' : reason,
    }
    await enqueueMessages(tx, [
      {
        userId: report.userId,
        kind: 'station-report-outcome',
        payload: { method: 'sendMessage', text: translate(locale, `rh-notice-${outcome}`, vars) },
        dedupeKey: `report-${outcome}:${report.id}`,
      },
    ])
  },
}
