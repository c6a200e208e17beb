import { InlineKeyboard } from 'grammy'
import { problemKinds, stationReportCallbacks } from '../../callbacks/station-reports.js'
import type { Translate } from '../../i18n.js'

/** 📣 报告情况's one-tap choices, two a row, 其它 (words, a photo or a voice message) last on its own. */
export function reportChoicesKeyboard(t: Translate, stationId: number): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  const oneTap = problemKinds.filter((kind) => kind !== 'other')
  oneTap.forEach((kind, index) => {
    keyboard.text(t(`station-report-button-${kind}`), stationReportCallbacks.pick.pack({ stationId, kind }))
    if (index % 2 === 1) keyboard.row()
  })
  return keyboard.row().text(t('station-report-button-other'), stationReportCallbacks.pick.pack({ stationId, kind: 'other' }))
}
