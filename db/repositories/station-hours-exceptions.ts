import { and, asc, eq, gte, lte } from 'drizzle-orm'
import type { Database } from '../client.js'
import { stationChanges, stationHoursExceptions, stations, type StationHoursException } from '../schema/index.js'
import type { Actor } from './station-changes.js'
import { refreshOpenIntervals } from './station-open.js'

/** The history field of a holiday range: `holiday:2027-02-10..2027-02-17`. */
const holidayField = (range: { startsOn: string; endsOn: string }) => `holiday:${range.startsOn}..${range.endsOn}`

export type AddExceptionResult =
  { kind: 'added'; exception: StationHoursException } | { kind: 'overlaps'; existing: StationHoursException } | { kind: 'not-found' }

/**
 * Adds different hours for a date range (inclusive Shanghai days; `openingHours` '' = closed all
 * day) unless it overlaps another range of the station, and records it in the station's history.
 * The station row is locked first so that two organizers cannot add overlapping ranges at once;
 * its open intervals are recomputed in the same transaction, so open-now follows at once.
 */
export async function addHoursException(
  db: Database,
  input: { stationId: number; startsOn: string; endsOn: string; openingHours: string; note?: string },
  actor: Actor,
  now: Date = new Date(),
): Promise<AddExceptionResult> {
  if (input.endsOn < input.startsOn) throw new RangeError(`hours exception ends ${input.endsOn} before it starts ${input.startsOn}`)
  return db.transaction(async (tx) => {
    const [station] = await tx.select({ id: stations.id }).from(stations).where(eq(stations.id, input.stationId)).for('update')
    if (station === undefined) return { kind: 'not-found' }
    const [existing] = await tx
      .select()
      .from(stationHoursExceptions)
      .where(
        and(
          eq(stationHoursExceptions.stationId, input.stationId),
          lte(stationHoursExceptions.startsOn, input.endsOn),
          gte(stationHoursExceptions.endsOn, input.startsOn),
        ),
      )
      .orderBy(asc(stationHoursExceptions.startsOn))
      .limit(1)
    if (existing !== undefined) return { kind: 'overlaps', existing }
    const [exception] = await tx
      .insert(stationHoursExceptions)
      .values({ ...input, note: input.note ?? '', createdBy: actor.actorId })
      .returning()
    await tx.insert(stationChanges).values({
      stationId: input.stationId,
      actorId: actor.actorId,
      source: actor.source,
      fields: { [holidayField(input)]: { from: null, to: input.openingHours } },
      note: actor.note ?? input.note ?? '',
    })
    await refreshOpenIntervals(tx, [input.stationId], now)
    return { kind: 'added', exception: exception! }
  })
}

/** A station's hours exceptions that have not ended before `today` (a Shanghai date), soonest first. */
export async function listUpcomingHoursExceptions(db: Database, stationId: number, today: string): Promise<StationHoursException[]> {
  return db
    .select()
    .from(stationHoursExceptions)
    .where(and(eq(stationHoursExceptions.stationId, stationId), gte(stationHoursExceptions.endsOn, today)))
    .orderBy(asc(stationHoursExceptions.startsOn), asc(stationHoursExceptions.id))
}

/**
 * Removes one exception of the station, records it and recomputes the station's open intervals;
 * false when it was already gone (a double tap) or belongs to another station.
 */
export async function deleteHoursException(
  db: Database,
  stationId: number,
  exceptionId: number,
  actor: Actor,
  now: Date = new Date(),
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(stationHoursExceptions)
      .where(and(eq(stationHoursExceptions.id, exceptionId), eq(stationHoursExceptions.stationId, stationId)))
      .returning()
    if (removed === undefined) return false
    await tx.insert(stationChanges).values({
      stationId,
      actorId: actor.actorId,
      source: actor.source,
      fields: { [holidayField(removed)]: { from: removed.openingHours, to: null } },
      note: actor.note ?? '',
    })
    await refreshOpenIntervals(tx, [stationId], now)
    return true
  })
}
