import { InlineKeyboard } from 'grammy'
import type { QuietHours } from '../../../db/repositories/user-settings.js'
import { minutesToClock } from '../../../domain/time.js'
import { settingsCallbacks } from '../../callbacks/settings.js'
import type { Translate } from '../../i18n.js'
import { quietPresets, sameHours } from './quiet-hours.js'

export function settingsKeyboard(t: Translate, current: QuietHours | null): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  quietPresets.forEach((preset, index) => {
    keyboard.text(
      t('settings-button-preset', {
        start: minutesToClock(preset.start),
        end: minutesToClock(preset.end),
        current: sameHours(preset, current) ? 'yes' : 'no',
      }),
      settingsCallbacks.preset.pack({ index }),
    )
  })
  keyboard.row().text(t('settings-button-custom'), settingsCallbacks.custom.pack())
  keyboard.text(t('settings-button-off', { current: current === null ? 'yes' : 'no' }), settingsCallbacks.off.pack())
  return keyboard.row().text(t('settings-button-language'), settingsCallbacks.language.pack())
}
