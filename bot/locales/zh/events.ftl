## Events: browsing

events-list-title-near = 📅 <b>近期活动</b>（离你近的在前）
events-list-title-date = 📅 <b>近期活动</b>（按时间排序）。发送一次位置，就能先看离你近的活动。
events-list-item =
    <b>{ $index }. { $emoji } { $title }</b>
    🕘 { $time }
    📍 { $place }{ $distance ->
        [none] {""}
       *[other] {" "}· { $distance }
    }
    { $left ->
        [0] 🈵 已满，可候补
       *[other] 🎟 剩余 { $left } 个名额
    }
events-list-empty = 最近没有可以报名的活动。过几天再来看看吧。
events-list-empty-page = 后面没有更多活动了。
events-button-open = 📄 { $index }
events-place-unknown = 地点待定
events-card =
    { $emoji } <b>{ $title }</b> · { $kind }
    🕘 { $time }
    📍 { $place }{ $description ->
        [none] {""}
       *[other] {"\u000A"}{"\u000A"}{ $description }
    }
    
    { $seats }
    { $window }
events-seats = 🎟 剩余名额：{ $left } / { $capacity }
events-seats-by-slot = 🎟 各时段剩余名额：
events-slot-line = · { $time }：剩 { $left } 个
events-window-not-open = ⏳ 报名还没开始，{ $when } 开始
events-window-open = ✅ 报名中，{ $when } 截止
events-window-full = 🈵 名额已满，可以加入候补（有人取消时按顺序递补），{ $when } 截止
events-window-closed = ⛔ 报名已截止
events-button-register = ✍️ 报名
events-button-waitlist = 🕒 加入候补
events-button-navigate = 🧭 导航
events-gone = 这个活动已经不存在了。
events-no-place = 这个活动还没有具体地点。
events-button-stale = 这个按钮已经失效了，请重新打开活动列表（/events）。
events-kind-skill_contest = 技能比赛
events-kind-health_check = 免费体检
events-kind-meal = 爱心餐
events-kind-training = 培训
events-kind-lecture = 讲座
events-kind-market = 市集
events-kind-service_day = 服务日

## Events: registration form

events-register-closed = 抱歉，这个活动现在不能报名了（已截止或已取消）。
events-register-not-open = 报名还没开始，请到开始时间后再来。
events-ask-slot = 报名「{ $title }」：请选择时段（括号里是剩余名额，满了的可以排候补）。
events-ask-slot-again = 请点下面的按钮选一个时段，或者点「取消」。
events-slot-button = { $time }（剩 { $left }）
events-slot-button-full = { $time }（已满，排候补）
events-field-name = 姓名
events-field-phone = 手机号
events-field-occupation = 职业
events-field-platform = 所在平台
events-list-separator = 、
events-ask-consent = 报名要填写下面这些内容，只用于这次活动的报名和联系，你可以随时用 /mydata 查看或删除：{ $fields ->
        [none] {""}
       *[other] {"\u000A"}· 个人信息：{ $fields }
    }{ $questions ->
        [none] {""}
       *[other] {"\u000A"}· 主办方的问题：{ $questions }
    }{ $sensitive ->
        [0] {""}
       *[other] {"\u000A"}另有 { $sensitive } 个涉及敏感个人信息的问题，下一步单独问你是否同意。
    }
    同意吗？
events-ask-sensitive-consent = 🔒 下面的问题涉及敏感个人信息（如健康状况、身份证号）：{ $questions }
    只在你单独同意后才会问，回答只用于这次活动；主办方导出名单时默认不包含这些回答；你可以随时用 /mydata 删除。
    愿意回答吗？不回答也可以照常报名。
events-button-sensitive-yes = 同意回答
events-button-sensitive-no = 不回答，继续报名
events-ask-reuse = 用上次的信息：{ $summary }
    要用这些信息报名吗？
events-button-reuse-yes = ✅ 用这些信息
events-button-reuse-no = ✏️ 重新填写
events-ask-consent-again = 请点「同意」或「不同意」。
events-consent-refused = 好的，没有报名，也没有保存你的任何信息。
events-button-consent-yes = 同意
events-button-consent-no = 不同意
events-ask-name = 请输入你的姓名（1–{ $max } 个字）：
events-ask-name-again = 姓名要 1–{ $max } 个字，请直接打字发给我，或者点「取消」。
events-ask-phone = 请点下面的「📱 发送我的手机号」按钮，把你 Telegram 账号绑定的手机号发给我。
events-ask-phone-typed = 为了防止填错号码，手机号只能用下面的「📱 发送我的手机号」按钮发送，不能手动输入。请点按钮。
events-ask-phone-not-yours = 这是别人的名片。请点「📱 发送我的手机号」发送你自己的手机号。
events-ask-phone-again = 请点下面的「📱 发送我的手机号」按钮，或者点「取消」。
events-button-share-phone = 📱 发送我的手机号
events-ask-occupation = 你的职业是？
events-ask-platform = 你在哪个平台跑单？可以选多个，选好后点「选好了」。
events-ask-platform-none = 请至少选一个平台，再点「选好了」。
events-button-platform-done = 选好了
events-ask-choice-again = 请点上面的按钮选一个，或者点「取消」。
events-occupation-rider = 外卖骑手
events-occupation-courier = 快递员
events-occupation-ride_hailing = 网约车司机
events-occupation-truck = 货车司机
events-occupation-sanitation = 环卫工人
events-occupation-other = 其他
events-platform-meituan = 美团
events-platform-eleme = 饿了么
events-platform-sf = 顺丰
events-platform-jd = 京东
events-platform-didi = 滴滴
events-platform-huolala = 货拉拉
events-platform-shansong = 闪送
events-platform-other = 其他
events-ask-question = 主办方想问：<b>{ $question }</b>
    请直接打字回答（最多 { $max } 个字）：
