## Event reminders (queued by the reminder jobs, in the recipient's language)

reminders-day-title = ⏰ <b>{ $when ->
        [today] 今天
       *[tomorrow] 明天
    }有你报名的活动</b>
reminders-soon-title = ⏰ <b>活动大约 2 小时后开始</b>
reminders-when = 🕘 { $time }
reminders-when-slot = 🕘 你的时段：{ $time }
reminders-place-station = 📍 { $name }{ $address ->
        [none] {""}
       *[other] {" "}· { $address }
    }
reminders-place-address = 📍 { $address }
reminders-code = 🎫 签到码：<code>{ $code }</code>
reminders-offered = 🔔 你有一个候补转正的名额还没确认，请尽快在 /myevents 里确认，不然名额会让给下一位。
reminders-cancel-until = 来不了？请在 { $when } 前取消，把名额让给别人。
reminders-cancel-closed = 已过取消截止时间；如果实在来不了，请联系组织者。
reminders-myevents = 发送 /myevents 可以取消报名或出示签到二维码。

## Registration closing soon

reminders-closing =
    ⏳ 你看过的活动「<b>{ $title }</b>」将于 <b>{ $when }</b> 截止报名。
    想参加的话，抓紧报名哦！
reminders-closing-button = 📅 查看活动并报名
