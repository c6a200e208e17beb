## Start and help

start-welcome =
    Hi{ $name ->
        [none] {""}
       *[other] , { $name }
    }! I'm <b>暖新助手 (Nuanxin Assistant)</b> 🧡
    
    Tired from deliveries, phone battery dead, need some hot water? Tap <b>📍 Send my location</b> below and I'll show you the nearest rest stations that are open right now, with one-tap navigation.
    
    Can't send your location (Telegram on a computer, no GPS)? Just type a road, district, landmark or station name.
start-welcome-organizer =
    Hi{ $name ->
        [none] {""}
       *[other] , { $name }
    }! I'm <b>暖新助手 (Nuanxin Assistant)</b> 🧡 You are an organizer: your tools are behind <b>🧰 Organizer hub</b> below (or send /organize):
    
    📅 publish and manage events (/newevent, /manage), check people in on site (/checkin)
    📣 send a notice to registrants or to riders near a station (/broadcast)
    📬 read and answer “Speak up” messages (/inbox)
    🏠 add and edit stations (/addstation)
    
    The riders' tools (finding stations, events, speaking up) work for you too.
start-link-broken = ⚠️ The link you opened is not valid: it may be incomplete or expired. Please ask whoever sent it for a new one. Here is the main menu.
help-text =
    <b>What 暖新助手 can do for you</b>
    
    📍 <b>Find stations</b>: tap “Send my location” to see the 5 nearest stations: distance, about how many minutes on foot and by e-bike, whether it's open now, and whether it has hot water / charging / a toilet / a microwave.
    🔎 <b>Search by place</b>: just type, e.g. “春熙路”, “雁塔区” or “肥城 老城”, pick a place and see the stations near it.
    🧭 <b>Navigate</b>: tap “🧭 1” … “🧭 5” under the list to get the station's location and navigation links for Amap, Baidu Maps and Tencent Maps.
    📣 <b>Station reports</b>: on a station card, tap “📣 Report” to tell other riders it is closed, has no hot water…; tap “👍 Just here, all fine” to confirm its details are right.
    ✅ <b>Filter</b>: the buttons under the list show only stations that are open now, or that have hot water / charging / a toilet / a microwave etc. Tap again to turn a filter off.
    📅 <b>Events</b>: skill contests, free health checks, free meals, training: sign up in a few taps; when it is full, join the waitlist and you are told at once when a seat frees up. Show your check-in code or QR at the door.
    💬 <b>Speak up</b>: needs, suggestions, complaints or praise, as text, a photo or a voice message, anonymously if you like; every message gets an owner and an answer.
    📍 <b>Suggest a station</b>: know a station or friendly merchant that is not on the map yet? Send /suggest with its location, name, what it offers and a photo; once organizers approve it, it is on the map.
    🔕 <b>Quiet hours</b>: /settings sets the hours at night without reminders or broadcasts (urgent notices such as a cancelled event or a freed seat still come).
    
    Commands: /start main menu · /nearby find stations · /events events · /myevents my registrations · /feedback speak up · /mytickets my messages · /suggest suggest a station · /settings quiet hours · /mydata my personal data · /language change language · /cancel stop what you are doing · /mystation for partner merchants
help-organizer =
    <b>Organizers</b>: 🧰 Organizer hub below (or /organize) opens the hub (events, check-in, broadcasts, feedback inbox). Commands: /stations manage stations /addstation /manage /newevent /checkin /broadcast /broadcasts /inbox /feedbackstats /stationstats /suggestions /coverage; admins also /team /invite /appoint /demote.
