## 我有话说: the worker's form

feedback-ask-subject = 💬 <b>Tell us</b>: what is it about? Pick a station nearby, search for a station, pick an event or a whole city. You can also type a station name.
feedback-subject-station = 🏠 { $name }
feedback-subject-search = 🔎 Search a station
feedback-subject-event = 📅 An event
feedback-subject-city = 🏙 A whole city
feedback-search-prompt = Type a station name, road or district, e.g. "Chunxi Road".
feedback-search-none = No matching station. Try other words, or pick "🏙 A whole city" above.
feedback-search-results = Stations found, pick one:
feedback-no-events = There are no recent events. Pick a station or a city instead.
feedback-pick-event = Pick an event:
feedback-pick-city = Pick a city:
feedback-ask-category = What kind of message is it?
feedback-category-need = 🙋 Need
feedback-category-suggestion = 💡 Suggestion
feedback-category-complaint = 😠 Complaint
feedback-category-praise = 👍 Praise
feedback-category-other = 📝 Other
feedback-category-station_report = 📣 Station report
feedback-ask-anonymous = Leave your name? If you choose "Anonymous", the staff will not see who you are, but the answer still reaches you.
feedback-named = 🙂 With my name
feedback-anonymous-choice = 🕶 Anonymous
feedback-ask-content = Tell us what happened: type it (up to { $max } characters), send a photo (with a caption if you like) or just a voice message 🎤.
feedback-content-hint = Please send text, a photo or a voice message. Send /cancel to stop.
feedback-use-buttons = Please tap one of the buttons above. Send /cancel to stop.
feedback-too-long = That is too long: { $length } characters, at most { $max }. Please shorten it or send it in parts (you can add to it in /mytickets later).
feedback-stale = This button is no longer valid.
feedback-rate-limited = You have sent { $max } messages in the last hour. Please take a break 🙏 and send more a little later; we read every one.
feedback-subject-gone = The station or event you picked no longer exists. Please send /feedback again.
feedback-receipt =
    ✅ Received! Ticket number <b>#{ $number }</b>{ $anonymous ->
        [yes] {" "}(anonymous)
       *[other] {""}
    }
    The staff in charge will answer within { $hours } hours. The answer comes here; send /mytickets any time to see the progress.

## 我有话说: replies to what the bot sent

feedback-reply-ok = ✅ Added to your message; the staff member in charge will see it.
feedback-reply-gone = This message could not be found.
feedback-reply-closed = This message is closed, so your reply was not added. If something new came up, tap below to write again.
feedback-reply-limited = You have written { $max } times in the last hour. Please take a break 🙏 and try again a bit later.
feedback-reply-not-answered = This message could not be found.
feedback-button-new = 💬 Speak up
feedback-button-new-event = 💬 Write to this event's organizers
feedback-broadcast-reply = 📢 This is a broadcast: the organizers do not see replies to it here. To tell them something, tap “💬 Speak up” below; every message gets an owner and an answer.
feedback-broadcast-reply-event = 📢 This is a broadcast about an event: the organizers do not see replies to it here. To tell the event's organizers something, tap below; every message gets an owner and an answer.

## 我有话说: the worker's tickets

feedback-mine-empty = You have no messages yet. Tap "💬 我有话说" or send /feedback to tell us what you need.
feedback-mine-title = Your messages (latest { $count }); open one to see the answers:
feedback-mine-button = { $words } · { $status } · #{ $number }
feedback-my-card =
    📨 <b>#{ $number }</b> · { $category } · { $status }
    About: { $place }
    Sent: { $created }{ $anonymous ->
        [yes] {" "}· anonymous
       *[other] {""}
    }
