// One `npm start`-equivalent instance of bench:instances: bot/main.ts in its own process, in
// webhook mode on a free port, against the bench's fake Bot API under its own path prefix.
import { envWith, spawnTsx } from '../helpers/run.js'
import type { BenchTelegram } from './instances-telegram.js'

export type Instance = {
  /** The process id: a sender's instance id (outbox.claimed_by) is hostname:pid:random. */
  pid: number
  ready: Promise<{ kind: 'ready'; port: number } | { kind: 'exited'; output: string }>
  /** Delivers one update to the instance's webhook; resolves once it is handled. */
  post: (update: unknown) => Promise<void>
  /** SIGTERM (graceful stop), then waits for the process to end. */
  stop: () => Promise<void>
  /** SIGKILL: the process dies at once, whatever it was doing. */
  kill: () => void
}

const token = '1000000001:BENCH-instances-token-abcdefghijklmn'
const secret = 'bench-secret'

export function startInstance(name: string, databaseUrl: string, telegram: BenchTelegram): Instance {
  const child = spawnTsx(
    ['bot/main.ts'],
    envWith({
      BOT_TOKEN: token,
      DATABASE_URL: databaseUrl,
      TELEGRAM_API_ROOT: telegram.apiRoot(name),
      WEBHOOK_URL: 'https://bench.example.org/hook',
      WEBHOOK_SECRET: secret,
      PORT: '0',
      LOG_LEVEL: 'info',
    }),
  )
  let output = ''
  let port: number | undefined
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk
    const match = /"port":(\d+),[^\n]*webhook mode/.exec(output)
    if (match !== null) port = Number(match[1])
  })
  let done = false
  void exited.then(() => (done = true))

  const ready = (async () => {
    for (let waited = 0; waited < 120_000 && !done; waited += 100) {
      if (port !== undefined) {
        const health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined)
        if (health?.status === 200) return { kind: 'ready' as const, port }
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    return { kind: 'exited' as const, output }
  })()

  return {
    pid: child.pid ?? 0,
    ready,
    post: async (update) => {
      const state = await ready
      if (state.kind !== 'ready') throw new Error(`instance ${name} is not running`)
      const response = await fetch(`http://127.0.0.1:${state.port}/hook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
        body: JSON.stringify(update),
      })
      await response.text()
    },
    stop: async () => {
      if (done) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
      await exited
      clearTimeout(timer)
    },
    kill: () => void child.kill('SIGKILL'),
  }
}
