## Broadcast: choosing who gets it

broadcast-not-organizer = 群发通知只对组织者开放。如果你是工会、社区或驿站的工作人员，请联系管理员开通。
broadcast-choose-audience =
    📢 <b>群发通知</b>
    
    这条通知发给谁？（随时发送 /cancel 退出）
broadcast-type-event-button = 📅 某个活动的报名者
broadcast-type-city-button = 🏙 某个城市的骑手和师傅
broadcast-type-near-button = 📍 某个驿站附近的人
broadcast-type-everyone-button = 📣 所有用户（仅管理员）
broadcast-use-buttons = 请点上面的按钮选择；不想发了可以发送 /cancel。
broadcast-use-latest-buttons = 请使用最新一条消息里的按钮。
broadcast-choose-event = 选择活动，通知它的报名者：
broadcast-no-events = 你负责的范围内近期没有活动。请重新选择收件人。
broadcast-choose-only = 发给「{ $title }」的哪些报名者？
broadcast-only-all-button = 全部报名者
broadcast-only-confirmed-button = 只发已确认的
broadcast-only-waitlisted-button = 只发候补中的
broadcast-choose-city = 选择城市（也可以直接输入城市名）。会发给在这个城市用过驿站、或报名过这里活动的人：
broadcast-no-cities = 你负责的范围内还没有哪个城市有驿站。请重新选择收件人。
broadcast-city-unknown = 没有找到你负责的城市「{ $city }」。请点按钮选择，或输入完整的城市名。
broadcast-ask-station = 请输入驿站名称（或其中几个字），我帮你找：
broadcast-station-results = 选择驿站：
broadcast-station-none = 没找到你负责的、名字像「{ $query }」的驿站，换个说法再试试。
broadcast-station-query-too-long = 驿站名太长了（最多 { $max } 个字），请只写名称里的几个字。
broadcast-choose-km = 发给最近一次分享的位置在「{ $station }」多远以内的人？
broadcast-km-button = { $km } 公里内
broadcast-not-allowed = 你没有权限给这部分人群发，请重新选择。

## Broadcast: the message and the preview

broadcast-ask-message =
    收件人：{ $audience }，目前 <b>{ $count }</b> 人。
    
    现在请发送要群发的内容：一段文字（加粗、链接等格式会保留），或一张带说明的图片。
broadcast-message-unsupported = 只能群发文字，或一张图片（可以带说明）。请重新发送。
broadcast-text-too-long = 文字太长了：{ $length } 字，最多 { $max } 字。请删减后重新发送。
broadcast-caption-too-long = 图片说明太长了：{ $length } 字，最多 { $max } 字。请删减后重新发送。
broadcast-preview-intro = 👇 预览：收件人看到的就是下面这样。
broadcast-preview-summary =
    收件人：{ $audience }
    共 <b>{ $count }</b> 人。确认发送吗？
broadcast-preview-empty =
    收件人：{ $audience }
    现在没有符合条件的收件人，无法发送。请重新选择收件人。
broadcast-send-button = ✅ 确认发送
broadcast-edit-button = ✏️ 修改内容
broadcast-reaudience-button = 👥 重选收件人
broadcast-abort-button = 🗑 放弃
broadcast-aborted = 好的，已放弃，这条通知不会发出。
broadcast-empty-at-send = 现在没有符合条件的收件人了，通知没有发出。
broadcast-duplicate = 这条通知刚才已经发出了，不会重复发送。
broadcast-stale = 这个按钮已经失效了。要群发请重新发送 /broadcast。

## Broadcast: who it goes to

broadcast-audience-event-all = 活动「{ $title }」的全部报名者
broadcast-audience-event-confirmed = 活动「{ $title }」已确认的报名者
broadcast-audience-event-waitlisted = 活动「{ $title }」候补中的报名者
broadcast-audience-city = { $city }用过驿站或报名过活动的人
broadcast-audience-near = 「{ $station }」{ $km } 公里内的人
broadcast-audience-everyone = 所有用户
broadcast-audience-gone = 已删除

## Broadcast: progress

broadcast-status-sending = 发送中
broadcast-status-paused = 已暂停
broadcast-status-cancelled = 已取消
broadcast-status-done = 已完成
broadcast-progress =
    📢 <b>群发 #{ $id } · { $status }</b>
    收件人：{ $audience }，共 { $total } 人
    ✅ 已送达 { $sent } · ⚠️ 失败 { $failed } · 🚫 已屏蔽 { $blocked } · ⏳ 待发送 { $waiting }{ $quiet ->
        [0] {""}
       *[other] {"\u000A"}🌙 免打扰中 { $quiet } 人，{ $until } 后发送
    }
broadcast-pause-button = ⏸ 暂停
broadcast-resume-button = ▶️ 继续
broadcast-cancel-button = ✖️ 取消
broadcast-paused = 已暂停，随时可以继续。
broadcast-resumed = 已继续发送。
broadcast-cancel-confirm = 确定取消群发 #{ $id } 吗？还没发出的 { $remaining } 条不会再发送，已经发出的无法撤回。
broadcast-cancel-yes-button = 确定取消
broadcast-cancel-no-button = 不取消
broadcast-cancelled = 已取消群发 #{ $id }，还没发出的通知不会再发送。
broadcast-cancel-kept = 好的，没有取消，群发 #{ $id } 继续进行。
broadcast-already-ended = 这次群发已经结束了。
broadcast-not-yours = 只有发起人或管理员可以操作这次群发。
broadcast-report = 📢 群发 #{ $id } 已完成：共 { $total } 人，已送达 { $sent }，失败 { $failed }，已屏蔽 { $blocked }。

## Broadcast: history

broadcast-history-title = 📜 <b>最近的群发</b>
broadcast-history-empty = 还没有群发记录。发送 /broadcast 发一条吧。
broadcast-history-item =
    <b>#{ $id }</b> { $date } · { $status }
    { $audience } · { $total } 人
    「{ $excerpt }」
    ✅ { $sent } · ⚠️ { $failed } · 🚫 { $blocked } · ⏳ { $remaining }
broadcast-photo-excerpt = [图片] { $caption }

## Broadcast: the header recipients see

broadcast-header-event = 📢 活动「{ $title }」的组织者通知：
broadcast-header-team = 📢 { $team }的组织者通知：
broadcast-header-everywhere = 📢 暖新助手组织者通知：
