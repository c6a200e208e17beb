import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

export type RunResult = { code: number | null; stdout: string; stderr: string }

/**
 * Starts a TypeScript file of the project in a child process, from the project root. Node loads tsx
 * itself (rather than the tsx command, which runs a second node process), so the child's pid is the
 * process that does the work, and killing it leaves nothing behind.
 */
export function spawnTsx(args: readonly string[], env: Record<string, string | undefined>) {
  return spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: projectRoot,
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** Runs a TypeScript file of the project to its end and collects what it printed. */
export function runTsx(args: readonly string[], env: Record<string, string | undefined>): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawnTsx(args, env)
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** The current environment without the variables that choose a database, plus `extra`. */
export function envWith(extra: Record<string, string>): Record<string, string | undefined> {
  const { DATABASE_URL: _url, DATA_DIR: _dir, ...rest } = process.env
  return { ...rest, ...extra }
}
