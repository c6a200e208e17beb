## Events: browsing

events-list-title-near = 📅 <b>Upcoming events</b> (nearest first)
events-list-title-date = 📅 <b>Upcoming events</b> (by date). Share your location once to see the nearest first.
events-list-item =
    <b>{ $index }. { $emoji } { $title }</b>
    🕘 { $time }
    📍 { $place }{ $distance ->
        [none] {""}
       *[other] {" "}· { $distance }
    }
    { $left ->
        [0] 🈵 Full, you can join the waitlist
       *[other] 🎟 { $left } seats left
    }
events-list-empty = There are no events open for registration right now. Check again in a few days.
events-list-empty-page = No more events.
events-button-open = 📄 { $index }
events-place-unknown = Place to be announced
events-card =
    { $emoji } <b>{ $title }</b> · { $kind }
    🕘 { $time }
    📍 { $place }{ $description ->
        [none] {""}
       *[other] {"\u000A"}{"\u000A"}{ $description }
    }
    
    { $seats }
    { $window }
events-seats = 🎟 Seats left: { $left } / { $capacity }
events-seats-by-slot = 🎟 Seats left per time slot:
events-slot-line = · { $time }: { $left } left
events-window-not-open = ⏳ Registration opens { $when }
events-window-open = ✅ Registration open until { $when }
events-window-full = 🈵 Full: join the waitlist (seats freed by cancellations go out in order), until { $when }
events-window-closed = ⛔ Registration closed
events-button-register = ✍️ Register
events-button-waitlist = 🕒 Join waitlist
events-button-navigate = 🧭 Navigate
events-gone = This event no longer exists.
events-no-place = This event has no place yet.
events-button-stale = This button has expired. Please open the event list again (/events).
events-kind-skill_contest = skill contest
events-kind-health_check = free health check
events-kind-meal = free meal
events-kind-training = training
events-kind-lecture = lecture
events-kind-market = market
events-kind-service_day = service day

## Events: registration form

events-register-closed = Sorry, this event cannot be registered for now (closed or cancelled).
events-register-not-open = Registration has not opened yet. Please come back when it opens.
events-ask-slot = Registering for "{ $title }": pick a time slot (seats left in brackets; full ones take a waitlist place).
events-ask-slot-again = Please tap a time slot below, or tap "Cancel".
events-slot-button = { $time } ({ $left } left)
events-slot-button-full = { $time } (full, waitlist)
events-field-name = name
events-field-phone = phone number
events-field-occupation = occupation
events-field-platform = platform
events-list-separator = ,{" "}
events-ask-consent = Registering asks for the following, used only for this event's registration and contact. You can see or delete it any time with /mydata:{ $fields ->
        [none] {""}
       *[other] {"\u000A"}· Personal details: { $fields }
    }{ $questions ->
        [none] {""}
       *[other] {"\u000A"}· The organizer's questions: { $questions }
    }{ $sensitive ->
        [0] {""}
       *[other] {"\u000A"}{ $sensitive } more question(s) touch sensitive personal information; you will be asked about them separately.
    }
    Do you agree?
events-ask-sensitive-consent = 🔒 These questions touch sensitive personal information (such as health or ID number): { $questions }
    They are asked only if you agree separately; the answers are used only for this event, left out of the organizer's export by default, and you can delete them any time with /mydata.
    Will you answer them? You can register either way.
events-button-sensitive-yes = I'll answer
events-button-sensitive-no = Skip them and register
events-ask-reuse = Use your details from last time: { $summary }
    Register with these?
events-button-reuse-yes = ✅ Use these
events-button-reuse-no = ✏️ Fill in again
events-ask-consent-again = Please tap "Agree" or "Disagree".
events-consent-refused = OK, you are not registered and nothing about you was stored.
events-button-consent-yes = Agree
events-button-consent-no = Disagree
events-ask-name = Please type your name (1–{ $max } characters):
events-ask-name-again = A name has 1–{ $max } characters. Please type it, or tap "Cancel".
events-ask-phone = Please tap "📱 Send my phone number" below to send the number of your Telegram account.
events-ask-phone-typed = To avoid typos, the phone number can only be sent with the "📱 Send my phone number" button, not typed. Please tap the button.
events-ask-phone-not-yours = That is someone else's contact. Please tap "📱 Send my phone number" to send your own.
events-ask-phone-again = Please tap "📱 Send my phone number" below, or tap "Cancel".
events-button-share-phone = 📱 Send my phone number
events-ask-occupation = What is your occupation?
events-ask-platform = Which platforms do you work for? You can pick several, then tap “Done”.
events-ask-platform-none = Pick at least one platform, then tap “Done”.
events-button-platform-done = Done
events-ask-choice-again = Please tap one of the buttons above, or tap "Cancel".
events-occupation-rider = Delivery rider
events-occupation-courier = Courier
events-occupation-ride_hailing = Ride-hailing driver
events-occupation-truck = Truck driver
events-occupation-sanitation = Sanitation worker
events-occupation-other = Other
events-platform-meituan = Meituan
events-platform-eleme = Ele.me
events-platform-sf = SF Express
events-platform-jd = JD
events-platform-didi = DiDi
events-platform-huolala = Lalamove
events-platform-shansong = Shansong
events-platform-other = Other
events-ask-question = The organizer asks: <b>{ $question }</b>
    Please type your answer (up to { $max } characters):
