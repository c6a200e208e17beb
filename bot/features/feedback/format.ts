import type { FeedbackStats, PublicItem } from '../../../db/repositories/feedback-stats.js'
import { isOverdue, type InboxItem } from '../../../db/repositories/feedback.js'
import type { FeedbackMessage, User } from '../../../db/schema/index.js'
import { shanghaiShortDateTime } from '../../../domain/time.js'
import type { Translate } from '../../i18n.js'
import { escapeHtml, tHtml } from '../../ui/html.js'
import { MESSAGE_LIMIT } from '../../ui/telegram-limits.js'
import { ticketPlace } from '../../ui/ticket-place.js'
import { publicState } from './keyboards.js'

/** One line of a ticket's history; organizer views include notes, the worker's never do. */
function historyLine(t: Translate, message: FeedbackMessage, names: ReadonlyMap<number, string>, forWorker: boolean): string {
  const when = shanghaiShortDateTime(message.createdAt)
  const media = message.kind === 'text' ? '' : t(`feedback-media-${message.kind}`)
  const body = `${media}${message.text === '' ? '' : ' ' + message.text}`.trim()
  const staff = forWorker ? t('feedback-staff') : (names.get(message.authorId ?? 0) ?? t('feedback-staff'))
  if (message.author === 'worker') return tHtml(t, 'feedback-line-worker', { when, body })
  if (message.author === 'organizer') return tHtml(t, 'feedback-line-reply', { when, body, name: staff })
  if (message.author === 'note') return tHtml(t, 'feedback-line-note', { when, body, name: staff })
  const [event, target] = message.text.split(':')
  const assignee = names.get(Number(target)) ?? ''
  return tHtml(t, 'feedback-line-system', { when, event: event ?? '', name: assignee })
}

/** Joins the newest history lines that fit into one message with the header. */
function fitHistory(t: Translate, header: string, lines: string[]): string {
  const kept: string[] = []
  let length = header.length + 100
  for (const line of [...lines].reverse()) {
    if (length + line.length + 1 > MESSAGE_LIMIT) break
    kept.unshift(line)
    length += line.length + 1
  }
  const omitted = lines.length - kept.length
  return [header, ...(omitted > 0 ? [t('feedback-history-omitted', { count: omitted })] : []), ...kept].join('\n')
}

/** The category as lists show it; a 📣 report's with what the rider saw (驿站反馈·没有热水). */
const categoryOf = (t: Translate, item: InboxItem) =>
  t(`feedback-category-${item.category}`) + (item.reportKind === null ? '' : `·${t(`rh-kind-${item.reportKind}`)}`)

/** The organizer's view: anonymous tickets show 匿名骑手 and nothing else about the sender. */
export function formatOrganizerCard(
  t: Translate,
  item: InboxItem,
  sender: Pick<User, 'firstName' | 'username'> | undefined,
  messages: FeedbackMessage[],
  names: ReadonlyMap<number, string>,
  now: Date,
): string {
  const from =
    item.anonymous || sender === undefined
      ? t('feedback-anonymous')
      : escapeHtml(sender.username === null ? sender.firstName : `${sender.firstName} (@${sender.username})`)
  const header = t('feedback-card', {
    number: item.number,
    category: categoryOf(t, item),
    status: t(`feedback-status-${item.status}`),
    overdue: isOverdue(item, now) ? 'yes' : 'no',
    place: escapeHtml(ticketPlace(t, item)),
    from,
    assignee: escapeHtml(names.get(item.assigneeId ?? 0) ?? '-'),
    created: shanghaiShortDateTime(item.createdAt),
    due: shanghaiShortDateTime(item.dueAt),
    public: publicState(item),
  })
  // A 📣 report's ticket says what the rider saw and where the report stands.
  const report = item.reportKind === null ? '' : `\n${t('rh-card-line', { status: item.reportStatus ?? 'open' })}`
  return fitHistory(
    t,
    // After the header's first line, before the history.
    header.replace('\n', `${report}\n`),
    messages.map((message) => historyLine(t, message, names, false)),
  )
}

export function formatWorkerCard(t: Translate, item: InboxItem, messages: FeedbackMessage[]): string {
  const header = tHtml(t, 'feedback-my-card', {
    number: item.number,
    category: categoryOf(t, item),
    status: t(`feedback-status-${item.status}`),
    place: ticketPlace(t, item),
    created: shanghaiShortDateTime(item.createdAt),
    anonymous: item.anonymous ? 'yes' : 'no',
  })
  const visible = messages.filter((message) => message.author !== 'note' && !message.text.startsWith('assigned:'))
  return fitHistory(
    t,
    header,
    visible.map((message) => historyLine(t, message, new Map(), true)),
  )
}

export function formatInboxLine(t: Translate, item: InboxItem, now: Date): string {
  return tHtml(t, 'feedback-inbox-line', {
    overdue: isOverdue(item, now) ? 'yes' : 'no',
    number: item.number,
    category: categoryOf(t, item),
    status: t(`feedback-status-${item.status}`),
    place: ticketPlace(t, item),
    public: publicState(item),
  })
}

export function formatStats(t: Translate, stats: FeedbackStats): string {
  const list = (rows: { label: string; count: number }[]) =>
    rows.length === 0 ? t('feedback-stats-none') : rows.map((row) => `${row.label}：${row.count}`).join('\n')
  return t('feedback-stats', {
    total: stats.total,
    status: list(stats.byStatus.map((row) => ({ label: t(`feedback-status-${row.key}`), count: row.count }))),
    category: list(stats.byCategory.map((row) => ({ label: t(`feedback-category-${row.key}`), count: row.count }))),
    station: list(stats.byStation.map((row) => ({ label: escapeHtml(row.key), count: row.count }))),
    median: stats.medianFirstAnswerHours === undefined ? 'none' : stats.medianFirstAnswerHours.toFixed(1),
  })
}

/** The public list: what was said and what was done, without anything about who said it. */
export function formatSaid(t: Translate, stationName: string, items: PublicItem[]): string {
  if (items.length === 0) return tHtml(t, 'feedback-said-empty', { name: stationName })
  const entry = (message: FeedbackMessage | undefined) =>
    message === undefined
      ? '-'
      : escapeHtml(message.text === '' && message.kind !== 'text' ? t(`feedback-media-${message.kind}`) : message.text)
  // A blank line between items: each one is several lines long.
  const lines = items.map(
    (item) =>
      '\n' + t('feedback-said-item', { category: t(`feedback-category-${item.category}`), said: entry(item.said), did: entry(item.did) }),
  )
  return fitHistory(t, tHtml(t, 'feedback-said-title', { name: stationName }), lines)
}
