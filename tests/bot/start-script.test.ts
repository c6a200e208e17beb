import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
let dataDir: string

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'nuanxin-start-'))
})
afterAll(async () => rm(dataDir, { recursive: true, force: true }))

/** Local mode in a fresh data directory on a free port, whatever the test run's own settings are. */
const env = (extra: Record<string, string> = {}) => ({
  ...process.env,
  DATA_DIR: dataDir,
  PORT: '0',
  BOT_TOKEN: '',
  DATABASE_URL: '',
  LOG_LEVEL: 'info',
  ...extra,
})

function run(command: string, args: string[], extra?: Record<string, string>) {
  const child = spawn(command, args, { cwd: root, env: env(extra), stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, exited, output: () => output }
}

async function until(check: () => boolean, what: string, attempts = 600) {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (check()) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`gave up waiting for ${what}`)
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('npm start', () => {
  let started: ReturnType<typeof run> | undefined
  let botPid = 0
  afterAll(() => {
    // Only if a test failed half-way: do not leave npm or the bot running.
    if (started?.child.exitCode === null) started.child.kill('SIGKILL')
    if (botPid > 0 && alive(botPid)) process.kill(botPid, 'SIGKILL')
  })

  it('prints the start-up in Chinese first, refuses a second bot on the same data in Chinese, and stops on a SIGTERM to the pid npm start returns', async () => {
    started = run('npm', ['start'])
    await until(() => started?.output().includes('本地模式已启动') === true, 'the start-up line')
    const output = started.output()
    expect(output).toMatch(/暖新助手本地模式：请在浏览器里打开 http:\/\/localhost:\d+/)
    expect(output.indexOf('暖新助手本地模式')).toBeLessThan(output.indexOf('暖新助手 local mode'))
    botPid = Number(/"pid":(\d+)/.exec(output)?.[1])
    expect(botPid).toBeGreaterThan(0)
    // Compiled JavaScript, not tsx: tsx's loader thread and esbuild would cost every bot process memory.
    const command = (await readFile(`/proc/${botPid}/cmdline`, 'utf8')).split('\0')
    expect(command).toContain('dist/bot/main.js')
    expect(command.join(' ')).not.toContain('tsx')
    // Memory-lean flags: V8 favours size, PGlite's WebAssembly compiles on one thread, glibc keeps one arena.
    expect(command).toContain('--optimize-for-size')
    expect(command).toContain('--wasm-num-compilation-tasks=1')
    const environment = (await readFile(`/proc/${botPid}/environ`, 'utf8')).split('\0')
    expect(environment).toContain('MALLOC_ARENA_MAX=1')

    const second = run(process.execPath, ['--import', 'tsx', 'bot/main.ts'])
    expect(await second.exited).toBe(1)
    const refusal = second.output()
    expect(refusal.startsWith('暖新助手无法启动：')).toBe(true)
    expect(refusal).toContain(`正被另一个进程（pid ${botPid}）使用`)
    expect(refusal).toContain(`in use by another process (pid ${botPid})`)

    // What docker stop and systemd (KillMode=process) do: signal the main pid only.
    started.child.kill('SIGTERM')
    await started.exited
    await until(() => !alive(botPid), 'the bot process to end')
    expect(started.output()).toContain('已停止 / stopped')
  }, 180_000)

  it('names a bad setting in Chinese first, then in English', async () => {
    const bad = run(process.execPath, ['--import', 'tsx', 'bot/main.ts'], { PORT: '八十' })
    expect(await bad.exited).toBe(1)
    expect(bad.output().trim().split('\n')).toEqual([
      '暖新助手无法启动：环境变量 PORT 必须是端口号（0 表示任选一个空闲端口）。',
      'Invalid PORT: must be a port number (0 = any free port)',
    ])
  }, 60_000)
})
