import { InlineKeyboard } from 'grammy'
import type { ReportEffect } from '../../../core/station-report-resolution.js'
import { feedbackCallbacks } from '../../callbacks/feedback.js'
import { stationAdminCallbacks } from '../../callbacks/station-admin.js'
import { reportHandlingCallbacks as buttons } from '../../callbacks/station-report-handling.js'
import type { Translate } from '../../i18n.js'

/** What the organizer picks after ✅ 确认, by what confirming does to the station. */
export function confirmKeyboard(t: Translate, effect: ReportEffect, ticketId: number, stationId: number): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  if (effect === 'outage')
    for (const until of ['today', 'tomorrow', 'open'] as const)
      keyboard.text(t(`rh-until-${until}`), buttons.apply.pack({ ticketId, until }))
  if (effect === 'deactivate') keyboard.text(t('rh-button-deactivate'), buttons.apply.pack({ ticketId, until: 'open' }))
  if (effect === 'correct')
    keyboard
      .text(t('rh-button-edit'), stationAdminCallbacks.edit.pack({ stationId }))
      .row()
      .text(t('rh-button-corrected'), buttons.apply.pack({ ticketId, until: 'open' }))
  return keyboard.row().text(t('rh-button-back'), feedbackCallbacks.open.pack({ ticketId }))
}

export const dismissKeyboard = (t: Translate, ticketId: number) =>
  new InlineKeyboard()
    .text(t('rh-button-dismiss-now'), buttons.dismissNow.pack({ ticketId }))
    .text(t('rh-button-dismiss-why'), buttons.dismissWhy.pack({ ticketId }))
    .row()
    .text(t('rh-button-back'), feedbackCallbacks.open.pack({ ticketId }))

/** After a confirmation: the way back when the station is fine again (热水已恢复), and the inbox. */
export function afterKeyboard(t: Translate, effect: ReportEffect, kind: string, ticketId: number | undefined): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  if (ticketId !== undefined && (effect === 'outage' || effect === 'close'))
    keyboard.text(t('rh-button-restore', { kind }), buttons.restore.pack({ ticketId })).row()
  return keyboard.text(t('feedback-button-inbox'), feedbackCallbacks.inbox.pack())
}
