## Opening hours read back in words

hours-words-always = Open 24 hours
hours-words-every-day = Every day
hours-words-holidays = Public holidays
hours-words-day-range = { $from }–{ $to }
hours-words-list-separator = { ", " }
hours-words-rule-separator = { "; " }
hours-words-all-day = 24 hours
hours-words-range = { $from }–{ $to }
hours-words-overnight = { $from }–{ $to } (next day)
hours-words-rule = { $days } { $times }
hours-words-closed = { $days }: closed
hours-words-unknown = not given

## Adding and editing stations (organizers)

command-addstation = Add a station
conversation-form-stationadmin-add = Add a station
conversation-form-stationadmin-edit = Edit a station
stationadmin-not-organizer = Adding and editing stations is for organizers. If a station's details are wrong, tell us from its card. Thank you!
stationadmin-stations-only = You look after particular stations, so you cannot add new ones. Please ask the city's organizer or an admin.
stationadmin-not-allowed = This station is not in your area; nothing was changed.
stationadmin-editstation-usage = Usage: /editstation station-number, e.g. /editstation 12
stationadmin-button-stale = This button no longer works; please open it again.
stationadmin-button-cancel = ✖️ Cancel
stationadmin-button-skip = Skip
stationadmin-button-done = Done
stationadmin-button-confirm = ✅ Confirm
stationadmin-button-retype = ✍️ Type again
stationadmin-button-save = 💾 Save
stationadmin-button-anyway = Add it anyway
stationadmin-button-edit = ✏️ Edit
stationadmin-need-text = Please send text.
stationadmin-need-photo = Please send a photo, or tap “Skip”.
stationadmin-bad-length = It must be 1–{ $max } characters long (this is { $length }). Please try again.
stationadmin-pick-button = Please tap one of the buttons above.
stationadmin-ask-location =
    📍 Where is the station?
    Tap “📍 Share location” below to send where you are, or send a location pin; or type a nearby road, landmark or station name.
stationadmin-bad-location = I could not read that place. Tap “📍 Share location”, or type a road or landmark (up to 40 characters).
stationadmin-place-not-found = Nothing found for “{ $query }”. Try another road or landmark, or send the location.
stationadmin-place-pick = These places match; tap one to use it as the station's location:
stationadmin-ask-city = Which city is this in? Type its name, e.g. 成都市
stationadmin-out-of-scope = This place is in “{ $city }”, which is not one of your cities, so you cannot add a station there. Please send another location.
stationadmin-ask-name = What is the station called? (up to 60 characters)
stationadmin-ask-kind = What kind of station is it?
stationadmin-ask-address = Street address (e.g. 春熙路 88 号一楼). Tap “Skip” if there is none.
stationadmin-ask-amenities = What does the station offer? Tap to tick (✅), then tap “Done”.
stationadmin-ask-hours =
    🕘 Opening hours? Type them as you would say them, e.g.:
    每天9点半到晚上9点
    周一到周五 8:30-18:00 中午12点到2点休息
    24小时
    晚上6点到凌晨2点
stationadmin-ask-hours-again = Please type the opening hours again:
stationadmin-bad-hours = I could not read “{ $text }”. Try: 每天9点半到晚上9点, 工作日 8:30-18:00, 周末10点到下午4点, 24小时, or Mo-Fr 08:00-18:00.
stationadmin-confirm-hours =
    Opening hours: <b>{ $words }</b>
    (<code>{ $hours }</code>). Is that right?
stationadmin-ask-phone = 📞 Phone number? Tap “Skip” if there is none.
stationadmin-bad-phone = A phone number may only have digits, spaces, dashes and brackets. Please type it again, or tap “Skip”.
stationadmin-current = Now: { $current }
stationadmin-ask-photo = 📷 Send a photo of the entrance so that riders find it; tap “Skip” if you have none.
stationadmin-none = none
stationadmin-photo-yes = yes
stationadmin-photo-none = none
stationadmin-summary =
    <b>{ $name }</b> ({ $kind })
    📍 { $address } ({ $point })
    🧰 { $amenities }
    🕘 { $hours }
    📞 { $phone }
    📷 Photo: { $photo }
stationadmin-preview = <b>Please check</b>, then tap “Save”.
stationadmin-duplicates =
    ⚠️ There is a station with a similar name within 100 m:
    { $list }
    Is it the same one? Then tap “Cancel” and edit that one; if not, tap “Add it anyway”.
stationadmin-saved = ✅ “{ $name }” is saved; riders can find it now.
stationadmin-edit-menu = ✏️ What would you like to change?
stationadmin-field-name = Name
stationadmin-field-kind = Kind
stationadmin-field-address = Address
stationadmin-field-location = Location
stationadmin-field-amenities = Amenities
stationadmin-field-hours = Opening hours
stationadmin-field-phone = Phone
stationadmin-field-photo = Photo
stationadmin-updated = ✅ “{ $name }” is updated:
stationadmin-unchanged = That is the same as before; nothing changed.
