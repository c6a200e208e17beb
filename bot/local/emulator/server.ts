import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { serveHealth, type Health } from '../../health.js'
import { methods, type Upload } from './methods.js'
import { parseMultipart } from './multipart.js'
import { ApiError, type ChatEvent, type EmulatorState } from './state.js'
import { pressButton, sendAsUser, type UserInput } from './users.js'
import { objectParams, type Params } from './validation.js'

const webRoot = fileURLToPath(new URL('../web/', import.meta.url))
const MAX_BODY = 20 * 1024 * 1024
const staticTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

/** Methods that put a new message in a chat: the ones Telegram's flood limits count. */
const limitedMethods = new Set(['sendMessage', 'sendPhoto', 'sendVoice', 'sendDocument', 'sendLocation', 'sendVenue', 'copyMessage'])

export type WebChatOptions = {
  /** Strings, simulated users and anything else the page needs, per locale. */
  session: (locale: string) => Record<string, unknown>
  /** Called for every web-chat request that adds a user (the switcher's "new user"). */
  addUser: (firstName: string) => number
  /** Unexpected failures (a bug in the emulator), for the log. */
  onError: (error: unknown) => void
  /** Readiness and liveness of the bot behind the emulator, at /healthz and /livez. */
  health?: Health
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

const apiError = (res: ServerResponse, error: ApiError) =>
  json(res, error.code, {
    ok: false,
    error_code: error.code,
    description: error.description,
    ...(error.parameters ? { parameters: error.parameters } : {}),
  })

async function readBody(req: IncomingMessage): Promise<{ params: Params; uploads: Map<string, Upload> }> {
  const type = req.headers['content-type'] ?? ''
  const uploads = new Map<string, Upload>()
  const params: Params = {}
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY) throw new ApiError(413, 'Request Entity Too Large')
    chunks.push(chunk)
  }
  const body = Buffer.concat(chunks)
  if (type.startsWith('multipart/form-data')) {
    const parsed = parseMultipart(body, type)
    if (parsed === undefined) throw new ApiError(400, 'Bad Request: multipart body without a boundary')
    for (const [name, value] of parsed.fields) params[name] = value
    for (const [name, upload] of parsed.files) uploads.set(name, upload)
  } else {
    const text = body.toString('utf8')
    if (type.startsWith('application/json') && text !== '') {
      try {
        Object.assign(params, JSON.parse(text))
      } catch {
        throw new ApiError(400, "Bad Request: can't parse JSON")
      }
    } else if (text !== '') {
      for (const [key, value] of new URLSearchParams(text)) params[key] = value
    }
  }
  for (const [key, value] of new URL(req.url ?? '/', 'http://x').searchParams) params[key] ??= value
  for (const key of objectParams) {
    const value = params[key]
    if (typeof value === 'string') {
      try {
        params[key] = JSON.parse(value)
      } catch {
        throw new ApiError(400, `Bad Request: can't parse ${key} JSON object`)
      }
    }
  }
  return { params, uploads }
}

async function botApi(state: EmulatorState, token: string, req: IncomingMessage, res: ServerResponse, match: RegExpExecArray) {
  if (match[1] !== token) return apiError(res, new ApiError(401, 'Unauthorized'))
  const method = methods[match[2] ?? '']
  if (method === undefined) return apiError(res, new ApiError(404, 'Not Found'))
  const { params, uploads } = await readBody(req)
  if (state.rateLimiter !== undefined && limitedMethods.has(match[2] ?? '')) {
    const wait = state.rateLimiter.take(Number(params.chat_id))
    if (wait > 0) {
      state.tooManyRequests++
      throw new ApiError(429, `Too Many Requests: retry after ${wait}`, { retry_after: wait })
    }
  }
  const aborted = new AbortController()
  res.on('close', () => aborted.abort())
  const result = await method(state, params, uploads, aborted.signal)
  json(res, 200, { ok: true, result })
}

