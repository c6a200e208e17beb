import { createConversation } from '@grammyjs/conversations'
import { hears } from '@grammyjs/i18n'
import { Composer, InlineKeyboard, type CallbackQueryContext } from 'grammy'
import { isAdmin, isOrganizer } from '../../../db/repositories/roles.js'
import { rolesCallbacks, rolesStale } from '../../callbacks/roles.js'
import { onCallback } from '../../callbacks/route.js'
import { hubCallbacks } from '../../callbacks/ui.js'
import type { BotContext, BotConversation, BotDeps, ConversationContext } from '../../context.js'
import { conversationIds } from '../../conversations/ids.js'
import { syncChatMenu } from '../../ui/command-menu.js'
import { mainKeyboard } from '../../ui/main-keyboard.js'
import { followUp } from '../../ui/telegram-errors.js'
import { invitePayloadPrefix, inviteStationConversation, issueInvite, redeemInviteLink, showCityPicker, showInviteMenu } from './invite.js'
import { handleAppoint, handleDemoteButton, handleDemoteCommand, handleRemoveScope, showTeam } from './team.js'

type RolesAction =
  | { kind: 'invite-any' }
  | { kind: 'invite-cities' }
  | { kind: 'invite-city'; city: string }
  | { kind: 'invite-station-prompt' }
  | { kind: 'invite-station'; stationId: number }
  | { kind: 'team' }
  | { kind: 'remove-scope'; scopeId: number; confirmed: boolean }
  | { kind: 'demote'; userId: number; confirmed: boolean }

/** The organizer hub's buttons; each `hub:*` callback belongs to the feature that runs that screen. */
function hubKeyboard(ctx: BotContext): InlineKeyboard {
  const keyboard = new InlineKeyboard()
    .text(ctx.t('roles-hub-button-events'), hubCallbacks.events.pack())
    .text(ctx.t('roles-hub-button-checkin'), hubCallbacks.checkIn.pack())
    .row()
    .text(ctx.t('roles-hub-button-broadcast'), hubCallbacks.broadcast.pack())
    .text(ctx.t('roles-hub-button-inbox'), hubCallbacks.inbox.pack())
  if (isAdmin(ctx.user)) keyboard.row().text(ctx.t('roles-hub-button-team'), hubCallbacks.team.pack())
  return keyboard
}

/**
 * Organizers and admins: the /organize hub, invites (`/invite`, `/start org_<code>`), `/appoint`,
 * `/demote` and `/team`. The role is read afresh from the database on every update (trackUser),
 * and every command and button checks it again, since callback data can be forged.
 */
