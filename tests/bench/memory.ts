// Memory of the real `npm start`, the way the README runs it, in local mode (no BOT_TOKEN):
//   npm run bench:memory [-- --json]
// 1. first start on an empty PGlite data dir (build, initdb, migrations, sample seed);
// 2. a restart on that data dir, which is what a deployment sees after every restart;
// 3. with DATABASE_URL, a start on a temporary PostgreSQL database next to it (dropped after).
// Each start answers one shared location in the web chat before it is measured. The RSS of the
// whole process tree (npm, the bot, anything they spawn) is sampled every 50 ms from /proc, so
// Linux only; the peak is reported. The bot process's own RSS is read once the answer arrived.
// With --json the last line printed is one JSON object: rss_tree_mb (peak tree after a restart on
// PGlite), rss_pglite_mb and rss_postgres_mb (the bot process), first_start_tree_mb.
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createEmptyPostgresDatabase } from '../helpers/db.js'

const { values: args } = parseArgs({ options: { json: { type: 'boolean', default: false } } })
const root = fileURLToPath(new URL('../..', import.meta.url))
const targets = { treeMb: 300, firstStartMb: 400, postgresMb: 150 }
const log = (line = '') => console.log(line)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const mb = (kb: number) => Math.round(kb / 102.4) / 10

type Start = { treePeakMb: number; botMb: number; treeAfterMb: number; seconds: number }

/** pid → parent pid of every process on the machine. */
function parents(): Map<number, number> {
  const result = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      // The command name in parentheses may hold spaces; the fields after it are fixed.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      result.set(Number(entry), ppid)
    } catch {
      // The process ended between readdir and read.
    }
  }
  return result
}

function tree(rootPid: number): number[] {
  const byParent = parents()
  const pids = [rootPid]
  for (let index = 0; index < pids.length; index++) {
    for (const [pid, ppid] of byParent) if (ppid === pids[index]) pids.push(pid)
  }
  return pids
}

/** Resident set in kB (0 for a process that is gone). */
function rssKb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return Number(match?.[1] ?? 0)
  } catch {
    return 0
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ')
  } catch {
    return ''
  }
}

async function waitFor<T>(what: string, seconds: number, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const deadline = Date.now() + seconds * 1000
  while (Date.now() < deadline) {
    const value = await probe()
    if (value !== undefined) return value
    await sleep(100)
  }
  throw new Error(`timed out after ${seconds} s waiting for ${what}`)
}