events-ask-question-again = 请打字回答（1–{ $max } 个字），或者点「取消」。
events-button-quit = 取消
events-form-quit = 好的，已取消报名，没有保存任何信息。

## Events: results

events-confirmed =
    { $already ->
        [yes] 你已经报过名了，这是你的报名信息：
       *[other] 🎉 报名成功！
    }
    <b>{ $title }</b>
    🕘 { $time }
    📍 { $place }
    🎫 签到码：<b>{ $code }</b>
    到场时出示下面的二维码，或者报出签到码。不能来的话，请在 { $cutoff } 前用 /myevents 取消，把名额让给别人。
events-waitlisted =
    { $already ->
        [yes] 你已经在候补名单里了。
       *[other] 🕒 名额已满，已为你加入候补。
    }
    <b>{ $title }</b>
    🕘 { $time }
    你现在排第 { $position } 位。有人取消时，我会按顺序通知你，你点「接受」就能拿到名额。用 /myevents 随时查看。
events-offered =
    🎉 有名额空出来了！
    <b>{ $title }</b>
    🕘 { $time }
    请在 { $expires } 前用 /myevents 点「接受」，过时名额会让给下一位。
events-registration-inactive = 「{ $title }」的报名已经取消或失效。
events-qr-caption = 🎫 签到码 <b>{ $code }</b>：到场时给工作人员扫一下。
events-offer-notice =
    🎉 <b>有名额空出来了！</b>
    「{ $title }」有人取消，轮到你了。
    🕘 { $time }
    请在 { $expires } 前点「接受」确认参加；不能来请点「放弃」，让给下一位。
events-offer-expired-notice = 「{ $title }」的候补名额你没有在规定时间内接受，已经让给下一位了。下次再来报名吧！
events-button-accept = ✅ 接受
events-button-decline = 放弃

## Events: my registrations

events-mine-title = 🗂 <b>我的报名</b>
events-mine-empty = 你现在没有报名任何活动。点「📅 活动报名」看看近期活动。
events-mine-item =
    <b>{ $n }. { $title }</b>{ $ended ->
        [yes] （已结束）
       *[other] {""}
    }
    🕘 { $time }
    { $status }{ $code ->
        [none] {""}
       *[other] {" "}· 签到码 <b>{ $code }</b>
    }
events-status-confirmed = ✅ 已报名
events-status-waitlisted = 🕒 候补第 { $position } 位
events-status-offered = 🎉 有名额给你，{ $expires } 前接受
events-button-qr = 🎫 签到码 { $n }
events-button-cancel-n = ✖️ 取消 { $n }
events-button-accept-n = ✅ 接受 { $n }
events-button-decline-n = 放弃 { $n }
events-not-yours = 这不是你的报名，不能操作。
events-not-active = 这条报名已经取消或失效了。
events-no-seat = 只有报名成功的活动才有签到码。
events-cancel-ask = 确定要取消「{ $title }」的报名吗？名额会让给候补的人。
events-button-cancel-confirm = 确定取消
events-button-cancel-keep = 不取消
events-cancel-kept = 好的，报名保留。
events-cancel-too-late = 已经过了取消截止时间 { $cutoff }，不能在这里取消了。如有变化请直接联系主办方。
events-cancelled = 已取消「{ $title }」的报名。欢迎下次再来！
events-offer-expired = 抱歉，这个名额的接受时间已经过了。
events-offer-gone = 这个名额已经不能接受了。
events-offer-declined = 好的，已放弃「{ $title }」的名额，让给下一位。

## Events: my data

events-mydata-title = 🔒 <b>我存在暖新助手里的个人信息</b>
events-mydata-empty = 暖新助手没有保存你的任何个人信息（姓名、手机号、位置等）。
events-mydata-none = 无
events-mydata-registration =
    <b>报名「{ $title }」</b>
    姓名：{ $name }
    手机号：{ $phone }
    职业：{ $occupation }
    平台：{ $platform }
    回答：{ $answers }
events-mydata-location = <b>最后一次发送的位置</b>：{ $lat }, { $lng }，{ $when }
events-mydata-quiet = <b>免打扰时段</b>：{ $start }–{ $end }
events-mydata-searches = 📍 另外，你发送位置找驿站时，暖新助手会匿名记下这次搜索：只记位置所在的约 500 米方格、最近驿站所在的城市和当时最近的营业驿站有多远，不记你是谁（没有用户 ID），所以对应不到你，也没法按人删除。这些记录保存 90 天后自动删除，只用来让组织者看出哪里还缺驿站。
events-button-delete-data = 🗑 删除我的个人信息
events-mydata-delete-ask = 确定删除吗？报名里的姓名、手机号、职业、平台、回答、你最后发送的位置和你推荐的驿站都会被删除；报名本身保留，名额不会丢。
events-button-delete-confirm = 确定删除
events-button-delete-keep = 不删除
events-mydata-kept = 好的，什么都没有删除。
events-mydata-deleted =
    已删除：{ $registrations ->
        [0] 没有报名里的个人信息需要删除
       *[other] { $registrations } 条报名里的姓名、手机号、职业、平台和回答
    }{ $location ->
        [yes] ；你最后发送的位置
       *[other] {""}
    }。报名本身保留。

## Event time (bot/ui/event-time.ts): one format wherever a rider sees an event's time

event-time-day = { $month }月{ $day }日（{ $weekday }）
event-time-moment = { $day }{ $time }
event-time-span = { $day }{ $start }–{ $end }
event-time-span-days = { $start } 至 { $end }
