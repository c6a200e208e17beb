import { randomBytes } from 'node:crypto'
import type {
  BotCommand,
  CallbackQuery,
  Message,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
  Update,
  User,
  UserFromGetMe,
} from 'grammy/types'
import type { RateLimiter } from './rate-limits.js'

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: Record<string, unknown>,
  ) {
    super(description)
  }
}

export type StoredFile = { fileId: string; uniqueId: string; bytes: Buffer; mimeType: string; name: string }
export type ChatEvent =
  | { type: 'message' | 'edit'; message: Message }
  | { type: 'delete'; message_id: number }
  | { type: 'callback_answer'; callback_query_id: string; text?: string; show_alert?: boolean }
  | { type: 'keyboard'; keyboard: ReplyKeyboardMarkup | ReplyKeyboardRemove | null }
  | { type: 'chat_action'; action: string }

type Chat = {
  messages: Message[]
  keyboard: ReplyKeyboardMarkup | null
  listeners: Set<(event: ChatEvent) => void>
}

type Waiter = { resolve: (conflict: boolean) => void }

/** Forget answered callback queries and very old history so a long local session stays small. */
const MAX_MESSAGES_PER_CHAT = 500
const CALLBACK_TTL_MS = 15 * 60 * 1000

/**
 * The emulated Telegram world: simulated users, their private chats with the bot, the update queue
 * the bot polls, uploaded files, and listeners (the web chat) for what happens in each chat.
 */
export class EmulatorState {
  readonly bot: UserFromGetMe
  readonly users = new Map<number, User & { blocked: boolean }>()
  readonly files = new Map<string, StoredFile>()
  readonly commands = new Map<string, BotCommand[]>()
  /** Set by setWebhook. The emulator does not deliver to it; it only refuses getUpdates meanwhile, as Telegram does. */
  webhook: { url: string; secretToken: string | undefined } | undefined
  /** Flood limits on sending methods; off by default so that local replies come at once. */
  rateLimiter: RateLimiter | undefined
  /** How many 429s the flood limits answered. */
  tooManyRequests = 0
  private readonly chats = new Map<number, Chat>()
  private readonly updates: Update[] = []
  private readonly callbacks = new Map<string, { userId: number; at: number }>()
  private nextUpdateId = 1
  private nextMessageId = 1
  private waiter: Waiter | undefined

  constructor(
    botId: number,
    readonly now: () => Date = () => new Date(),
  ) {
    this.bot = {
      id: botId,
      is_bot: true,
      first_name: '暖新助手',
      username: 'nuanxin_local_bot',
      can_join_groups: false,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    }
  }

  unixTime(): number {
    return Math.floor(this.now().getTime() / 1000)
  }

  addUser(user: User): void {
    this.users.set(user.id, { ...user, blocked: this.users.get(user.id)?.blocked ?? false })
  }

  chat(id: number): Chat {
    let chat = this.chats.get(id)
    if (chat === undefined) {
      chat = { messages: [], keyboard: null, listeners: new Set() }
      this.chats.set(id, chat)
    }
    return chat
  }

  /** The private chat of a known user; Telegram's 400/403 otherwise. */
  botChat(chatId: unknown): { user: User & { blocked: boolean }; chat: Chat } {
    const id = typeof chatId === 'string' && /^-?\d+$/.test(chatId) ? Number(chatId) : chatId
    const user = typeof id === 'number' ? this.users.get(id) : undefined
    if (user === undefined) throw new ApiError(400, 'Bad Request: chat not found')
    if (user.blocked) throw new ApiError(403, 'Forbidden: bot was blocked by the user')
    return { user, chat: this.chat(user.id) }
  }

  newMessageId(): number {
    return this.nextMessageId++
  }

  storeMessage(chatId: number, message: Message): void {
    const chat = this.chat(chatId)
    chat.messages.push(message)
    if (chat.messages.length > MAX_MESSAGES_PER_CHAT) chat.messages.shift()
    this.emit(chatId, { type: 'message', message })
  }

  findMessage(chatId: number, messageId: number): Message | undefined {
    return this.chats.get(chatId)?.messages.find((message) => message.message_id === messageId)
  }

  replaceMessage(chatId: number, message: Message): void {
    const chat = this.chat(chatId)
    const index = chat.messages.findIndex((item) => item.message_id === message.message_id)
    if (index >= 0) chat.messages[index] = message
    this.emit(chatId, { type: 'edit', message })
  }

  deleteMessage(chatId: number, messageId: number): boolean {
    const chat = this.chat(chatId)
    const index = chat.messages.findIndex((item) => item.message_id === messageId)
    if (index < 0) return false
    chat.messages.splice(index, 1)
    this.emit(chatId, { type: 'delete', message_id: messageId })
    return true
  }

  setKeyboard(chatId: number, keyboard: ReplyKeyboardMarkup | null): void {
    this.chat(chatId).keyboard = keyboard
    this.emit(chatId, { type: 'keyboard', keyboard })
  }

  history(chatId: number): { messages: Message[]; keyboard: ReplyKeyboardMarkup | null } {
    const chat = this.chat(chatId)
    return { messages: [...chat.messages], keyboard: chat.keyboard }
  }

  subscribe(chatId: number, listener: (event: ChatEvent) => void): () => void {
    const listeners = this.chat(chatId).listeners
    listeners.add(listener)
    return () => listeners.delete(listener)
  }

  emit(chatId: number, event: ChatEvent): void {
    for (const listener of this.chat(chatId).listeners) listener(event)
  }

  /** Queues an update for the bot; private-chat messages only, which is all the emulator has. */
  pushUpdate(update: { message: Message } | { callback_query: CallbackQuery }): Update {
    const full = { ...update, update_id: this.nextUpdateId++ } as Update
    this.updates.push(full)
    this.waiter?.resolve(false)
    return full
  }

  newCallbackQueryId(userId: number): string {
    const id = randomBytes(8).toString('hex')
    const now = Date.now()
    for (const [key, value] of this.callbacks) if (now - value.at > CALLBACK_TTL_MS) this.callbacks.delete(key)
    this.callbacks.set(id, { userId, at: now })
    return id
  }

  /** Takes a callback query for answering; each can be answered once, like on Telegram. */
  takeCallback(id: unknown): { userId: number } | undefined {
    if (typeof id !== 'string') return undefined
    const query = this.callbacks.get(id)
    this.callbacks.delete(id)
    return query
  }

  /**
   * Confirms updates below `offset`, then returns pending ones, waiting up to `timeoutSeconds` for
   * one. A newer call ends a waiting older one with Telegram's 409 Conflict.
   */
  async getUpdates(offset: number | undefined, limit: number, timeoutSeconds: number, signal: AbortSignal): Promise<Update[]> {
    if (offset !== undefined) {
      while (this.updates.length > 0 && (this.updates[0]?.update_id ?? Infinity) < offset) this.updates.shift()
    }
    this.waiter?.resolve(true)
    if (this.updates.length === 0 && timeoutSeconds > 0) {
      const conflict = await new Promise<boolean>((resolve) => {
        const done = (conflicted: boolean) => {
          clearTimeout(timer)
          signal.removeEventListener('abort', onAbort)
          if (this.waiter === waiter) this.waiter = undefined
          resolve(conflicted)
        }
        const onAbort = () => done(false)
        const waiter: Waiter = { resolve: done }
        const timer = setTimeout(() => done(false), timeoutSeconds * 1000)
        signal.addEventListener('abort', onAbort)
        this.waiter = waiter
      })
      if (conflict) {
        throw new ApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running')
      }
    }
    return this.updates.slice(0, limit)
  }
}
