import { parseConfig } from '../../bot/config.js'
import { ticketNotices } from '../../bot/ui/feedback-notices.js'
import { createTicket } from '../../core/tickets.js'
import type { Database } from '../../db/client.js'
import { stationReports, type StationReport, type StationReportKind } from '../../db/schema/index.js'

const config = parseConfig({ FEEDBACK_MAX_PER_HOUR: '100' })

/**
 * A rider's 📣 report as riders file them: a `station_report` ticket about the station (routed
 * like 我有话说) and the report row pointing at it.
 */
export async function fileReport(
  db: Database,
  report: { stationId: number; userId: number; kind: StationReportKind; now: Date; text?: string },
): Promise<StationReport & { ticketId: number }> {
  const result = await createTicket(
    { db, config, now: () => report.now },
    ticketNotices,
    { id: report.userId },
    {
      subject: { kind: 'station', stationId: report.stationId },
      category: 'station_report',
      anonymous: false,
      content: { kind: 'text', text: report.text ?? report.kind, fileId: null },
    },
  )
  if (result.kind !== 'created') throw new Error(`report ticket not created: ${result.kind}`)
  const [row] = await db
    .insert(stationReports)
    .values({
      stationId: report.stationId,
      userId: report.userId,
      kind: report.kind,
      text: report.text ?? '',
      ticketId: result.ticket.id,
      createdAt: report.now,
    })
    .returning()
  return { ...row!, ticketId: result.ticket.id }
}
