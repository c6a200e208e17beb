import { and, asc, eq, gte, inArray } from 'drizzle-orm'
import type { Database } from '../client.js'
import { stationReports, stations, type StationReport, type StationReportKind, type StationReportStatus } from '../schema/index.js'

export type TicketReport = StationReport & { stationName: string; stationCity: string; amenities: string[] }

/** The report a ticket was filed for (the first, should several share one ticket), with its station. */
export async function findTicketReport(db: Database, ticketId: number): Promise<TicketReport | undefined> {
  const [row] = await db
    .select({ report: stationReports, stationName: stations.name, stationCity: stations.city, amenities: stations.amenities })
    .from(stationReports)
    .innerJoin(stations, eq(stations.id, stationReports.stationId))
    .where(eq(stationReports.ticketId, ticketId))
    .orderBy(asc(stationReports.id))
    .limit(1)
  return row === undefined
    ? undefined
    : { ...row.report, stationName: row.stationName, stationCity: row.stationCity, amenities: row.amenities }
}

/**
 * The open reports of one kind at a station, locked in id order: every path that resolves reports
 * locks them before their tickets, so two organizers confirming at once wait rather than deadlock.
 */
export async function lockOpenReports(db: Database, stationId: number, kind: StationReportKind): Promise<StationReport[]> {
  return db
    .select()
    .from(stationReports)
    .where(and(eq(stationReports.stationId, stationId), eq(stationReports.kind, kind), eq(stationReports.status, 'open')))
    .orderBy(asc(stationReports.id))
    .for('update')
}

export async function resolveReports(
  db: Database,
  ids: readonly number[],
  resolution: { status: Exclude<StationReportStatus, 'open'>; resolvedAt: Date; resolvedBy: number },
): Promise<void> {
  if (ids.length === 0) return
  await db
    .update(stationReports)
    .set(resolution)
    .where(inArray(stationReports.id, [...ids]))
}

/** Reports of one kind at a station confirmed since `since`: whose reporters hear that the station is fine again. */
export async function listConfirmedSince(db: Database, stationId: number, kind: StationReportKind, since: Date): Promise<StationReport[]> {
  return db
    .select()
    .from(stationReports)
    .where(
      and(
        eq(stationReports.stationId, stationId),
        eq(stationReports.kind, kind),
        eq(stationReports.status, 'confirmed'),
        gte(stationReports.resolvedAt, since),
      ),
    )
    .orderBy(asc(stationReports.id))
}
