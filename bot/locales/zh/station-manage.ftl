## Station management (/stations for organizers, /mystation for merchants)

command-stations = 驿站管理：暂停、节假日、核实
command-mystation = 我的驿站（友好商家）

sm-not-organizer = 驿站管理只对组织者开放。想找驿站，点 📍 发送位置 或直接输入地名就行。
sm-refused = 这个驿站不在你的管理范围内，或者已经不存在了。发 /stations 看看你管理的驿站。
sm-inactive = 这个驿站已经停用，先点 ♻️ 重新启用 再操作。
sm-button-stale = 这个按钮已经失效了，请重新打开 /stations。
sm-too-long = 太长了，最多 { $max } 个字，请再发一次。
sm-need-text = 请直接打字回复，或者点下面的按钮。
sm-form-cancelled = 好的，已取消，什么都没有改。

sm-list-title = 🏠 <b>你管理的驿站</b>（共 { $total } 个，第 { $page }/{ $pages } 页）
    点驿站打开管理；🔒 表示暂停开放，🚫 表示已停用。
sm-list-empty = 你的管理范围内还没有驿站。可以点 ➕ 新增驿站。
sm-search-title = 🔎 名字含“{ $query }”的驿站：共 { $total } 个，显示 { $shown } 个。
sm-search-none = 🔎 你管理的驿站里没有名字含“{ $query }”的。换个说法再试试？
sm-ask-search = 请输入驿站名字的一部分（例如 春熙路、茶铺）：

sm-button-previous = ‹ 上一页
sm-button-next = 下一页 ›
sm-button-search = 🔎 搜索
sm-button-add = ➕ 新增驿站
sm-button-edit = ✏️ 修改信息
sm-button-verify = ✅ 信息已核实
sm-button-close = 🔒 暂停开放
sm-button-reopen = 🔓 恢复开放
sm-button-holidays = 📅 节假日营业时间
sm-button-outages = 🔥 设施暂停（热水/充电）
sm-button-invite = 🏪 邀请友好商家
sm-button-history = 📜 变更记录
sm-button-deactivate = 🚫 停用驿站
sm-button-reactivate = ♻️ 重新启用
sm-button-deactivate-yes = 确认停用
sm-button-back = « 返回
sm-button-back-list = « 驿站列表
sm-button-cancel = 取消
sm-button-close-today = 仅今天
sm-button-close-until = 到某一天…
sm-button-no-reason = 不填原因
sm-button-same-day = 只有这一天
sm-button-until-back = 不确定，恢复时再点
sm-button-holiday-add = ➕ 添加
sm-button-holiday-delete = 🗑 { $range }
sm-button-outage-set = { $amenity } 暂停
sm-button-outage-clear = ✅ { $amenity } 已恢复

sm-view-title = 🏠 <b>{ $name }</b>
    📍 { $place } · { $address }
sm-view-hours = 🕘 营业时间：<code>{ $hours }</code>
sm-view-status = 现在：{ $status }
sm-view-holidays = 📅 节假日：{ $list }
sm-view-outage = ⚠️ { $amenity } 暂不可用（{ $until }）
sm-view-verified = ✅ 最近核实：{ $day }（{ $days ->
    [0] 今天
   *[other] { $days } 天前
    }）
sm-view-never-verified = ❔ 还没有核实过
sm-hours-unknown = 未填写
sm-status-open = 🟢 营业中
sm-status-closed = ⚪ 不在营业时间
sm-status-unknown = ❔ 营业时间未知
sm-status-inactive = 🚫 已停用（骑手看不到）
sm-status-paused = 🔒 暂停开放，{ $until }
sm-status-paused-reason = 🔒 暂停开放，{ $until }（{ $reason }）
sm-day = { $month }月{ $day }日
sm-day-range = { $from }至{ $to }
sm-until-day = { $day }恢复
sm-until-time = { $day } { $time }恢复
sm-outage-until-back = 直到恢复

