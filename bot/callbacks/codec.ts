import { CALLBACK_DATA_BYTES } from '../ui/telegram-limits.js'

/**
 * The one callback-data codec. A definition names a prefix (`<namespace>:<name>`, the namespace
 * being the feature's) and typed fields; data is `prefix:field1:field2…`, at most 64 bytes (a
 * Chinese character takes 3). Anyone can send any bytes as callback data, so `unpack` accepts only
 * what `pack` could have made, and every handler still re-checks that the sender may do it.
 */

/** Telegram's limit on callback data, in UTF-8 bytes. */

export type Field<T> = {
  /** Regular-expression source (no anchors, no capturing groups) of the field's text form. */
  readonly pattern: string
  /** The value, or undefined when the text is out of range (the pattern alone cannot say). */
  readonly parse: (text: string) => T | undefined
  readonly format: (value: T) => string
  /** Values the registry test packs to check that no two definitions read the same data. */
  readonly samples: readonly T[]
  readonly optional: boolean
}

type AnyField = Field<never> | Field<unknown>
export type Fields = Record<string, Field<any>> // eslint-disable-line @typescript-eslint/no-explicit-any

type ValueOf<F> = F extends Field<infer T> ? T : never
type RequiredKeys<F extends Fields> = { [K in keyof F]: F[K]['optional'] extends true ? never : K }[keyof F]
type OptionalKeys<F extends Fields> = Exclude<keyof F, RequiredKeys<F>>
type Simplify<T> = { [K in keyof T]: T[K] } & {}
export type Values<F extends Fields> = Simplify<{ [K in RequiredKeys<F>]: ValueOf<F[K]> } & { [K in OptionalKeys<F>]?: ValueOf<F[K]> }>

/** No argument needed when every field may be left out (`def.pack()`). */
type PackArguments<F extends Fields> = [RequiredKeys<F>] extends [never] ? [values?: Values<F>] : [values: Values<F>]

export type CallbackDefinition<F extends Fields = Fields> = {
  readonly prefix: string
  readonly namespace: string
  readonly fields: F
  /** For `composer.callbackQuery(def.filter, …)`: the exact shape (prefix, field count, characters). */
  readonly filter: RegExp
  /** The data of a button; throws when a value is out of range or the data would pass 64 bytes. */
  pack(...values: PackArguments<F>): string
  /** Whether `pack` would accept the values (a city name may be too long for a button). */
  fits(...values: PackArguments<F>): boolean
  /** The values, or undefined for anything `pack` cannot have made. */
  unpack(data: string | undefined): Values<F> | undefined
}

const PREFIX = /^([a-z]{2,3}):[a-z][a-z0-9-]{0,15}$/
const byteLength = (text: string) => new TextEncoder().encode(text).length
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')

function field<T>(pattern: string, parse: (text: string) => T | undefined, format: (value: T) => string, samples: readonly T[]): Field<T> {
  const exact = new RegExp(`^(?:${pattern})$`)
  return {
    pattern,
    parse: (text) => (exact.test(text) ? parse(text) : undefined),
    format,
    samples,
    optional: false,
  }
}

const DECIMAL = '0|-?[1-9]\\d{0,15}'

/** A whole number from `min` to `max` (both safe integers), written in decimal. */
export function int(min: number, max: number): Field<number> {
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) throw new RangeError(`bad int range ${min}…${max}`)
  const inRange = (value: number) => Number.isSafeInteger(value) && value >= min && value <= max
  const parse = (text: string) => {
    const value = Number(text)
    return inRange(value) ? value : undefined
  }
  return field(min >= 0 ? DECIMAL.replace('-?', '') : DECIMAL, parse, String, [min, max])
}

/** Largest serial (PostgreSQL `integer`) id. */
const MAX_SERIAL = 2 ** 31 - 1

/** A database id: 1 to `max` (serial by default; Telegram user ids go up to 2^53). */
export const id = (max = MAX_SERIAL): Field<number> => int(1, max)

/** One of a few numbers (a radius in km). */
export function intIn<const T extends number>(values: readonly T[]): Field<T> {
  const parse = (text: string) => values.find((value) => String(value) === text)
  return field(values.map(String).join('|'), parse, String, values)
}

/** One of a few literal words; only those words (never `constructor` or `__proto__`). */
export function oneOf<const T extends string>(values: readonly T[]): Field<T> {
  if (values.some((value) => !/^[a-z0-9_-]+$/.test(value))) throw new RangeError(`bad enum value in ${values.join(',')}`)
  const parse = (text: string) => values.find((value) => value === text)
  return field(values.map(escapeRegExp).join('|'), parse, String, values)
}

/** Yes or no, as 1 or 0. */
export const flag = (): Field<boolean> =>
  field(
    '0|1',
    (text) => text === '1',
    (value) => (value ? '1' : '0'),
    [false, true],
  )

/**
 * Free text such as a city name: no colon (the separator), no space at either end, at most
 * `maxLength` characters; the whole data must still fit in 64 bytes (see `fits`).
 */
