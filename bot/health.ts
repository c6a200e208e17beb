import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Database } from '../db/client.js'
import { describeFailure, pendingMigrations } from '../db/migrate.js'

export type Health = {
  /** Readiness: the database answers and has every migration of this build. */
  ready: () => Promise<{ kind: 'ready' } | { kind: 'not-ready'; reason: string }>
  /** From now on readiness says no, so a load balancer drains this instance while it stops. */
  draining: () => void
}

export function createHealth(db: Database): Health {
  let draining = false
  return {
    ready: async () => {
      if (draining) return { kind: 'not-ready', reason: 'stopping' }
      try {
        const pending = await pendingMigrations(db)
        return pending === 0 ? { kind: 'ready' } : { kind: 'not-ready', reason: `${pending} migrations not applied` }
      } catch (error) {
        return { kind: 'not-ready', reason: `database: ${describeFailure(error)}` }
      }
    },
    draining: () => {
      draining = true
    },
  }
}

/**
 * Answers GET /livez (the process serves HTTP: 200) and GET /healthz (ready for updates: 200, or
 * 503 with the reason) on a server that also serves other things. False when the request is not
 * one of them.
 */
export function serveHealth(health: Health, req: IncomingMessage, res: ServerResponse): boolean {
  const path = (req.url ?? '/').split('?')[0]
  if (req.method !== 'GET' || (path !== '/livez' && path !== '/healthz')) return false
  const reply = (status: number, body: Record<string, string>) =>
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body))
  if (path === '/livez') {
    reply(200, { status: 'ok' })
    return true
  }
  void health
    .ready()
    .then((result) => (result.kind === 'ready' ? reply(200, { status: 'ok' }) : reply(503, { status: 'not-ready', reason: result.reason })))
  return true
}
