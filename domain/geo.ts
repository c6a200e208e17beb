import gcoordModule from 'gcoord'

// gcoord ships CommonJS with ES-module typings: at run time the default import is the API object itself.
const gcoord = gcoordModule as unknown as (typeof gcoordModule)['default']

export type Point = { lat: number; lng: number }
export const coordinateSystems = ['wgs84', 'gcj02', 'bd09'] as const
export type CoordinateSystem = (typeof coordinateSystems)[number]

const gcoordSystem = {
  wgs84: gcoord.WGS84,
  gcj02: gcoord.GCJ02,
  bd09: gcoord.BD09,
} as const

/** Converts a point between WGS-84 (Telegram, browsers, GPS), GCJ-02 (Amap, Tencent) and BD-09 (Baidu). */
export function convertPoint(point: Point, from: CoordinateSystem, to: CoordinateSystem): Point {
  if (from === to) return point
  const [lng, lat] = gcoord.transform([point.lng, point.lat], gcoordSystem[from], gcoordSystem[to]) as [number, number]
  return { lat, lng }
}

export const isValidPoint = (point: Point): boolean =>
  Number.isFinite(point.lat) && Number.isFinite(point.lng) && Math.abs(point.lat) <= 90 && Math.abs(point.lng) <= 180

/** Straight-line distance is shorter than the road; this factor is a typical city detour. */
const DETOUR_FACTOR = 1.3
const WALK_METRES_PER_MINUTE = 75
const EBIKE_METRES_PER_MINUTE = 250
/** Beyond this a walking time is noise (nobody walks 17,000 minutes), so lists show the e-bike time alone. */
export const MAX_WALK_MINUTES = 90

/**
 * The straight-line distance an e-bike covers in `minutes` at the speed and detour the lists use
 * (15 km/h on roads 1.3 times the straight line): 10 minutes reach about 1,900 m from the start.
 */
export const ebikeReachMetres = (minutes: number): number => (minutes * EBIKE_METRES_PER_MINUTE) / DETOUR_FACTOR

export function travelMinutes(distanceMetres: number): { walk: number; ebike: number } {
  const road = distanceMetres * DETOUR_FACTOR
  return {
    walk: Math.max(1, Math.round(road / WALK_METRES_PER_MINUTE)),
    ebike: Math.max(1, Math.round(road / EBIKE_METRES_PER_MINUTE)),
  }
}

export type NavigationLinks = { amap: string; baidu: string; tencent: string }

const fixed = (value: number) => value.toFixed(6)
/** The links' own separators (「,」 in Amap's to=, 「;」「:」「|」 in Tencent's marker=) cannot appear in a name. */
const label = (text: string) => encodeURIComponent(text.replace(/[,;:|，；：]/g, ' ').trim())

/**
 * Web links that open each map app (or its web page) at a place, in the coordinate system that app
 * expects, in the forms each vendor documents. We never know where the rider starts from, so:
 * - Amap's route planner, documented to start from the phone's own position when `from` is left
 *   out (mode=ride for e-bikes): https://lbs.amap.com/api/uri-api/guide/travel/route
 * - Baidu's marker: its web `direction` needs an origin we do not have, and `src` must be
 *   webapp.<company>.<app>: https://lbsyun.baidu.com/index.php?title=uri/api/web
 * - Tencent's marker: its web routeplan documents no e-bike mode (type=bike is not in its list):
 *   https://lbs.qq.com/webApi/uriV1/uriGuide/uriWebMarker
 * Both markers offer the route from there, once the app knows where the rider is.
 */
export function navigationLinks(place: Point & { name: string; address?: string }): NavigationLinks {
  const gcj = convertPoint(place, 'wgs84', 'gcj02')
  const bd = convertPoint(place, 'wgs84', 'bd09')
  const name = label(place.name)
  const address = label(place.address === undefined || place.address === '' ? place.name : place.address)
  return {
    amap: `https://uri.amap.com/navigation?to=${fixed(gcj.lng)},${fixed(gcj.lat)},${name}&mode=ride&coordinate=gaode&callnative=1&src=nuanxin`,
    baidu: `https://api.map.baidu.com/marker?location=${fixed(bd.lat)},${fixed(bd.lng)}&title=${name}&content=${address}&output=html&coord_type=bd09ll&src=webapp.nuanxin.assistant`,
    tencent: `https://apis.map.qq.com/uri/v1/marker?marker=coord:${fixed(gcj.lat)},${fixed(gcj.lng)};title:${name};addr:${address}&coord_type=2&referer=nuanxin`,
  }
}