keyboard-share-location = 📍 Send my location
keyboard-search-place = 🔎 Search by place name
keyboard-help = ❓ Help
keyboard-events = 📅 Events
keyboard-feedback = 💬 Speak up
keyboard-organize = 🧰 Organizer hub
command-start = Main menu
command-nearby = Find the nearest stations
command-language = Change language / 切换语言
command-help = How to use
command-events = Upcoming events, sign up
command-myevents = My registrations and check-in codes
command-feedback = Speak up: needs and suggestions
command-mytickets = My messages and the answers
command-settings = Quiet hours
command-mydata = See or delete my personal data
command-cancel = Leave what you are doing
command-said = You said, we did: stations' answers
command-organize = Organizer hub
command-manage = Manage events
command-newevent = Publish a new event
command-checkin = Check people in
command-broadcast = Send a broadcast
command-broadcasts = Broadcast history
command-inbox = Feedback inbox
command-feedbackstats = Feedback statistics
command-stationstats = Station statistics
command-team = Manage organizers
command-invite = Invite an organizer
command-appoint = Appoint an organizer: /appoint user-id [city]
command-demote = Remove an organizer: /demote user-id
conversation-cancelled = OK, stopped. Use the menu whenever you need me.
conversation-nothing-to-cancel = There is nothing to stop right now.
conversation-left-form = Left “{ $form }”; what you typed there was not saved.
conversation-form-eventadmin-create = New event
conversation-form-eventadmin-edit = Edit event
conversation-form-events-register = Event registration
conversation-form-feedback-new = Tell us
conversation-form-feedback-add = Add to a message
conversation-form-feedback-reply = Reply to a message
conversation-form-feedback-note = Internal note
conversation-form-broadcast-compose = Broadcast
conversation-form-stationmanage-close = Temporary closure
conversation-form-stationmanage-holiday = Holiday hours
conversation-form-stationmanage-outage = Amenity out
conversation-form-stationmanage-merchant-hours = Opening hours
conversation-form-stationreports-other = Station report
conversation-form-station-report-dismiss = Reason for dismissing
language-choose = 请选择语言 / Choose a language:
language-set = OK, I'll talk to you in English from now on.
group-use-private = To avoid disturbing others in the group, please chat with me privately: tap my profile picture, then tap “Message”.

## Stations

nearby-prompt = Tap <b>📍 Send my location</b> below (works in the Telegram phone app), or just type a road, district, landmark or station name.
search-prompt = Type a road, district, landmark or station name, e.g. “春熙路”, “雁塔区” or “漯河 源汇区”.
search-too-short = To find stations by place, type a road, district, landmark or station name, e.g. “春熙路” or “雁塔区”; digits or a single character cannot be searched. Or tap “📍 Send my location”.
small-talk-greeting = Hello! I'm the Nuanxin assistant 🧡 To find a station, tap “📍 Send my location” below, or type a road or landmark.
small-talk-thanks = You're welcome, ride safe! 🧡 Tap the menu below whenever you need me.
small-talk-ack = OK 👍 Tap the menu below whenever you need me.
search-too-long = That name is too long (max { $max } characters). Just type a road, landmark or station name, e.g. “春熙路”.
search-no-match = Nothing found for “{ $query }”. Try other words, e.g. just the road or district, or tap “📍 Send my location”.
search-results = Places matching “{ $query }”. Pick one to see the stations near it:
search-result-button = { $name } · { $place }
list-title-here = 📍 <b>Stations nearest to you</b>
list-title-from = 📍 <b>Stations near “{ $origin }”</b>
list-page = Page { $page }
list-filters = Filters: { $filters }
list-empty = No stations within { $radius } km match these filters. Tap the buttons below to remove some.
list-empty-page = No more matching stations within { $radius } km.
list-nothing-near =
    No stations listed within { $radius } km of here yet.
    
    If the location is wrong (e.g. the phone could not find its position), send it again; or type a road, district, landmark or station name, e.g. “春熙路” or “雁塔区”.
list-open-few = { $count ->
        [0] No station within { $radius } km is open right now.
        [one] Only 1 station within { $radius } km is open right now.
       *[other] Only { $count } stations within { $radius } km are open right now.
    }
list-not-open-title = 🕘 <b>Closed stations nearby</b>, and when they open:
list-item =
    <b>{ $index }. { $name }</b> ({ $kind })
    📏 { $distance } · { $travel }
    { $status }
    { $amenities }{ $address }
list-item-chosen =
    <b>{ $index }. { $name }</b> ({ $kind }) · the place you chose
    { $status }
    { $amenities }{ $address }
