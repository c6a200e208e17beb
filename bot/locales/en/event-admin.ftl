## Event admin: list and panel

eventadmin-not-allowed = Sorry, only the organizers in charge of this event can do that. Nothing was changed.
eventadmin-event-gone = This event no longer exists.
eventadmin-button-stale = This button has expired. Please open /manage again.
eventadmin-list-header = <b>Your events</b>
    📝 draft　📅 upcoming/running　🕘 ended　✖️ cancelled
    Tap an event to see registrations and actions.
eventadmin-list-empty = No events yet. Tap “New event” to create the first one.
eventadmin-button-new = ➕ New event
eventadmin-button-open = Open the event panel
eventadmin-button-back = ← Back
eventadmin-button-edit = ✏️ Edit
eventadmin-button-publish = 🚀 Publish
eventadmin-button-close = ⏹ Close registration
eventadmin-button-checkin = ✅ Check-in
eventadmin-button-export = 📄 Export list
eventadmin-button-cancel-event = ✖️ Cancel event
eventadmin-button-cancel-confirm = Cancel the event and tell the registrants
eventadmin-status-draft = 📝 Draft (riders cannot see it yet)
eventadmin-status-published = 📅 Published, registration open
eventadmin-status-closed = 📅 Published, registration closed
eventadmin-status-finished = 🕘 Ended
eventadmin-status-cancelled = ✖️ Cancelled
eventadmin-counts = 👥 { $capacity } seats: { $confirmed } confirmed, { $offered } offered, { $waitlisted } waitlisted, { $checkedIn } checked in
eventadmin-counts-noshows = No-shows: { $noShows }
eventadmin-published = Published: riders and other workers can register now.
eventadmin-not-draft = This event is no longer a draft.
eventadmin-closed = Registration closed.
eventadmin-close-unchanged = Registration is already closed, or the event is not published.
eventadmin-not-editable = This event has ended or was cancelled; it can no longer be changed.
eventadmin-cancel-confirm = Really cancel “{ $title }”?
    { $people } registrants (waitlist included) will be told at once. This cannot be undone.
eventadmin-cancelled = “{ $title }” is cancelled; telling { $notified } registrants.
eventadmin-notice-cancelled = ⚠️ Sorry, the event “<b>{ $title }</b>” has been cancelled.
    It was planned for { $when }.
eventadmin-notice-changed = 📣 The time of “<b>{ $title }</b>” has changed:
    Before: { $before }
    Now: { $after }
    If you cannot come, cancel in “My registrations” so someone else can take the seat.

## Event admin: the card

eventadmin-card = <b>{ $kind } · { $title }</b>
    🕘 { $when }
    📍 { $place }
    👥 { $capacity } seats{ $breakdown ->
        [none] {""}
       *[other] {" "}({ $breakdown })
    }
    ⏳ Registration closes { $closes }; cancel until { $cancelCloses }
eventadmin-kind-skill_contest = 🏆 Skill contest
eventadmin-kind-health_check = 🩺 Free health check
eventadmin-kind-meal = 🍱 Free meal
eventadmin-kind-training = 📚 Training
eventadmin-kind-lecture = 🎤 Lecture
eventadmin-kind-market = 🛍 Market
eventadmin-kind-service_day = 🤝 Service day
eventadmin-slots-none = No time slots
eventadmin-slots-header = { $count ->
        [one] 1 time slot:
       *[other] { $count } time slots:
    }
eventadmin-slot-line = · { $range }　{ $capacity } people
eventadmin-slot-line-counts = · { $range }　{ $capacity } seats: { $confirmed } confirmed, { $offered } offered, { $waitlisted } waitlisted, { $checkedIn } checked in
eventadmin-asks-line = Asked at registration: { $fields }
eventadmin-asks-none = no personal details
eventadmin-separator = {", "}
eventadmin-question-line = Question { $number }: { $question }{ $sensitive ->
        [yes] {" "}🔒 sensitive: asked with its own consent, left out of exports by default
       *[other] {""}
    }
eventadmin-field-name = Name
eventadmin-field-phone = Phone
eventadmin-field-occupation = Occupation
eventadmin-field-platform = Platform

## Event admin: creating

eventadmin-button-cancel = Cancel
eventadmin-button-skip = Skip
eventadmin-button-done = Done
eventadmin-button-no-slots = No time slots
eventadmin-button-closes-default = Close at the start
eventadmin-button-cutoff-default = 2 hours before the start
eventadmin-button-save-draft = 💾 Save as draft
eventadmin-button-discard = 🗑 Discard
eventadmin-ask-kind = <b>New event</b> (tap “Cancel” or send /cancel to leave at any time)
    Step 1: pick the kind of event.
