// The crowd of bench:bot: simulated riders talking to a bot through the emulator (as
// api.telegram.org), each waiting for the answer to one update before sending the next, as a
// person does. Latency is from the moment an update is queued for getUpdates to the bot's answer
// in that chat (a new message or an edit).
import type { AddressInfo } from 'node:net'
import type { Message } from 'grammy/types'
import { createEmulatorServer } from '../../bot/local/emulator/server.js'
import { EmulatorState, type ChatEvent } from '../../bot/local/emulator/state.js'
import { sendAsUser, type UserInput } from '../../bot/local/emulator/users.js'
import type { Point } from '../../db/repositories/stations.js'

export const benchToken = '1000000001:BENCH-bot-throughput-token-abcdefghij'
const answerTimeoutMs = 60_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export type World = {
  state: EmulatorState
  apiRoot: string
  close: () => Promise<void>
}

export async function startWorld(): Promise<World> {
  const state = new EmulatorState(1_000_000_001)
  const server = createEmulatorServer(state, benchToken, {
    session: () => ({}),
    addUser: () => 0,
    onError: (error) => console.error(error),
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    state,
    apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

/** What a rider does next: a kind of update, for the figures by kind. */
export type Step = 'location' | 'filter' | 'events' | 'place'
export const script: readonly Step[] = ['location', 'filter', 'events', 'place']

export type Sample = { step: Step; ms: number; error: string | undefined }

const apology = /抱歉，刚才出了点问题|Sorry, something went wrong/
const places = ['人民路', '建设路', '解放路', '中山路', '高新区', '滨江区', '成都', '上海', '漯河', '肥城']

/** Waits for the bot's next message or edit in one chat. */
function nextAnswer(state: EmulatorState, chatId: number): { answer: Promise<Message | undefined>; cancel: () => void } {
  let unsubscribe = () => {}
  let timer: NodeJS.Timeout | undefined
  const answer = new Promise<Message | undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), answerTimeoutMs)
    unsubscribe = state.subscribe(chatId, (event: ChatEvent) => {
      if ((event.type === 'message' && event.message.from?.is_bot === true) || event.type === 'edit') resolve(event.message)
    })
  })
  return {
    answer: answer.finally(() => {
      clearTimeout(timer)
      unsubscribe()
    }),
    cancel: () => unsubscribe(),
  }
}

/** Queues one update and measures until the bot answers it. */
async function exchange(
  state: EmulatorState,
  chatId: number,
  step: Step,
  send: () => void,
): Promise<{ sample: Sample; answer: Message | undefined }> {
  const waiting = nextAnswer(state, chatId)
  const started = performance.now()
  send()
  const answer = await waiting.answer
  const ms = performance.now() - started
  const text = answer?.text ?? ''
  const error = answer === undefined ? 'no answer' : apology.test(text) ? 'apology' : undefined
  return { sample: { step, ms, error }, answer }
}

/** The data of a button on the bot's message that narrows a nearest list, else any button. */
function filterButton(message: Message | undefined): string | undefined {
  const data = (message?.reply_markup?.inline_keyboard ?? [])
    .flat()
    .flatMap((button) => ('callback_data' in button && button.callback_data !== undefined ? [button.callback_data] : []))
  return data.find((item) => item.startsWith('n:')) ?? data[0]
}

/** Pushes a tap as Telegram would; the bare bot's answers have no buttons, so any data goes. */
function tap(state: EmulatorState, userId: number, message: Message, data: string) {
  const user = state.users.get(userId)
  if (user === undefined) throw new Error(`no user ${userId}`)
  const { blocked: _blocked, ...from } = user
  state.pushUpdate({ callback_query: { id: state.newCallbackQueryId(userId), from, message, chat_instance: String(userId), data } })
}

/** One rider: `updates` updates, the script over and over, each after the answer to the one before. */
export async function ride(state: EmulatorState, userId: number, updates: number, points: readonly Point[]): Promise<Sample[]> {
  const samples: Sample[] = []
  let last: Message | undefined
  for (let index = 0; index < updates; index++) {
    let step = script[index % script.length] ?? 'location'
    const data = step === 'filter' ? filterButton(last) : undefined
    // A place with no station nearby has no list to narrow: such a rider types a place instead.
    if (step === 'filter' && (data === undefined || last === undefined)) step = 'place'
    const point = points[(userId + index) % points.length] ?? { lat: 30.66, lng: 104.07 }
    const input: UserInput | undefined =
      step === 'location'
        ? { location: { latitude: point.lat, longitude: point.lng } }
        : step === 'events'
          ? { text: '/events' }
          : step === 'place'
            ? { text: places[(userId + index) % places.length] ?? '成都' }
            : undefined
    const message = last
    const { sample, answer } = await exchange(state, userId, step, () =>
      input === undefined && message !== undefined && data !== undefined
        ? tap(state, userId, message, data)
        : sendAsUser(state, userId, input ?? { text: '/events' }),
    )
    samples.push(sample)
    if (answer === undefined) break
    last = answer
  }
  return samples
}

/** One user sending `count` typed places evenly over `spanMs`, not waiting for answers. */
export async function flood(state: EmulatorState, userId: number, count: number, spanMs: number): Promise<void> {
  const started = performance.now()
  for (let index = 0; index < count; index++) {
    sendAsUser(state, userId, { text: places[index % places.length] ?? '成都' })
    const due = started + ((index + 1) * spanMs) / count
    const wait = due - performance.now()
    if (wait > 0) await sleep(wait)
  }
}

export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN
}
