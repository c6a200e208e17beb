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
  const [lng, lat] = gcoord.transform([point.lng, point.lat], gcoordSystem[from], gcoordSystem[to]) as [
    number,
    number,
  ]
  return { lat, lng }
}

export const isValidPoint = (point: Point): boolean =>
  Number.isFinite(point.lat) &&
  Number.isFinite(point.lng) &&
  Math.abs(point.lat) <= 90 &&
  Math.abs(point.lng) <= 180

/** Straight-line distance is shorter than the road; this factor is a typical city detour. */
const DETOUR_FACTOR = 1.3
const WALK_METRES_PER_MINUTE = 75
const EBIKE_METRES_PER_MINUTE = 250
/** Beyond this a walking time is noise (nobody walks 17,000 minutes), so lists show the e-bike time alone. */
export const MAX_WALK_MINUTES = 90

export function travelMinutes(distanceMetres: number): { walk: number; ebike: number } {
  const road = distanceMetres * DETOUR_FACTOR
  return {
    walk: Math.max(1, Math.round(road / WALK_METRES_PER_MINUTE)),
    ebike: Math.max(1, Math.round(road / EBIKE_METRES_PER_MINUTE)),
  }
}

export type NavigationLinks = { amap: string; baidu: string; tencent: string }

const fixed = (value: number) => value.toFixed(6)

/** Web links that open each map app (or its web page) at the station, in the system that app expects. */
export function navigationLinks(station: Point & { name: string }): NavigationLinks {
  const gcj = convertPoint(station, 'wgs84', 'gcj02')
  const bd = convertPoint(station, 'wgs84', 'bd09')
  const name = encodeURIComponent(station.name)
  return {
    amap: `https://uri.amap.com/navigation?to=${fixed(gcj.lng)},${fixed(gcj.lat)},${name}&mode=ride&coordinate=gaode&callnative=1&src=nuanxin`,
    baidu: `https://api.map.baidu.com/direction?destination=latlng:${fixed(bd.lat)},${fixed(bd.lng)}|name:${name}&mode=riding&coord_type=bd09ll&output=html&src=nuanxin`,
    tencent: `https://apis.map.qq.com/uri/v1/routeplan?type=bike&to=${name}&tocoord=${fixed(gcj.lat)},${fixed(gcj.lng)}&referer=nuanxin`,
  }
}
