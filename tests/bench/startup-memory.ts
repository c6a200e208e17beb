// Resident memory of a started bot on embedded PGlite with the sample stations, after it has
// answered one location. Run in its own process (by tests/bench/nearest.ts) so that nothing the
// benchmark loaded is counted. The last line printed is JSON: {"rss_mb": …}.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { openDatabase } from '../../db/client.js'
import { seedSampleStations } from '../../db/seed.js'
import { createTestBot } from '../helpers/bot.js'
import { locationUpdate } from '../helpers/updates.js'

// With a data dir argument the database is kept there (to measure a restart on it next time);
// without, a fresh one is made and removed: a first start, including initdb and the sample seed.
const keep = process.argv[2]
const dataDir = keep ?? (await mkdtemp(path.join(tmpdir(), 'nuanxin-bench-memory-')))
try {
  const database = await openDatabase({ dataDir })
  try {
    await seedSampleStations(database.db)
    // The fake Telegram answers at the fetch level, so no request leaves the process.
    const { bot, telegram } = createTestBot(database.db)
    await bot.init()
    // A rider near 春熙路, Chengdu, where the sample data has stations.
    await bot.handleUpdate(locationUpdate({ id: 7001, first_name: '小王' }, 30.6573, 104.0798))
    if (telegram.callsOf('sendMessage').length === 0) {
      throw new Error(`the bot did not answer the location (calls: ${telegram.calls.map((c) => c.method).join(', ')})`)
    }
    const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10
    const { rss, heapUsed } = process.memoryUsage()
    // Much of the first figure is PGlite's initdb memory, garbage that V8 frees only at its next
    // full collection; with --expose-gc the floor after one is reported too.
    const collect = (globalThis as { gc?: () => void }).gc
    collect?.()
    const afterGc = collect === undefined ? undefined : process.memoryUsage().rss
    console.log(
      JSON.stringify({
        rss_mb: mb(rss),
        heap_used_mb: mb(heapUsed),
        ...(afterGc === undefined ? {} : { rss_after_gc_mb: mb(afterGc) }),
      }),
    )
  } finally {
    await database.close()
  }
} finally {
  if (keep === undefined) await rm(dataDir, { recursive: true, force: true })
}
