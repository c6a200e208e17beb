import { and, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../client.js'
import { stationAmenityOutages, stationChanges, stations, type StationAmenityOutage } from '../schema/index.js'
import type { Actor } from './station-changes.js'

type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete'>

const current = (now: Date) => or(isNull(stationAmenityOutages.until), gt(stationAmenityOutages.until, now))

/**
 * Marks an amenity of a station as out (热水没了) until `until` (null: until someone says it is
 * back), replacing an earlier outage of it, and records the change in the station's history.
 */
export async function setAmenityOutage(
  db: Database,
  input: { stationId: number; amenity: string; until: Date | null; reason: string },
  actor: Actor,
): Promise<void> {
  await db.transaction(async (tx) => setAmenityOutageIn(tx, input, actor, new Date()))
}

/** `setAmenityOutage` inside the caller's transaction (riders' reports confirmed together with the outage), started at `now`. */
export async function setAmenityOutageIn(
  tx: Executor,
  input: { stationId: number; amenity: string; until: Date | null; reason: string },
  actor: Actor,
  now: Date,
): Promise<void> {
  const values = { ...input, setBy: actor.actorId, createdAt: now }
  await tx
    .insert(stationAmenityOutages)
    .values(values)
    .onConflictDoUpdate({ target: [stationAmenityOutages.stationId, stationAmenityOutages.amenity], set: values })
  await tx.insert(stationChanges).values({
    stationId: input.stationId,
    actorId: actor.actorId,
    source: actor.source,
    fields: { [`outage:${input.amenity}`]: { from: null, to: input.until?.toISOString() ?? 'open-ended' } },
    note: actor.note ?? input.reason,
  })
}

/** The amenity is back; false when it was not out. */
export async function clearAmenityOutage(db: Database, stationId: number, amenity: string, actor: Actor): Promise<boolean> {
  return db.transaction(async (tx) => clearAmenityOutageIn(tx, stationId, amenity, actor))
}

/** `clearAmenityOutage` inside the caller's transaction (the reporters told in the same one). */
export async function clearAmenityOutageIn(tx: Executor, stationId: number, amenity: string, actor: Actor): Promise<boolean> {
  const removed = await tx
    .delete(stationAmenityOutages)
    .where(and(eq(stationAmenityOutages.stationId, stationId), eq(stationAmenityOutages.amenity, amenity)))
    .returning()
  if (removed.length === 0) return false
  await tx.insert(stationChanges).values({
    stationId,
    actorId: actor.actorId,
    source: actor.source,
    fields: { [`outage:${amenity}`]: { from: removed[0]!.until?.toISOString() ?? 'open-ended', to: null } },
    note: actor.note ?? '',
  })
  return true
}

/** The outages in force at `now` of the given stations. */
export async function currentOutages(db: Database, stationIds: readonly number[], now: Date): Promise<StationAmenityOutage[]> {
  if (stationIds.length === 0) return []
  return db
    .select()
    .from(stationAmenityOutages)
    .where(and(inArray(stationAmenityOutages.stationId, [...stationIds]), current(now)))
}

/**
 * The condition that none of the wanted amenities (a text[] placeholder) of the station row is out
 * at `now`: a station whose hot water is out does not match the 热水 filter. A scalar probe of the
 * outages' primary key per station, so the KNN walks it sits in stay ordered index scans.
 */
export const wantedAmenitiesNotOut = (wanted: SQL, now: SQL): SQL =>
  sql`(SELECT 1 FROM ${stationAmenityOutages} WHERE ${stationAmenityOutages.stationId} = ${stations.id} AND ${stationAmenityOutages.amenity} = ANY(${wanted}) AND (${stationAmenityOutages.until} IS NULL OR ${stationAmenityOutages.until} > ${now}) LIMIT 1) IS NULL`
