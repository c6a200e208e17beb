## 处理骑手的驿站反馈: what riders saw

rh-kind-closed = 现在没开门
rh-kind-no_hot_water = 没有热水
rh-kind-charging_broken = 充电用不了
rh-kind-toilet_broken = 厕所不能用
rh-kind-wrong_location = 位置不对
rh-kind-wrong_hours = 营业时间不对
rh-kind-gone = 这里已经没有驿站了
rh-kind-other = 其它情况
rh-kind-all_good = 一切正常

## 处理骑手的驿站反馈: the organizer's ticket card

rh-card-line = 📣 骑手反馈：{ $status ->
        [confirmed] ✅ 已确认
        [dismissed] ❌ 已驳回
       *[open] ⏳ 待核实
    }
rh-button-confirm = ✅ 确认
rh-button-dismiss = ❌ 驳回
rh-button-restore = { $kind ->
        [no_hot_water] ♨️ 热水已恢复
        [charging_broken] 🔌 充电已恢复
        [toilet_broken] 🚻 厕所已恢复
        [closed] 🟢 已恢复开放
       *[other] ✅ 已恢复
    }
rh-button-back = ↩️ 返回留言
rh-button-deactivate = ⛔ 确认下线这个驿站
rh-button-edit = ✏️ 更正信息
rh-button-corrected = ✅ 已更正
rh-button-dismiss-now = ❌ 直接驳回
rh-button-dismiss-why = ✍️ 写明原因
rh-until-today = 到今天结束
rh-until-tomorrow = 到明天结束
rh-until-open = 直到恢复

## 处理骑手的驿站反馈: confirming and dismissing

rh-confirm-outage = 骑手反馈「<b>{ $name }</b>」{ $what }。确认后驿站卡片会显示暂时没有，并且不会出现在这一项的筛选里。持续到什么时候？
rh-confirm-deactivate = 骑手反馈「<b>{ $name }</b>」{ $what }。确认后驿站会下线，不再出现在找驿站里（以后可以重新启用）。
rh-confirm-correct = 骑手反馈「<b>{ $name }</b>」{ $what }。请先点「✏️ 更正信息」改好，再点「✅ 已更正」告诉骑手。
rh-dismiss-ask = 驳回对「<b>{ $name }</b>」的反馈（{ $what }）？骑手会收到「我们核实后，驿站情况正常」。要写明原因吗？
rh-reason-prompt = 请写驳回的原因（会发给反馈的骑手，最多 { $max } 字）。发 /cancel 取消。
rh-reason-too-long = 太长了：{ $length } 字，最多 { $max } 字。请改短一点。
rh-reason-not-text = 请发一段文字说明原因，或发 /cancel 取消。
rh-state-reason = 骑手反馈，已核实
rh-done-toast = 已处理，已通知骑手
rh-confirmed = ✅ 已确认「<b>{ $name }</b>」{ $what }{ $effect ->
        [close] ，今天标为暂停开放
        [outage] ，已标为暂时没有
        [deactivate] ，驿站已下线
       *[correct] {""}
    }。{ $count } 条反馈已处理，已通知反馈的骑手。
rh-dismissed = ❌ 已驳回「<b>{ $name }</b>」的反馈（{ $what }），{ $count } 条。已告诉骑手驿站情况正常。
rh-restored = 🟢 「<b>{ $name }</b>」已恢复，已通知 { $count } 条反馈的骑手。
rh-already = 这条反馈已经处理过了。
rh-not-out = 这个驿站现在没有被标记，不用恢复。
rh-gone = 找不到这条反馈。
rh-stale = 这个按钮已经失效了。

## 处理骑手的驿站反馈: what the rider is told

rh-notice-confirmed = 你反馈的「{ $name }」{ $what }，已确认{ $kind ->
        [closed] ，已标为今天暂停开放
        [gone] ，驿站已下线
        [wrong_location] ，信息已更正
        [wrong_hours] ，信息已更正
        [other] ，已处理
       *[outage] {""}
    }。谢谢你的反馈！
rh-notice-dismissed = 关于你反馈的「{ $name }」（{ $what }）：我们核实后，驿站情况正常，谢谢你的反馈！{ $reason ->
        [none] {""}
       *[other] {"\u000A"}说明：{ $reason }
    }
rh-notice-restored = 你反馈过的「{ $name }」{ $kind ->
        [no_hot_water] 热水已恢复
        [charging_broken] 充电已恢复
        [toilet_broken] 厕所已恢复
        [closed] 已恢复开放
       *[other] 已恢复正常
    }，谢谢你的反馈！

## /stationstats

rh-stats-title = 📊 <b>驿站统计</b>（近 { $days } 天）
rh-stats-by-city = 按城市
rh-stats-by-organizer = 按负责的组织者
rh-stats-col-name = 名称
rh-stats-col-stations = 驿站
rh-stats-col-verified = 已核实
rh-stats-col-open = 待处理
rh-stats-col-median = 处理用时
rh-stats-none = （没有驿站）
rh-stats-more = …还有 { $count } 行没有列出
rh-stats-legend = 已核实：{ $days } 天内有组织者核实过信息的驿站数；待处理：还没处理的骑手反馈；处理用时：{ $days } 天内处理完的反馈，从骑手反馈到确认或驳回用时的中位数（小时）。

## 处理骑手的驿站反馈: the weekly part of the digest

rh-digest-title = 📋 <b>本周驿站信息</b>（发 /stationstats 看统计）
rh-digest-unverified = • 超过 { $days } 天没有核实的驿站 { $count } 个：{ $names }{ $more ->
        [0] {""}
       *[other] {" "}等
    }。请去现场看看，信息没错就在驿站管理里点「✅ 信息已核实」。
rh-digest-reports = • 骑手反馈待处理 { $count } 条，在收件箱里确认或驳回。