function stream(state: EmulatorState, userId: number, req: IncomingMessage, res: ServerResponse) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
  res.write('retry: 1000\n\n')
  const send = (event: ChatEvent) => res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`)
  const unsubscribe = state.subscribe(userId, send)
  const heartbeat = setInterval(() => res.write(': ping\n\n'), 20_000)
  req.on('close', () => {
    clearInterval(heartbeat)
    unsubscribe()
  })
}

async function webApi(state: EmulatorState, options: WebChatOptions, req: IncomingMessage, res: ServerResponse, url: URL) {
  const route = url.pathname.split('/').filter(Boolean).slice(1)
  if (route[0] === 'session' && req.method === 'GET') return json(res, 200, options.session(url.searchParams.get('lang') ?? 'zh'))
  if (route[0] === 'users' && req.method === 'POST') {
    const { params } = await readBody(req)
    const name = String(params.first_name ?? '').trim()
    if (name === '' || name.length > 64) throw new ApiError(400, 'Bad Request: first_name must be 1–64 characters')
    return json(res, 200, { id: options.addUser(name) })
  }
  if (route[0] === 'files' && route[1] !== undefined && req.method === 'GET') {
    const file = state.files.get(route[1])
    if (file === undefined) return apiError(res, new ApiError(404, 'Not Found'))
    res.writeHead(200, {
      'content-type': file.mimeType,
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    })
    return res.end(file.bytes)
  }
  const userId = Number(route[1])
  if (route[0] !== 'chats' || !state.users.has(userId)) return apiError(res, new ApiError(404, 'Not Found'))
  if (route[2] === undefined && req.method === 'GET') return json(res, 200, state.history(userId))
  if (route[2] === 'stream' && req.method === 'GET') return stream(state, userId, req, res)
  if (route[2] === 'blocked' && req.method === 'POST') {
    const { params } = await readBody(req)
    const user = state.users.get(userId)
    if (user !== undefined) user.blocked = params.blocked === true
    return json(res, 200, { blocked: user?.blocked ?? false })
  }
  if (route[2] === 'messages' && req.method === 'POST') {
    const { params, uploads } = await readBody(req)
    const file = uploads.get('file')
    const caption = typeof params.caption === 'string' ? params.caption : undefined
    const input: UserInput = file !== undefined ? uploadInput(String(params.kind), file, caption) : (params as UserInput)
    return json(res, 200, { message: sendAsUser(state, userId, input) })
  }
  if (route[2] === 'callback' && req.method === 'POST') {
    const { params } = await readBody(req)
    return json(res, 200, { callback_query_id: pressButton(state, userId, Number(params.message_id), String(params.data ?? '')) })
  }
  return apiError(res, new ApiError(404, 'Not Found'))
}

async function serveStatic(res: ServerResponse, pathname: string) {
  const relative = pathname === '/' ? 'index.html' : pathname.slice(1)
  const file = path.resolve(webRoot, relative)
  const type = staticTypes[path.extname(file)]
  if (!file.startsWith(webRoot) || type === undefined) return apiError(res, new ApiError(404, 'Not Found'))
  try {
    const body = await readFile(file)
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' })
    res.end(body)
  } catch {
    apiError(res, new ApiError(404, 'Not Found'))
  }
}

/**
 * One HTTP server for local mode: the Bot API subset under /bot<token>/ (what the bot talks to,
 * through grammY's real HTTP client), file downloads, the web chat's JSON + SSE API under /api/,
 * and the web chat page itself.
 */
export function createEmulatorServer(state: EmulatorState, token: string, options: WebChatOptions): Server {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (options.health !== undefined && serveHealth(options.health, req, res)) return
    const handle = async () => {
      const bot = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname)
      if (bot !== null) return botApi(state, token, req, res, bot)
      const file = /^\/file\/bot([^/]+)\/files\/([\w-]+)$/.exec(url.pathname)
      if (file !== null) {
        if (file[1] !== token) return apiError(res, new ApiError(401, 'Unauthorized'))
        return webApi(state, options, req, res, new URL(`/api/files/${file[2]}`, url))
      }
      if (url.pathname.startsWith('/api/')) return webApi(state, options, req, res, url)
      if (req.method === 'GET') return serveStatic(res, url.pathname)
      return apiError(res, new ApiError(404, 'Not Found'))
    }
    handle().catch((error: unknown) => {
      if (res.headersSent) return res.end()
      if (error instanceof ApiError) return apiError(res, error)
      options.onError(error)
      json(res, 500, { ok: false, error_code: 500, description: 'Internal Server Error' })
    })
  })
  // Node closes idle keep-alive connections after 5 s; a client reusing one at that moment gets
  // ECONNRESET without knowing whether its request arrived (the outbox sender then gives the message
  // up). Telegram's servers keep idle connections far longer, and so does the emulator.
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
  return server
}

/** A file the web chat's user sends: a photo, a voice message (an audio file) or a document. */
function uploadInput(kind: string, file: Upload, caption: string | undefined): UserInput {
  const withCaption = caption ? { caption } : {}
  if (kind === 'photo') return { photo: file, ...withCaption }
  if (kind === 'voice') return { voice: file, ...withCaption }
  return { document: file, ...withCaption }
}
