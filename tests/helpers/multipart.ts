/** An uploaded file as the fake Telegram saw it. */
export type UploadedFile = { filename: string; data: Buffer }

async function collect(body: unknown): Promise<Buffer> {
  if (typeof body === 'string') return Buffer.from(body)
  if (body instanceof Uint8Array) return Buffer.from(body)
  const chunks: Buffer[] = []
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk))
  return Buffer.concat(chunks)
}

/**
 * Reads a multipart/form-data request body the way grammY writes it for uploads (InputFile):
 * plain fields become strings, and fields pointing at `attach://<id>` become the uploaded file.
 */
export async function parseMultipart(body: unknown, contentType: string): Promise<Record<string, unknown>> {
  const boundary = /boundary=([^;]+)/.exec(contentType)?.[1]
  if (boundary === undefined) throw new Error(`no boundary in ${contentType}`)
  const raw = await collect(body)
  const delimiter = Buffer.from(`--${boundary}`)
  const fields: Record<string, string> = {}
  const files: Record<string, UploadedFile> = {}
  let start = raw.indexOf(delimiter)
  while (start !== -1) {
    const partStart = start + delimiter.length + 2 // skip the CRLF after the delimiter
    const next = raw.indexOf(delimiter, partStart)
    if (next === -1) break
    const part = raw.subarray(partStart, next - 2) // drop the CRLF before the next delimiter
    const headerEnd = part.indexOf('\r\n\r\n')
    const headers = part.subarray(0, headerEnd).toString('utf8')
    const content = part.subarray(headerEnd + 4)
    const name = /name="([^"]*)"/.exec(headers)?.[1] ?? ''
    const filename = /filename=("?)([^\r\n"]*)\1/.exec(headers)?.[2]
    if (filename === undefined) fields[name] = content.toString('utf8')
    else files[name] = { filename, data: Buffer.from(content) }
    start = next
  }
  const payload: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(fields)) {
    payload[name] = value.startsWith('attach://') ? files[value.slice('attach://'.length)] : value
  }
  return payload
}
