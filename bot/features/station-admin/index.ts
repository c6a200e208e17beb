import { createConversation } from '@grammyjs/conversations'
import { Composer } from 'grammy'
import { canManage, isAdmin, isOrganizer, listScopes } from '../../../db/repositories/roles.js'
import { findStation } from '../../../db/repositories/stations.js'
import { onCallback } from '../../callbacks/route.js'
import { stationAdminCallbacks, stationAdminStale } from '../../callbacks/station-admin.js'
import type { BotContext, BotDeps, ConversationContext } from '../../context.js'
import { conversationIds } from '../../conversations/ids.js'
import { addStationConversation } from './add-conversation.js'
import { editStationConversation } from './edit-conversation.js'
import { editMenu, stationSummary } from './format.js'

/**
 * Organizers add stations (`/addstation`, the 新增驿站 button) and edit them one field at a time
 * (✏️ 修改, `/editstation <id>`). Every command and tap re-checks the sender's role and scope.
 */
export function createStationAdminFeature(deps: BotDeps): Composer<BotContext> {
  const { db } = deps
  const composer = new Composer<BotContext>()
  composer.use(createConversation<BotContext, ConversationContext>(addStationConversation(deps), conversationIds.addStation))
  composer.use(createConversation<BotContext, ConversationContext>(editStationConversation(deps), conversationIds.editStation))
  const privateChats = composer.chatType('private')

  const startAdding = async (ctx: BotContext) => {
    if (ctx.callbackQuery !== undefined) await ctx.answerCallbackQuery()
    const user = ctx.user
    if (user === undefined || !isOrganizer(user)) return ctx.reply(ctx.t('stationadmin-not-organizer'))
    // Scoped to single stations only: there is no place where they may add one.
    const scopes = isAdmin(user) ? [] : await listScopes(db, user.id)
    if (scopes.length > 0 && scopes.every((scope) => scope.city === null)) return ctx.reply(ctx.t('stationadmin-stations-only'))
    await ctx.conversation.exitAll()
    await ctx.conversation.enter(conversationIds.addStation)
  }

  /** The station when the sender may manage it; else they are told, and undefined. */
  const managed = async (ctx: BotContext, stationId: number) => {
    const station = await findStation(db, stationId)
    const allowed = station !== undefined && (await canManage(db, ctx.user, { city: station.city, stationId }))
    if (allowed) return station
    const text = ctx.t(isOrganizer(ctx.user) ? 'stationadmin-not-allowed' : 'stationadmin-not-organizer')
    if (ctx.callbackQuery !== undefined) await ctx.answerCallbackQuery({ text })
    else await ctx.reply(text)
    return undefined
  }

  const showMenu = async (ctx: BotContext, stationId: number) => {
    const station = await managed(ctx, stationId)
    if (station === undefined) return
    if (ctx.callbackQuery !== undefined) await ctx.answerCallbackQuery()
    await ctx.reply(`${ctx.t('stationadmin-edit-menu')}\n\n${stationSummary(ctx.t, station)}`, {
      parse_mode: 'HTML',
      reply_markup: editMenu(ctx.t, station.id),
    })
  }

  privateChats.command('addstation', startAdding)
  onCallback(composer, stationAdminCallbacks.add, startAdding)
  privateChats.command('editstation', async (ctx) => {
    const stationId = Number(ctx.match.trim())
    if (!isOrganizer(ctx.user)) return ctx.reply(ctx.t('stationadmin-not-organizer'))
    if (!/^\d{1,9}$/.test(ctx.match.trim()) || stationId < 1) return ctx.reply(ctx.t('stationadmin-editstation-usage'))
    return showMenu(ctx, stationId)
  })
  onCallback(composer, stationAdminCallbacks.edit, (ctx, { stationId }) => showMenu(ctx, stationId))
  onCallback(composer, stationAdminCallbacks.field, async (ctx, { field, stationId }) => {
    if ((await managed(ctx, stationId)) === undefined) return
    await ctx.answerCallbackQuery()
    await ctx.conversation.exitAll()
    await ctx.conversation.enter(conversationIds.editStation, stationId, field)
  })
  // Conversation buttons land here only when their conversation has ended; so does forged data.
  composer.callbackQuery(stationAdminStale, (ctx) => ctx.answerCallbackQuery({ text: ctx.t('stationadmin-button-stale') }))
  return composer
}
