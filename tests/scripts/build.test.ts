import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectRoot, type RunResult } from '../helpers/run.js'

// Inside the project, so that the compiled files find node_modules as dist/ does.
let out: string

beforeAll(async () => {
  await mkdir(path.join(projectRoot, 'tests', 'output'), { recursive: true })
  out = await mkdtemp(path.join(projectRoot, 'tests', 'output', 'build-'))
})
afterAll(async () => rm(out, { recursive: true, force: true }))

function run(args: readonly string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

const build = () => run(['scripts/build.js', '--out', out])

describe('the build that npm start runs', () => {
  it('compiles the bot to JavaScript that node runs without tsx, with the files it reads next to it', async () => {
    const first = await build()
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/updated/)
    for (const file of [
      'bot/main.js',
      'db/client.js',
      'jobs',
      'domain',
      'db/migrations/meta/_journal.json',
      'db/seed/sample-stations.json',
      'bot/local/web/index.html',
    ]) {
      expect(existsSync(path.join(out, file)), file).toBe(true)
    }
    expect((await readdir(path.join(out, 'bot/locales/zh'))).filter((name) => name.endsWith('.ftl')).length).toBeGreaterThan(0)
    expect((await readdir(path.join(out, 'bot/locales/en'))).filter((name) => name.endsWith('.ftl')).length).toBeGreaterThan(0)

    // The whole module graph of main.js loads; a bad setting then stops it with the usual message.
    const bad = await run([path.join(out, 'bot/main.js')], { PORT: '八十' })
    expect(bad.code).toBe(1)
    expect(bad.stderr.trim().split('\n')).toEqual([
      '暖新助手无法启动：环境变量 PORT 必须是端口号（0 表示任选一个空闲端口）。',
      'Invalid PORT: must be a port number (0 = any free port)',
    ])
  }, 120_000)

  it('rewrites nothing when nothing changed, and drops files whose source is gone', async () => {
    await build()
    const orphan = path.join(out, 'bot', 'removed-feature.js')
    await writeFile(orphan, 'export {}\n')
    const again = await build()
    expect(again.code).toBe(0)
    expect(again.stdout).toBe('')
    expect(existsSync(orphan)).toBe(false)
  }, 120_000)
})
