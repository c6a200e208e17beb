import type { PhotoSize } from 'grammy/types'
import { audienceNames, countAudience } from '../../../db/repositories/broadcast-audience.js'
import { broadcastPayload, createBroadcast, setProgressMessage, type BroadcastContent } from '../../../db/repositories/broadcasts.js'
import { isAdmin, isOrganizer } from '../../../db/repositories/roles.js'
import { findUser } from '../../../db/repositories/users.js'
import type { BroadcastAudience } from '../../../db/schema/index.js'
import { requireUserId, type BotConversation, type BotDeps, type ConversationContext } from '../../context.js'
import { accept, ask, retry } from '../../conversations/ask.js'
import { translatorFor, userLocale, type Translate } from '../../i18n.js'
import { describeAudience, renderProgress } from '../../ui/broadcast-progress.js'
import { mayAddress } from './access.js'
import { chooseAudience } from './audience-step.js'
import { broadcastHeader, headerParts, MAX_CAPTION, MAX_TEXT } from './format.js'
import { nextInput, staleComposeButtons } from './input.js'
import { previewKeyboard } from './keyboards.js'

const largest = (sizes: readonly PhotoSize[]) =>
  sizes.reduce((best, size) => (size.width * size.height > best.width * best.height ? size : best))

/** Waits for the message to broadcast: a text or one photo with a caption, formatting kept. */
async function askContent(conversation: BotConversation, t: Translate): Promise<BroadcastContent> {
  return ask(conversation, {
    stale: staleComposeButtons(t),
    updates: () => true,
    read: (ctx) => {
      const message = ctx.message
      if (message === undefined) return retry()
      if (message.text !== undefined) {
        const text = message.text
        if (text.length > MAX_TEXT)
          return retry((c) => c.reply(t('broadcast-text-too-long', { length: String(text.length), max: String(MAX_TEXT) })))
        return accept({ text, entities: message.entities ?? null, photoFileId: null })
      }
      if (message.photo !== undefined && message.photo.length > 0) {
        const caption = message.caption ?? ''
        if (caption.length > MAX_CAPTION)
          return retry((c) => c.reply(t('broadcast-caption-too-long', { length: String(caption.length), max: String(MAX_CAPTION) })))
        return accept({ text: caption, entities: message.caption_entities ?? null, photoFileId: largest(message.photo).file_id })
      }
      return retry((c) => c.reply(t('broadcast-message-unsupported')))
    },
  })
}

/** Sends the message back exactly as the sender will send it to every recipient, header included. */
async function showAsRecipientsSee(ctx: ConversationContext, content: BroadcastContent, header: string) {
  const payload = broadcastPayload(content, header)
  if (payload.method === 'sendPhoto') {
    await ctx.replyWithPhoto(payload.photo, {
      ...(payload.caption === undefined ? {} : { caption: payload.caption }),
      ...(payload.captionEntities === undefined ? {} : { caption_entities: payload.captionEntities }),
    })
  } else await ctx.reply(payload.text, payload.entities === undefined ? {} : { entities: payload.entities })
}

/**
 * /broadcast: audience → message → preview → confirm. The state lives in the database, so a
 * restart continues at the same step. Confirming ends the conversation, and createBroadcast
 * refuses a second identical broadcast, so a double tap on 确认发送 sends once.
 */
export function createComposeConversation(deps: BotDeps) {
  const { db } = deps
  return async function compose(conversation: BotConversation, ctx: ConversationContext): Promise<void> {
    const t: Translate = (key, variables) => ctx.t(key, variables)
    const userId = requireUserId(ctx)
    const role = await conversation.external(async () => {
      const user = await findUser(db, userId)
      return { organizer: isOrganizer(user), admin: isAdmin(user) }
    })
    if (!role.organizer) {
      await ctx.reply(t('broadcast-not-organizer'))
      return
    }
    for (;;) {
      const audience = await chooseAudience(deps, conversation, ctx, t, role.admin)
      const label = describeAudience(t, audience, await conversation.external(() => audienceNames(db, audience)))
      const count = await conversation.external(() => countAudience(db, audience))
      await ctx.reply(t('broadcast-ask-message', { audience: label, count }), { parse_mode: 'HTML' })
      const finished = await composeMessage(conversation, ctx, t, audience, label)
      if (finished) return
    }
  }

  /** Message, preview and decision; false when the organizer wants to pick the audience again. */
  async function composeMessage(
    conversation: BotConversation,
    ctx: ConversationContext,
    t: Translate,
    audience: BroadcastAudience,
    label: string,
  ): Promise<boolean> {
    const userId = requireUserId(ctx)
    for (;;) {
      const content = await askContent(conversation, t)
      const count = await conversation.external(() => countAudience(db, audience))
      const header = await conversation.external(async () => headerParts(db, userId, audience, await audienceNames(db, audience)))
      await ctx.reply(t('broadcast-preview-intro'))
      await showAsRecipientsSee(ctx, content, broadcastHeader(t, header))
      await ctx.reply(t(count > 0 ? 'broadcast-preview-summary' : 'broadcast-preview-empty', { audience: label, count }), {
        parse_mode: 'HTML',
        reply_markup: previewKeyboard(t, count > 0),
      })
      const choice = await nextInput(conversation, t, count > 0 ? ['send', 'edit', 'audience', 'abort'] : ['audience', 'abort'])
      const action = choice.kind === 'action' ? choice.action.kind : undefined
      if (action === 'abort') {
        await ctx.reply(t('broadcast-aborted'))
        return true
      }
      if (action === 'audience') return false
      if (action === 'edit') {
        await ctx.reply(t('broadcast-ask-message', { audience: label, count }), { parse_mode: 'HTML' })
        continue
      }
      const result = await conversation.external(async () => {
        if (!(await mayAddress(db, await findUser(db, userId), audience))) return { kind: 'forbidden' as const }
        const created = await createBroadcast(db, {
          ...content,
          createdBy: userId,
          audience,
          now: deps.now(),
          header: (recipient) => broadcastHeader(translatorFor(userLocale(recipient)), header),
        })
        if (created.kind === 'empty') return { kind: 'empty' as const }
        const progress = await renderProgress(db, t, created.broadcast, deps.now())
        // Plain values only: the conversation stores what external returns as JSON.
        return { kind: created.kind, id: created.broadcast.id, text: progress.text, keyboard: progress.replyMarkup?.inline_keyboard }
      })
      if (result.kind === 'forbidden' || result.kind === 'empty') {
        await ctx.reply(t(result.kind === 'forbidden' ? 'broadcast-not-allowed' : 'broadcast-empty-at-send'))
        return false
      }
      if (result.kind === 'duplicate') {
        await ctx.reply(t('broadcast-duplicate'))
        return true
      }
      const sent = await ctx.reply(result.text, {
        parse_mode: 'HTML',
        ...(result.keyboard === undefined ? {} : { reply_markup: { inline_keyboard: result.keyboard } }),
      })
      await conversation.external(() => setProgressMessage(db, result.id, sent.chat.id, sent.message_id))
      return true
    }
  }
}
