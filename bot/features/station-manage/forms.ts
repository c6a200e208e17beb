import { InlineKeyboard } from 'grammy'
import { listManagedStations } from '../../../db/repositories/managed-stations.js'
import { updateStation } from '../../../db/repositories/station-changes.js'
import { addHoursException } from '../../../db/repositories/station-hours-exceptions.js'
import { setAmenityOutage } from '../../../db/repositories/station-outages.js'
import { readDateTime, readDay, readTimeOnDay } from '../../../domain/date-input.js'
import { openingHoursError } from '../../../domain/opening-hours.js'
import { shanghaiDate } from '../../../domain/time.js'
import { stationManageCallbacks as sm } from '../../callbacks/station-manage.js'
import type { BaseContext, BotConversation, BotDeps, ConversationContext } from '../../context.js'
import { accept, ask, retry, typed, type Answer } from '../../conversations/ask.js'
import { tHtml } from '../../ui/html.js'
import { stationOfMerchant, stationToManage } from './access.js'
import { amenityLabel, formatDay, formatHolidayRange, formatUntil, stationListLabel } from './format.js'
import { backToStation } from './keyboards.js'

const MAX_REASON = 100
const MAX_QUERY = 30
const MAX_HOURS = 200
const SKIP = Symbol('skip')

/** The instant a Shanghai day starts. */
const dayStart = (day: string): Date => new Date(`${day}T00:00:00+08:00`)
/** The instant the Shanghai day after `now`'s starts: the end of "today only". */
export const endOfToday = (now: Date): Date => new Date(dayStart(shanghaiDate(now)).getTime() + 86_400_000)

const say = (key: string, variables: Record<string, string | number> = {}) =>
  retry((update) => update.reply(tHtml(update.t, key, variables), { parse_mode: 'HTML' }))

/** One question of a station form: typed text, or the skip button when there is one; 取消 leaves. */
async function question<T>(
  conversation: BotConversation,
  ctx: ConversationContext,
  prompt: string,
  read: (update: ConversationContext, text: string) => Answer<T> | Promise<Answer<T>>,
  skip?: string,
): Promise<T | typeof SKIP> {
  const keyboard = new InlineKeyboard()
  if (skip !== undefined) keyboard.text(skip, sm.step.pack({ step: 'skip' }))
  keyboard.text(ctx.t('sm-button-cancel'), sm.step.pack({ step: 'stop' }))
  const step = (update: ConversationContext) => sm.step.unpack(update.callbackQuery?.data)?.step
  return ask<T | typeof SKIP>(conversation, {
    prompt: () => ctx.reply(prompt, { parse_mode: 'HTML', reply_markup: keyboard }),
    buttons: sm.step.filter,
    quit: { when: (update) => step(update) === 'stop', say: (update) => update.reply(update.t('sm-form-cancelled')) },
    read: (update) => {
      if (step(update) === 'skip') return skip === undefined ? retry() : accept(SKIP)
      const answer = typed(update, MAX_HOURS)
      if (answer.kind === 'not-text' || answer.kind === 'empty') return say('sm-need-text')
      if (answer.kind === 'too-long') return say('sm-too-long', { max: MAX_HOURS })
      return read(update, answer.text)
    },
  })
}

const clock = async (conversation: BotConversation, deps: BotDeps) => new Date(await conversation.external(() => deps.now().getTime()))

/** The station's name when the person may (still) manage it; the re-check every form makes before it writes. */
const managedName = (conversation: BotConversation, deps: BotDeps, stationId: number) =>
  conversation.external(async (outside: BaseContext) => (await stationToManage(deps, outside.user, stationId))?.name)

async function readFutureDay(conversation: BotConversation, deps: BotDeps, text: string, after: string): Promise<Answer<string>> {
  const now = await clock(conversation, deps)
  const reading = readDay(text, now)
  if (reading.kind !== 'ok') return say('sm-bad-day')
  if (reading.day < after) return say('sm-day-too-early', { day: reading.day })
  return accept(reading.day)
}

