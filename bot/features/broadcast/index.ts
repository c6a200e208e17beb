import { createConversation } from '@grammyjs/conversations'
import { Composer } from 'grammy'
import { audienceNames } from '../../../db/repositories/broadcast-audience.js'
import {
  broadcastCounts,
  broadcastCountsMany,
  cancelBroadcast,
  findBroadcast,
  listBroadcasts,
  setBroadcastStatus,
} from '../../../db/repositories/broadcasts.js'
import { isAdmin, isOrganizer } from '../../../db/repositories/roles.js'
import { broadcastStale, controlCallbacks } from '../../callbacks/broadcast.js'
import { onCallback } from '../../callbacks/route.js'
import { hubCallbacks } from '../../callbacks/ui.js'
import type { BotContext, BotDeps, ConversationContext } from '../../context.js'
import { conversationIds } from '../../conversations/ids.js'
import type { Translate } from '../../i18n.js'
import { describeAudience, editProgress, renderProgress } from '../../ui/broadcast-progress.js'
import { mayControl } from './access.js'
import { createComposeConversation } from './compose.js'
import { historyItem } from './format.js'
import { cancelConfirmKeyboard } from './keyboards.js'

const HISTORY_SIZE = 10

type ControlAction = { kind: keyof typeof controlCallbacks; broadcastId: number }

export function createBroadcastFeature(deps: BotDeps): Composer<BotContext> {
  const { db } = deps
  const composer = new Composer<BotContext>()
  composer.use(createConversation<BotContext, ConversationContext>(createComposeConversation(deps), conversationIds.composeBroadcast))
  const privateChats = composer.chatType('private')

  async function startComposing(ctx: BotContext) {
    if (!isOrganizer(ctx.user)) return ctx.reply(ctx.t('broadcast-not-organizer'))
    await ctx.conversation.exitAll()
    await ctx.conversation.enter(conversationIds.composeBroadcast)
  }

  privateChats.command('broadcast', startComposing)
  composer.callbackQuery(hubCallbacks.broadcast.filter, async (ctx) => {
    await ctx.answerCallbackQuery()
    await startComposing(ctx)
  })

  privateChats.command('broadcasts', async (ctx) => {
    if (!isOrganizer(ctx.user)) return ctx.reply(ctx.t('broadcast-not-organizer'))
    const t: Translate = (key, variables) => ctx.t(key, variables)
    const list = await listBroadcasts(db, { limit: HISTORY_SIZE, ...(isAdmin(ctx.user) ? {} : { createdBy: ctx.from.id }) })
    if (list.length === 0) return ctx.reply(ctx.t('broadcast-history-empty'))
    const counts = await broadcastCountsMany(
      db,
      list.map((broadcast) => broadcast.id),
    )
    const items: string[] = []
    for (const broadcast of list) {
      const audience = describeAudience(t, broadcast.audience, await audienceNames(db, broadcast.audience))
      const count = counts.get(broadcast.id)
      if (count !== undefined) items.push(historyItem(t, broadcast, count, audience))
    }
    await ctx.reply([ctx.t('broadcast-history-title'), ...items].join('\n\n'), { parse_mode: 'HTML' })
  })

  for (const kind of Object.keys(controlCallbacks) as ControlAction['kind'][]) {
    onCallback(composer, controlCallbacks[kind], (ctx, { broadcastId }) => control(ctx, { kind, broadcastId }))
  }
  // A compose button outside its conversation (the broadcast was sent, abandoned or timed out),
  // forged data, or `b:` from before the codec.
  composer.callbackQuery(broadcastStale, (ctx) => ctx.answerCallbackQuery({ text: ctx.t('broadcast-stale') }))

  async function control(ctx: BotContext, action: ControlAction) {
    const t: Translate = (key, variables) => ctx.t(key, variables)
    const broadcast = await findBroadcast(db, action.broadcastId)
    if (broadcast === undefined) return ctx.answerCallbackQuery({ text: t('broadcast-stale') })
    if (!mayControl(ctx.user, broadcast)) return ctx.answerCallbackQuery({ text: t('broadcast-not-yours'), show_alert: true })
    const ended = broadcast.status === 'done' || broadcast.status === 'cancelled'

    if (action.kind === 'cancelNo') {
      await ctx.answerCallbackQuery()
      return ctx.editMessageText(t('broadcast-cancel-kept', { id: String(broadcast.id) }))
    }
    if (ended) {
      await ctx.answerCallbackQuery({ text: t('broadcast-already-ended') })
      // Brings the message that was tapped up to date (its buttons no longer apply).
      if (action.kind === 'cancelYes') return ctx.editMessageText(t('broadcast-already-ended'))
      return refresh(ctx, broadcast.id)
    }
    switch (action.kind) {
      case 'pause':
      case 'resume': {
        const to = action.kind === 'pause' ? 'paused' : 'sending'
        await setBroadcastStatus(db, broadcast.id, action.kind === 'pause' ? ['sending'] : ['paused'], to)
        await ctx.answerCallbackQuery({ text: t(action.kind === 'pause' ? 'broadcast-paused' : 'broadcast-resumed') })
        return refresh(ctx, broadcast.id)
      }
      case 'cancelAsk': {
        await ctx.answerCallbackQuery()
        const counts = await broadcastCounts(db, broadcast.id)
        return ctx.reply(t('broadcast-cancel-confirm', { id: String(broadcast.id), remaining: counts.remaining }), {
          reply_markup: cancelConfirmKeyboard(t, broadcast.id),
        })
      }
      case 'cancelYes': {
        await cancelBroadcast(db, broadcast.id, deps.now())
        await ctx.answerCallbackQuery()
        await ctx.editMessageText(t('broadcast-cancelled', { id: String(broadcast.id) }))
        return refresh(ctx, broadcast.id)
      }
    }
  }

  /** Re-renders the broadcast's progress message (wherever it is) from the database. */
  async function refresh(ctx: BotContext, id: number) {
    const broadcast = await findBroadcast(db, id)
    if (broadcast === undefined) return
    const failure = await editProgress(
      ctx.api,
      broadcast,
      await renderProgress(db, (key, variables) => ctx.t(key, variables), broadcast, deps.now()),
    )
    if (failure !== undefined) ctx.logger.warn({ err: failure, broadcast: id }, 'progress message not updated')
  }

  return composer
}
