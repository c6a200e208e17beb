import { Composer } from 'grammy'
import type { BotContext, BotDeps } from '../../context.js'

export function createFeedbackFeature(_deps: BotDeps): Composer<BotContext> {
  return new Composer<BotContext>()
}
