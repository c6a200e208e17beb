import { GrammyError, HttpError } from 'grammy'
import pino, { type DestinationStream, type Logger } from 'pino'

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

/**
 * Fields of an error that are safe to log: names, codes and the database's own description of what
 * went wrong. Everything else stays out, because errors carry what the README promises never to
 * log: GrammyError has the whole request `payload` (an anonymous ticket's number next to the
 * worker's chat id), drizzle's DrizzleQueryError and the drivers' errors carry every query
 * parameter (`params`, `parameters`, `detail` such as "Key (phone)=(138…) already exists").
 * A list of what to keep, not of what to drop, so that a new field of some library stays out.
 */
const safeFields = [
  'code',
  'error_code',
  'description',
  'method',
  'severity',
  'routine',
  'constraint_name',
  'table_name',
  'column_name',
  'schema_name',
] as const

type SafeError = { type: string; message: string; stack?: string; cause?: SafeError } & Partial<
  Record<(typeof safeFields)[number], unknown>
>

/** drizzle puts every parameter in the message after "params:"; the SQL before it has only $1, $2… */
const withoutParams = (message: string) => message.replace(/\nparams:[\s\S]*$/, '')

function serializeError(value: unknown, depth = 0): SafeError {
  if (!(value instanceof Error)) return { type: typeof value, message: 'a thrown value that is not an Error (not logged)' }
  const message = withoutParams(value.message)
  const safe: SafeError = { type: value.constructor.name || value.name, message }
  for (const field of safeFields) {
    const fieldValue = (value as unknown as Record<string, unknown>)[field]
    if (typeof fieldValue === 'string' || typeof fieldValue === 'number') safe[field] = fieldValue
  }
  if (value instanceof GrammyError) safe.method = value.method
  // The stack repeats the message (with drizzle's parameters); keep only its frames.
  const frames = (value.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line))
  if (frames.length > 0) safe.stack = [`${safe.type}: ${message}`, ...frames].join('\n')
  const cause = value instanceof HttpError ? value.error : value.cause
  if (cause !== undefined && depth < 5) safe.cause = serializeError(cause, depth + 1)
  return safe
}

const serializers = {
  err: (value: unknown) => serializeError(value),
  // `error` is also used for plain descriptions (the outbox sender's "Forbidden: bot was blocked…").
  error: (value: unknown) => (value instanceof Error ? serializeError(value) : value),
}

/** The process's logger: errors logged under `err` (or `error`) go through serializeError. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return destination === undefined ? pino({ level, serializers }) : pino({ level, serializers }, destination)
}

/**
 * The same logger with the safe error serializers, for code that is handed a logger (startApp,
 * createBot): whoever made it, the bot, the outbox sender and the jobs log errors the same way.
 */
export function withSafeErrors(logger: Logger): Logger {
  return logger.child({}, { serializers })
}
