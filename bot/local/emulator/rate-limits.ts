/** Telegram's flood limits for the emulator: a global and a per-chat token bucket. */
export type RateLimitOptions = {
  /** Messages per second over all chats (Telegram: about 30). */
  perSecond: number
  /** How many may go at once after a quiet moment; default half a second's worth. */
  burst?: number
  /** Messages per second to one chat (Telegram: about 1). */
  perChatPerSecond?: number
}

type Bucket = { tokens: number; at: number }

/**
 * Token buckets like Telegram's flood control. take() either spends a token for the chat and
 * returns 0, or returns the seconds to wait (what a 429 carries as retry_after) and spends nothing.
 */
export class RateLimiter {
  private readonly global: Bucket
  private readonly chats = new Map<number, Bucket>()
  private readonly burst: number
  private readonly perChat: number

  constructor(
    readonly options: RateLimitOptions,
    private readonly clock: () => number = Date.now,
  ) {
    this.burst = Math.max(1, options.burst ?? options.perSecond / 2)
    this.perChat = options.perChatPerSecond ?? 1
    this.global = { tokens: this.burst, at: clock() }
  }

  take(chatId: number): number {
    const now = this.clock()
    const refill = (bucket: Bucket, rate: number, capacity: number) => {
      bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * rate)
      bucket.at = now
    }
    refill(this.global, this.options.perSecond, this.burst)
    let chat = this.chats.get(chatId)
    if (chat === undefined) {
      chat = { tokens: 1, at: now }
      this.chats.set(chatId, chat)
      // Full buckets carry no information: forget them so a 10,000-chat broadcast stays small.
      if (this.chats.size > 10_000) for (const [id, bucket] of this.chats) if (now - bucket.at > 2000 / this.perChat) this.chats.delete(id)
    }
    refill(chat, this.perChat, 1)
    // Telegram tolerates tiny timing differences; a hundredth of a token is not worth a 429.
    const wait = Math.max(0.99 - this.global.tokens, 0) / this.options.perSecond + Math.max(0.99 - chat.tokens, 0) / this.perChat
    if (wait > 0) return Math.max(1, Math.ceil(wait))
    this.global.tokens -= 1
    chat.tokens -= 1
    return 0
  }
}
