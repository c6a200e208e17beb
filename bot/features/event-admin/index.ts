import { Composer } from 'grammy'
import type { BotContext, BotDeps } from '../../context.js'

export function createEventAdminFeature(_deps: BotDeps): Composer<BotContext> {
  return new Composer<BotContext>()
}
