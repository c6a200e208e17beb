## Station card: what riders see after 🧭

station-card-hint = Tap a button below to navigate there with your usual map app. Once there, you can tell others how it is.
station-card-phone = ☎️ { $phone }
station-card-closed-until = ⛔ Temporarily closed, reopens { $until }
station-card-closed-until-reason = ⛔ Temporarily closed ({ $reason }), reopens { $until }
station-card-outage = 🚫 { $amenity }: not available for now
station-card-maybe-closed = ❓ <b>Maybe not open</b>: several riders reported it closed in the last two hours
station-card-report = ⚠️ A rider reported { $ago }: { $what }
station-card-report-confirmed = ⚠️ A rider reported { $ago }: { $what } (confirmed by staff)
station-card-check-in = A rider was here { $ago } ✅
station-card-fresh-rider = 🕒 Just confirmed by a rider
station-card-verified = 🕒 { $days ->
        [0] Verified today
        [1] Verified yesterday
       *[other] Verified { $days } days ago
    }
station-card-ago-now = just now
station-card-ago-minutes = { $count } min ago
station-card-ago-hours = { $count } h ago
station-card-ago-days = { $count ->
        [1] 1 day ago
       *[other] { $count } days ago
    }
station-card-button-report = 📣 Report
station-card-button-all-good = 👍 Just here, all fine

## 📣 Report: what riders report

station-report-kind-closed = Not open now
station-report-kind-no_hot_water = No hot water
station-report-kind-charging_broken = Charging not working
station-report-kind-toilet_broken = Toilet out of use
station-report-kind-wrong_location = Wrong location
station-report-kind-wrong_hours = Wrong opening hours
station-report-kind-gone = No station here any more
station-report-kind-other = Something else
station-report-button-closed = 🔒 Not open now
station-report-button-no_hot_water = ♨️ No hot water
station-report-button-charging_broken = 🔌 Charging not working
station-report-button-toilet_broken = 🚻 Toilet out of use
station-report-button-wrong_location = 📍 Wrong location
station-report-button-wrong_hours = 🕘 Wrong hours
station-report-button-gone = 🚫 No station here any more
station-report-button-other = 📝 Other (text / photo / voice)
station-report-menu = 📣 How is <b>{ $name }</b> right now? One tap is enough; other riders see it at once.
station-report-ticket-head = 📣 Station report: { $what }
station-report-filed =
    ✅ Got it, thank you! Other riders now see it on the station card and in lists (for { $hours } hours).
    The staff in charge of this station will handle it (#{ $number }) and tell you what they did.
station-report-checked-in = 👍 Thanks! Other riders will see "just confirmed by a rider" on the station card.
station-report-too-soon = You just reported this station, thank you 🙏 One report per station an hour: you can report again after { $time }.
station-report-check-in-too-soon = You just confirmed this station, thank you 🙏 One check-in per station an hour: you can tap again after { $time }.
station-report-other-prompt = 📝 What did you see? Type it (up to { $max } characters), send a photo (with a caption if you like), or a voice message. /cancel to stop.
station-report-other-too-long = That is a bit long ({ $length } characters). Please keep it within { $max } and send it again. For a longer story use 💬 Feedback.
station-report-other-hint = Please type (up to { $max } characters), send a photo or a voice message about the station. /cancel to stop.
