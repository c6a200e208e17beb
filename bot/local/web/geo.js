// Map links for location and venue cards. Telegram and browsers use WGS-84; Amap expects GCJ-02
// inside mainland China, so the point is shifted for Amap (the standard public conversion) and
// left as it is for OpenStreetMap.

const A = 6378245.0
const EE = 0.006693421622965943

function outsideChina(lat, lng) {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271
}

function shiftLat(x, y) {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3
  return r
}

function shiftLng(x, y) {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3
  return r
}

/** WGS-84 → GCJ-02 (unchanged outside China). */
function toGcj02(lat, lng) {
  if (outsideChina(lat, lng)) return { lat, lng }
  let dLat = shiftLat(lng - 105, lat - 35)
  let dLng = shiftLng(lng - 105, lat - 35)
  const radLat = (lat / 180) * Math.PI
  let magic = Math.sin(radLat)
  magic = 1 - EE * magic * magic
  const sqrtMagic = Math.sqrt(magic)
  dLat = (dLat * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI)
  dLng = (dLng * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI)
  return { lat: lat + dLat, lng: lng + dLng }
}

export function amapLink(lat, lng, name) {
  const gcj = toGcj02(lat, lng)
  const named = name ? `&name=${encodeURIComponent(name)}` : ''
  return `https://uri.amap.com/marker?position=${gcj.lng.toFixed(6)},${gcj.lat.toFixed(6)}${named}&coordinate=gaode&callnative=1&src=nuanxin-local`
}

export function osmLink(lat, lng) {
  const la = lat.toFixed(6)
  const ln = lng.toFixed(6)
  return `https://www.openstreetmap.org/?mlat=${la}&mlon=${ln}#map=17/${la}/${ln}`
}

/**
 * "lat, lng" typed by a person: ASCII or full-width comma, or spaces. A pair that only makes sense
 * as "lng, lat" (what Amap and Baidu show) is read that way.
 * @returns {{latitude: number, longitude: number} | undefined}
 */
export function parseCoordinates(input) {
  const parts = input
    .trim()
    .split(/\s*[,，、;；]\s*|\s+/)
    .filter(Boolean)
  if (parts.length !== 2 || !parts.every((part) => /^[-+]?\d+(\.\d+)?$/.test(part))) return undefined
  let [lat, lng] = parts.map(Number)
  if (Math.abs(lat) > 90 && Math.abs(lng) <= 90) [lat, lng] = [lng, lat]
  if (!(Math.abs(lat) <= 90 && Math.abs(lng) <= 180)) return undefined
  return { latitude: lat, longitude: lng }
}
