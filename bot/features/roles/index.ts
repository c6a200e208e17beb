import { hears } from '@grammyjs/i18n'
import { Composer, InlineKeyboard } from 'grammy'
import { createConversation } from '@grammyjs/conversations'
import { isAdmin, isOrganizer } from '../../../db/repositories/roles.js'
import type { BotContext, BotConversation, BotDeps, ConversationContext } from '../../context.js'
import { syncChatMenu } from '../../ui/command-menu.js'
import { mainKeyboard } from '../../ui/main-keyboard.js'
import { parseRolesData, type RolesAction } from './callback-data.js'
import {
  inviteStationConversation,
  inviteStationConversationId,
  invitePayloadPrefix,
  issueInvite,
  redeemInviteLink,
  showCityPicker,
  showInviteMenu,
} from './invite.js'
import { handleAppoint, handleDemoteButton, handleDemoteCommand, handleRemoveScope, showTeam } from './team.js'

/** The organizer hub's buttons; each `hub:*` callback belongs to the feature that runs that screen. */
function hubKeyboard(ctx: BotContext): InlineKeyboard {
  const keyboard = new InlineKeyboard()
    .text(ctx.t('roles-hub-button-events'), 'hub:events')
    .text(ctx.t('roles-hub-button-checkin'), 'hub:checkin')
    .row()
    .text(ctx.t('roles-hub-button-broadcast'), 'hub:broadcast')
    .text(ctx.t('roles-hub-button-inbox'), 'hub:inbox')
  if (isAdmin(ctx.user)) keyboard.row().text(ctx.t('roles-hub-button-team'), 'hub:team')
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
      inviteStationConversationId,
    ),
  )

  privateChats.command('start', async (ctx, next) => {
    if (!ctx.match.startsWith(invitePayloadPrefix)) return next()
    // A code that is no invite at all goes on, to end in the welcome with a "link did not work" note.
    if (!(await redeemInviteLink(ctx, deps, ctx.match.slice(invitePayloadPrefix.length)))) return next()
  })

  const organize = async (ctx: BotContext) => {
    if (!isOrganizer(ctx.user)) return ctx.reply(ctx.t('roles-not-organizer'), { reply_markup: mainKeyboard(ctx.t, ctx.user) })
    if (ctx.user !== undefined) await syncChatMenu(ctx.api, ctx.user).catch(() => undefined)
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
  privateChats.command('invite', adminOnly((ctx) => showInviteMenu(ctx)))
  privateChats.command('appoint', adminOnly((ctx, argument) => handleAppoint(ctx, deps, argument)))
  privateChats.command('demote', adminOnly((ctx, argument) => handleDemoteCommand(ctx, deps, argument)))
  privateChats.command('team', adminOnly((ctx) => showTeam(ctx, deps)))

  composer.callbackQuery('hub:team', async (ctx) => {
    if (!isAdmin(ctx.user)) return ctx.answerCallbackQuery({ text: ctx.t('roles-refused'), show_alert: true })
    await ctx.answerCallbackQuery()
    await showTeam(ctx, deps)
  })

  composer.callbackQuery(/^r:/, async (ctx) => {
    const action = parseRolesData(ctx.callbackQuery.data)
    if (action === undefined) return ctx.answerCallbackQuery({ text: ctx.t('roles-button-stale') })
    if (!isAdmin(ctx.user)) return ctx.answerCallbackQuery({ text: ctx.t('roles-refused'), show_alert: true })
    await runAction(ctx, deps, action)
  })

  return composer
}

async function runAction(ctx: BotContext, deps: BotDeps, action: RolesAction): Promise<void> {
  switch (action.kind) {
    case 'invite-any':
    case 'invite-city':
    case 'invite-station': {
      const scope = action.kind === 'invite-city' ? { city: action.city } : action.kind === 'invite-station' ? { stationId: action.stationId } : {}
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
      await ctx.conversation.enter(inviteStationConversationId)
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
