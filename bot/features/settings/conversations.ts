import { setQuietHours } from '../../../db/repositories/user-settings.js'
import { minutesToClock } from '../../../domain/time.js'
import type { BotConversation, BotDeps, ConversationContext } from '../../context.js'
import { parseQuietHours } from './quiet-hours.js'

const cancelWords = new Set(['取消', '退出', '算了', 'cancel', 'quit', 'exit'])

/**
 * Asks for a typed range until it reads one (or the worker says 取消). Buttons tapped meanwhile
 * (a preset, another feature's button) go on to their own handlers: only messages are waited for.
 */
export function createCustomQuietHours({ db }: BotDeps) {
  return async function customQuietHours(conversation: BotConversation, ctx: ConversationContext): Promise<void> {
    await ctx.reply(ctx.t('settings-custom-prompt'), { parse_mode: 'HTML' })
    for (;;) {
      const answer = await conversation.waitFor('message', { next: true })
      const text = answer.message.text
      if (text !== undefined && cancelWords.has(text.trim().toLowerCase())) {
        await answer.reply(ctx.t('settings-custom-cancelled'))
        return
      }
      const parsed = text === undefined || text.length > 40 ? undefined : parseQuietHours(text)
      if (parsed === undefined || parsed.kind !== 'parsed') {
        const key = parsed?.kind === 'same' ? 'settings-custom-same' : 'settings-custom-invalid'
        await answer.reply(ctx.t(key), { parse_mode: 'HTML' })
        continue
      }
      const userId = answer.from.id
      await conversation.external(() => setQuietHours(db, userId, parsed.hours))
      await answer.reply(ctx.t('settings-saved', { start: minutesToClock(parsed.hours.start), end: minutesToClock(parsed.hours.end) }), {
        parse_mode: 'HTML',
      })
      return
    }
  }
}
