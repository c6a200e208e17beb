import { readFile } from 'node:fs/promises'
import type { Database } from './client.js'
import { countStations, upsertStations } from './repositories/stations.js'
import { parseStationsFile } from './stations-file.js'

const sampleFile = new URL('./seed/sample-stations.json', import.meta.url)

/**
 * Loads the sample stations (Chengdu, Xi'an, Feicheng, Luohe) into an empty database, so a newcomer
 * sees real-looking results at once. A database that has any station is left alone.
 */
export async function seedSampleStations(db: Database): Promise<number> {
  if ((await countStations(db)) > 0) return 0
  const parsed = parseStationsFile(await readFile(sampleFile, 'utf8'), 'json', 'wgs84')
  if (!parsed.ok) throw new Error(`sample-stations.json is invalid: ${JSON.stringify(parsed.issues.slice(0, 3))}`)
  const { inserted } = await upsertStations(db, parsed.stations)
  return inserted
}
