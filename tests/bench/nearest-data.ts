// Deterministic, real-looking stations and rider positions for the nearest-station benchmark.
import type { Point } from '../../db/repositories/stations.js'
import type { NewStation } from '../../db/schema/index.js'
import { amenities, stationKinds, type Amenity } from '../../domain/vocabulary.js'
import { createRandom, type Random } from '../helpers/random.js'

// Weight ≈ share of stations; the spread (degrees) grows with the size of the city.
const cities: readonly { name: string; lat: number; lng: number; weight: number }[] = [
  { name: '上海', lat: 31.23, lng: 121.47, weight: 10 },
  { name: '北京', lat: 39.9, lng: 116.4, weight: 10 },
  { name: '深圳', lat: 22.54, lng: 114.06, weight: 8 },
  { name: '广州', lat: 23.13, lng: 113.26, weight: 8 },
  { name: '成都', lat: 30.66, lng: 104.07, weight: 7 },
  { name: '重庆', lat: 29.56, lng: 106.55, weight: 7 },
  { name: '杭州', lat: 30.27, lng: 120.16, weight: 6 },
  { name: '武汉', lat: 30.59, lng: 114.31, weight: 6 },
  { name: '西安', lat: 34.34, lng: 108.94, weight: 5 },
  { name: '南京', lat: 32.06, lng: 118.8, weight: 5 },
  { name: '天津', lat: 39.13, lng: 117.2, weight: 5 },
  { name: '苏州', lat: 31.3, lng: 120.58, weight: 4 },
  { name: '郑州', lat: 34.75, lng: 113.63, weight: 4 },
  { name: '长沙', lat: 28.23, lng: 112.94, weight: 4 },
  { name: '沈阳', lat: 41.81, lng: 123.43, weight: 3 },
  { name: '青岛', lat: 36.07, lng: 120.38, weight: 3 },
  { name: '昆明', lat: 25.04, lng: 102.71, weight: 3 },
  { name: '合肥', lat: 31.82, lng: 117.23, weight: 3 },
  { name: '济南', lat: 36.65, lng: 117.12, weight: 3 },
  { name: '哈尔滨', lat: 45.8, lng: 126.53, weight: 3 },
  { name: '福州', lat: 26.07, lng: 119.3, weight: 2 },
  { name: '南宁', lat: 22.82, lng: 108.37, weight: 2 },
  { name: '乌鲁木齐', lat: 43.83, lng: 87.62, weight: 2 },
  { name: '兰州', lat: 36.06, lng: 103.83, weight: 2 },
  { name: '漯河', lat: 33.58, lng: 114.02, weight: 1 },
  { name: '肥城', lat: 36.18, lng: 116.77, weight: 1 },
  { name: '拉萨', lat: 29.65, lng: 91.13, weight: 1 },
  { name: '海口', lat: 20.04, lng: 110.35, weight: 1 },
]
const totalWeight = cities.reduce((sum, city) => sum + city.weight, 0)

const districts = ['中心区', '东城区', '西城区', '南区', '北区', '新区', '高新区', '开发区', '老城区', '滨江区']
const roads = ['建设路', '人民路', '解放路', '中山路', '长江路', '和平路', '胜利路', '文化路', '青年路', '朝阳路']
const hours = ['24/7', 'Mo-Su 09:00-21:00', 'Mo-Su 10:00-02:00', 'Mo-Fr 09:00-17:00', '']

/** Chance that a station offers each amenity; truck parking is rare on purpose (the filter benchmark). */
const amenityChance = (amenity: Amenity): number =>
  amenity === 'truck_parking' ? 0.02 : ['hot_water', 'drinking_water', 'rest_seats', 'phone_charging'].includes(amenity) ? 0.7 : 0.25

/** Most points lie around big cities, the rest anywhere over mainland China's bounding box. */
function randomPlace(random: Random): { city: string; point: Point } {
  if (random.next() < 0.1) {
    return { city: '', point: { lat: random.between(18, 50), lng: random.between(75, 133) } }
  }
  let ticket = random.next() * totalWeight
  const city = cities.find((candidate) => (ticket -= candidate.weight) < 0) ?? cities[0]!
  const spread = 0.06 * Math.sqrt(city.weight)
  return {
    city: city.name,
    point: {
      lat: city.lat + random.normal() * spread,
      lng: city.lng + (random.normal() * spread) / Math.cos((city.lat * Math.PI) / 180),
    },
  }
}

export function generateStations(count: number, seed: number): NewStation[] {
  const random = createRandom(seed)
  return Array.from({ length: count }, (_, index) => {
    const { city, point } = randomPlace(random)
    const district = random.pick(districts)
    const number = index + 1
    return {
      externalId: `bench-${number}`,
      name: `${city}${district}暖新驿站${number}号`,
      kind: random.pick(stationKinds),
      address: `${district}${random.pick(roads)} ${1 + Math.floor(random.next() * 400)} 号`,
      city,
      district,
      lat: point.lat,
      lng: point.lng,
      amenities: amenities.filter((amenity) => random.next() < amenityChance(amenity)),
      openingHours: random.pick(hours),
      active: random.next() >= 0.02,
    }
  })
}

export function generateQueryPoints(count: number, seed: number): Point[] {
  const random = createRandom(seed)
  return Array.from({ length: count }, () => randomPlace(random).point)
}
