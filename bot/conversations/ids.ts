/**
 * Every conversation's id, in one place. The ids are the keys of the state stored for each chat
 * (`conversation_states`), so they never change: a conversation in progress when the bot is
 * upgraded continues under the same id.
 */
export const conversationIds = {
  createEvent: 'eventadmin-create',
  editEvent: 'eventadmin-edit',
  checkIn: 'eventadmin-checkin',
  register: 'events-register',
  newFeedback: 'feedback-new',
  addToFeedback: 'feedback-add',
  replyToFeedback: 'feedback-reply',
  feedbackNote: 'feedback-note',
  composeBroadcast: 'broadcast-compose',
  quietHours: 'settings-quiet-hours',
  inviteStation: 'roles-invite-station',
  addStation: 'stationadmin-add',
  editStation: 'stationadmin-edit',
  manageSearch: 'stationmanage-search',
  manageClose: 'stationmanage-close',
  manageHoliday: 'stationmanage-holiday',
  manageOutage: 'stationmanage-outage',
  merchantHours: 'stationmanage-merchant-hours',
  otherStationReport: 'stationreports-other',
  dismissReport: 'station-report-dismiss',
  suggestStation: 'suggestions-new',
  declineSuggestion: 'suggestions-decline',
} as const