export function createRolesFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>()
  const privateChats = composer.chatType('private')

  composer.use(
    createConversation<BotContext, ConversationContext>(
      (conversation: BotConversation, ctx: ConversationContext) => inviteStationConversation(conversation, ctx, deps),
      conversationIds.inviteStation,
    ),
  )

  privateChats.command('start', async (ctx, next) => {
    if (!ctx.match.startsWith(invitePayloadPrefix)) return next()
    // A code that is no invite at all goes on, to end in the welcome with a "link did not work" note.
    if (!(await redeemInviteLink(ctx, deps, ctx.match.slice(invitePayloadPrefix.length)))) return next()
  })

  const organize = async (ctx: BotContext) => {
    if (!isOrganizer(ctx.user)) return ctx.reply(ctx.t('roles-not-organizer'), { reply_markup: mainKeyboard(ctx.t, ctx.user) })
    if (ctx.user !== undefined) await followUp(ctx.logger, 'chat menu not updated', syncChatMenu(ctx.api, ctx.user))
    return ctx.reply(ctx.t('roles-hub-text'), {
      parse_mode: 'HTML',
      reply_markup: hubKeyboard(ctx),
    })
  }
  privateChats.command('organize', organize)
  // 🧰 工作台 on organizers' main keyboard; a demoted organizer who still has it gets the riders' keyboard back.
  privateChats.filter(hears('keyboard-organize'), organize)

  const adminOnly = (handler: (ctx: BotContext, argument: string) => Promise<unknown>) => async (ctx: BotContext) => {
    if (!isAdmin(ctx.user)) {
      await ctx.reply(ctx.t(isOrganizer(ctx.user) ? 'roles-admin-only' : 'roles-not-organizer'))
      return
    }
    await handler(ctx, typeof ctx.match === 'string' ? ctx.match : '')
  }
  privateChats.command(
    'invite',
    adminOnly((ctx) => showInviteMenu(ctx)),
  )
  privateChats.command(
    'appoint',
    adminOnly((ctx, argument) => handleAppoint(ctx, deps, argument)),
  )
  privateChats.command(
    'demote',
    adminOnly((ctx, argument) => handleDemoteCommand(ctx, deps, argument)),
  )
  privateChats.command(
    'team',
    adminOnly((ctx) => showTeam(ctx, deps)),
  )

  composer.callbackQuery(hubCallbacks.team.filter, async (ctx) => {
    if (!isAdmin(ctx.user)) return ctx.answerCallbackQuery({ text: ctx.t('roles-refused'), show_alert: true })
    await ctx.answerCallbackQuery()
    await showTeam(ctx, deps)
  })

  /** Every roles button re-checks that the sender is an admin: callback data can be forged. */
  const asAdmin = (ctx: CallbackQueryContext<BotContext>, action: RolesAction) =>
    isAdmin(ctx.user) ? runAction(ctx, deps, action) : ctx.answerCallbackQuery({ text: ctx.t('roles-refused'), show_alert: true })
  const buttons = rolesCallbacks
  onCallback(composer, buttons.inviteAny, (ctx) => asAdmin(ctx, { kind: 'invite-any' }))
  onCallback(composer, buttons.inviteCities, (ctx) => asAdmin(ctx, { kind: 'invite-cities' }))
  onCallback(composer, buttons.inviteCity, (ctx, { city }) => asAdmin(ctx, { kind: 'invite-city', city }))
  onCallback(composer, buttons.inviteStationPrompt, (ctx) => asAdmin(ctx, { kind: 'invite-station-prompt' }))
  onCallback(composer, buttons.inviteStation, (ctx, { stationId }) => asAdmin(ctx, { kind: 'invite-station', stationId }))
  onCallback(composer, buttons.team, (ctx) => asAdmin(ctx, { kind: 'team' }))
  onCallback(composer, buttons.removeScope, (ctx, { scopeId }) => asAdmin(ctx, { kind: 'remove-scope', scopeId, confirmed: false }))
  onCallback(composer, buttons.removeScopeConfirmed, (ctx, { scopeId }) => asAdmin(ctx, { kind: 'remove-scope', scopeId, confirmed: true }))
  onCallback(composer, buttons.demote, (ctx, { userId }) => asAdmin(ctx, { kind: 'demote', userId, confirmed: false }))
  onCallback(composer, buttons.demoteConfirmed, (ctx, { userId }) => asAdmin(ctx, { kind: 'demote', userId, confirmed: true }))
  // Forged or out-of-range data, or `r:` from before the codec.
  composer.callbackQuery(rolesStale, (ctx) => ctx.answerCallbackQuery({ text: ctx.t('roles-button-stale') }))

  return composer
}

async function runAction(ctx: BotContext, deps: BotDeps, action: RolesAction): Promise<void> {
  switch (action.kind) {
    case 'invite-any':
    case 'invite-city':
    case 'invite-station': {
      const scope =
        action.kind === 'invite-city' ? { city: action.city } : action.kind === 'invite-station' ? { stationId: action.stationId } : {}
      await ctx.answerCallbackQuery()
      if (!(await issueInvite(ctx, deps, scope))) await ctx.reply(ctx.t('roles-button-stale'))
      return
    }
    case 'invite-cities':
      await ctx.answerCallbackQuery()
      await showCityPicker(ctx, deps)
      return
    case 'invite-station-prompt':
      await ctx.answerCallbackQuery()
      await ctx.conversation.enter(conversationIds.inviteStation)
      return
    case 'team':
      await ctx.answerCallbackQuery()
      await showTeam(ctx, deps, true)
      return
    case 'remove-scope':
      await handleRemoveScope(ctx, deps, action.scopeId, action.confirmed)
      return
    case 'demote':
      await handleDemoteButton(ctx, deps, action.userId, action.confirmed)
  }
}
