import { writeFile } from 'node:fs/promises'
import { listStations } from '../db/repositories/stations.js'
import { serializeStations } from '../db/stations-file.js'
import { openConfiguredDatabase, parseCli, t } from './shared.js'

async function main(): Promise<number> {
  const args = parseCli(process.argv.slice(2))
  if (args === undefined) {
    console.error(t('export-usage'))
    return 2
  }
  const database = await openConfiguredDatabase()
  try {
    const stations = await listStations(database.db)
    const output = serializeStations(stations, args.format ?? 'csv', args.crs)
    if (args.file === undefined) {
      process.stdout.write(output)
    } else {
      await writeFile(args.file, output)
      console.error(t('export-done', { count: stations.length, file: args.file }))
    }
    return 0
  } finally {
    await database.close()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error((error as Error).message)
    process.exit(1)
  },
)