/** 🔒 暂停开放: today only, or until a typed day; then an optional reason. */
export function createCloseForm(deps: BotDeps) {
  return async (conversation: BotConversation, ctx: ConversationContext, stationId: number, mode: 'today' | 'until') => {
    if ((await managedName(conversation, deps, stationId)) === undefined) return void (await ctx.reply(ctx.t('sm-refused')))
    const now = await clock(conversation, deps)
    const tomorrow = shanghaiDate(endOfToday(now))
    let until = tomorrow
    if (mode === 'until') {
      const day = await question(conversation, ctx, ctx.t('sm-ask-reopen-day'), (_update, text) =>
        readFutureDay(conversation, deps, text, tomorrow),
      )
      if (day !== SKIP) until = day
    }
    const reason = await question(
      conversation,
      ctx,
      ctx.t('sm-ask-reason'),
      (_update, text) => ([...text].length > MAX_REASON ? say('sm-too-long', { max: MAX_REASON }) : accept(text)),
      ctx.t('sm-button-no-reason'),
    )
    const closedReason = reason === SKIP ? '' : reason
    const closedUntil = dayStart(until)
    const done = await conversation.external(async (outside: BaseContext) => {
      const station = await stationToManage(deps, outside.user, stationId)
      if (station === undefined) return undefined
      await updateStation(deps.db, stationId, { closedUntil, closedReason }, { actorId: outside.user!.id, source: 'organizer' }, deps.now())
      return station.name
    })
    if (done === undefined) return void (await ctx.reply(ctx.t('sm-refused')))
    await ctx.reply(tHtml(ctx.t, 'sm-closed-done', { name: done, until: formatUntil(ctx.t, closedUntil), reason: closedReason || '—' }), {
      parse_mode: 'HTML',
      reply_markup: backToStation(ctx.t, stationId),
    })
  }
}

const closedWords = /^(休息|不营业|关闭|关门|闭馆|停业|closed|off)$/i

/** Hours typed in OSM syntax, or a word for closed ('' is closed all day). */
function readHours(text: string, allowClosed: boolean): Answer<string> {
  if (closedWords.test(text)) return allowClosed ? accept('') : say('sm-hours-closed-not-here')
  const error = openingHoursError(text)
  return error === undefined ? accept(text) : say('sm-bad-hours', { error })
}

/** 📅 节假日营业时间: a first day, a last day (or the same), and the hours on those days. */
export function createHolidayForm(deps: BotDeps) {
  return async (conversation: BotConversation, ctx: ConversationContext, stationId: number) => {
    if ((await managedName(conversation, deps, stationId)) === undefined) return void (await ctx.reply(ctx.t('sm-refused')))
    const today = shanghaiDate(await clock(conversation, deps))
    const from = await question(conversation, ctx, ctx.t('sm-ask-holiday-from'), (_update, text) =>
      readFutureDay(conversation, deps, text, today),
    )
    if (from === SKIP) return
    const last = await question(
      conversation,
      ctx,
      ctx.t('sm-ask-holiday-to', { from: formatDay(ctx.t, from) }),
      (_update, text) => readFutureDay(conversation, deps, text, from),
      ctx.t('sm-button-same-day'),
    )
    const to = last === SKIP ? from : last
    const hours = await question(conversation, ctx, ctx.t('sm-ask-holiday-hours'), (_update, text) => readHours(text, true))
    if (hours === SKIP) return
    const result = await conversation.external(async (outside: BaseContext) => {
      if ((await stationToManage(deps, outside.user, stationId)) === undefined) return { kind: 'refused' as const }
      const added = await addHoursException(
        deps.db,
        { stationId, startsOn: from, endsOn: to, openingHours: hours },
        { actorId: outside.user!.id, source: 'organizer' },
        deps.now(),
      )
      return added.kind === 'overlaps' ? { kind: 'overlaps' as const, existing: added.existing } : { kind: added.kind }
    })
    const range = formatHolidayRange(ctx.t, { startsOn: from, endsOn: to, openingHours: hours })
    const text =
      result.kind === 'added'
        ? ctx.t('sm-holiday-added', { range })
        : result.kind === 'overlaps'
          ? ctx.t('sm-holiday-overlaps', { range, existing: formatHolidayRange(ctx.t, result.existing) })
          : ctx.t('sm-refused')
    await ctx.reply(text, {
      parse_mode: 'HTML',
      reply_markup: new InlineKeyboard().text(ctx.t('sm-button-holidays'), sm.holidays.pack({ stationId })),
    })
  }
}

