import { InlineKeyboard } from 'grammy'
import { checkIn, normalizeCode, type CheckInResult } from '../../../db/repositories/check-in.js'
import { eventCounts } from '../../../db/repositories/event-counts.js'
import { findEvent } from '../../../db/repositories/events.js'
import type { RegistrationStatus, User } from '../../../db/schema/index.js'
import { shanghaiDateTime, shanghaiTime } from '../../../domain/time.js'
import { eventAdminCallbacks } from '../../callbacks/event-admin.js'
import type { BotConversation, BotDeps, ConversationContext } from '../../context.js'
import { accept, ask, retry } from '../../conversations/ask.js'
import type { Translate } from '../../i18n.js'
import { escapeHtml, tHtml } from '../../ui/html.js'
import { withCancel } from './steps.js'

/** A check-in answer as plain data, so it can be kept in the conversation's stored state. */
type Outcome = {
  kind: CheckInResult['kind']
  name?: string
  slot?: string
  at?: string
  title?: string
  status?: RegistrationStatus
  when?: string
  hours?: number
}

export const isCode = (text: string): boolean => /^[A-Z0-9]{6}$/.test(normalizeCode(text))

export async function checkInCode(
  deps: BotDeps,
  organizer: User,
  code: string,
  options: { eventId?: number; force?: boolean } = {},
): Promise<Outcome> {
  const result = await checkIn(deps.db, { code, organizer, now: deps.now(), opensHours: deps.config.checkInOpensHours, ...options })
  switch (result.kind) {
    case 'too-early':
      return { kind: result.kind, title: result.event.title, when: shanghaiDateTime(result.opensAt), hours: deps.config.checkInOpensHours }
    case 'too-late':
      return { kind: result.kind, title: result.event.title, when: shanghaiDateTime(result.event.endsAt) }
    case 'unknown':
    case 'forbidden':
      return { kind: result.kind }
    case 'other-event':
    case 'event-cancelled':
      return { kind: result.kind, title: result.event.title }
    case 'not-confirmed':
      return { kind: result.kind, status: result.registration.status, title: result.event.title }
    case 'ok':
    case 'already':
      return {
        kind: result.kind,
        name: result.registration.name ?? '',
        title: result.event.title,
        at: shanghaiTime(result.registration.checkedInAt ?? deps.now()),
        ...(result.slot === null ? {} : { slot: `${shanghaiTime(result.slot.startsAt)}–${shanghaiTime(result.slot.endsAt)}` }),
      }
  }
}

/** The answer to a code, with a button to check in anyway when check-in is not open. */
export function outcomeReply(
  t: Translate,
  outcome: Outcome,
  code: string,
): { text: string; options: { parse_mode: 'HTML'; reply_markup?: InlineKeyboard } } {
  const text = outcomeText(t, outcome, code)
  if (outcome.kind !== 'too-early' && outcome.kind !== 'too-late') return { text, options: { parse_mode: 'HTML' } }
  const keyboard = new InlineKeyboard().text(
    t('eventadmin-button-checkin-anyway'),
    eventAdminCallbacks.forceCheckIn.pack({ code: normalizeCode(code) }),
  )
  return { text, options: { parse_mode: 'HTML', reply_markup: keyboard } }
}

function outcomeText(t: Translate, outcome: Outcome, code: string): string {
  const vars = {
    code: escapeHtml(normalizeCode(code)),
    name: escapeHtml(outcome.name || t('eventadmin-checkin-no-name')),
    slot: outcome.slot ?? 'none',
    at: outcome.at ?? '',
    title: escapeHtml(outcome.title ?? ''),
    when: outcome.when ?? '',
    hours: outcome.hours ?? 0,
    status: outcome.status === undefined ? '' : t(`eventadmin-registration-${outcome.status}`),
  }
  return t(`eventadmin-checkin-${outcome.kind}`, vars)
}

/**
 * Check-in at the door for one event: codes typed one after another until 结束. Every code is
 * checked against the database on its own, so a repeated code only answers "already".
 */
export function createCheckInConversation(deps: BotDeps) {
  return async function checkInFlow(
    conversation: BotConversation,
    ctx: ConversationContext,
    eventId: number,
    title: string,
  ): Promise<void> {
    const stop = () =>
      withCancel(ctx, new InlineKeyboard().text(ctx.t('eventadmin-button-checkin-done'), eventAdminCallbacks.step.pack({ step: 'stop' })))
    await ctx.reply(tHtml(ctx.t, 'eventadmin-checkin-start', { title }), { parse_mode: 'HTML', reply_markup: stop() })
    for (;;) {
      // A code, or undefined for 结束签到 (the one button this question reads).
      const code = await ask<string | undefined>(conversation, {
        buttons: (data) => eventAdminCallbacks.step.unpack(data)?.step === 'stop',
        read: (update) => {
          if (update.callbackQuery !== undefined) return accept(undefined)
          const text = update.message?.text
          return text !== undefined && isCode(text)
            ? accept(text)
            : retry((u) => u.reply(ctx.t('eventadmin-checkin-bad-code'), { reply_markup: stop() }))
        },
      })
      if (code === undefined) {
        const tally = await conversation.external(async () => {
          const event = await findEvent(deps.db, eventId)
          const counts = event === undefined ? undefined : await eventCounts(deps.db, event, deps.now())
          return { checkedIn: counts?.checkedIn ?? 0, confirmed: counts?.confirmed ?? 0 }
        })
        await ctx.reply(ctx.t('eventadmin-checkin-finished', tally))
        return
      }
      const outcome = await conversation.external((outside) =>
        outside.user === undefined ? { kind: 'forbidden' as const } : checkInCode(deps, outside.user, code, { eventId }),
      )
      const reply = outcomeReply(ctx.t.bind(ctx), outcome, code)
      await ctx.reply(reply.text, reply.options)
    }
  }
}
