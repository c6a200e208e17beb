/** City and district, since district names repeat across cities (高新区 is in both 成都 and 西安). */
export function stationPlace(station: { city: string; district: string }): string {
  if (station.district === '' || station.district.startsWith(station.city)) return station.district || station.city
  return station.city === '' ? station.district : `${station.city} ${station.district}`
}

/**
 * A station on a button wherever one is picked from a search (找驿站, 我有话说, broadcasts, invites):
 * "春熙路工会驿站 · 成都 锦江区", cut to `max` characters so that the button stays one line.
 */
export function stationButtonLabel(station: { name: string; city: string; district: string }, max = 40): string {
  const place = stationPlace(station)
  const label = place === '' ? station.name : `${station.name} · ${place}`
  return [...label].length > max ? `${[...label].slice(0, max - 1).join('')}…` : label
}
