import { GrammyError, HttpError } from 'grammy'
import type { Failure } from '../../db/repositories/outbox-sender.js'

/** After this many attempts a row that keeps failing with 5xx or connection errors is given up. */
export const MAX_ATTEMPTS = 5
const BACKOFF_BASE_MS = 2_000
const BACKOFF_MAX_MS = 5 * 60_000

/** Errors of a connection that never got established: the request cannot have reached Telegram. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])

/** 2 s, 4 s, 8 s… capped at 5 minutes. */
export const backoffMs = (attempts: number): number => Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1))

function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; typeof current === 'object' && current !== null && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') return code
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

/**
 * What an unsuccessful send means for the row. Only outcomes in which Telegram provably did not
 * deliver are retried: an error answer from Telegram, or a connection that was never made. A
 * request that may have reached Telegram but whose answer was lost (timeout, reset) is 'failed'
 * as uncertain, because retrying could deliver it twice.
 */
export function classifySendError(error: unknown, context: { now: Date; attempts: number; userId: number }): Failure {
  const { now, attempts } = context
  const retryOrGiveUp = (description: string): Failure =>
    attempts >= MAX_ATTEMPTS
      ? { kind: 'failed', error: `${description} (gave up after ${attempts} attempts)` }
      : { kind: 'retry', error: description, retryAt: new Date(now.getTime() + backoffMs(attempts)) }

  if (error instanceof GrammyError) {
    const description = `${error.error_code}: ${error.description}`
    if (error.error_code === 429) {
      const seconds = Math.max(1, error.parameters.retry_after ?? 1)
      return { kind: 'rate-limited', error: description, retryAt: new Date(now.getTime() + seconds * 1000) }
    }
    if (error.error_code === 403) return { kind: 'blocked', error: description, userId: context.userId, now }
    if (error.error_code >= 500) return retryOrGiveUp(description)
    return { kind: 'failed', error: description }
  }
  if (error instanceof HttpError) {
    const code = errorCode(error.error)
    if (code !== undefined && NOT_CONNECTED.has(code)) return retryOrGiveUp(`network: ${code}`)
    const status = (error.error as { status?: unknown } | undefined)?.status
    // A gateway answering 502/503 without Telegram's JSON never handed the request on.
    if (status === 502 || status === 503) return retryOrGiveUp(`http ${status}`)
    return { kind: 'failed', error: `uncertain, not retried: ${code ?? error.message}` }
  }
  return { kind: 'failed', error: `uncertain, not retried: ${error instanceof Error ? error.message : String(error)}` }
}