events-ask-question-again = Please type an answer (1–{ $max } characters), or tap "Cancel".
events-button-quit = Cancel
events-form-quit = OK, registration cancelled; nothing was stored.

## Events: results

events-confirmed =
    { $already ->
        [yes] You are already registered. Your registration:
       *[other] 🎉 You are registered!
    }
    <b>{ $title }</b>
    🕘 { $time }
    📍 { $place }
    🎫 Check-in code: <b>{ $code }</b>
    Show the QR code below at the door, or tell them the code. If you cannot come, cancel with /myevents before { $cutoff } so someone else gets the seat.
events-waitlisted =
    { $already ->
        [yes] You are already on the waitlist.
       *[other] 🕒 The event is full; you are on the waitlist.
    }
    <b>{ $title }</b>
    🕘 { $time }
    You are number { $position } in line. When someone cancels I will tell you in order; tap "Accept" to take the seat. See /myevents any time.
events-offered =
    🎉 A seat is free for you!
    <b>{ $title }</b>
    🕘 { $time }
    Accept it in /myevents before { $expires }, or it goes to the next person.
events-registration-inactive = Your registration for "{ $title }" was cancelled or has lapsed.
events-qr-caption = 🎫 Check-in code <b>{ $code }</b>: let the staff scan this at the door.
events-offer-notice =
    🎉 <b>A seat is free for you!</b>
    Someone cancelled "{ $title }" ({ $time }) and it is your turn.
    Tap "Accept" before { $expires } to take it; if you cannot come, tap "Decline" so the next person gets it.
events-offer-expired-notice = You did not accept the waitlist seat for "{ $title }" in time, so it went to the next person. Hope to see you next time!
events-button-accept = ✅ Accept
events-button-decline = Decline

## Events: my registrations

events-mine-title = 🗂 <b>My registrations</b>
events-mine-empty = You have no registrations. Tap "📅 Events" to see upcoming events.
events-mine-item =
    <b>{ $n }. { $title }</b>{ $ended ->
        [yes] {" "}(ended)
       *[other] {""}
    }
    🕘 { $time }
    { $status }{ $code ->
        [none] {""}
       *[other] {" "}· code <b>{ $code }</b>
    }
events-status-confirmed = ✅ Registered
events-status-waitlisted = 🕒 Waitlist number { $position }
events-status-offered = 🎉 A seat is yours if you accept before { $expires }
events-button-qr = 🎫 Code { $n }
events-button-cancel-n = ✖️ Cancel { $n }
events-button-accept-n = ✅ Accept { $n }
events-button-decline-n = Decline { $n }
events-not-yours = This is not your registration.
events-not-active = This registration was cancelled or has lapsed.
events-no-seat = Only confirmed registrations have a check-in code.
events-cancel-ask = Cancel your registration for "{ $title }"? The seat goes to the waitlist.
events-button-cancel-confirm = Yes, cancel
events-button-cancel-keep = Keep it
events-cancel-kept = OK, your registration stays.
events-cancel-too-late = The cancel deadline ({ $cutoff }) has passed, so it cannot be cancelled here. Please contact the organizer.
events-cancelled = Your registration for "{ $title }" is cancelled. See you next time!
events-offer-expired = Sorry, the time to accept this seat has passed.
events-offer-gone = This seat can no longer be accepted.
events-offer-declined = OK, you declined the seat for "{ $title }"; it goes to the next person.

## Events: my data

events-mydata-title = 🔒 <b>Personal data 暖新助手 stores about you</b>
events-mydata-empty = 暖新助手 stores no personal data about you (name, phone, location…).
events-mydata-none = none
events-mydata-registration =
    <b>Registration "{ $title }"</b>
    Name: { $name }
    Phone: { $phone }
    Occupation: { $occupation }
    Platform: { $platform }
    Answers: { $answers }
events-mydata-location = <b>Last shared location</b>: { $lat }, { $lng } ({ $when })
events-mydata-quiet = <b>Quiet hours</b>: { $start }–{ $end }
events-mydata-searches = 📍 Also: when you share a location to find a station, 暖新助手 records the search anonymously: only the grid square of about 500 m it falls in, the city of the nearest station and how far the nearest open station was, never who you are (no user ID), so it cannot be traced back to you or deleted per person. These records are deleted after 90 days and only show organizers where a station is missing.
events-button-delete-data = 🗑 Delete my personal data
events-mydata-delete-ask = Delete it? The name, phone, occupation, platform and answers in your registrations your last shared location and the stations you suggested will be deleted; the registrations themselves stay, so you keep your seats.
events-button-delete-confirm = Yes, delete
events-button-delete-keep = Keep it
events-mydata-kept = OK, nothing was deleted.
events-mydata-deleted =
    Deleted: { $registrations ->
        [0] no personal data in registrations
       *[other] name, phone, occupation, platform and answers in { $registrations } registration(s)
    }{ $location ->
        [yes] ; your last shared location
       *[other] {""}
    }. The registrations themselves stay.

## Event time (bot/ui/event-time.ts): one format wherever a rider sees an event's time

event-time-day = { $weekday } { $day }/{ $month }
event-time-moment = { $day } { $time }
event-time-span = { $day } { $start }–{ $end }
event-time-span-days = { $start } to { $end }
