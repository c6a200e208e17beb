// The sheet a request_location button opens: the browser's position, a sample city, or typed
// coordinates. Browsers refuse geolocation outside secure contexts and people deny it, so the
// city list and the coordinate field are always there as the fallback.

import { parseCoordinates } from './geo.js'

const $ = (id) => document.getElementById(id)

/**
 * @param {{
 *   t: (key: string) => string,
 *   cities: Array<{ key: string, lat: number, lng: number }>,
 *   send: (location: { latitude: number, longitude: number }) => Promise<boolean>,
 * }} options
 */
export function createLocationSheet({ t, cities, send }) {
  const dialog = $('location-sheet')
  const status = $('location-status')
  const error = $('location-error')
  const input = $('location-input')
  const browserButton = $('location-browser')
  // Bumped whenever the sheet opens or closes, so a late geolocation answer is dropped.
  let attempt = 0

  function showStatus(kind) {
    status.hidden = kind === undefined
    status.dataset.state = kind ?? ''
    status.textContent = kind === 'locating' ? t('webchat-location-locating') : kind === 'denied' ? t('webchat-location-denied') : ''
    browserButton.disabled = kind === 'locating'
  }

  async function choose(location) {
    if (await send(location)) dialog.close()
  }

  function locate() {
    const mine = attempt
    if (!('geolocation' in navigator)) return showStatus('denied')
    showStatus('locating')
    navigator.geolocation.getCurrentPosition(
      (position) => {
        if (mine !== attempt) return
        showStatus(undefined)
        void choose({ latitude: position.coords.latitude, longitude: position.coords.longitude })
      },
      () => {
        if (mine === attempt) showStatus('denied')
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    )
  }

  function sendTyped() {
    const location = parseCoordinates(input.value)
    error.hidden = location !== undefined
    error.textContent = location === undefined ? t('webchat-location-bad') : ''
    if (location !== undefined) void choose(location)
    else input.focus()
  }

  const list = $('city-list')
  for (const city of cities) {
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'city-button'
    button.dataset.testid = 'location-city'
    button.dataset.city = city.key
    button.textContent = t(city.key)
    button.addEventListener('click', () => void choose({ latitude: city.lat, longitude: city.lng }))
    list.append(button)
  }
  browserButton.addEventListener('click', locate)
  $('location-send').addEventListener('click', sendTyped)
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault()
      sendTyped()
    }
  })
  input.placeholder = '30.65762, 104.08059'
  dialog.addEventListener('close', () => attempt++)

  return {
    open() {
      attempt++
      showStatus(undefined)
      error.hidden = true
      input.value = ''
      dialog.showModal()
    },
  }
}
