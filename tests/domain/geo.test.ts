import { describe, expect, it } from 'vitest'
import { convertPoint, isValidPoint, navigationLinks, travelMinutes, type Point } from '../../domain/geo.js'

// Tiananmen: published WGS-84 coordinates and what Amap (GCJ-02) and Baidu (BD-09) show for them.
const tiananmen = {
  wgs84: { lat: 39.90734, lng: 116.39139 },
  gcj02: { lat: 39.90874, lng: 116.39763 },
  bd09: { lat: 39.91508, lng: 116.404 },
}

function expectNear(actual: Point, expected: Point, tolerance: number) {
  expect(Math.abs(actual.lat - expected.lat), `lat ${actual.lat} vs ${expected.lat}`).toBeLessThan(tolerance)
  expect(Math.abs(actual.lng - expected.lng), `lng ${actual.lng} vs ${expected.lng}`).toBeLessThan(tolerance)
}

/** Reads `name=a,b` (or `name=coord:a,b`) from a link as two numbers. */
function pair(link: string, name: string): [number, number] {
  const match = new RegExp(`[?&]${name}=(?:coord:)?(-?[\\d.]+),(-?[\\d.]+)`).exec(link)
  if (match === null) throw new Error(`${name} not found in ${link}`)
  return [Number(match[1]), Number(match[2])]
}

describe('convertPoint', () => {
  it('shifts WGS-84 to GCJ-02 as Amap and Tencent show it', () => {
    expectNear(convertPoint(tiananmen.wgs84, 'wgs84', 'gcj02'), tiananmen.gcj02, 1e-4)
  })

  it('shifts WGS-84 to BD-09 as Baidu shows it', () => {
    expectNear(convertPoint(tiananmen.wgs84, 'wgs84', 'bd09'), tiananmen.bd09, 1e-4)
  })

  it('converts GCJ-02 to BD-09 and back to WGS-84', () => {
    expectNear(convertPoint(tiananmen.gcj02, 'gcj02', 'bd09'), tiananmen.bd09, 1e-4)
    expectNear(convertPoint(tiananmen.gcj02, 'gcj02', 'wgs84'), tiananmen.wgs84, 1e-4)
    expectNear(convertPoint(tiananmen.bd09, 'bd09', 'wgs84'), tiananmen.wgs84, 1e-4)
  })

  it('comes back to the same WGS-84 point after a round trip through GCJ-02 or BD-09 (within about a metre)', () => {
    for (const point of [
      tiananmen.wgs84,
      { lat: 30.6573, lng: 104.0798 },
      { lat: 34.2583, lng: 108.9472 },
      { lat: 22.5431, lng: 114.0579 },
    ]) {
      expectNear(convertPoint(convertPoint(point, 'wgs84', 'gcj02'), 'gcj02', 'wgs84'), point, 1e-5)
      expectNear(convertPoint(convertPoint(point, 'wgs84', 'bd09'), 'bd09', 'wgs84'), point, 1e-5)
    }
  })

  it('returns the point unchanged when both systems are the same', () => {
    expect(convertPoint(tiananmen.gcj02, 'gcj02', 'gcj02')).toEqual(tiananmen.gcj02)
  })
})

describe('isValidPoint', () => {
  it('accepts points on the globe and rejects the rest', () => {
    expect(isValidPoint(tiananmen.wgs84)).toBe(true)
    expect(isValidPoint({ lat: -90, lng: 180 })).toBe(true)
    expect(isValidPoint({ lat: 91, lng: 0 })).toBe(false)
    expect(isValidPoint({ lat: 0, lng: -181 })).toBe(false)
    expect(isValidPoint({ lat: Number.NaN, lng: 0 })).toBe(false)
  })
})

describe('navigationLinks', () => {
  const links = navigationLinks({ ...tiananmen.wgs84, name: '天安门 驿站&1' })

  it('gives Amap the GCJ-02 point in lng,lat order and says the coordinates are gaode', () => {
    const [lng, lat] = pair(links.amap, 'to')
    expectNear({ lat, lng }, tiananmen.gcj02, 1e-4)
    expect(links.amap).toMatch(/^https:\/\/uri\.amap\.com\/navigation\?/)
    expect(links.amap).toContain('coordinate=gaode')
  })

  // Field issue, item 5: Tencent's web routeplan documents no type=bike, and Baidu's web direction
  // needs an origin we do not have; both get their documented marker links instead.
  it('gives Tencent a documented marker at the GCJ-02 point in lat,lng order', () => {
    const [lat, lng] = pair(links.tencent, 'marker')
    expectNear({ lat, lng }, tiananmen.gcj02, 1e-4)
    expect(links.tencent).toMatch(/^https:\/\/apis\.map\.qq\.com\/uri\/v1\/marker\?marker=coord:/)
    expect(links.tencent).toContain('coord_type=2')
    expect(links.tencent).toMatch(/[?&]referer=\w+/)
    expect(links.tencent).not.toContain('type=bike')
  })

  it('gives Baidu a documented marker at the BD-09 point in lat,lng order, coord_type=bd09ll and a webapp.company.app src', () => {
    const [lat, lng] = pair(links.baidu, 'location')
    expectNear({ lat, lng }, tiananmen.bd09, 1e-4)
    expect(links.baidu).toMatch(/^https:\/\/api\.map\.baidu\.com\/marker\?/)
    expect(links.baidu).toContain('coord_type=bd09ll')
    expect(links.baidu).toContain('output=html')
    expect(links.baidu).toMatch(/[?&]title=[^&]+&content=[^&]+/)
    expect(links.baidu).toMatch(/[?&]src=webapp\.\w+\.\w+(&|$)/)
  })

  it("keeps a name from breaking the links' own separators", () => {
    const tricky = navigationLinks({ ...tiananmen.wgs84, name: '驿站,1;title:x|y', address: '东城区;2号' })
    expect(decodeURIComponent(new URL(tricky.amap).searchParams.get('to') ?? '').split(',')).toHaveLength(3)
    const marker = new URL(tricky.tencent).searchParams.get('marker') ?? ''
    expect(marker.split(';').map((part) => part.split(':')[0])).toEqual(['coord', 'title', 'addr'])
  })

  it('puts the station name in every link, encoded so that spaces and & cannot break the URL', () => {
    const encoded = encodeURIComponent('天安门 驿站&1')
    for (const link of Object.values(links)) {
      expect(link).toContain(encoded)
      expect(link).not.toContain(' ')
      expect(URL.canParse(link)).toBe(true)
    }
  })
})

describe('travelMinutes', () => {
  it('estimates walking and e-bike minutes over the road, not the straight line', () => {
    // 1 km straight is about 1.3 km of road: 17 minutes at 75 m/min, 5 at 250 m/min.
    expect(travelMinutes(1_000)).toEqual({ walk: 17, ebike: 5 })
    expect(travelMinutes(5_000)).toEqual({ walk: 87, ebike: 26 })
  })

  it('never says zero minutes', () => {
    expect(travelMinutes(0)).toEqual({ walk: 1, ebike: 1 })
    expect(travelMinutes(20)).toEqual({ walk: 1, ebike: 1 })
  })

  it('takes longer the farther the station is', () => {
    const near = travelMinutes(800)
    const far = travelMinutes(3_000)
    expect(far.walk).toBeGreaterThan(near.walk)
    expect(far.ebike).toBeGreaterThan(near.ebike)
    expect(near.walk).toBeGreaterThan(near.ebike)
  })
})
