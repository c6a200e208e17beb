## Station card: what riders see after 🧭

station-card-hint = 点下面的按钮，用你常用的地图 App 导航过去。到了之后，可以告诉大家这里的情况。
station-card-phone = ☎️ { $phone }
station-card-closed-until = ⛔ 暂停开放，{ $until } 恢复
station-card-closed-until-reason = ⛔ 暂停开放（{ $reason }），{ $until } 恢复
station-card-outage = 🚫 { $amenity }暂停供应
station-card-maybe-closed = ❓ <b>可能没开门</b>：最近两小时有多位骑手反馈现在没开门
station-card-report = ⚠️ { $ago }有骑手反馈：{ $what }
station-card-report-confirmed = ⚠️ { $ago }有骑手反馈：{ $what }（工作人员已确认）
station-card-check-in = { $ago }有骑手来过 ✅
station-card-fresh-rider = 🕒 刚有骑手确认
station-card-verified = 🕒 { $days ->
        [0] 今天核实
        [1] 昨天核实
       *[other] { $days } 天前核实
    }
station-card-ago-now = 刚刚
station-card-ago-minutes = { $count } 分钟前
station-card-ago-hours = { $count } 小时前
station-card-ago-days = { $count } 天前
station-card-button-report = 📣 报告情况
station-card-button-all-good = 👍 刚来过，一切正常

## 📣 报告情况: what riders report

station-report-kind-closed = 现在没开门
station-report-kind-no_hot_water = 没有热水
station-report-kind-charging_broken = 充电用不了
station-report-kind-toilet_broken = 厕所不能用
station-report-kind-wrong_location = 位置不对
station-report-kind-wrong_hours = 营业时间不对
station-report-kind-gone = 这里已经没有驿站了
station-report-kind-other = 其它情况
station-report-button-closed = 🔒 现在没开门
station-report-button-no_hot_water = ♨️ 没有热水
station-report-button-charging_broken = 🔌 充电用不了
station-report-button-toilet_broken = 🚻 厕所不能用
station-report-button-wrong_location = 📍 位置不对
station-report-button-wrong_hours = 🕘 营业时间不对
station-report-button-gone = 🚫 这里已经没有驿站了
station-report-button-other = 📝 其它（文字 / 照片 / 语音）
station-report-menu = 📣 <b>{ $name }</b> 现在怎么样？点一下就好，其他骑手马上能看到。
station-report-ticket-head = 📣 驿站情况：{ $what }
station-report-filed =
    ✅ 收到了，谢谢你！其他骑手马上能在驿站卡片和列表上看到（{ $hours } 小时内有效）。
    负责这个驿站的工作人员会处理，编号 #{ $number }，处理结果会告诉你。
station-report-checked-in = 👍 谢谢！其他骑手会在驿站卡片上看到「刚有骑手确认」。
station-report-too-soon = 这个驿站你刚反馈过，谢谢你 🙏 同一个驿站一小时只能报一次，{ $time } 以后可以再报。
station-report-check-in-too-soon = 这个驿站你刚确认过，谢谢你 🙏 同一个驿站一小时只记一次，{ $time } 以后可以再点。
station-report-other-prompt = 📝 请说说看到了什么：打字（最多 { $max } 字）、发一张照片（可以带说明），或者直接发语音。发 /cancel 取消。
station-report-other-too-long = 写得有点长（{ $length } 字），请精简到 { $max } 字以内再发一次。想细说的话可以用「💬 我有话说」。
station-report-other-hint = 这里请打字（最多 { $max } 字）、发照片或者发语音，说说驿站的情况。发 /cancel 取消。
