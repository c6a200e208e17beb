## Handling riders' station reports: what riders saw

rh-kind-closed = not open now
rh-kind-no_hot_water = no hot water
rh-kind-charging_broken = charging not working
rh-kind-toilet_broken = toilet out of order
rh-kind-wrong_location = wrong location
rh-kind-wrong_hours = wrong opening hours
rh-kind-gone = the station is gone
rh-kind-other = something else
rh-kind-all_good = all good

## Handling riders' station reports: the organizer's ticket card

rh-card-line = 📣 Rider's report: { $status ->
        [confirmed] ✅ confirmed
        [dismissed] ❌ dismissed
       *[open] ⏳ to be checked
    }
rh-button-confirm = ✅ Confirm
rh-button-dismiss = ❌ Dismiss
rh-button-restore = { $kind ->
        [no_hot_water] ♨️ Hot water is back
        [charging_broken] 🔌 Charging is back
        [toilet_broken] 🚻 Toilet is back
        [closed] 🟢 Open again
       *[other] ✅ Back to normal
    }
rh-button-back = ↩️ Back to the ticket
rh-button-deactivate = ⛔ Take this station offline
rh-button-edit = ✏️ Correct the data
rh-button-corrected = ✅ Corrected
rh-button-dismiss-now = ❌ Just dismiss
rh-button-dismiss-why = ✍️ Give a reason
rh-until-today = Until end of today
rh-until-tomorrow = Until end of tomorrow
rh-until-open = Until it is back

## Handling riders' station reports: confirming and dismissing

rh-confirm-outage = A rider reported "<b>{ $name }</b>": { $what }. Once confirmed, the station's card shows it as out and the station drops out of that filter. Until when?
rh-confirm-deactivate = A rider reported "<b>{ $name }</b>": { $what }. Once confirmed, the station goes offline and no longer appears in station search (it can be re-enabled later).
rh-confirm-correct = A rider reported "<b>{ $name }</b>": { $what }. Tap "✏️ Correct the data" first, then "✅ Corrected" to tell the rider.
rh-dismiss-ask = Dismiss the report about "<b>{ $name }</b>" ({ $what })? The rider is told the station checked out fine. Give a reason?
rh-reason-prompt = Please type the reason for dismissing (sent to the reporting riders, at most { $max } characters). Send /cancel to stop.
rh-reason-too-long = That is too long: { $length } characters, at most { $max }. Please shorten it.
rh-reason-not-text = Please type the reason as text, or send /cancel to stop.
rh-state-reason = Reported by riders, checked
rh-done-toast = Done, the riders are told
rh-confirmed = ✅ Confirmed for "<b>{ $name }</b>": { $what }{ $effect ->
        [close] , closed for today
        [outage] , marked as out
        [deactivate] , station taken offline
       *[correct] {""}
    }. { $count } report(s) handled, the reporting riders are told.
rh-dismissed = ❌ Dismissed { $count } report(s) about "<b>{ $name }</b>" ({ $what }). The riders are told the station checked out fine.
rh-restored = 🟢 "<b>{ $name }</b>" is back to normal; the riders of { $count } report(s) are told.
rh-already = This report has already been handled.
rh-not-out = This station is not marked as out or closed; nothing to restore.
rh-gone = This report no longer exists.
rh-stale = This button is no longer valid.

## Handling riders' station reports: what the rider is told

rh-notice-confirmed = Your report about "{ $name }" ({ $what }) is confirmed{ $kind ->
        [closed] : it is marked closed for today
        [gone] : the station is taken offline
        [wrong_location] : the data is corrected
        [wrong_hours] : the data is corrected
        [other] : it has been dealt with
       *[outage] {""}
    }. Thank you for reporting!
rh-notice-dismissed = About your report on "{ $name }" ({ $what }): we checked, and the station is fine. Thank you for reporting!{ $reason ->
        [none] {""}
       *[other] {"\u000A"}Note: { $reason }
    }
rh-notice-restored = "{ $name }", which you reported: { $kind ->
        [no_hot_water] hot water is back
        [charging_broken] charging is back
        [toilet_broken] the toilet is back in order
        [closed] it is open again
       *[other] back to normal
    }. Thank you for reporting!

## /stationstats

rh-stats-title = 📊 <b>Station statistics</b> (last { $days } days)
rh-stats-by-city = By city
rh-stats-by-organizer = By responsible organizer
rh-stats-col-name = Name
rh-stats-col-stations = Sites
rh-stats-col-verified = Checked
rh-stats-col-open = Open
rh-stats-col-median = Handled
rh-stats-none = (no stations)
rh-stats-more = …{ $count } more rows not shown
rh-stats-legend = Check: stations an organizer verified within { $days } days; Open: riders' reports not yet handled; Handled: median hours from a report to its confirmation or dismissal, over reports handled within { $days } days.

## Handling riders' station reports: the weekly part of the digest

rh-digest-title = 📋 <b>Your stations this week</b> (/stationstats for statistics)
rh-digest-unverified = • { $count } station(s) not verified for { $days } days: { $names }{ $more ->
        [0] {""}
       *[other] {" "}and more
    }. Please check them, and tap "✅ Verified" in station management when the data is right.
rh-digest-reports = • { $count } rider report(s) waiting: confirm or dismiss them in the inbox.