travel-walk-ebike = 🚶 ~{ $walk } min · 🛵 ~{ $ebike } min
travel-ebike = 🛵 ~{ $ebike } min
distance-m = { $value } m
distance-km = { $value } km
status-open-24h = 🟢 Open 24 hours
status-open-until = 🟢 Open, closes { $when }
status-closed-until = 🔴 Closed, opens { $when }
status-closed = 🔴 Temporarily closed
status-unknown = ⚪ Opening hours unknown, best to call before you go
when-today = { $time }
when-tomorrow = tomorrow { $time }
when-weekday = { $weekday } { $time }
weekday-0 = Sun
weekday-1 = Mon
weekday-2 = Tue
weekday-3 = Wed
weekday-4 = Thu
weekday-5 = Fri
weekday-6 = Sat
button-navigate = 🧭 { $index }
button-previous = ⬅️ Previous
button-next = Next ➡️
button-filter-open-now = Open now
filter-on = ✅ { $label }
filter-open-now = Open now
navigate-amap = Amap (高德地图)
navigate-baidu = Baidu Maps (百度地图)
navigate-tencent = Tencent Maps (腾讯地图)
button-stale = This button has expired. Please send your location or a place name again.
station-gone = This station is no longer open. Please search again.
location-invalid = That location doesn't look right. Please send your location again.

## Station kinds

kind-union = Union rest station
kind-rider = Rider station
kind-city = City station
kind-grid = Neighbourhood station
kind-driver = Driver station
kind-merchant = Friendly shop
kind-canteen = Rider canteen
kind-cooling = Cool-down supplies point
kind-gov_service = Government service point
kind-community = Community service centre
kind-other = Service point

## Amenities

amenity-hot_water = ♨️ Hot water
amenity-drinking_water = 🚰 Drinking water
amenity-microwave = 🍱 Microwave
amenity-phone_charging = 🔌 Phone charging
amenity-ebike_charging = ⚡ E-bike charging
amenity-rest_seats = 🪑 Seats
amenity-toilet = 🚻 Toilet
amenity-medicine_kit = 💊 First-aid kit
amenity-umbrella = ☂️ Umbrellas
amenity-air_conditioning = ❄️ Air con
amenity-heating = 🔥 Heating
amenity-wifi = 📶 WiFi
amenity-truck_parking = 🚛 Truck parking
amenity-repair_tools = 🔧 Repair tools
amenity-books = 📚 Books
amenity-meals = 🍚 Meals
amenity-cooling_supplies = 🧊 Cool-down supplies
amenity-lockers = 🗄️ Lockers

## Bad input

unhandled-sticker = Thanks for the sticker 😊 but I can't read stickers. To find a station, tap “📍 Send my location” or type a place name.
unhandled-voice = I can't listen to voice messages yet. To find a station, tap “📍 Send my location” or type a place name.
unhandled-media = I can't read photos or files. To find a station, tap “📍 Send my location” or type a place name.
unhandled-other = I can't handle this yet. To find a station, tap “📍 Send my location” or type a place name; send /help for help.
unhandled-command = Unknown command. Send /help to see what I can do.
error-generic = Sorry, something went wrong. Please try again in a moment.
input-unreadable = Your message had only characters I cannot read. Please type it again.
flood-slow-down = Slow down a little, you are sending very fast. Please wait { $seconds } seconds; I will skip what you send before then.
flood-slow-down-toast = Slow down a little: tap again in { $seconds } seconds.

## Station import and export (command line)

import-done = Import finished: { $inserted } stations added, { $updated } updated, { $unchanged } unchanged.
import-failed = { $count } rows have problems, so nothing was imported. Fix them and import again:
import-row-error = Line { $line }, { $field }: { $problem }
import-file-error = Cannot read file { $file }: { $problem }
import-usage = Usage: npm run stations:import -- file.csv|file.json [--crs wgs84|gcj02|bd09]
export-usage = Usage: npm run stations:export -- [file.csv|file.json] [--crs wgs84|gcj02|bd09]
export-done = Exported { $count } stations to { $file }.
problem-required = must not be empty
problem-too-long = too long (max { $max } characters)
problem-not-number = not a number
problem-outside-china = coordinates are outside China (latitude and longitude swapped?)
problem-unknown-kind = unknown kind “{ $value }”, allowed: { $allowed }
problem-unknown-amenity = unknown amenity “{ $value }”, allowed: { $allowed }
problem-bad-hours = invalid opening hours (must be OpenStreetMap opening_hours format, e.g. Mo-Su 09:30-21:00 or 24/7): { $detail }
problem-bad-boolean = must be true or false
problem-bad-date = date must be YYYY-MM-DD
problem-duplicate-id = same external_id as line { $other }
problem-not-object = must be an object { "{" }…{ "}" }
problem-bad-json = invalid JSON: { $detail }
problem-bad-csv = invalid CSV: { $detail }
problem-missing-columns = missing columns: { $columns }

