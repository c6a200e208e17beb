import type { Upload } from './methods.js'

export type MultipartBody = { fields: Map<string, string>; files: Map<string, Upload> }

/**
 * Reads a multipart/form-data body the way its two senders write it. grammY writes a file name
 * raw, unquoted and unescaped up to the end of the line (`filename=报名 名单 "终".csv`); browsers
 * quote it and escape `"` as %22. A strict parser (busboy) drops grammY's file when the name has a
 * space, a quote or a non-ASCII character, so the whole part is read here by hand.
 */
export function parseMultipart(body: Buffer, contentType: string): MultipartBody | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
  const marker = boundary?.[1] ?? boundary?.[2]
  if (marker === undefined) return undefined
  const delimiter = Buffer.from(`--${marker}`)
  const fields = new Map<string, string>()
  const files = new Map<string, Upload>()
  let start = body.indexOf(delimiter)
  while (start !== -1) {
    const afterDelimiter = start + delimiter.length
    // "--" right after a delimiter closes the body.
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString('latin1') === '--') break
    const partStart = afterDelimiter + 2
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), partStart)
    if (next === -1) break
    readPart(body.subarray(partStart, next), fields, files)
    start = next + 2
  }
  return { fields, files }
}

function readPart(part: Buffer, fields: Map<string, string>, files: Map<string, Upload>) {
  const headerEnd = part.indexOf('\r\n\r\n')
  if (headerEnd === -1) return
  const content = part.subarray(headerEnd + 4)
  let disposition = ''
  let mimeType = 'application/octet-stream'
  for (const line of part.subarray(0, headerEnd).toString('utf8').split('\r\n')) {
    const colon = line.indexOf(':')
    const header = line.slice(0, colon).trim().toLowerCase()
    const value = line.slice(colon + 1).trim()
    if (header === 'content-disposition') disposition = value
    else if (header === 'content-type' && value !== '') mimeType = value
  }
  // The field name comes first and is always quoted; the file name may hold anything, "name=" too.
  const name = /^form-data\s*;\s*name="([^"]*)"/i.exec(disposition)?.[1]
  if (name === undefined) return
  const filename = fileNameOf(disposition)
  if (filename === undefined) fields.set(name, content.toString('utf8'))
  else files.set(name, { bytes: Buffer.from(content), mimeType, name: filename || name })
}

function fileNameOf(disposition: string): string | undefined {
  const match = /;\s*filename=/i.exec(disposition)
  if (match === null) return undefined
  const raw = disposition.slice(match.index + match[0].length)
  if (raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"')) {
    return raw.slice(1, -1).replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n')
  }
  return raw
}