eventadmin-ask-title = What is the event called? (up to 60 characters)
eventadmin-ask-description = Describe the event (up to 1000 characters), or tap “Skip”.
eventadmin-ask-place = Where is it? Type a station name to search, or share a location (📎 → Location).
eventadmin-place-pick = Pick the station, or search again with another name:
eventadmin-place-not-found = No station found for “{ $query }” (or not one you are in charge of). Try other words, or share a location.
eventadmin-bad-place = Type a station name (up to 60 characters), or share a location.
eventadmin-place-out-of-scope = That place is not in your area. Please pick another.
eventadmin-ask-address = Type the full address (up to 100 characters) so people can find it.
eventadmin-ask-city = There is no known station nearby. Which city is it in?
eventadmin-ask-start = When does it start? Type e.g. 2026-12-05 09:00, 12-05 09:00, or in Chinese 明天上午9点 / 下周六下午两点 (Beijing time).
eventadmin-bad-datetime = I could not read that time. Type e.g. 12-05 09:00 or 2026-12-05 09:00, or in Chinese 明天上午9点.
eventadmin-start-past = { $when } has already passed; please type a time in the future.
eventadmin-datetime-no-time = That day has no time yet: add the time, e.g. 12-05 14:00 or 明天上午9点.
eventadmin-datetime-no-date = That time has no day yet: add the date, e.g. 12-05 14:00 or 明天上午9点.
eventadmin-date-confirm = The start is { $when }, right?
eventadmin-button-date-yes = ✅ Yes
eventadmin-button-date-no = ✏️ No, type it again
eventadmin-ask-start-again = OK, type the start again, e.g. 12-05 14:00 or 明天上午9点.
eventadmin-ask-end = When does it end? A time on the same day (like 11:30), or a full date and time.
eventadmin-bad-time = I could not read that time. Type e.g. 11:30, or 12-05 11:30.
eventadmin-end-before-start = The end must be after the start.
eventadmin-too-long = An event can last at most 31 days. Please check the end.
eventadmin-ask-capacity = How many seats in total? (a whole number from 1 to 10000)
eventadmin-bad-capacity = Please type a whole number of seats from 1 to 10000.
eventadmin-ask-slots = Register by time slot? (e.g. health checks every 30 minutes)
    For slots, type “minutes per slot, people per slot”, e.g. 30 20
    The total seats become the sum of the slots. Tap the button for no slots.
eventadmin-bad-slots = Type two numbers: minutes per slot (5–720) and people per slot, e.g. 30 20
eventadmin-capacity-breakdown = { $count } slots × { $perSlot } people
eventadmin-capacity-slot-sum = the seats of { $count } slots added up
eventadmin-slots-total-differs = You typed { $capacity } seats in total, but the slots make { $count } slots × { $perSlot } people = { $total } seats.
    With slots, the total is the sum of the slots' seats. Which do you mean?
eventadmin-button-slots-sum = By slots: { $total } seats
eventadmin-button-slots-even = { $capacity } seats: { $perSlot } per slot
eventadmin-button-slots-again = Set the slots again
eventadmin-slots-dont-fit = Those numbers give no usable slots (at least one must fit between start and end, at most 48). Try other numbers.
eventadmin-ask-closes = When does registration close? By default at the start; or type a time (e.g. 12-04 18:00).
eventadmin-closes-out-of-range = Registration must close after now and before the event ends.
eventadmin-ask-cancel-cutoff = Until when may registrants cancel themselves? By default 2 hours before the start; or type a time.
eventadmin-cutoff-after-start = The cancellation cut-off cannot be after the start.
eventadmin-ask-fields = Which details should registrants give? Tap to select or unselect, then “Done”. Only ask what you really need.
eventadmin-ask-question = Anything else to ask registrants? Type question { $number } (at most 3, up to 200 characters each), or tap the button to finish.
eventadmin-ask-sensitive = Does this question touch sensitive personal information (health, medical history, ID number)? Sensitive questions get the registrant's separate consent, and their answers are left out of exports by default.
eventadmin-button-question-plain = Ordinary question
eventadmin-button-question-sensitive = 🔒 Sensitive (health, ID…)
eventadmin-need-text = Please send text.
eventadmin-bad-length = It must be 1–{ $max } characters long (this is { $length }). Please try again.
eventadmin-pick-button = Please tap one of the buttons above.
eventadmin-preview-header = <b>Preview</b>: this is the card riders will see. Publish when it looks right.
eventadmin-created-published = 🎉 “{ $title }” is published: riders and other workers can register now.
eventadmin-created-draft = 💾 “{ $title }” is saved as a draft; publish it from /manage.

