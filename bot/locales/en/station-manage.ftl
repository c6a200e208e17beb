## Station management (/stations for organizers, /mystation for merchants)

command-stations = Manage stations: pause, holidays, verify
command-mystation = My station (partner merchant)

sm-not-organizer = Station management is for organizers. To find a station, tap 📍 Send location or type a place.
sm-refused = This station is not in your scope, or no longer exists. Send /stations to see the stations you manage.
sm-inactive = This station is deactivated; tap ♻️ Reactivate first.
sm-button-stale = This button no longer works; please open /stations again.
sm-too-long = Too long: at most { $max } characters. Please send it again.
sm-need-text = Please type your answer, or tap a button below.
sm-form-cancelled = Cancelled; nothing was changed.

sm-list-title = 🏠 <b>Stations you manage</b> ({ $total } in all, page { $page }/{ $pages })
    Tap a station to manage it; 🔒 paused, 🚫 deactivated.
sm-list-empty = There are no stations in your scope yet. Tap ➕ Add station.
sm-search-title = 🔎 Stations named “{ $query }”: { $total } found, { $shown } shown.
sm-search-none = 🔎 None of your stations is named “{ $query }”. Try other words?
sm-ask-search = Type part of a station's name:

sm-button-previous = ‹ Previous
sm-button-next = Next ›
sm-button-search = 🔎 Search
sm-button-add = ➕ Add station
sm-button-edit = ✏️ Edit details
sm-button-verify = ✅ Details verified
sm-button-close = 🔒 Pause
sm-button-reopen = 🔓 Reopen
sm-button-holidays = 📅 Holiday hours
sm-button-outages = 🔥 Amenity out (hot water/charging)
sm-button-invite = 🏪 Invite merchant
sm-button-history = 📜 History
sm-button-deactivate = 🚫 Deactivate
sm-button-reactivate = ♻️ Reactivate
sm-button-deactivate-yes = Yes, deactivate
sm-button-back = « Back
sm-button-back-list = « Stations
sm-button-cancel = Cancel
sm-button-close-today = Today only
sm-button-close-until = Until a day…
sm-button-no-reason = No reason
sm-button-same-day = Just that day
sm-button-until-back = Not sure; I'll tap when back
sm-button-holiday-add = ➕ Add
sm-button-holiday-delete = 🗑 { $range }
sm-button-outage-set = { $amenity } out
sm-button-outage-clear = ✅ { $amenity } back

sm-view-title = 🏠 <b>{ $name }</b>
    📍 { $place } · { $address }
sm-view-hours = 🕘 Hours: <code>{ $hours }</code>
sm-view-status = Now: { $status }
sm-view-holidays = 📅 Holidays: { $list }
sm-view-outage = ⚠️ { $amenity } out ({ $until })
sm-view-verified = ✅ Last verified: { $day } ({ $days ->
    [0] today
    [one] 1 day ago
   *[other] { $days } days ago
    })
