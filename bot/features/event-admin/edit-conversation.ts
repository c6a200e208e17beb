import { InlineKeyboard } from 'grammy'
import { promoteWaitlisted } from '../../../core/registration.js'
import { findEvent, updateEvent, type EventPatch } from '../../../db/repositories/events.js'
import { canManage } from '../../../db/repositories/roles.js'
import type { Event, User } from '../../../db/schema/index.js'
import { shanghaiDateTime } from '../../../domain/time.js'
import { eventAdminCallbacks, type EditField } from '../../callbacks/event-admin.js'
import type { BotConversation, BotDeps, ConversationContext } from '../../context.js'
import { translatorFor, userLocale } from '../../i18n.js'
import { waitlistNotices } from '../../ui/event-notices.js'
import { formatEventSpan } from '../../ui/event-time.js'
import { escapeHtml, tHtml } from '../../ui/html.js'
import { parseCapacity } from './create-conversation.js'
import { confirmDate, readFutureDateTime } from './date-step.js'
import { accept, ask, retry, textReader, type Answer } from './steps.js'
import { parseTimeOnDay } from './time-input.js'

/** The stored value as plain data (conversation state is JSON: no Dates). */
type Snapshot = { title: string; description: string; capacity: number; startsAt: number; endsAt: number; closesAt: number }

/** Asks for one new value, then applies it; time changes are announced to every active registrant. */
export function createEditConversation(deps: BotDeps) {
  return async function editEventFlow(
    conversation: BotConversation,
    ctx: ConversationContext,
    eventId: number,
    field: EditField,
  ): Promise<void> {
    const t = ctx.t.bind(ctx)
    const now = async () => new Date(await conversation.external(() => deps.now().getTime()))
    const current = await conversation.external(async (outside): Promise<Snapshot | undefined> => {
      const event = await findEvent(deps.db, eventId)
      if (event === undefined || !(await canManage(deps.db, outside.user, { city: event.city, stationId: event.stationId })))
        return undefined
      return {
        title: event.title,
        description: event.description,
        capacity: event.capacity,
        startsAt: event.startsAt.getTime(),
        endsAt: event.endsAt.getTime(),
        closesAt: event.registrationClosesAt.getTime(),
      }
    })
    if (current === undefined) {
      await ctx.reply(t('eventadmin-not-allowed'))
      return
    }
    const startsAt = new Date(current.startsAt)
    const endsAt = new Date(current.endsAt)
    const readers: Record<EditField, { show: string; read: (update: ConversationContext) => Promise<Answer<EditValue>> }> = {
      title: {
        show: escapeHtml(current.title),
        read: async (update) => wrap(await textReader(ctx, 60)(update, undefined), (title) => ({ title })),
      },
      description: {
        show: escapeHtml(current.description) || '—',
        read: async (update) => wrap(await textReader(ctx, 1000)(update, undefined), (description) => ({ description })),
      },
      capacity: {
        show: String(current.capacity),
        read: async (update) => {
          const capacity = parseCapacity(update.message?.text)
          return capacity === undefined ? retry(t('eventadmin-bad-capacity')) : accept({ capacity })
        },
      },
      start: {
        show: shanghaiDateTime(startsAt),
        read: async (update) => {
          const typed = await readFutureDateTime(ctx, update.message?.text, await now())
          // The event keeps its length when the start moves.
          return typed.ok
            ? accept({ startsAt: typed.value.at, endsAt: typed.value.at + current.endsAt - current.startsAt, natural: typed.value.natural })
            : typed
        },
      },
      end: {
        show: shanghaiDateTime(endsAt),
        read: async (update) => {
          const value = update.message?.text === undefined ? undefined : parseTimeOnDay(update.message.text, startsAt, await now())
          if (value === undefined) return retry(t('eventadmin-bad-time'))
          return value <= startsAt ? retry(t('eventadmin-end-before-start')) : accept({ endsAt: value.getTime() })
        },
      },
      closes: {
        show: shanghaiDateTime(new Date(current.closesAt)),
        read: async (update) => {
          const clock = await now()
          const value = update.message?.text === undefined ? undefined : parseTimeOnDay(update.message.text, startsAt, clock)
          if (value === undefined) return retry(t('eventadmin-bad-time'))
          return value <= clock || value > endsAt ? retry(t('eventadmin-closes-out-of-range')) : accept({ closesAt: value.getTime() })
        },
      },
    }
    const reader = readers[field]
    let value: EditValue
    for (
      let question = t('eventadmin-edit-ask', { field: t(`eventadmin-edit-field-${field}`), current: reader.show });
      ;
      question = t('eventadmin-ask-start-again')
    ) {
      value = await ask(conversation, ctx, { text: question }, (update) => reader.read(update))
      // A start typed in words is echoed back before anyone is told about the new time.
      if (value.natural !== true || value.startsAt === undefined || (await confirmDate(conversation, ctx, new Date(value.startsAt)))) break
    }

    const outcome = await conversation.external((outside) => applyEdit(deps, outside.user, eventId, value))
    const back = new InlineKeyboard().text(t('eventadmin-button-open'), eventAdminCallbacks.panel.pack({ eventId: eventId }))
    if (outcome.kind === 'below-taken') {
      await ctx.reply(t('eventadmin-capacity-below-taken', { taken: outcome.taken, capacity: value.capacity ?? 0 }), { reply_markup: back })
    } else await ctx.reply(t(`eventadmin-edit-${outcome.kind}`, { promoted: outcome.promoted ?? 0 }), { reply_markup: back })
  }
}

