import type { Translate } from '../i18n.js'

/**
 * How far a station or an event is, as riders read it: "300 米" to the nearest 10 m (never "0 米"),
 * "2.4 公里" with one decimal under 10 km, "12 公里" beyond, where a decimal says nothing.
 */
export function formatDistance(t: Translate, metres: number): string {
  const roundedMetres = Math.max(10, Math.round(metres / 10) * 10)
  // 995 m and up round to 1000: "1.0 公里", not "1,000 米".
  if (roundedMetres < 1000) return t('distance-m', { value: roundedMetres })
  return t('distance-km', { value: metres < 10_000 ? (metres / 1000).toFixed(1) : Math.round(metres / 1000) })
}
