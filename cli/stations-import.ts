import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { importStations } from '../db/repositories/station-import.js'
import { parseStationsFile } from '../db/stations-file.js'
import { openConfiguredDatabase, parseCli, t } from './shared.js'

async function main(): Promise<number> {
  const args = parseCli(process.argv.slice(2))
  if (args?.file === undefined || args.format === undefined) {
    console.error(t('import-usage'))
    return 2
  }
  let content: string
  try {
    content = await readFile(args.file, 'utf8')
  } catch (error) {
    console.error(t('import-file-error', { file: args.file, problem: (error as Error).message }))
    return 1
  }
  const parsed = parseStationsFile(content, args.format, args.crs)
  if (!parsed.ok) {
    console.error(t('import-failed', { count: new Set(parsed.issues.map((issue) => issue.line)).size }))
    for (const issue of parsed.issues) {
      console.error(t('import-row-error', { line: issue.line, field: issue.field, problem: t(issue.problem, issue.args) }))
    }
    return 1
  }
  const database = await openConfiguredDatabase()
  try {
    // The history names the file each change came from.
    const result = await importStations(database.db, parsed.stations, path.basename(args.file))
    console.log(t('import-done', result))
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