/** 🔥/🔌 an amenity is out: until a typed time, or until someone says it is back. */
export function createOutageForm(deps: BotDeps) {
  return async (conversation: BotConversation, ctx: ConversationContext, stationId: number, amenity: string) => {
    if ((await managedName(conversation, deps, stationId)) === undefined) return void (await ctx.reply(ctx.t('sm-refused')))
    const label = amenityLabel(ctx.t, amenity)
    const answer = await question(
      conversation,
      ctx,
      ctx.t('sm-ask-outage-until', { amenity: label }),
      async (_update, text) => {
        const now = await clock(conversation, deps)
        const reading = /^\d{1,2}\s*[:：点时]/.test(text) ? readTimeOnDay(text, now, now) : readDateTime(text, now)
        if (reading.kind !== 'ok') return say('sm-bad-time')
        if (reading.at <= now) return say('sm-time-past')
        return accept(reading.at.getTime())
      },
      ctx.t('sm-button-until-back'),
    )
    const until = answer === SKIP ? null : new Date(answer)
    const done = await conversation.external(async (outside: BaseContext) => {
      if ((await stationToManage(deps, outside.user, stationId)) === undefined) return false
      await setAmenityOutage(deps.db, { stationId, amenity, until, reason: '' }, { actorId: outside.user!.id, source: 'organizer' })
      return true
    })
    if (!done) return void (await ctx.reply(ctx.t('sm-refused')))
    const text = ctx.t('sm-outage-set', {
      amenity: label,
      until: until === null ? ctx.t('sm-outage-until-back') : formatUntil(ctx.t, until),
    })
    await ctx.reply(text, { reply_markup: new InlineKeyboard().text(ctx.t('sm-button-outages'), sm.outages.pack({ stationId })) })
  }
}

/** 🔎 搜索: part of a name, among the stations the organizer manages. */
export function createSearchForm(deps: BotDeps) {
  return async (conversation: BotConversation, ctx: ConversationContext) => {
    const query = await question(conversation, ctx, ctx.t('sm-ask-search'), (_update, text) =>
      [...text].length > MAX_QUERY ? say('sm-too-long', { max: MAX_QUERY }) : accept(text),
    )
    if (query === SKIP) return
    const found = await conversation.external(async (outside: BaseContext) => {
      if (outside.user === undefined) return { total: 0, stations: [] }
      const now = deps.now()
      const result = await listManagedStations(deps.db, outside.user, { query, limit: 10, offset: 0 })
      return {
        total: result.total,
        stations: result.stations.map((station) => ({ id: station.id, label: stationListLabel(station, now) })),
      }
    })
    const keyboard = new InlineKeyboard()
    for (const station of found.stations) keyboard.text(station.label, sm.view.pack({ stationId: station.id })).row()
    keyboard.text(ctx.t('sm-button-search'), sm.search.pack()).text(ctx.t('sm-button-back-list'), sm.list.pack({ page: 0 }))
    const text =
      found.total === 0
        ? tHtml(ctx.t, 'sm-search-none', { query })
        : tHtml(ctx.t, 'sm-search-title', { query, total: found.total, shown: found.stations.length })
    await ctx.reply(text, { parse_mode: 'HTML', reply_markup: keyboard })
  }
}

/** 修改营业时间 for a merchant: OSM syntax, checked, recorded as the merchant's change. */
export function createMerchantHoursForm(deps: BotDeps) {
  return async (conversation: BotConversation, ctx: ConversationContext, stationId: number) => {
    const current = await conversation.external(
      async (outside: BaseContext) => (await stationOfMerchant(deps, outside.user, stationId))?.openingHours,
    )
    if (current === undefined) return void (await ctx.reply(ctx.t('sm-merchant-refused')))
    const hours = await question(conversation, ctx, tHtml(ctx.t, 'sm-ask-merchant-hours', { current: current || '—' }), (_update, text) =>
      readHours(text, false),
    )
    if (hours === SKIP) return
    const done = await conversation.external(async (outside: BaseContext) => {
      if ((await stationOfMerchant(deps, outside.user, stationId)) === undefined) return false
      await updateStation(deps.db, stationId, { openingHours: hours }, { actorId: outside.user!.id, source: 'merchant' }, deps.now())
      return true
    })
    await ctx.reply(done ? tHtml(ctx.t, 'sm-merchant-hours-set', { hours }) : ctx.t('sm-merchant-refused'), { parse_mode: 'HTML' })
  }
}
