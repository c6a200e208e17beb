import { eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '../client.js'
import { stationChanges, stationRecordColumns as stationColumns, stations, type FieldChange, type NewStation } from '../schema/index.js'
import { diffStation, type StationPatch } from './station-changes.js'

export type ImportResult = { inserted: number; updated: number; unchanged: number }

const CHUNK = 500

/** The fields of an import row that the history records (the external id is the key, not a field). */
function patchOf(row: NewStation): StationPatch {
  const { name, kind, address, city, district, lat, lng, amenities, openingHours, phone, active, lastVerified } = row
  return { name, kind, address, city, district, lat, lng, amenities, openingHours, phone, active, lastVerified }
}

/**
 * Inserts or updates (by external id) every station of an import file in one transaction (all land
 * or none do). Each created or changed station gets a history row (source `import`, the file's
 * name as the note, fields old → new) like a change made in the bot; a row equal to what is
 * stored writes nothing.
 */
export async function importStations(db: Database, rows: readonly NewStation[], fileName: string): Promise<ImportResult> {
  return db.transaction(async (tx) => {
    const result: ImportResult = { inserted: 0, updated: 0, unchanged: 0 }
    const actor = { actorId: null, source: 'import' as const, note: fileName }
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK)
      const existing = await tx
        .select(stationColumns)
        .from(stations)
        .where(
          inArray(
            stations.externalId,
            chunk.map((row) => row.externalId),
          ),
        )
        .for('update')
      const stored = new Map(existing.map((station) => [station.externalId, station]))
      const fresh = chunk.filter((row) => !stored.has(row.externalId))
      if (fresh.length > 0) {
        const created = await tx.insert(stations).values(fresh).returning({ id: stations.id, externalId: stations.externalId })
        const byExternalId = new Map(fresh.map((row) => [row.externalId, row]))
        await tx.insert(stationChanges).values(
          created.map((station) => {
            const patch = patchOf(byExternalId.get(station.externalId)!)
            const fields: Record<string, FieldChange> = Object.fromEntries(
              Object.entries(patch)
                .filter(([, value]) => value !== undefined)
                .map(([key, value]) => [key, { from: null, to: value ?? null }]),
            )
            return { stationId: station.id, ...actor, fields }
          }),
        )
        result.inserted += created.length
      }
      for (const row of chunk) {
        const station = stored.get(row.externalId)
        if (station === undefined) continue
        const patch = patchOf(row)
        const fields = diffStation(station, patch)
        if (Object.keys(fields).length === 0) {
          result.unchanged++
          continue
        }
        const changed = Object.fromEntries(Object.keys(fields).map((key) => [key, patch[key as keyof StationPatch]]))
        await tx
          .update(stations)
          .set({ ...changed, updatedAt: sql`now()` })
          .where(eq(stations.id, station.id))
        await tx.insert(stationChanges).values({ stationId: station.id, ...actor, fields })
        result.updated++
      }
    }
    return result
  })
}