type EditValue = {
  title?: string
  description?: string
  capacity?: number
  startsAt?: number
  endsAt?: number
  closesAt?: number
  natural?: boolean
}
type EditOutcome =
  | { kind: 'saved' | 'not-allowed' | 'not-editable' | 'has-slots'; promoted?: number }
  | { kind: 'below-taken'; taken: number; promoted?: number }

const wrap = <R>(answer: Answer<string>, make: (text: string) => R): Answer<R> => (answer.ok ? accept(make(answer.value)) : answer)

async function applyEdit(deps: BotDeps, user: User | undefined, eventId: number, value: EditValue): Promise<EditOutcome> {
  const event = await findEvent(deps.db, eventId)
  if (event === undefined || !(await canManage(deps.db, user, { city: event.city, stationId: event.stationId })))
    return { kind: 'not-allowed' }
  const patch: EventPatch = {
    ...(value.title === undefined ? {} : { title: value.title }),
    ...(value.description === undefined ? {} : { description: value.description }),
    ...(value.capacity === undefined ? {} : { capacity: value.capacity }),
    ...(value.startsAt === undefined ? {} : { startsAt: new Date(value.startsAt) }),
    ...(value.endsAt === undefined ? {} : { endsAt: new Date(value.endsAt) }),
    ...(value.closesAt === undefined ? {} : { registrationClosesAt: new Date(value.closesAt) }),
  }
  const now = deps.now()
  const result = await updateEvent(deps.db, {
    eventId,
    patch,
    now,
    notice: (recipient, updated) => changeNotice(recipient, event, updated),
  })
  if (result.kind !== 'updated')
    return result.kind === 'below-taken'
      ? { kind: 'below-taken', taken: result.taken }
      : { kind: result.kind === 'not-found' ? 'not-allowed' : result.kind }
  const promoted =
    result.event.capacity > result.before.capacity
      ? await promoteWaitlisted(deps.db, waitlistNotices, eventId, now, deps.config.waitlistOfferHours)
      : 0
  return { kind: 'saved', promoted }
}

function changeNotice(recipient: User, before: Event, updated: Event) {
  const t = translatorFor(userLocale(recipient))
  return {
    method: 'sendMessage' as const,
    parseMode: 'HTML' as const,
    text: tHtml(t, 'eventadmin-notice-changed', {
      title: updated.title,
      before: formatEventSpan(t, before.startsAt, before.endsAt),
      after: formatEventSpan(t, updated.startsAt, updated.endsAt),
    }),
  }
}
