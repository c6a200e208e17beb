import { ApiError } from '../../bot/local/emulator/state.js'
import { checkRequest, objectParams } from '../../bot/local/emulator/validation.js'

// Requests the fakes answered with 400 because Telegram would have refused them. They are kept
// here and tests/helpers/setup.ts fails the running test with them, since a bot that handles a
// 400 quietly would otherwise pass.
const violations: string[] = []

/** Bot API object parameters that a multipart request carries as JSON strings, parsed. */
function decoded(payload: Record<string, unknown>): Record<string, unknown> {
  const params = { ...payload }
  for (const key of objectParams) {
    const value = params[key]
    if (typeof value === 'string') params[key] = JSON.parse(value)
  }
  return params
}

/**
 * Runs the emulator's checks on a request to the fakes; when Telegram would refuse it, records why
 * and returns the 400 answer to give the bot.
 */
export function refusal(
  method: string,
  payload: Record<string, unknown>,
): { ok: false; error_code: number; description: string } | undefined {
  try {
    checkRequest(method, decoded(payload))
    return undefined
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    const shown = String(payload.text ?? payload.caption ?? '')
    const sample = shown === '' ? '' : ` — ${JSON.stringify(shown.length > 120 ? `${shown.slice(0, 120)}…` : shown)}`
    violations.push(`${method} to ${String(payload.chat_id ?? '?')}: ${error.description}${sample}`)
    return { ok: false, error_code: error.code, description: error.description }
  }
}

/** What the fakes refused since the last call, emptied. */
export function takeRefusals(): string[] {
  return violations.splice(0)
}
