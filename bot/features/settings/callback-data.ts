import { quietPresets } from './quiet-hours.js'

/**
 * Callback data of the settings screen (anyone can send any bytes, so parsing is strict):
 *
 *   qh:p<index>   a preset from `quietPresets`
 *   qh:off        no quiet hours
 *   qh:custom     type a range
 *   qh:lang       show the language choice (/language)
 */
export type SettingsAction =
  | { type: 'preset'; index: number }
  | { type: 'off' }
  | { type: 'custom' }
  | { type: 'language' }

export const presetData = (index: number) => `qh:p${index}`
export const offData = 'qh:off'
export const customData = 'qh:custom'
export const languageData = 'qh:lang'

export function parseSettingsData(data: string): SettingsAction | undefined {
  if (data === offData) return { type: 'off' }
  if (data === customData) return { type: 'custom' }
  if (data === languageData) return { type: 'language' }
  const preset = /^qh:p(\d)$/.exec(data)
  if (preset === null) return undefined
  const index = Number(preset[1])
  return index < quietPresets.length ? { type: 'preset', index } : undefined
}
