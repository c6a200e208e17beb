// A seeded random source for tests and benchmarks: the same data on every run, and a failing run can be replayed.

/** mulberry32: small, fast and good enough to make the same data on every run. */
export function createRandom(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  const between = (low: number, high: number) => low + (high - low) * next()
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T
  // Box–Muller: one standard normal value.
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next())
  return { next, between, pick, normal }
}
export type Random = ReturnType<typeof createRandom>
