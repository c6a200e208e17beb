// The web chat's side of the emulator's /api/ routes. Failures become ApiFailure, whose
// `reason` is what the page shows inside strings['webchat-error'].

export class ApiFailure extends Error {
  /** @param {number} status @param {string} reason */
  constructor(status, reason) {
    super(reason)
    this.status = status
    this.reason = reason
  }
}

/** A network failure (server gone, offline) has no description; the page fills in its own words. */
export const NETWORK_FAILURE = 0

async function request(url, init) {
  let response
  try {
    response = await fetch(url, { cache: 'no-store', ...init })
  } catch {
    throw new ApiFailure(NETWORK_FAILURE, '')
  }
  let body
  try {
    body = await response.json()
  } catch {
    body = undefined
  }
  if (!response.ok) {
    const description = body && typeof body.description === 'string' ? body.description : String(response.status)
    throw new ApiFailure(response.status, description)
  }
  return body
}

export const getJson = (url) => request(url)

export const postJson = (url, body) =>
  request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

/** Multipart upload; the browser sets the boundary in the content type. */
export const postForm = (url, form) => request(url, { method: 'POST', body: form })
