import { Composer } from 'grammy'
import type { BotContext } from '../../context.js'

/** Last in the chain: anything no feature took gets a short, helpful answer and changes nothing. */
export function createUnhandledFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>()
  const privateChats = composer.chatType('private')

  privateChats.on('message:sticker', (ctx) => ctx.reply(ctx.t('unhandled-sticker')))
  privateChats.on(['message:voice', 'message:audio', 'message:video_note'], (ctx) => ctx.reply(ctx.t('unhandled-voice')))
  privateChats.on(['message:photo', 'message:document', 'message:video', 'message:animation'], (ctx) => ctx.reply(ctx.t('unhandled-media')))
  privateChats.on('message::bot_command', (ctx) => ctx.reply(ctx.t('unhandled-command')))
  privateChats.on('message', (ctx) => ctx.reply(ctx.t('unhandled-other')))
  // A button from an old message, another bot version, or forged data.
  composer.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: ctx.t('button-stale') }))

  return composer
}