feedback-button-view = View message
feedback-button-add = ➕ Add
feedback-button-close = ✔️ Close
feedback-button-mine = 📋 My messages
feedback-button-satisfied = 😊 Satisfied
feedback-button-unsatisfied = 😞 Not satisfied
feedback-add-prompt = Send what you want to add: text (up to { $max } characters), a photo or a voice message.
feedback-add-ok = ✅ Added; the staff will see it.
feedback-add-gone = This message was not found.
feedback-add-closed = This message is closed. For something new, send /feedback again.
feedback-add-limited = You have sent { $max } messages in the last hour. Please take a break 🙏 and try again later.
feedback-add-not-answered = This message has not been answered yet.
feedback-close-ok = Closed. Thank you!
feedback-close-gone = This message was not found.
feedback-close-closed = This message is already closed.
feedback-close-limited = Please try again later.
feedback-close-not-answered = This message has not been answered yet.
feedback-rated-satisfied = Thanks for rating! The message is closed.
feedback-rated-unsatisfied = Got it; it went back to the staff.
feedback-rating-gone = This message was not found.
feedback-rating-closed = This message is already closed.
feedback-rating-limited = Please try again later.
feedback-rating-not-answered = Already rated, or there is no new answer yet.
feedback-answer-quote = 🗣 You wrote: “{ $said }”
feedback-answer-header = 💬 The staff answered your message #{ $number }:
feedback-notice-status =
    Your message #{ $number } is now: { $status ->
        [in_progress] in progress
        [answered] answered
       *[closed] closed
    }

feedback-consent-ask = About your message #{ $number } “{ $said }”: the staff would like to show it with their answer in "you said → we did", so that others see what the station did. Your name is not shown. Do you agree? (No answer means no.)
feedback-consent-yes = 👍 Yes, publish it
feedback-consent-no = 🙅 No
feedback-consent-granted = Thank you! The message will show in "you said → we did", without your name.
feedback-consent-refused = OK, it stays private.
feedback-consent-gone = This message could not be found.

## 我有话说: history lines

feedback-staff = Staff
feedback-anonymous = Anonymous rider
feedback-media-photo = [photo]
feedback-media-voice = [voice]
feedback-line-worker = <i>{ $when }</i> 🧑 Rider: { $body }
feedback-line-reply = <i>{ $when }</i> 💬 Reply ({ $name }): { $body }
feedback-line-note = <i>{ $when }</i> 📝 Internal note ({ $name }): { $body }
feedback-line-system = <i>{ $when }</i> ⚙️ { $event ->
        [closed-by-worker] The rider closed it
        [rated-satisfied] Rider's rating: satisfied
        [rated-unsatisfied] Rider's rating: not satisfied, reopened
        [status-in_progress] Status: in progress
        [status-answered] Status: answered
        [status-closed] Status: closed
        [assigned] Handed to: { $name }
        [consent-granted] The rider agreed to publishing
        [consent-refused] The rider said no to publishing
        [report-confirmed] Station report confirmed
        [report-dismissed] Station report dismissed (checked, the station is fine)
       *[other] { $event }
    }
feedback-history-omitted = … ({ $count } older entries left out)
feedback-place-station = 🏠 { $name }
feedback-place-event = 📅 { $title }
feedback-place-city = 🏙 { $city }
feedback-status-new = 🆕 New
feedback-status-in_progress = 🔧 In progress
feedback-status-answered = 💬 Answered
feedback-status-closed = ✔️ Closed

## 我有话说: organizers

feedback-not-organizer = Only organizers can use this.
feedback-forbidden = You are not responsible for this message and cannot view it.
feedback-gone = This message was not found.
feedback-inbox-title = 📥 <b>Feedback inbox</b> ({ $count } not closed; overdue and new first)
feedback-inbox-unowned = <b>Unassigned</b> ({ $count }, nobody owns them yet; open one to hand it over):
feedback-inbox-owned = <b>Assigned</b>:
feedback-inbox-line = { $overdue ->
        [yes] ⏰
       *[other] •
    } <b>#{ $number }</b> { $category } · { $status } · { $place }{ $public ->
        [public] {" "}· 🌐 public
        [asking] {" "}· ⏳ consent asked
       *[other] {""}
    }
feedback-card =
    📨 <b>#{ $number }</b> · { $category } · { $status }{ $overdue ->
        [yes] {" "}· ⏰ <b>overdue</b>
       *[other] {""}
    }
    About: { $place }
    From: { $from }
    Owner: { $assignee }
    Sent: { $created } · due: { $due }{ $public ->
        [public] {" "}· 🌐 public in "you said → we did"
        [asking] {" "}· ⏳ waiting for the rider's consent to publish
        [refused] {" "}· 🚫 the rider said no to publishing
       *[other] {""}
    }
    {""}
    <b>History:</b>
feedback-media-caption = #{ $number }: { $kind ->
        [voice] voice message
       *[other] photo
    } from the rider
feedback-button-open = Open message
feedback-button-reply = 💬 Reply
feedback-button-note = 📝 Internal note
feedback-set-in_progress = 🔧 In progress
feedback-set-answered = 💬 Answered
feedback-set-closed = ✔️ Close
feedback-button-reassign = 👥 Reassign
feedback-button-public-private = 🌐 You said → we did: not public · tap to publish
feedback-button-public-asking = ⏳ You said → we did: asking the rider · tap to withdraw
feedback-button-public-public = ✅ You said → we did: public · tap to hide
feedback-button-public-refused = 🚫 You said → we did: the rider said no
feedback-button-back-to = ↩️ Back to message #{ $number }
feedback-button-inbox = 📥 Inbox
feedback-button-stats = 📊 Statistics
feedback-button-back = ⬅️ Back
feedback-reply-prompt = Send your answer to the rider: text or a photo (with a caption if you like). It is passed on to the rider right away; long answers are split into several messages.
feedback-reply-hint = Please send text or a photo. Send /cancel to stop.
feedback-reply-sent = ✅ Your answer is on its way to the rider (message #{ $number }); the status is now "answered".
feedback-note-prompt = Type the internal note (the rider never sees it):
feedback-note-hint = Internal notes are text only. Send /cancel to stop.
feedback-note-saved = ✅ Note saved (the rider does not see it).
feedback-status-changed = Status updated; the rider was told.
feedback-public-now-private = Hidden: it no longer shows in "you said → we did".
feedback-public-now-asking = The rider has been asked whether it may be published (without their name). It shows in "you said → we did" once they agree.
feedback-public-now-public = Published in "you said → we did" (without the rider's name).
feedback-public-now-refused = The rider said no to publishing this message.
feedback-reassigned = Reassigned; the new owner was told.
feedback-reassign-pick = Hand message #{ $number } to whom?
feedback-result-forbidden = You are not responsible for this message; nothing was done.
feedback-result-gone = This message was not found.
feedback-result-not-answered = Only answered messages can be made public.
feedback-result-refused = The rider said no to publishing this message, so it stays private.
feedback-result-unchanged = Nothing changed (it may already have this status, or it is closed).
feedback-notice-new = 📨 New message #{ $number } ({ $category } · { $place }) for you; please answer it in time.
feedback-notice-added = ➕ Message #{ $number } ({ $category } · { $place }) has an addition.
feedback-notice-reopened = 😞 The rider is not satisfied with the answer to #{ $number }; it is open again.
feedback-notice-unowned = 📨 Message #{ $number } ({ $category } · { $place }) had nobody who could answer it; it is yours now, please answer soon.
feedback-notice-consent-granted = 👍 The rider agreed to show message #{ $number } ({ $category } · { $place }) in "you said → we did".
feedback-notice-consent-refused = 🙅 The rider said no to publishing message #{ $number } ({ $category } · { $place }); it stays private.
feedback-notice-assigned = 👥 Message #{ $number } ({ $category } · { $place }) was handed to you.
feedback-stats =
    📊 <b>Feedback statistics</b> ({ $total } in all)
    {""}
    <b>By status</b>
    { $status }
    {""}
    <b>By category</b>
    { $category }
    {""}
    <b>By station / city</b>
    { $station }
    {""}
    Median time to first answer: { $median ->
        [none] none yet
       *[other] { $median } hours
    }
feedback-stats-none = none

## 我有话说: digest and escalation

feedback-digest-title = ⏰ <b>Overdue messages today</b> ({ $count }); please handle them soon:
feedback-digest-line = • <b>#{ $number }</b> { $category } · { $place } · due { $due }
feedback-digest-more = Send /inbox to open the inbox.
feedback-escalation = 🚨 Message #{ $number } is { $hours } hours overdue ({ $category } · { $place }); owner: { $assignee }.

## 我有话说: you said → we did

feedback-said-button = 💬 You said → we did
feedback-said-none = Nothing has been published in "you said → we did" yet.
feedback-said-pick = Pick a station to see what riders said and what was done:
feedback-said-station = { $name } ({ $count })
feedback-said-title = 💬 <b>"{ $name }": you said → we did</b>
feedback-said-empty = "{ $name }" has nothing in "you said → we did" yet.
feedback-said-item =
    ▫️ { $category }
    🗣 You said: { $said }
    ✅ We did: { $did }
