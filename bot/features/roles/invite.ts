import { InlineKeyboard } from 'grammy'
import { assignUnownedTickets } from '../../../core/ticket-assignment.js'
import { createInvite, findInvite, findReusableInvite, redeemInvite } from '../../../db/repositories/invites.js'
import { enqueueMessages } from '../../../db/repositories/outbox.js'
import { isAdmin, stationCities } from '../../../db/repositories/roles.js'
import { searchStations } from '../../../db/repositories/station-search.js'
import { findStation } from '../../../db/repositories/stations.js'
import { findUser } from '../../../db/repositories/users.js'
import type { User } from '../../../db/schema/index.js'
import { shanghaiDateTime } from '../../../domain/time.js'
import { rolesCallbacks } from '../../callbacks/roles.js'
import type { BotContext, BotConversation, BotDeps, ConversationContext } from '../../context.js'
import { accept, ask, retry } from '../../conversations/ask.js'
import { translatorFor, userLocale } from '../../i18n.js'
import { syncChatMenu } from '../../ui/command-menu.js'
import { ticketNotices } from '../../ui/feedback-notices.js'
import { tHtml } from '../../ui/html.js'
import { mainKeyboard } from '../../ui/main-keyboard.js'
import { stationButtonLabel } from '../../ui/station-label.js'
import { followUp } from '../../ui/telegram-errors.js'
import { memberName, scopeLabel, type ScopeLike } from './format.js'

const INVITE_HOURS = 72
const MAX_CITY_BUTTONS = 60
const REUSE_WITHIN_MS = 60_000
const MAX_QUERY_LENGTH = 50

export const invitePayloadPrefix = 'org_'
const codePattern = /^[A-Za-z0-9_-]{1,64}$/

export async function showInviteMenu(ctx: BotContext): Promise<void> {
  const keyboard = new InlineKeyboard()
    .text(ctx.t('roles-invite-any'), rolesCallbacks.inviteAny.pack())
    .row()
    .text(ctx.t('roles-invite-by-city'), rolesCallbacks.inviteCities.pack())
    .text(ctx.t('roles-invite-by-station'), rolesCallbacks.inviteStationPrompt.pack())
  await ctx.reply(ctx.t('roles-invite-choose'), { reply_markup: keyboard })
}

export async function showCityPicker(ctx: BotContext, { db }: BotDeps): Promise<void> {
  const cities = await stationCities(db)
  const keyboard = new InlineKeyboard()
  let buttons = 0
  for (const city of cities.slice(0, MAX_CITY_BUTTONS)) {
    // A name too long for a button's 64 bytes gets no button.
    if (!rolesCallbacks.inviteCity.fits({ city })) continue
    keyboard.text(city, rolesCallbacks.inviteCity.pack({ city }))
    if (++buttons % 3 === 0) keyboard.row()
  }
  if (buttons === 0) {
    await ctx.reply(ctx.t('roles-invite-no-cities'))
    return
  }
  await ctx.reply(ctx.t('roles-invite-choose-city'), { reply_markup: keyboard })
}

/**
 * Creates the invite for a scope the admin picked, after checking that the city or station
 * still exists (callback data can be forged or stale). Returns false when it does not.
 */
