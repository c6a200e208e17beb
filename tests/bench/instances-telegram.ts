// The fake Bot API of bench:instances: one HTTP server, each instance reaching it under its own
// path prefix (TELEGRAM_API_ROOT=http://127.0.0.1:<port>/<instance>), so every call is attributed to
// the instance that made it. Answers what start-up and sending need; records sendMessage per chat.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export type Delivery = { instance: string; chatId: number; text: string }

/**
 * Called for each sendMessage once it has reached the fake (it is recorded as delivered then);
 * `answer` sends the reply. Lets a benchmark kill the sender before, or right after, the answer.
 */
export type OnSendMessage = (delivery: Delivery, answer: () => void) => void

export type BenchTelegram = {
  apiRoot: (instance: string) => string
  deliveries: Delivery[]
  calls: Map<string, number>
  close: () => Promise<void>
}

const botInfo = {
  id: 1_000_000_001,
  is_bot: true,
  first_name: '暖新助手',
  username: 'nuanxin_bench_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
}

export async function startBenchTelegram(options: { onSendMessage?: OnSendMessage } = {}): Promise<BenchTelegram> {
  const deliveries: Delivery[] = []
  const calls = new Map<string, number>()
  let messageId = 0
  const server: Server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
    req.on('end', () => {
      const match = /^\/([\w-]+)\/bot[^/]+\/(\w+)/.exec(req.url ?? '')
      const instance = match?.[1] ?? '?'
      const method = match?.[2] ?? '?'
      calls.set(`${instance}:${method}`, (calls.get(`${instance}:${method}`) ?? 0) + 1)
      let params: Record<string, unknown> = {}
      try {
        params = body === '' ? {} : (JSON.parse(body) as Record<string, unknown>)
      } catch {
        // multipart uploads are not used by the bench's flows
      }
      const chatId = Number(params.chat_id ?? 0)
      let result: unknown = true
      let delivery: Delivery | undefined
      if (method === 'getMe') result = botInfo
      else if (method === 'getUpdates') result = []
      else if (method.startsWith('send') || method === 'copyMessage') {
        if (method === 'sendMessage') deliveries.push((delivery = { instance, chatId, text: String(params.text ?? '') }))
        result = { message_id: ++messageId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, text: params.text }
      } else if (method === 'editMessageText') {
        result = { message_id: Number(params.message_id ?? 0), date: 0, chat: { id: chatId, type: 'private' }, text: params.text }
      }
      // The caller may have been killed meanwhile: its socket is gone, and so is the answer.
      const answer = () => {
        if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result }))
      }
      if (delivery !== undefined && options.onSendMessage !== undefined) options.onSendMessage(delivery, answer)
      else answer()
    })
  })
  server.keepAliveTimeout = 65_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    apiRoot: (instance) => `http://127.0.0.1:${port}/${instance}`,
    deliveries,
    calls,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
