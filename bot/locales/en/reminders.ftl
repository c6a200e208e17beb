## Event reminders (queued by the reminder jobs, in the recipient's language)

reminders-day-title = ⏰ <b>You have an event { $when ->
        [today] today
       *[tomorrow] tomorrow
    }</b>
reminders-soon-title = ⏰ <b>Your event starts in about 2 hours</b>
reminders-when = 🕘 { $time }
reminders-when-slot = 🕘 Your time slot: { $time }
reminders-place-station = 📍 { $name }{ $address ->
        [none] {""}
       *[other] {" "}· { $address }
    }
reminders-place-address = 📍 { $address }
reminders-code = 🎫 Check-in code: <code>{ $code }</code>
reminders-offered = 🔔 A seat from the waiting list is being held for you. Please accept it in /myevents soon, or it goes to the next person.
reminders-cancel-until = Can't come? Please cancel before { $when } so someone else can have the seat.
reminders-cancel-closed = The cancellation deadline has passed; if you really can't come, please tell the organizer.
reminders-myevents = Send /myevents to cancel or to show your check-in QR code.

## Registration closing soon

reminders-closing =
    ⏳ Registration for "<b>{ $title }</b>", which you looked at, closes at <b>{ $when }</b>.
    If you'd like to take part, register soon!
reminders-closing-button = 📅 View the event and register
