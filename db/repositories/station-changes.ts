import { randomUUID } from 'node:crypto'
import { and, desc, eq, sql } from 'drizzle-orm'
import type { Database } from '../client.js'
import {
  stationChanges,
  stationRecordColumns as stationColumns,
  stationEarth,
  stations,
  type FieldChange,
  type StationChange,
  type StationChangeSource,
} from '../schema/index.js'
import { refreshOpenIntervals } from './station-open.js'
import type { StationRecord } from './stations.js'

/** The station fields people change in the bot; the rest (ids, search text, timestamps) follow. */
export type StationPatch = Partial<
  Pick<
    StationRecord,
    | 'name'
    | 'kind'
    | 'address'
    | 'city'
    | 'district'
    | 'lat'
    | 'lng'
    | 'amenities'
    | 'openingHours'
    | 'phone'
    | 'active'
    | 'lastVerified'
    | 'closedUntil'
    | 'closedReason'
    | 'photoFileId'
  >
>
export type NewStationFields = Required<Pick<StationPatch, 'name' | 'kind' | 'lat' | 'lng'>> & StationPatch

/** Who made a change: `actorId` null for the import and the bot's own changes. */
export type Actor = { actorId: number | null; source: StationChangeSource; note?: string }

/** A value as jsonb keeps it, so that old and new compare the way the history shows them. */
const comparable = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : value)
const same = (a: unknown, b: unknown) => JSON.stringify(comparable(a)) === JSON.stringify(comparable(b))

/** The fields of `patch` that differ from `station`, as the history records them. */
export function diffStation(station: StationRecord, patch: StationPatch): Record<string, FieldChange> {
  const fields: Record<string, FieldChange> = {}
  for (const [key, to] of Object.entries(patch)) {
    if (to === undefined) continue
    const from = station[key as keyof StationPatch]
    if (!same(from, to)) fields[key] = { from: comparable(from) ?? null, to: comparable(to) ?? null }
  }
  return fields
}

type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete'>

/** Fields that change when a station is open (its stored open intervals are recomputed with the change). */
const OPEN_FIELDS: readonly string[] = ['openingHours', 'active', 'closedUntil', 'lat', 'lng']

export type UpdateResult =
  { kind: 'updated'; station: StationRecord; fields: Record<string, FieldChange> } | { kind: 'unchanged' | 'not-found' }

/**
 * Changes a station and records who changed which fields (old → new) in the same transaction; a
 * patch that changes nothing writes nothing. The row is locked first, so two organizers' edits
 * record a history that adds up. A change of hours, closure or activity recomputes the station's
 * stored open intervals from `now` in the same transaction, so open-now sees it at once.
 */
export async function updateStation(
  db: Database,
  stationId: number,
  patch: StationPatch,
  actor: Actor,
  now: Date = new Date(),
): Promise<UpdateResult> {
  return db.transaction(async (tx) => updateStationIn(tx, stationId, patch, actor, now))
}

/** `updateStation` inside the caller's transaction (a report confirmed together with the station's new state). */
export async function updateStationIn(
  tx: Executor,
  stationId: number,
  patch: StationPatch,
  actor: Actor,
  now: Date = new Date(),
): Promise<UpdateResult> {
  const [station] = await tx.select(stationColumns).from(stations).where(eq(stations.id, stationId)).for('update')
  if (station === undefined) return { kind: 'not-found' }
  const fields = diffStation(station, patch)
  if (Object.keys(fields).length === 0) return { kind: 'unchanged' }
  const changed = Object.fromEntries(Object.keys(fields).map((key) => [key, patch[key as keyof StationPatch]]))
  const [updated] = await tx
    .update(stations)
    .set({ ...changed, updatedAt: sql`now()` })
    .where(eq(stations.id, stationId))
    .returning(stationColumns)
  await tx.insert(stationChanges).values({ stationId, actorId: actor.actorId, source: actor.source, fields, note: actor.note ?? '' })
  if (Object.keys(fields).some((key) => OPEN_FIELDS.includes(key))) await refreshOpenIntervals(tx, [stationId], now)
  return { kind: 'updated', station: updated!, fields }
}

/** Adds a station made in the bot (its external id says so) and records its creation as the first change. */
export async function createStation(db: Database, values: NewStationFields, actor: Actor, now: Date = new Date()): Promise<StationRecord> {
  return db.transaction(async (tx) => {
    const [station] = await tx
      .insert(stations)
      .values({ externalId: `bot-${randomUUID()}`, ...values })
      .returning(stationColumns)
    const fields = Object.fromEntries(
      Object.entries(values)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => [key, { from: null, to: comparable(value) }]),
    )
    await tx
      .insert(stationChanges)
      .values({ stationId: station!.id, actorId: actor.actorId, source: actor.source, fields, note: actor.note ?? '' })
    await refreshOpenIntervals(tx, [station!.id], now)
    return station!
  })
}

/** A station's history, newest first. */
export async function listStationChanges(db: Database, stationId: number, limit: number, offset = 0): Promise<StationChange[]> {
  return db
    .select()
    .from(stationChanges)
    .where(eq(stationChanges.stationId, stationId))
    .orderBy(desc(stationChanges.createdAt), desc(stationChanges.id))
    .limit(limit)
    .offset(offset)
}

/** How near and how alike a station must be to be shown as a possible duplicate before a new one is made. */
const DUPLICATE_WITHIN_METRES = 100
const SIMILAR_NAME = 0.3

/**
 * Active stations within 100 m of `point` whose name is similar to `name` (trigram similarity, or
 * one name containing the other), nearest first: shown before a duplicate is created.
 */
export async function findPossibleDuplicates(
  db: Database,
  point: { lat: number; lng: number },
  name: string,
): Promise<(StationRecord & { distance: number })[]> {
  const origin = stationEarth(point.lat, point.lng)
  const earth = stationEarth(sql`${stations.lat}`, sql`${stations.lng}`)
  const distance = sql<number>`public.earth_distance(${earth}, ${origin})`.mapWith(Number)
  const trimmed = name.trim()
  return db
    .select({ ...stationColumns, distance })
    .from(stations)
    .where(
      and(
        eq(stations.active, true),
        sql`public.earth_box(${origin}, ${DUPLICATE_WITHIN_METRES}) OPERATOR(public.@>) ${earth}`,
        sql`public.earth_distance(${earth}, ${origin}) <= ${DUPLICATE_WITHIN_METRES}`,
        sql`(public.similarity(${stations.name}, ${trimmed}) >= ${SIMILAR_NAME} OR position(${stations.name} in ${trimmed}) > 0 OR position(${trimmed} in ${stations.name}) > 0)`,
      ),
    )
    .orderBy(distance)
    .limit(5)
}
