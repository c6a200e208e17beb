// npm run bench -- <name> [args…]: runs one benchmark in its own process; without a name, lists them.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** Benchmark name → script, relative to this folder. A new benchmark is one line here. */
const benchmarks: Record<string, { file: string; about: string }> = {
  nearest: { file: './nearest.ts', about: 'nearest-station search: KNN index vs full scan, and bot start-up memory' },
  register: { file: './register.ts', about: '500 workers registering at once for 70 seats: with and without the capacity lock' },
  broadcast: { file: './broadcast.ts', about: 'outbox sender: broadcast rate vs the limit, 429s and duplicates, against the emulator' },
  instances: { file: './instances.ts', about: 'two instances on one PostgreSQL: start-up race, one chat on both, a kill -9 mid-broadcast' },
  bot: {
    file: './bot.ts',
    about: 'whole bot: 1,000 riders through long polling on PostgreSQL vs a bare grammY bot, and one flooding user',
  },
  crash: {
    file: './crash.ts',
    about: 'kill -9 of the sender at three points of a broadcast on PostgreSQL: rows lost, duplicates, time to settle',
  },
  memory: { file: './memory.ts', about: 'RSS of the real npm start tree: first start and restart on PGlite, the bot on PostgreSQL' },
}

const [name, ...rest] = process.argv.slice(2)
const benchmark = name === undefined ? undefined : benchmarks[name]

if (benchmark === undefined) {
  if (name !== undefined && name !== '--help') console.error(`unknown benchmark "${name}"\n`)
  console.log('usage: npm run bench -- <name> [--json] [options]\n\nbenchmarks:')
  for (const [key, { about }] of Object.entries(benchmarks)) console.log(`  ${key.padEnd(12)}${about}`)
  process.exitCode = name === undefined || name === '--help' ? 0 : 1
} else {
  const script = fileURLToPath(new URL(benchmark.file, import.meta.url))
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...rest], { stdio: 'inherit' })
  // Ctrl-C reaches the child through the terminal too; the parent only waits for it to clean up.
  process.on('SIGINT', () => {})
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal === null ? 1 : 128)
  })
}
