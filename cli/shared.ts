import { parseArgs } from 'node:util'
import { parseConfig } from '../bot/config.js'
import { createI18n } from '../bot/i18n.js'
import { openDatabase } from '../db/client.js'
import type { FileFormat } from '../db/stations-file.js'
import { coordinateSystems, type CoordinateSystem } from '../domain/geo.js'

const i18n = createI18n()
/** Command-line messages come from the same locale files as the bot's (Chinese). */
export const t = (key: string, args?: Record<string, string | number>) => i18n.t('zh', key, args)

export function parseCli(argv: string[]): { file: string | undefined; crs: CoordinateSystem; format: FileFormat | undefined } | undefined {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { crs: { type: 'string', default: 'wgs84' } },
    })
    const crs = values.crs.toLowerCase()
    if (!(coordinateSystems as readonly string[]).includes(crs) || positionals.length > 1) return undefined
    const file = positionals[0]
    const format =
      file === undefined
        ? undefined
        : file.toLowerCase().endsWith('.json')
          ? 'json'
          : file.toLowerCase().endsWith('.csv')
            ? 'csv'
            : undefined
    if (file !== undefined && format === undefined) return undefined
    return { file, crs: crs as CoordinateSystem, format }
  } catch {
    return undefined
  }
}

/** Opens the database the bot would use (DATABASE_URL, or PGlite under DATA_DIR). */
export async function openConfiguredDatabase() {
  const config = parseConfig(process.env)
  return openDatabase(config.databaseUrl !== undefined ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir })
}