sm-view-never-verified = ❔ Never verified
sm-hours-unknown = not given
sm-status-open = 🟢 open
sm-status-closed = ⚪ outside opening hours
sm-status-unknown = ❔ hours unknown
sm-status-inactive = 🚫 deactivated (riders don't see it)
sm-status-paused = 🔒 paused, { $until }
sm-status-paused-reason = 🔒 paused, { $until } ({ $reason })
sm-day = { $month }/{ $day }
sm-day-range = { $from }–{ $to }
sm-until-day = reopens { $day }
sm-until-time = back { $day } { $time }
sm-outage-until-back = until further notice

sm-close-choose = 🔒 Pause <b>{ $name }</b>: until when?
    Meanwhile riders see “paused” and the reason.
sm-ask-reopen-day = On which day does it reopen? E.g. 12月10日, 2027-02-05, 明天 (tomorrow), 下周一 (next Monday):
sm-ask-reason = Why? Riders will see it, e.g. “装修，12月10日恢复”. Tap “No reason” to skip.
sm-bad-day = I could not read that date. Write 12月10日, 2027-02-05, 明天 or 下周一.
sm-day-too-early = { $day } is too early; please give a later day.
sm-closed-done = 🔒 <b>{ $name }</b> is paused, { $until }. Reason: { $reason }
sm-reopened = 🔓 Reopened
sm-not-paused = This station is not paused
sm-verified = ✅ Recorded: verified today
sm-already-verified = Already verified today
sm-deactivate-confirm = Deactivate <b>{ $name }</b>? Riders will no longer find it; its history is kept and you can reactivate it any time.
sm-deactivated = 🚫 Deactivated
sm-reactivated = ♻️ Reactivated

sm-holidays-title = 📅 Holiday hours of <b>{ $name }</b> (tap 🗑 to delete):
sm-holidays-none = 📅 <b>{ $name }</b> has no holiday hours. When hours differ (Spring Festival, National Day), tap ➕ Add.
sm-holiday-closed = closed
sm-ask-holiday-from = From which day? E.g. 2月5日, 明天:
sm-ask-holiday-to = Until which day (inclusive)? Starting { $from }. Tap “Just that day” for one day.
sm-ask-holiday-hours = Hours on those days, in OpenStreetMap syntax, e.g. <code>10:00-16:00</code>, <code>Mo-Su 09:00-12:00,14:00-18:00</code>; write “休息” (closed) for closed all day.
sm-bad-hours = Those hours are not valid: { $error }
    E.g. <code>Mo-Su 09:30-21:00</code>, <code>10:00-16:00</code>, <code>24/7</code>.
sm-hours-closed-not-here = These are the usual hours. To close today, use the “closed today” button.
sm-holiday-added = 📅 Added: { $range }
sm-holiday-overlaps = It overlaps { $existing }, so { $range } was not added. Delete the old one first.
sm-holiday-deleted = Deleted
sm-holiday-gone = Already deleted

sm-outages-title = 🔥 <b>{ $name }</b>: which amenity is out? Tap to mark it out; tap again when it is back.
sm-outages-no-amenities = <b>{ $name }</b> lists no amenities yet; add them with ✏️ Edit details.
sm-amenity-not-listed = This station does not list that amenity.
sm-ask-outage-until = When will { $amenity } be back? Type a time such as 18:00 or 明天上午9点, or tap the button if you are not sure.
sm-bad-time = I could not read that time. Write 18:00, 明天上午9点 or 12月10日 9:00.
sm-time-past = That time has passed; please give a later one.
sm-outage-set = ⚠️ { $amenity } marked as out ({ $until }); riders see it on the station card.
sm-outage-cleared = ✅ { $amenity } is back
sm-outage-not-out = { $amenity } is not marked as out

sm-invite-created = 🏪 Invite a partner merchant for <b>{ $name }</b>: send this link to the shop owner. Opening it makes them the station's merchant: they can close it for today, mark hot water/charging as out and change its hours.
    { $link }
    Single use, valid { $days } days (until { $expires }).
sm-notice-merchant-joined = 🏪 { $name } used your invite link and is now a partner merchant of <b>{ $station }</b>.

sm-history-title = 📜 History of <b>{ $name }</b> (page { $page }, newest first)
sm-history-empty = 📜 <b>{ $name }</b> has no recorded changes yet.
sm-history-entry = 🕘 { $when } · { $who }
sm-history-field = · { $field }: { $from } → { $to }
sm-history-note = · note: { $note }
sm-who-person = { $name } ({ $source })
sm-who-organizer = organizer
sm-who-merchant = merchant
sm-who-import = import
sm-who-report = rider report
sm-who-suggestion = rider suggestion
sm-who-system = system
sm-value-active = active
sm-value-inactive = deactivated
sm-value-photo = photo
sm-field-name = name
sm-field-kind = kind
sm-field-address = address
sm-field-city = city
sm-field-district = district
sm-field-lat = latitude
sm-field-lng = longitude
sm-field-amenities = amenities
sm-field-openingHours = hours
sm-field-phone = phone
sm-field-active = status
sm-field-lastVerified = verified on
sm-field-closedUntil = paused until
sm-field-closedReason = pause reason
sm-field-photoFileId = photo
sm-field-outage = { $amenity } out
sm-field-holiday = holiday { $range }

sm-merchant-none = You are not a partner merchant of any station. Shop owners: ask your local organizer for an invite link.
sm-merchant-refused = You are not a merchant of this station, so you cannot change it.
sm-merchant-choose = You are a merchant of these stations; pick one:
sm-merchant-welcome = 🏪 Welcome! You are now a partner merchant of <b>{ $name }</b>.
    You can: close for today / open as usual, mark hot water or charging as out, and change the opening hours. For anything else (address, amenities) ask the organizer. Send /mystation any time.
sm-merchant-invite-used = This invite link has already been used; ask the organizer for a new one.
sm-merchant-invite-yours = You already used this link; you are this station's merchant. Send /mystation.
sm-merchant-invite-expired = This invite link has expired; ask the organizer for a new one.
sm-merchant-close-today = 😴 Closed today
sm-merchant-open-today = 🟢 Open as usual today
sm-merchant-hot_water-out = ♨️ Hot water out
sm-merchant-hot_water-back = ♨️ Hot water back
sm-merchant-charging-out = 🔌 Charging out
sm-merchant-charging-back = 🔌 Charging back
sm-merchant-hours = 🕘 Change hours
sm-merchant-closed-today = Closed for today; it reopens tomorrow by itself
sm-merchant-opened-today = Open as usual today
sm-merchant-already-closed = It is already paused
sm-merchant-already-open = It is already open as usual
sm-merchant-closed-by-organizer = The organizer paused this station; only they can undo it. Please contact them.
sm-merchant-hot_water-marked-out = Marked: hot water out
sm-merchant-hot_water-marked-back = Marked: hot water back
sm-merchant-charging-marked-out = Marked: charging out
sm-merchant-charging-marked-back = Marked: charging back
sm-ask-merchant-hours = Current hours: <code>{ $current }</code>
    Type the new hours (OpenStreetMap syntax), e.g. <code>Mo-Su 09:30-21:00</code>, <code>Mo-Fr 08:30-18:00; Sa,Su 10:00-16:00</code>, <code>24/7</code>:
sm-merchant-hours-set = 🕘 Hours changed to <code>{ $hours }</code>
sm-merchant-own-link = This is the merchant invite link you made; opening it yourself does not use it up. Send it to the shop owner, who can then manage this station.
