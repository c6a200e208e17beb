// Shared parsing of the benchmarks' numeric options (`--queries 1000`, `--rate 25`…).

/** A whole number ≥ 1, or `fallback` when the option is not given. */
export function positiveInteger(value: string | undefined, fallback: number, name: string): number {
  const parsed = value === undefined ? fallback : Number(value)
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} must be a positive integer`)
  return parsed
}

/** A number > 0 (fractions allowed), or `fallback` when the option is not given. */
export function positiveNumber(value: string | undefined, fallback: number, name: string): number {
  const parsed = value === undefined ? fallback : Number(value)
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive number`)
  return parsed
}
