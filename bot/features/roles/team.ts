import { InlineKeyboard } from 'grammy'
import { findScope, listScopes, listTeam, removeScope, stationCities, type TeamMember } from '../../../db/repositories/roles.js'
import { findUser } from '../../../db/repositories/users.js'
import type { User } from '../../../db/schema/index.js'
import { shanghaiDateTime } from '../../../domain/time.js'
import { rolesCallbacks } from '../../callbacks/roles.js'
import type { BotContext, BotDeps } from '../../context.js'
import type { Translate } from '../../i18n.js'
import { syncChatMenu } from '../../ui/command-menu.js'
import { escapeHtml, tHtml } from '../../ui/html.js'
import { followUp, isNotEditable, isNotModified } from '../../ui/telegram-errors.js'
import { buttonName, memberName, scopeLabel, scopesLabel } from './format.js'
import { appointOrganizer, demoteOrganizer } from './membership.js'

/** Keeps the list inside Telegram's 4096-character message limit. */
const MAX_MEMBERS = 25

function describeMember(t: Translate, member: TeamMember, index: number): string {
  const lines = [
    t('roles-team-member', { index, name: memberName(member.user), role: t(`roles-role-${member.user.role}`) }),
    t('roles-team-scopes', { scopes: member.user.role === 'admin' ? t('roles-scope-any') : scopesLabel(t, member.scopes) }),
  ]
  const change = member.lastChange
  if (change !== null && change.changedBy === null) {
    lines.push(t('roles-team-last-change-config', { when: shanghaiDateTime(change.changedAt), role: t(`roles-role-${change.toRole}`) }))
  } else if (change !== null) {
    const who = escapeHtml(change.changedByName === null || change.changedByName === '' ? String(change.changedBy) : change.changedByName)
    lines.push(
      t('roles-team-last-change', {
        when: shanghaiDateTime(change.changedAt),
        who,
        via: change.via,
        role: t(`roles-role-${change.toRole}`),
      }),
    )
  }
  return lines.join('\n')
}

async function renderTeam(ctx: BotContext, deps: BotDeps): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const team = await listTeam(deps.db)
  const shown = team.slice(0, MAX_MEMBERS)
  const keyboard = new InlineKeyboard()
  for (const member of shown) {
    const removable = member.user.role === 'organizer' || !deps.config.adminIds.has(member.user.id)
    if (!removable) continue
    const name = buttonName(member.user)
    if (member.user.role === 'organizer') {
      for (const scope of member.scopes) {
        const label = ctx.t('roles-team-button-scope', { name, scope: scopeLabel(ctx.t, scope, false) })
        keyboard.text(label, rolesCallbacks.removeScope.pack({ scopeId: scope.id })).row()
      }
    }
    keyboard.text(ctx.t('roles-team-button-demote', { name }), rolesCallbacks.demote.pack({ userId: member.user.id })).row()
  }
  const parts = [
    ctx.t('roles-team-title', { count: team.length }),
    ...shown.map((member, index) => describeMember(ctx.t, member, index + 1)),
  ]
  if (team.length > shown.length) parts.push(ctx.t('roles-team-more', { count: team.length - shown.length }))
  parts.push(ctx.t('roles-team-hint'))
  return { text: parts.join('\n\n'), keyboard }
}

/** Sends the team list, or replaces the message a team button was pressed on. */
export async function showTeam(ctx: BotContext, deps: BotDeps, edit = false): Promise<void> {
  const { text, keyboard } = await renderTeam(ctx, deps)
  if (edit && ctx.callbackQuery?.message !== undefined) {
    try {
      await ctx.editMessageText(text, { parse_mode: 'HTML', reply_markup: keyboard })
      return
    } catch (error) {
      // A double tap: the list is already up to date.
      if (isNotModified(error)) return
      // A deleted or too old message gets the list as a new one, below.
      if (!isNotEditable(error)) throw error
    }
  }
  await ctx.reply(text, { parse_mode: 'HTML', reply_markup: keyboard })
}

async function confirm(ctx: BotContext, text: string, yes: string): Promise<void> {
  const keyboard = new InlineKeyboard()
    .text(ctx.t('roles-button-confirm'), yes)
    .text(ctx.t('roles-button-back'), rolesCallbacks.team.pack())
  await ctx
    .editMessageText(text, { parse_mode: 'HTML', reply_markup: keyboard })
    .catch(() => ctx.reply(text, { parse_mode: 'HTML', reply_markup: keyboard }))
}

