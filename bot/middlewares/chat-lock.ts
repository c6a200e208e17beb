import { randomUUID } from 'node:crypto'
import type { MiddlewareFn } from 'grammy'
import { releaseLease, takeLease } from '../../db/repositories/leases.js'
import type { BotContext, BotDeps } from '../context.js'

export type ChatLockOptions = {
  /** How long a claim lasts without renewal: a killed instance blocks its chats at most this long. */
  leaseSeconds?: number
  /** Longest wait for a chat another instance is busy with before the update fails. */
  maxWaitMs?: number
}

class ChatBusyError extends Error {
  override name = 'ChatBusyError'
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Handles the updates of one chat one at a time across every instance sharing the database.
 * grammY's `sequentialize` already orders them inside this process; this adds a claim on
 * "chat:<id>" in the leases table, so that two taps of 发布 delivered to two instances cannot
 * both run a conversation's last step on the same stored state.
 *
 * Why a lease row rather than `pg_advisory_lock`: a session lock must be held on one pooled
 * connection for the whole update, and 500 updates of different chats over a pool of 10 would
 * then queue behind each other. A lease is two short statements (take, give up); between them no
 * connection is held, so different chats stay fully concurrent. The claim is renewed while a long
 * update runs, and expires by itself when its instance dies.
 */
export function chatLock(deps: BotDeps, options: ChatLockOptions = {}): MiddlewareFn<BotContext> {
  const leaseSeconds = options.leaseSeconds ?? 30
  const maxWaitMs = options.maxWaitMs ?? 2 * leaseSeconds * 1000
  const instance = randomUUID()
  return async (ctx, next) => {
    const chatId = ctx.chat?.id ?? ctx.from?.id
    if (chatId === undefined) return next()
    const key = `chat:${chatId}`
    // One holder per update: a renewal by this update never extends another update's claim.
    const holder = `${instance}:${ctx.update.update_id}`
    const started = Date.now()
    let pause = 10
    while (!(await takeLease(deps.db, key, holder, leaseSeconds))) {
      if (Date.now() - started > maxWaitMs) throw new ChatBusyError(`chat ${chatId} stayed busy for ${maxWaitMs} ms`)
      // Jittered backoff up to 100 ms: the other instance's update usually takes tens of ms.
      await sleep(pause + Math.random() * pause)
      pause = Math.min(pause * 2, 100)
    }
    const renew = setInterval(
      () => {
        takeLease(deps.db, key, holder, leaseSeconds).then(
          (kept) => {
            if (!kept) deps.logger.warn({ chat: chatId }, 'chat lock expired while an update was still running')
          },
          (error: unknown) => deps.logger.warn({ err: error, chat: chatId }, 'chat lock not renewed'),
        )
      },
      (leaseSeconds * 1000) / 3,
    )
    renew.unref()
    try {
      await next()
    } finally {
      clearInterval(renew)
      try {
        await releaseLease(deps.db, key, holder)
      } catch (error) {
        // The claim then expires after leaseSeconds; the update itself is done.
        deps.logger.warn({ err: error, chat: chatId }, 'chat lock not released')
      }
    }
  }
}