sm-close-choose = 🔒 暂停开放 <b>{ $name }</b>：暂停到什么时候？
    暂停期间骑手看到的是“暂停开放”和原因。
sm-ask-reopen-day = 哪天恢复开放？请输入日期，例如 12月10日、明天、下周一：
sm-ask-reason = 原因是什么？会显示给骑手，例如“装修，12月10日恢复”。不想填就点“不填原因”。
sm-bad-day = 没看懂这个日期。请写成 12月10日、2027-02-05、明天 或 下周一。
sm-day-too-early = { $day } 太早了，请输入以后的日期。
sm-closed-done = 🔒 <b>{ $name }</b> 已暂停开放，{ $until }。原因：{ $reason }
sm-reopened = 🔓 已恢复开放
sm-not-paused = 这个驿站现在没有暂停
sm-verified = ✅ 已记录：今天核实过
sm-already-verified = 今天已经核实过了，不用再点
sm-deactivate-confirm = 确定停用 <b>{ $name }</b> 吗？停用后骑手找驿站时不会再看到它，变更记录会保留，随时可以重新启用。
sm-deactivated = 🚫 已停用
sm-reactivated = ♻️ 已重新启用

sm-holidays-title = 📅 <b>{ $name }</b> 的节假日营业时间（点 🗑 删除）：
sm-holidays-none = 📅 <b>{ $name }</b> 还没有设置节假日营业时间。春节、国庆等时间不一样时，点 ➕ 添加。
sm-holiday-closed = 休息
sm-ask-holiday-from = 从哪天开始？例如 2月5日、明天：
sm-ask-holiday-to = 到哪天结束（包括这一天）？从 { $from } 开始。只有一天就点“只有这一天”。
sm-ask-holiday-hours = 这几天的营业时间？用 OpenStreetMap 格式，例如 <code>10:00-16:00</code>、<code>Mo-Su 09:00-12:00,14:00-18:00</code>；整天不营业就写“休息”。
sm-bad-hours = 营业时间格式不对：{ $error }
    例如 <code>Mo-Su 09:30-21:00</code>、<code>10:00-16:00</code>、<code>24/7</code>。
sm-hours-closed-not-here = 这里填平时的营业时间。今天不营业请用“今天暂停营业”按钮。
sm-holiday-added = 📅 已添加：{ $range }
sm-holiday-overlaps = 和已有的 { $existing } 重叠了，没有添加 { $range }。先删掉旧的再添加。
sm-holiday-deleted = 已删除
sm-holiday-gone = 已经删除过了

sm-outages-title = 🔥 <b>{ $name }</b>：哪项设施暂时用不了？点一下标记暂停，已暂停的再点一下就恢复。
sm-outages-no-amenities = <b>{ $name }</b> 还没有登记任何设施，先用 ✏️ 修改信息 填上。
sm-amenity-not-listed = 这个驿站没有登记这项设施。
sm-ask-outage-until = { $amenity } 大概什么时候恢复？输入时间，例如 18:00、明天上午9点；不确定就点下面的按钮，恢复后再来点“已恢复”。
sm-bad-time = 没看懂这个时间。请写成 18:00、明天上午9点 或 12月10日 9:00。
sm-time-past = 这个时间已经过去了，请输入以后的时间。
sm-outage-set = ⚠️ 已标记 { $amenity } 暂不可用（{ $until }），骑手会在驿站卡片上看到。
sm-outage-cleared = ✅ { $amenity } 已恢复
sm-outage-not-out = { $amenity } 现在没有暂停

sm-invite-created = 🏪 邀请 <b>{ $name }</b> 的友好商家：把下面的链接发给店主，对方点开就成为这个驿站的商家，可以自己设置今天暂停营业、热水/充电暂停和营业时间。
    { $link }
    链接只能用一次，{ $days } 天内有效（到 { $expires }）。