export function text(maxLength: number): Field<string> {
  const parse = (value: string) => ([...value].length <= maxLength ? value : undefined)
  return field('[^:\\s]|[^:\\s][^:]*[^:\\s]', parse, (value) => value, ['成都市', 'a'])
}

/** A short lowercase word or number (a step's argument inside a form). */
export function word(maxLength: number): Field<string> {
  return field(
    `[a-z0-9_]{1,${maxLength}}`,
    (value) => value,
    (value) => value,
    ['a', '1_z'],
  )
}

/** A short code of capitals and digits (a check-in code). */
export function code(length: number): Field<string> {
  return field(
    `[A-Z0-9]{${length}}`,
    (value) => value,
    (value) => value,
    ['A'.repeat(length), '7'.repeat(length)],
  )
}

/** A latitude or longitude (|value| ≤ `limit`), five decimals (about a metre). */
export function coordinate(limit: 90 | 180): Field<number> {
  const parse = (value: string) => {
    const number = Number(value)
    return Math.abs(number) <= limit ? number : undefined
  }
  return field('-?\\d{1,3}\\.\\d{1,6}', parse, (value) => value.toFixed(5), [-limit, 0, 30.65717])
}

/** The field may be left out at the end of the data (only trailing fields can be optional). */
export const optional = <T>(inner: Field<T>): Field<T> & { readonly optional: true } => ({ ...inner, optional: true })

export function defineCallback<const F extends Fields = Record<never, never>>(prefix: string, fields: F = {} as F): CallbackDefinition<F> {
  const namespace = PREFIX.exec(prefix)?.[1]
  if (namespace === undefined) throw new RangeError(`callback prefix "${prefix}" is not <namespace>:<name>`)
  const entries = Object.entries(fields) as [string, AnyField][]
  const required = entries.findIndex(([, kind]) => kind.optional)
  const requiredCount = required === -1 ? entries.length : required
  if (entries.slice(requiredCount).some(([, kind]) => !kind.optional)) throw new RangeError(`${prefix}: optional fields must come last`)
  const parts = entries.map(([, kind]) => `(?::(?:${kind.pattern}))${kind.optional ? '?' : ''}`)
  const filter = new RegExp(`^${escapeRegExp(prefix)}${parts.join('')}$`)

  function tryPack(values: Values<F>): string | undefined {
    const record = values as Record<string, unknown>
    const texts: string[] = [prefix]
    let ended = false
    for (const [name, kind] of entries) {
      const value = Object.hasOwn(record, name) ? record[name] : undefined
      if (value === undefined) {
        if (!kind.optional) return undefined
        ended = true
        continue
      }
      if (ended) return undefined
      const text = (kind as Field<unknown>).format(value)
      // What we send must read back: this is where ranges, enums and characters are checked.
      if (kind.parse(text) === undefined) return undefined
      texts.push(text)
    }
    const data = texts.join(':')
    return byteLength(data) <= CALLBACK_DATA_BYTES ? data : undefined
  }

  return {
    prefix,
    namespace,
    fields,
    filter,
    pack(...[values]) {
      const data = tryPack(values ?? ({} as Values<F>))
      if (data === undefined) throw new RangeError(`callback ${prefix}: values out of range or over ${CALLBACK_DATA_BYTES} bytes`)
      return data
    },
    fits: (...[values]) => tryPack(values ?? ({} as Values<F>)) !== undefined,
    unpack(data) {
      if (typeof data !== 'string' || byteLength(data) > CALLBACK_DATA_BYTES || !filter.test(data)) return undefined
      const texts = data.slice(prefix.length + 1).split(':')
      if (entries.length === 0) return (data === prefix ? {} : undefined) as Values<F> | undefined
      const values: Record<string, unknown> = {}
      for (const [index, [name, kind]] of entries.entries()) {
        const text = data.length === prefix.length ? undefined : texts[index]
        if (text === undefined) {
          if (!kind.optional) return undefined
          continue
        }
        const value = kind.parse(text)
        if (value === undefined) return undefined
        values[name] = value
      }
      return values as Values<F>
    },
  }
}

/**
 * Every data of the namespaces given (the current one and the one-letter prefixes used before it):
 * a feature's last handler, for buttons that no longer mean anything (a form that ended, an older
 * version of the bot, forged data).
 */
export function namespaceFilter(...namespaces: readonly string[]): RegExp {
  return new RegExp(`^(?:${namespaces.map(escapeRegExp).join('|')}):`)
}

type Unpacked<D extends Record<string, CallbackDefinition>> = {
  [K in keyof D & string]: Simplify<{ kind: K } & (D[K] extends CallbackDefinition<infer F> ? Values<F> : never)>
}[keyof D & string]

/**
 * Which of a form's buttons the data is, with its values: for conversations, which wait for any
 * update and must tell their own buttons from the rest of the bot's. Undefined for anything else.
 */
export function unpackAny<const D extends Record<string, CallbackDefinition>>(
  data: string | undefined,
  definitions: D,
): Unpacked<D> | undefined {
  for (const [kind, definition] of Object.entries(definitions)) {
    const values = definition.unpack(data)
    if (values !== undefined) return { ...values, kind } as Unpacked<D>
  }
  return undefined
}
