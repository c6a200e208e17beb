## Settings: quiet hours

settings-title = ⚙️ <b>Quiet hours</b>
settings-quiet-current = Now: quiet every day <b>{ $start }–{ $end }</b> (Beijing time).
settings-quiet-none = Now: no quiet hours, notices come at any time.
settings-quiet-explain = During quiet hours, urgent notices (an event cancelled, a waiting-list seat offered to you) still come; other reminders and broadcasts wait until the quiet hours end.
settings-choose = Pick a time range, or tap "Custom" to type your own:
settings-button-preset = { $current ->
        [yes] ✅ {""}
       *[no] {""}
    }{ $start }–{ $end }
settings-button-custom = ✏️ Custom
settings-button-off = { $current ->
        [yes] ✅ {""}
       *[no] {""}
    }🔔 No quiet hours
settings-button-language = 🌐 切换语言 / Language
settings-stale = This button has expired. Please send /settings again.
settings-custom-prompt =
    Send your quiet hours (Beijing time, may run past midnight), for example:
    <code>22:00-07:00</code> or <code>22-7</code>
    Send "cancel" to leave them unchanged.
settings-custom-invalid = Sorry, I couldn't read that 😅 Please send it like <code>22:00-07:00</code> or <code>22-7</code>, or "cancel" to stop.
settings-custom-same = The start and the end can't be the same time. Please send it again, e.g. <code>22:00-07:00</code>, or "cancel" to stop.
settings-custom-cancelled = OK, your quiet hours are unchanged.
settings-saved = ✅ Done: quiet every day <b>{ $start }–{ $end }</b> (Beijing time). Urgent notices still come; the rest waits until the quiet hours end.
settings-saved-short = ✅ Quiet hours set to { $start }–{ $end }
settings-turned-off = ✅ Quiet hours turned off