export async function handleRemoveScope(ctx: BotContext, deps: BotDeps, scopeId: number, confirmed: boolean): Promise<void> {
  const scope = await findScope(deps.db, scopeId)
  const owner = scope === undefined ? undefined : await findUser(deps.db, scope.userId)
  if (scope === undefined || owner === undefined || owner.role !== 'organizer') {
    await ctx.answerCallbackQuery({ text: ctx.t('roles-scope-gone') })
    await showTeam(ctx, deps, true)
    return
  }
  if (!confirmed) {
    await ctx.answerCallbackQuery()
    const last = (await listScopes(deps.db, owner.id)).length === 1
    const text = ctx.t(last ? 'roles-confirm-remove-last-scope' : 'roles-confirm-remove-scope', {
      name: memberName(owner),
      scope: scopeLabel(ctx.t, scope),
    })
    await confirm(ctx, text, rolesCallbacks.removeScopeConfirmed.pack({ scopeId }))
    return
  }
  const removed = await removeScope(deps.db, scopeId)
  await ctx.answerCallbackQuery({ text: ctx.t(removed ? 'roles-scope-removed' : 'roles-scope-gone') })
  await showTeam(ctx, deps, true)
}

export async function handleDemoteButton(ctx: BotContext, deps: BotDeps, userId: number, confirmed: boolean): Promise<void> {
  const admin = ctx.user
  if (admin === undefined) return
  if (!confirmed) {
    const target = await findUser(deps.db, userId)
    if (target === undefined || target.role === 'worker' || deps.config.adminIds.has(userId)) {
      const key = target !== undefined && deps.config.adminIds.has(userId) ? 'roles-demote-config-admin' : 'roles-demote-not-organizer'
      await ctx.answerCallbackQuery({ text: ctx.t(key, { name: target === undefined ? String(userId) : buttonName(target) }) })
      return
    }
    await ctx.answerCallbackQuery()
    await confirm(ctx, ctx.t('roles-confirm-demote', { name: memberName(target) }), rolesCallbacks.demoteConfirmed.pack({ userId }))
    return
  }
  const result = await demoteOrganizer(deps, admin, userId)
  if (result.kind === 'demoted') await dropOrganizerMenu(ctx, result.user)
  const name = result.kind === 'unknown-user' ? String(userId) : buttonName(result.user)
  const key =
    result.kind === 'demoted'
      ? 'roles-demoted-short'
      : result.kind === 'config-admin'
        ? 'roles-demote-config-admin'
        : 'roles-demote-not-organizer'
  await ctx.answerCallbackQuery({ text: ctx.t(key, { name }) })
  await showTeam(ctx, deps, true)
}

const userIdPattern = /^[1-9]\d{0,15}$/

/** A demoted organizer's chat menu goes back to the workers' one (best effort: the role is what counts). */
async function dropOrganizerMenu(ctx: BotContext, user: User): Promise<void> {
  await followUp(ctx.logger, 'chat menu not updated', syncChatMenu(ctx.api, { ...user, role: 'worker' }))
}

/** `/appoint <user id> [城市]`. */
export async function handleAppoint(ctx: BotContext, deps: BotDeps, argument: string): Promise<void> {
  const admin = ctx.user
  if (admin === undefined) return
  const [idText = '', ...rest] = argument.trim().split(/\s+/)
  const city = rest.join(' ').trim()
  const userId = Number(idText)
  if (!userIdPattern.test(idText) || !Number.isSafeInteger(userId)) {
    await ctx.reply(ctx.t('roles-appoint-usage'), { parse_mode: 'HTML' })
    return
  }
  if (city !== '') {
    const cities = await stationCities(deps.db)
    if (!cities.includes(city)) {
      await ctx.reply(tHtml(ctx.t, 'roles-city-unknown', { city, cities: cities.slice(0, 10).join('、') || '—' }), { parse_mode: 'HTML' })
      return
    }
  }
  const result = await appointOrganizer(deps.db, admin, userId, city === '' ? undefined : city, deps.now())
  if (result.kind === 'unknown-user') {
    await ctx.reply(ctx.t('roles-user-unknown', { id: userId }))
    return
  }
  const scope = scopeLabel(ctx.t, city === '' ? undefined : { city, stationId: null })
  await ctx.reply(ctx.t(`roles-appoint-${result.kind}`, { name: memberName(result.user), scope }), { parse_mode: 'HTML' })
}

/** `/demote <user id>`. */
export async function handleDemoteCommand(ctx: BotContext, deps: BotDeps, argument: string): Promise<void> {
  const admin = ctx.user
  if (admin === undefined) return
  const idText = argument.trim()
  const userId = Number(idText)
  if (!userIdPattern.test(idText) || !Number.isSafeInteger(userId)) {
    await ctx.reply(ctx.t('roles-demote-usage'), { parse_mode: 'HTML' })
    return
  }
  const result = await demoteOrganizer(deps, admin, userId)
  if (result.kind === 'unknown-user') {
    await ctx.reply(ctx.t('roles-user-unknown', { id: userId }))
    return
  }
  if (result.kind === 'demoted') await dropOrganizerMenu(ctx, result.user)
  const key =
    result.kind === 'demoted'
      ? 'roles-demoted'
      : result.kind === 'config-admin'
        ? 'roles-demote-config-admin'
        : 'roles-demote-not-organizer'
  await ctx.reply(ctx.t(key, { name: memberName(result.user) }), { parse_mode: 'HTML' })
}
