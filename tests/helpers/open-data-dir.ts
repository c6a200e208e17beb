// Run by tests/db/client.test.ts in a second process: opens a PGlite data directory and reports.
// `open DIR` opens, closes and prints {"opened":true}; `hold DIR` opens, prints {"holding":true} and
// keeps the database open until the process is killed. A failure prints the error and exits 1.
import { openDatabase } from '../../db/client.js'

const [mode, dataDir] = process.argv.slice(2)
const report = (value: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(value)}\n`)
const started = performance.now()
try {
  const handle = await openDatabase({ dataDir })
  if (mode === 'hold') {
    report({ holding: true })
    setInterval(() => {}, 60_000)
  } else {
    await handle.close()
    report({ opened: true })
  }
} catch (error) {
  report({ name: (error as Error).name, message: (error as Error).message, ms: Math.round(performance.now() - started) })
  process.exit(1)
}
