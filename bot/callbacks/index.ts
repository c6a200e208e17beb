import { composeCallbacks, controlCallbacks } from './broadcast.js'
import type { CallbackDefinition } from './codec.js'
import { coverageCallbacks } from './coverage.js'
import { eventAdminCallbacks } from './event-admin.js'
import { eventCallbacks, eventFormCallbacks } from './events.js'
import { feedbackCallbacks, wizardCallbacks } from './feedback.js'
import { rolesCallbacks } from './roles.js'
import { settingsCallbacks } from './settings.js'
import { stationAdminCallbacks } from './station-admin.js'
import { merchantCallbacks, stationManageCallbacks } from './station-manage.js'
import { reportHandlingCallbacks } from './station-report-handling.js'
import { stationReportCallbacks } from './station-reports.js'
import { suggestionCallbacks } from './station-suggestions.js'
import { stationCallbacks } from './stations.js'
import { hubCallbacks, uiCallbacks } from './ui.js'

/**
 * Every callback definition, by namespace: one namespace per feature, so that a prefix says who
 * handles it (`hub:` buttons are each handled by the feature of that screen).
 */
export const callbackNamespaces = {
  ui: [uiCallbacks],
  hub: [hubCallbacks],
  se: [settingsCallbacks],
  st: [stationCallbacks],
  sa: [stationAdminCallbacks],
  sr: [stationReportCallbacks],
  ev: [eventCallbacks, eventFormCallbacks],
  ea: [eventAdminCallbacks],
  bc: [composeCallbacks, controlCallbacks],
  fb: [feedbackCallbacks, wizardCallbacks],
  ro: [rolesCallbacks],
  sm: [stationManageCallbacks, merchantCallbacks],
  rh: [reportHandlingCallbacks],
  sg: [suggestionCallbacks],
  cv: [coverageCallbacks],
} as const satisfies Record<string, readonly Record<string, CallbackDefinition>[]>

export const allCallbacks: readonly CallbackDefinition[] = Object.values(callbackNamespaces).flatMap((groups) =>
  groups.flatMap((group: Record<string, CallbackDefinition>) => Object.values(group)),
)
