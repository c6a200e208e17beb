import { feedbackCallbacks } from '../bot/callbacks/feedback.js'
import type { JobDeps } from '../bot/context.js'
import { translate, translatorFor, userLocale } from '../bot/i18n.js'
import { tHtml } from '../bot/ui/html.js'
import { ticketPlace } from '../bot/ui/ticket-place.js'
import { findInboxItem, listAdmins, lockEscalationDue, updateTicket } from '../db/repositories/feedback.js'
import { enqueueMessages } from '../db/repositories/outbox.js'
import { findUser } from '../db/repositories/users.js'

const HOUR = 3_600_000

/**
 * Every 10 minutes: open tickets overdue by more than FEEDBACK_ESCALATE_HOURS go to every admin
 * through the outbox, once per ticket (escalatedAt is set in the same transaction, and each notice
 * is keyed per ticket and admin).
 */
export async function run(deps: JobDeps): Promise<void> {
  const now = deps.now()
  const cutoff = new Date(now.getTime() - deps.config.feedbackEscalateHours * HOUR)
  const escalated = await deps.db.transaction(async (tx) => {
    const due = await lockEscalationDue(tx, cutoff)
    if (due.length === 0) return 0
    const admins = await listAdmins(tx)
    for (const ticket of due) {
      const item = await findInboxItem(tx, ticket.id)
      if (item === undefined) continue
      const assignee = item.assigneeId === null ? undefined : await findUser(tx, item.assigneeId)
      await enqueueMessages(
        tx,
        admins.map((admin) => {
          const locale = userLocale(admin)
          return {
            userId: admin.id,
            kind: 'feedback-escalation',
            payload: {
              method: 'sendMessage' as const,
              parseMode: 'HTML' as const,
              text: tHtml(translatorFor(locale), 'feedback-escalation', {
                number: item.number,
                hours: Math.floor((now.getTime() - item.dueAt.getTime()) / HOUR),
                category: translate(locale, `feedback-category-${item.category}`),
                place: ticketPlace(translatorFor(locale), item),
                assignee: assignee?.firstName || '-',
              }),
              replyMarkup: {
                inline_keyboard: [
                  [{ text: translate(locale, 'feedback-button-open'), callback_data: feedbackCallbacks.open.pack({ ticketId: item.id }) }],
                ],
              },
            },
            dedupeKey: `feedback-escalation:${item.id}:${admin.id}`,
          }
        }),
      )
      await updateTicket(tx, ticket.id, { escalatedAt: now })
    }
    return due.length
  })
  if (escalated > 0) deps.logger.info({ tickets: escalated }, 'feedback escalated to admins')
}