sm-notice-merchant-joined = 🏪 { $name } 通过你的邀请链接，成为 <b>{ $station }</b> 的友好商家。

sm-history-title = 📜 <b>{ $name }</b> 的变更记录（第 { $page } 页，最新在前）
sm-history-empty = 📜 <b>{ $name }</b> 还没有变更记录。
sm-history-entry = 🕘 { $when } · { $who }
sm-history-field = · { $field }：{ $from } → { $to }
sm-history-note = · 备注：{ $note }
sm-who-person = { $name }（{ $source }）
sm-who-organizer = 组织者
sm-who-merchant = 商家
sm-who-import = 导入
sm-who-report = 骑手反馈
sm-who-suggestion = 骑手推荐
sm-who-system = 系统
sm-value-active = 启用
sm-value-inactive = 停用
sm-value-photo = 照片
sm-field-name = 名称
sm-field-kind = 类型
sm-field-address = 地址
sm-field-city = 城市
sm-field-district = 区县
sm-field-lat = 纬度
sm-field-lng = 经度
sm-field-amenities = 设施
sm-field-openingHours = 营业时间
sm-field-phone = 电话
sm-field-active = 状态
sm-field-lastVerified = 核实日期
sm-field-closedUntil = 暂停到
sm-field-closedReason = 暂停原因
sm-field-photoFileId = 照片
sm-field-outage = { $amenity }暂停
sm-field-holiday = 节假日 { $range }

sm-merchant-none = 你还不是任何驿站的友好商家。店主请向当地组织者要一个邀请链接。
sm-merchant-refused = 你不是这个驿站的商家，不能修改它。
sm-merchant-choose = 你是这几个驿站的商家，选一个：
sm-merchant-welcome = 🏪 欢迎！你现在是 <b>{ $name }</b> 的友好商家。
    你可以：今天暂停营业 / 照常营业，标记热水、充电暂时用不了，修改营业时间。其他信息（地址、设施等）请联系组织者修改。随时发 /mystation 打开。
sm-merchant-invite-used = 这个邀请链接已经被用过了，请向组织者要一个新的。
sm-merchant-invite-yours = 你已经用过这个链接，你已经是这个驿站的商家了。发 /mystation 打开。
sm-merchant-invite-expired = 这个邀请链接已经过期了，请向组织者要一个新的。
sm-merchant-close-today = 😴 今天暂停营业
sm-merchant-open-today = 🟢 今天照常营业
sm-merchant-hot_water-out = ♨️ 热水没了
sm-merchant-hot_water-back = ♨️ 热水恢复
sm-merchant-charging-out = 🔌 充电用不了
sm-merchant-charging-back = 🔌 充电恢复
sm-merchant-hours = 🕘 修改营业时间
sm-merchant-closed-today = 已设置：今天暂停营业，明天自动恢复
sm-merchant-opened-today = 已恢复：今天照常营业
sm-merchant-already-closed = 现在已经是暂停状态
sm-merchant-already-open = 现在就是照常营业
sm-merchant-closed-by-organizer = 这是组织者设置的暂停，不能在这里取消，请联系组织者。
sm-merchant-hot_water-marked-out = 已标记：热水没了
sm-merchant-hot_water-marked-back = 已标记：热水恢复
sm-merchant-charging-marked-out = 已标记：充电用不了
sm-merchant-charging-marked-back = 已标记：充电恢复
sm-ask-merchant-hours = 现在的营业时间：<code>{ $current }</code>
    请输入新的营业时间（OpenStreetMap 格式），例如 <code>Mo-Su 09:30-21:00</code>、<code>Mo-Fr 08:30-18:00; Sa,Su 10:00-16:00</code>、<code>24/7</code>：
sm-merchant-hours-set = 🕘 营业时间已改为 <code>{ $hours }</code>
sm-merchant-own-link = 这是你生成的友好商家邀请链接，自己打开不会用掉它。请把链接发给店主，店主打开后就能管理这个驿站。
