/**
 * Lookups of text that came from outside (callback data can be forged): on a plain object,
 * `codes[value]` finds `constructor`, `toString` or `__proto__` on Object.prototype, and `value in
 * codes` is true for them, so only the object's own keys count here.
 */
export function ownValue<K extends string, V>(codes: Readonly<Record<K, V>>, key: string | undefined): V | undefined {
  return key !== undefined && Object.hasOwn(codes, key) ? codes[key as K] : undefined
}
