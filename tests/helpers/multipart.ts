import { parseMultipart as parseBody } from '../../bot/local/emulator/multipart.js'

/** An uploaded file as the fake Telegram saw it. */
export type UploadedFile = { filename: string; data: Buffer }

async function collect(body: unknown): Promise<Buffer> {
  if (typeof body === 'string') return Buffer.from(body)
  if (body instanceof Uint8Array) return Buffer.from(body)
  const chunks: Buffer[] = []
  for await (const chunk of body as AsyncIterable<Uint8Array | string>)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk))
  return Buffer.concat(chunks)
}

/**
 * Reads a multipart/form-data request body the way grammY writes it for uploads (InputFile), with
 * the emulator's reader: plain fields become strings, and fields pointing at `attach://<id>` become
 * the uploaded file.
 */
export async function parseMultipart(body: unknown, contentType: string): Promise<Record<string, unknown>> {
  const parsed = parseBody(await collect(body), contentType)
  if (parsed === undefined) throw new Error(`no boundary in ${contentType}`)
  const payload: Record<string, unknown> = {}
  for (const [name, value] of parsed.fields) {
    const file = value.startsWith('attach://') ? parsed.files.get(value.slice('attach://'.length)) : undefined
    payload[name] = file === undefined ? value : ({ filename: file.name, data: file.bytes } satisfies UploadedFile)
  }
  return payload
}