/** Runs `npm start`, shares a location near 春熙路 as the web chat's rider, measures, and stops it. */
async function measureStart(env: Record<string, string>): Promise<Start> {
  const started = performance.now()
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env }
  delete childEnv.BOT_TOKEN
  if (env.DATABASE_URL === undefined) delete childEnv.DATABASE_URL
  // Its own process group, so that whatever is left of the tree can be stopped at the end.
  const npm = spawn('npm', ['start', '--silent'], { cwd: root, env: childEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  const npmPid = npm.pid
  if (npmPid === undefined) throw new Error('npm start did not start')
  let output = ''
  npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  let exited = false
  const exit = new Promise<void>((resolve) => npm.on('exit', () => resolve()))
  void exit.then(() => (exited = true))

  let peakKb = 0
  const sample = () => {
    const total = tree(npmPid).reduce((sum, pid) => sum + rssKb(pid), 0)
    peakKb = Math.max(peakKb, total)
    return total
  }
  const sampler = setInterval(sample, 50)
  try {
    const url = await waitFor('the local-mode banner', 300, () => {
      if (exited) throw new Error(`npm start exited:\n${output}`)
      return /open (http:\/\/localhost:\d+)/.exec(output)?.[1]
    })
    const rider = 10001
    const post = await fetch(`${url}/api/chats/${rider}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ location: { latitude: 30.6573, longitude: 104.0798 } }),
    })
    if (!post.ok) throw new Error(`sharing a location failed: ${post.status}`)
    await waitFor('the answer to the location', 60, async () => {
      const history = (await (await fetch(`${url}/api/chats/${rider}`)).json()) as { messages: { from?: { is_bot?: boolean } }[] }
      return history.messages.some((message) => message.from?.is_bot === true) ? true : undefined
    })
    // The answer is sent before the handler returns: give the rest of it a moment.
    await sleep(1000)
    const treeAfterKb = sample()
    const bot = tree(npmPid).find((pid) => /\bbot\/main\.(ts|js)\b/.test(commandLine(pid)))
    if (bot === undefined) throw new Error('no bot process (…/bot/main.js) under npm start')
    return { treePeakMb: mb(peakKb), botMb: mb(rssKb(bot)), treeAfterMb: mb(treeAfterKb), seconds: (performance.now() - started) / 1000 }
  } finally {
    clearInterval(sampler)
    // npm passes SIGTERM on to the bot, which stops cleanly and releases the data directory.
    npm.kill('SIGTERM')
    const stopped = await Promise.race([exit.then(() => true), sleep(15_000).then(() => false)])
    if (!stopped) process.kill(-npmPid, 'SIGKILL')
  }
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'nuanxin-bench-memory-'))
let firstStart: Start
let restart: Start
try {
  log('npm start on PGlite, empty data dir (first start)…')
  firstStart = await measureStart({ DATA_DIR: dataDir })
  log('npm start on PGlite again (restart)…')
  restart = await measureStart({ DATA_DIR: dataDir })
} finally {
  await rm(dataDir, { recursive: true, force: true })
}

let postgresStart: Start | undefined
const baseUrl = process.env.DATABASE_URL
if (baseUrl !== undefined && baseUrl !== '') {
  log('npm start on PostgreSQL (temporary database)…')
  const empty = await createEmptyPostgresDatabase(baseUrl, 'nuanxin_bench')
  try {
    postgresStart = await measureStart({ DATABASE_URL: empty.url, DATA_DIR: path.join(tmpdir(), 'nuanxin-bench-unused') })
  } finally {
    await empty.drop()
  }
}

const mark = (ok: boolean) => (ok ? 'PASS' : 'MISS')
const row = (label: string, start: Start) =>
  `${label.padEnd(22)}${String(start.treePeakMb).padStart(10)}${String(start.treeAfterMb).padStart(12)}${String(start.botMb).padStart(10)}${start.seconds.toFixed(1).padStart(10)}`
log()
log(
  `${'npm start'.padEnd(22)}${'tree peak'.padStart(10)}${'tree after'.padStart(12)}${'bot'.padStart(10)}${'seconds'.padStart(10)}   (MB RSS)`,
)
log(row('PGlite, first start', firstStart))
log(row('PGlite, restart', restart))
if (postgresStart !== undefined) log(row('PostgreSQL', postgresStart))
log()
log(
  `  [${mark(restart.treePeakMb < targets.treeMb)}] whole npm start tree after a restart on PGlite < ${targets.treeMb} MB: ${restart.treePeakMb} MB peak`,
)
log(
  `  [${mark(firstStart.treePeakMb < targets.firstStartMb)}] first start (initdb) < ${targets.firstStartMb} MB: ${firstStart.treePeakMb} MB peak`,
)
log(
  postgresStart === undefined
    ? `  [MISS] bot process on PostgreSQL < ${targets.postgresMb} MB: not measured (set DATABASE_URL)`
    : `  [${mark(postgresStart.botMb < targets.postgresMb)}] bot process on PostgreSQL < ${targets.postgresMb} MB: ${postgresStart.botMb} MB`,
)
if (args.json) {
  log(
    JSON.stringify({
      rss_tree_mb: restart.treePeakMb,
      rss_pglite_mb: restart.botMb,
      rss_postgres_mb: postgresStart?.botMb ?? null,
      first_start_tree_mb: firstStart.treePeakMb,
      first_start_bot_mb: firstStart.botMb,
      rss_tree_after_mb: restart.treeAfterMb,
    }),
  )
}