export async function issueInvite(ctx: BotContext, deps: BotDeps, scope: { city?: string; stationId?: number }): Promise<boolean> {
  const admin = ctx.user
  if (admin === undefined) return false
  let stationName: string | null = null
  if (scope.city !== undefined && !(await stationCities(deps.db)).includes(scope.city)) return false
  if (scope.stationId !== undefined) {
    const station = await findStation(deps.db, scope.stationId)
    if (station === undefined) return false
    stationName = station.name
  }
  const expiresAt = new Date(deps.now().getTime() + INVITE_HOURS * 3_600_000)
  const wanted = { createdBy: admin.id, city: scope.city ?? null, stationId: scope.stationId ?? null }
  // A double tap within a minute shows the invite just made rather than a second live link.
  const invite =
    (await findReusableInvite(deps.db, { ...wanted, expiresAfter: new Date(expiresAt.getTime() - REUSE_WITHIN_MS) })) ??
    (await createInvite(deps.db, { ...wanted, expiresAt }))
  const link = `https://t.me/${ctx.me.username}?start=${invitePayloadPrefix}${invite.code}`
  await ctx.reply(
    ctx.t('roles-invite-created', {
      scope: scopeLabel(ctx.t, { ...invite, stationName }),
      link,
      code: invite.code,
      expires: shanghaiDateTime(invite.expiresAt),
      hours: INVITE_HOURS,
    }),
    { parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
  )
  return true
}

/** Asks for a station name and offers the matches as buttons (`r:is:<id>`, handled outside). */
export async function inviteStationConversation(conversation: BotConversation, ctx: ConversationContext, deps: BotDeps) {
  await ctx.reply(ctx.t('roles-invite-station-prompt'))
  const say = (
    key: string,
    variables?: Record<string, string | number>,
    options: { parse_mode?: 'HTML'; reply_markup?: InlineKeyboard } = {},
  ) => retry((update) => update.reply(update.t(key, variables), options))
  await ask(conversation, {
    buttons: () => true,
    updates: () => true,
    // Any button pressed meanwhile (a station choice from before, the team list) leaves the form.
    leaveWith: (update) => update.message === undefined,
    quit: { when: (update) => !isAdmin(update.user), say: (update) => update.reply(update.t('roles-admin-only')) },
    read: async (update) => {
      const query = update.message?.text?.trim()
      if (query === undefined || query === '') return say('roles-invite-station-not-text')
      if (query.length > MAX_QUERY_LENGTH) return say('roles-invite-station-too-long', { max: MAX_QUERY_LENGTH })
      const found = await conversation.external(async () =>
        (await searchStations(deps.db, query, 5)).map(({ id, name, city, district }) => ({ id, name, city, district })),
      )
      if (found.length === 0)
        return retry((reply) => reply.reply(tHtml(reply.t, 'roles-invite-station-no-match', { query }), { parse_mode: 'HTML' }))
      const keyboard = new InlineKeyboard()
      for (const station of found)
        keyboard.text(stationButtonLabel(station), rolesCallbacks.inviteStation.pack({ stationId: station.id })).row()
      await update.reply(update.t('roles-invite-station-choose'), { reply_markup: keyboard })
      return accept(undefined)
    },
  })
}

/**
 * `/start org_<code>`: the invited person becomes an organizer, takes over tickets nobody owned,
 * and the inviting admin is told. False when the code is not an invite at all (a cut or mistyped
 * link), so that the caller can answer it like any broken link.
 */
export async function redeemInviteLink(ctx: BotContext, deps: BotDeps, code: string): Promise<boolean> {
  const user = ctx.user
  if (user === undefined) return true
  if (!codePattern.test(code)) return false
  const now = deps.now()
  if (isAdmin(user)) {
    // An admin opening their own link to try it must not use it up.
    const invite = await findInvite(deps.db, code)
    if (invite !== undefined && invite.usedBy === null && invite.expiresAt > now) {
      await ctx.reply(ctx.t('roles-invite-admin-kept'))
      return true
    }
  }
  const redeemed = await deps.db.transaction(async (tx) => {
    const invite = await redeemInvite(tx, code, user.id, now)
    if (invite === undefined) return undefined
    const station = invite.stationId === null ? undefined : await findStation(tx, invite.stationId)
    const scope: ScopeLike = { ...invite, stationName: station?.name ?? null }
    const inviter = await findUser(tx, invite.createdBy)
    if (inviter !== undefined) {
      const t = translatorFor(userLocale(inviter))
      await enqueueMessages(tx, [
        {
          userId: inviter.id,
          kind: 'invite-used',
          dedupeKey: `invite-used:${invite.code}`,
          payload: {
            method: 'sendMessage',
            parseMode: 'HTML',
            text: t('roles-notice-invite-used', { name: memberName(user), scope: scopeLabel(t, scope) }),
          },
        },
      ])
    }
    await assignUnownedTickets(tx, ticketNotices, now)
    return scope
  })
  if (redeemed !== undefined) {
    const organizer = { ...user, role: user.role === 'admin' ? user.role : ('organizer' as const) }
    await followUp(ctx.logger, 'chat menu not updated', syncChatMenu(ctx.api, organizer))
    await ctx.reply(ctx.t('roles-invite-welcome', { scope: scopeLabel(ctx.t, redeemed) }), {
      parse_mode: 'HTML',
      reply_markup: mainKeyboard(ctx.t, organizer),
    })
    return true
  }
  const refusal = await refusalKey(deps, code, user, now)
  if (refusal === 'roles-invite-unknown') return false
  await ctx.reply(ctx.t(refusal))
  return true
}

async function refusalKey(deps: BotDeps, code: string, user: User, now: Date): Promise<string> {
  const invite = await findInvite(deps.db, code)
  if (invite === undefined) return 'roles-invite-unknown'
  if (invite.usedBy === user.id) return 'roles-invite-used-by-you'
  if (invite.usedBy !== null) return 'roles-invite-used'
  return invite.expiresAt <= now ? 'roles-invite-expired' : 'roles-invite-unknown'
}
