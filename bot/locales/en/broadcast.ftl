## Broadcast: choosing who gets it

broadcast-not-organizer = Broadcasts are for organizers only. If you are union, community or station staff, please ask an admin to give you access.
broadcast-choose-audience =
    📢 <b>Broadcast</b>
    
    Who should get this message? (Send /cancel at any time to stop.)
broadcast-type-event-button = 📅 Registrants of an event
broadcast-type-city-button = 🏙 Workers in a city
broadcast-type-near-button = 📍 Workers near a station
broadcast-type-everyone-button = 📣 Everyone (admins only)
broadcast-use-buttons = Please tap one of the buttons above, or send /cancel to stop.
broadcast-use-latest-buttons = Please use the buttons of the latest message.
broadcast-choose-event = Pick an event to write to its registrants:
broadcast-no-events = There are no recent events in your area. Please choose other recipients.
broadcast-choose-only = Which registrants of “{ $title }”?
broadcast-only-all-button = All registrants
broadcast-only-confirmed-button = Confirmed only
broadcast-only-waitlisted-button = Waitlisted only
broadcast-choose-city = Pick a city (or type its name). The message goes to everyone who used a station or registered for an event there:
broadcast-no-cities = No city in your area has stations yet. Please choose other recipients.
broadcast-city-unknown = “{ $city }” is not one of your cities. Tap a button or type the full city name.
broadcast-ask-station = Type the station's name (or part of it) and I will look it up:
broadcast-station-results = Pick the station:
broadcast-station-none = No station of yours is named like “{ $query }”. Try other words.
broadcast-station-query-too-long = That name is too long (at most { $max } characters). Type a few characters of the station's name.
broadcast-choose-km = Send to workers whose last shared location is how close to “{ $station }”?
broadcast-km-button = within { $km } km
broadcast-not-allowed = You may not write to these recipients. Please choose again.

## Broadcast: the message and the preview

broadcast-ask-message =
    Recipients: { $audience }, currently <b>{ $count }</b>.
    
    Now send the message: a text (bold, links and other formatting are kept) or one photo with a caption.
broadcast-message-unsupported = Only a text or one photo (with an optional caption) can be broadcast. Please send it again.
broadcast-text-too-long = The text is too long: { $length } characters, at most { $max }. Please shorten it and send it again.
broadcast-caption-too-long = The caption is too long: { $length } characters, at most { $max }. Please shorten it and send it again.
broadcast-preview-intro = 👇 Preview: this is exactly what recipients will see.
broadcast-preview-summary =
    Recipients: { $audience }
    <b>{ $count }</b> people in total. Send it?
broadcast-preview-empty =
    Recipients: { $audience }
    Nobody matches right now, so there is nothing to send. Please choose other recipients.
broadcast-send-button = ✅ Send
broadcast-edit-button = ✏️ Change the message
broadcast-reaudience-button = 👥 Change recipients
broadcast-abort-button = 🗑 Discard
broadcast-aborted = OK, discarded. Nothing was sent.
broadcast-empty-at-send = Nobody matches any more, so nothing was sent.
broadcast-duplicate = This message was just sent; it will not be sent twice.
broadcast-stale = This button has expired. Send /broadcast to start a new broadcast.

## Broadcast: who it goes to

broadcast-audience-event-all = all registrants of “{ $title }”
broadcast-audience-event-confirmed = confirmed registrants of “{ $title }”
broadcast-audience-event-waitlisted = waitlisted registrants of “{ $title }”
broadcast-audience-city = workers who used a station or an event in { $city }
broadcast-audience-near = workers within { $km } km of “{ $station }”
broadcast-audience-everyone = everyone
broadcast-audience-gone = (deleted)

## Broadcast: progress

broadcast-status-sending = sending
broadcast-status-paused = paused
broadcast-status-cancelled = cancelled
broadcast-status-done = done
broadcast-progress =
    📢 <b>Broadcast #{ $id } · { $status }</b>
    Recipients: { $audience }, { $total } in total
    ✅ delivered { $sent } · ⚠️ failed { $failed } · 🚫 blocked { $blocked } · ⏳ waiting { $waiting }{ $quiet ->
        [0] {""}
       *[other] {"\u000A"}🌙 { $quiet } in quiet hours, sent after { $until }
    }
broadcast-pause-button = ⏸ Pause
broadcast-resume-button = ▶️ Resume
broadcast-cancel-button = ✖️ Cancel
broadcast-paused = Paused. You can resume at any time.
broadcast-resumed = Sending again.
broadcast-cancel-confirm = Cancel broadcast #{ $id }? The { $remaining } messages not yet sent will not go out; those already sent cannot be taken back.
broadcast-cancel-yes-button = Yes, cancel
broadcast-cancel-no-button = No, keep sending
broadcast-cancelled = Broadcast #{ $id } cancelled. Messages not yet sent will not go out.
broadcast-cancel-kept = OK, broadcast #{ $id } goes on.
broadcast-already-ended = This broadcast has already ended.
broadcast-not-yours = Only the organizer who started this broadcast or an admin can change it.
broadcast-report = 📢 Broadcast #{ $id } is done: { $total } recipients, { $sent } delivered, { $failed } failed, { $blocked } blocked the bot.

## Broadcast: history

broadcast-history-title = 📜 <b>Recent broadcasts</b>
broadcast-history-empty = No broadcasts yet. Send /broadcast to start one.
broadcast-history-item =
    <b>#{ $id }</b> { $date } · { $status }
    { $audience } · { $total } recipients
    “{ $excerpt }”
    ✅ { $sent } · ⚠️ { $failed } · 🚫 { $blocked } · ⏳ { $remaining }
broadcast-photo-excerpt = [photo] { $caption }

## Broadcast: the header recipients see

broadcast-header-event = 📢 From the organizers of “{ $title }”:
broadcast-header-team = 📢 From the organizers for { $team }:
broadcast-header-everywhere = 📢 From the 暖新助手 organizers:
