## 推荐一个驿站: the rider's form

command-suggest = Suggest a station
command-suggestions = Review stations riders suggested
conversation-form-suggestions-new = Suggest a station
conversation-form-suggestions-decline = Reason for declining
feedback-category-station_suggestion = 📍 Station suggestion
suggest-list-button = ➕ Nothing near? Suggest a station
suggest-ask-location =
    📍 <b>Suggest a station</b> (1/5): where is it?
    
    · You are there: tap “📍 It's where I am now” below
    · You are not there: tap 📎 → Location, drag the pin to the place and send it
    · Or type the name of a station next to it
    
    Changed your mind? Send /cancel.
suggest-button-here = 📍 It's where I am now
suggest-button-near = Near “{ $name }”
suggest-button-cancel = Cancel
suggest-button-done = Done
suggest-button-skip = Skip
suggest-button-submit = ✅ Submit
suggest-place-pick = I found these stations; tap one to say “it is near this one”. Sending the place's location is more precise.
suggest-place-none = Nothing found for “{ $query }”. Please send the place's location (📎 → Location), or try another station name.
suggest-place-bad = Please send a location, or type a station name of 2 to { $max } characters.
suggest-place-gone = That station is gone; please send the place's location.
suggest-location-invalid = That location does not look right; please send it again.
suggest-need-location = Please send the place's location (📎 → Location), or type the name of a station next to it.
suggest-got-location = 📍 Location noted.
suggest-ask-name = ✏️ (2/5) What is the place called? E.g. “喜乐驿站” or “XX tea shop (friendly merchant)”. At most { $max } characters.
suggest-ask-amenities = 🧰 (3/5) What does it offer? Tap to tick ✅, tap again to untick, then tap “Done”.
suggest-ask-note = 📝 (4/5) Anything else we should know? E.g. opening hours, who runs it (community, union, a shop). At most { $max } characters; tap “Skip” if not.
suggest-ask-photo = 📷 (5/5) Do you have a photo? Send one of the entrance or inside, so it can be checked; tap “Skip” if not.
suggest-preview =
    <b>Please check your suggestion</b>
    Name: { $name }
    Offers: { $amenities }
    Note: { $note }
    Photo: { $photo ->
        [yes] yes
       *[other] no
    }
    
    If all is right, tap “✅ Submit”.
suggest-none = none
suggest-use-buttons = Please tap one of the buttons of the message above.
suggest-need-text = Please type your answer.
suggest-need-text-or-skip = Please type your answer, or tap “Skip”.
suggest-need-photo = Please send a photo, or tap “Skip”.
suggest-too-long = That is too long ({ $length } characters); at most { $max }. Please make it shorter.
suggest-cancelled = OK, no suggestion this time.
suggest-thanks = 🙏 <b>Thank you for the suggestion!</b> Organizers will review it within { $hours } hours; once approved it goes on the map, and you will get a message either way.
suggest-too-many = You already have { $max } suggestions waiting for review. Please wait until organizers have handled them before suggesting more. Thank you!
suggest-rate-limited = You sent a lot of messages this hour; please suggest the station a bit later.
suggest-stale = This button no longer works. To suggest a station, send /suggest.

## 推荐一个驿站: organizers' review

suggest-not-organizer = Only organizers review suggested stations. To suggest a station, send /suggest.
suggest-list-empty = No station suggestions are waiting for review.
suggest-list-title = 📍 <b>Station suggestions to review</b>: { $count } (oldest first)
suggest-venue-address = Rider's suggestion #{ $id }
suggest-card =
    📍 <b>Suggestion #{ $id }: { $name }</b>
    Offers: { $amenities }
    Note: { $note }
    City: { $city }
    Location: { $lat }, { $lng }
    Suggested by: { $who } · { $when }
suggest-no-city = no station within 50 km
suggest-rider = a rider
suggest-button-approve = ✅ Approve
suggest-button-decline = ❌ Decline
suggest-button-review = 📍 Review suggestions
suggest-button-link = It is “{ $name }”
suggest-button-create = Create it anyway
suggest-duplicates = ⚠️ There is a station with a similar name within 100 m of “{ $name }”. Is it the same place?
suggest-duplicate-line = { $index }. { $name } ({ $distance }, { $address })
suggest-approved-toast = Approved
suggest-approved-created = ✅ Approved: “{ $name }” is on the map now (station #{ $id }); the rider was told. Add opening hours and the rest in station management.
suggest-approved-linked = ✅ Approved: it is the existing “{ $name }” (station #{ $id }); nothing new was created, and the rider was told.
suggest-already-decided = This suggestion was already handled ({ $status ->
        [approved] approved
        [declined] declined
       *[other] { $status }
    }); nothing changed.
suggest-forbidden = This suggestion is outside your area.
suggest-gone = This suggestion (or that station) no longer exists.
suggest-ask-reason = Why is suggestion #{ $id } declined? Tap a reason or type one (at most { $max } characters). The rider is told.
suggest-reason-exists = The station is on the map already
suggest-reason-not_station = No station service is offered there
suggest-reason-wrong_place = The location is wrong; the place could not be found
suggest-reason-closed = The place has closed
suggest-need-reason = Please tap a reason or type one.
suggest-decline-cancelled = OK, left as it is; the suggestion is still waiting for review.
suggest-declined-done = ❌ Declined: “{ $name }”. Reason: { $reason }. The rider was told.
suggest-notice-new = 📍 A rider suggested a new station (message #{ $number }); please review it: send /suggestions or tap the button below.
suggest-notice-approved = 🎉 The station you suggested, “{ $name }”, is on the map now. Thank you! Other riders can find it too.
suggest-notice-declined = The station you suggested, “{ $name }”, was not added to the map this time. Reason: { $reason }. Thank you for suggesting it; please keep telling us!

## 推荐一个驿站: /mydata

suggest-mydata-section = <b>Stations you suggested</b>: { $list }
suggest-mydata-item = “{ $name }” ({ $status ->
        [approved] approved
        [declined] declined
       *[other] waiting for review
    }, { $when }, location { $lat }, { $lng })
suggest-mydata-deleted = Deleted the { $count } station suggestion(s) you made (stations already on the map stay).