## Event admin: editing

eventadmin-edit-menu = What do you want to change in “{ $title }”?
eventadmin-edit-field-title = Title
eventadmin-edit-field-description = Description
eventadmin-edit-field-capacity = Seats
eventadmin-edit-field-start = Start
eventadmin-edit-field-end = End
eventadmin-edit-field-closes = Registration close
eventadmin-edit-ask = Current { $field }: { $current }
    Type the new { $field }:
eventadmin-edit-saved = ✅ Saved. { $promoted ->
        [0] {""}
       *[other] { $promoted } people on the waitlist were offered a seat.
    }
eventadmin-edit-not-allowed = Sorry, you cannot change this event. Nothing was changed.
eventadmin-edit-not-editable = This event has ended or was cancelled; it can no longer be changed.
eventadmin-edit-has-slots = This event has seats per time slot; the total cannot be changed directly.
eventadmin-capacity-below-taken = Cannot set { $capacity } seats: { $taken } seats are already taken (confirmed + offered). The minimum is { $taken }.

## Event admin: export

eventadmin-export-filename = { $title }-list.csv
eventadmin-button-export-sensitive = 🔒 Export with sensitive answers
eventadmin-export-caption = Registrants: { $count } (opens in Excel or WPS).{ $sensitive ->
        [left-out] {"\u000A"}🔒 Answers to sensitive questions are left out. Tap below only if you really need them; keep the file safe and delete it after use.
        [included] {"\u000A"}🔒 Includes answers to sensitive questions: keep the file safe and delete it after use.
       *[other] {""}
    }
eventadmin-csv-number = No.
eventadmin-csv-status = Status
eventadmin-csv-name = Name
eventadmin-csv-phone = Phone
eventadmin-csv-occupation = Occupation
eventadmin-csv-platform = Platform
eventadmin-csv-slot = Time slot
eventadmin-csv-registered = Registered at
eventadmin-csv-checked-in = Checked in at
eventadmin-csv-code = Code
eventadmin-registration-confirmed = confirmed
eventadmin-registration-offered = offered
eventadmin-registration-waitlisted = waitlisted
eventadmin-registration-cancelled = cancelled
eventadmin-registration-declined = declined
eventadmin-registration-expired = expired

## Event admin: check-in

eventadmin-checkin-none = There is no event to check in right now.
eventadmin-checkin-pick = Check in for which event?
eventadmin-checkin-not-published = Only published events have check-in.
eventadmin-checkin-start = <b>Check-in: { $title }</b>
    Type the registrants' 6-character codes one after another (any case). Tap “Finish check-in” when done.
eventadmin-button-checkin-done = Finish check-in
eventadmin-checkin-finished = Check-in finished: { $checkedIn } checked in / { $confirmed } confirmed.
eventadmin-checkin-bad-code = A code has 6 letters or digits. Please type it again.
eventadmin-checkin-no-name = (no name given)
eventadmin-checkin-ok = ✅ Checked in: { $name }{ $slot ->
        [none] {""}
       *[other] , slot { $slot }
    } ({ $code })
eventadmin-checkin-already = ☑️ { $name } already checked in at { $at } ({ $code }).
eventadmin-checkin-unknown = ❓ No registration has the code { $code }. Please check it and try again.
eventadmin-checkin-forbidden = 🚫 The code { $code } belongs to an event you are not in charge of.
eventadmin-checkin-other-event = ⚠️ The code { $code } is for another event, “{ $title }”, not this one.
eventadmin-checkin-event-cancelled = ✖️ The event of code { $code }, “{ $title }”, was cancelled.
eventadmin-checkin-not-confirmed = ⚠️ The code { $code } is “{ $status }”, without a confirmed seat; it cannot check in.
eventadmin-checkin-too-early = ⏰ Check-in has not opened: “{ $title }” opens check-in { $hours } hours before the start ({ $when }); code { $code } was not checked in.
    Check this registrant in now anyway?
eventadmin-checkin-too-late = ⏰ “{ $title }” ended at { $when }; check-in is closed and code { $code } was not checked in.
    Check them in afterwards anyway?
eventadmin-button-checkin-anyway = Check in anyway
eventadmin-checkin-link-worker = This check-in link is for event staff to scan. At the event, just show your code to the staff.
