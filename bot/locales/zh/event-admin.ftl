## Event admin: list and panel

eventadmin-not-allowed = 抱歉，这个操作只对负责该活动的组织者开放，什么都没有改动。
eventadmin-event-gone = 这个活动不存在了。
eventadmin-button-stale = 这个按钮已经失效了，请重新打开 /manage。
eventadmin-list-header = <b>活动管理</b>
    📝 草稿　📅 进行中/未开始　🕘 已结束　✖️ 已取消
    点一个活动查看报名情况和操作。
eventadmin-list-empty = 还没有活动。点「新建活动」创建第一个。
eventadmin-button-new = ➕ 新建活动
eventadmin-button-open = 打开活动面板
eventadmin-button-back = ← 返回
eventadmin-button-edit = ✏️ 编辑
eventadmin-button-publish = 🚀 发布
eventadmin-button-close = ⏹ 截止报名
eventadmin-button-checkin = ✅ 签到
eventadmin-button-export = 📄 导出名单
eventadmin-button-cancel-event = ✖️ 取消活动
eventadmin-button-cancel-confirm = 确认取消活动并通知报名者
eventadmin-status-draft = 📝 草稿（报名者还看不到）
eventadmin-status-published = 📅 已发布，报名中
eventadmin-status-closed = 📅 已发布，报名已截止
eventadmin-status-finished = 🕘 已结束
eventadmin-status-cancelled = ✖️ 已取消
eventadmin-counts = 👥 名额 { $capacity }：已确认 { $confirmed }，待接受 { $offered }，候补 { $waitlisted }，已签到 { $checkedIn }
eventadmin-counts-noshows = 未到场 { $noShows } 人
eventadmin-published = 已发布，劳动者现在可以报名了。
eventadmin-not-draft = 这个活动已经不是草稿了。
eventadmin-closed = 已截止报名。
eventadmin-close-unchanged = 报名已经截止，或活动未发布。
eventadmin-not-editable = 这个活动已结束或已取消，不能再修改。
eventadmin-cancel-confirm = 确定要取消「{ $title }」吗？
    将马上通知 { $people } 位报名者（含候补），此操作不能撤销。
eventadmin-cancelled = 已取消「{ $title }」，正在通知 { $notified } 位报名者。
eventadmin-notice-cancelled = ⚠️ 很抱歉，活动「<b>{ $title }</b>」已取消。
    原定时间：{ $when }
    给你带来不便，请谅解。
eventadmin-notice-changed = 📣 活动「<b>{ $title }</b>」时间有变：
    原来：{ $before }
    现在：{ $after }
    如果来不了，可以在「我的报名」里取消，把名额让给别人。

## Event admin: the card

eventadmin-card = <b>{ $kind } · { $title }</b>
    🕘 { $when }
    📍 { $place }
    👥 名额 { $capacity } 人{ $breakdown ->
        [none] {""}
       *[other] （{ $breakdown }）
    }
    ⏳ 报名截止 { $closes }，{ $cancelCloses } 前可取消
eventadmin-kind-skill_contest = 🏆 技能比武
eventadmin-kind-health_check = 🩺 免费体检
eventadmin-kind-meal = 🍱 爱心餐
eventadmin-kind-training = 📚 培训
eventadmin-kind-lecture = 🎤 讲座
eventadmin-kind-market = 🛍 市集
eventadmin-kind-service_day = 🤝 服务日
eventadmin-slots-none = 不分时段
eventadmin-slots-header = 共 { $count } 个时段：
eventadmin-slot-line = · { $range }　{ $capacity } 人
eventadmin-slot-line-counts = · { $range }　名额 { $capacity }：已确认 { $confirmed }，待接受 { $offered }，候补 { $waitlisted }，已签到 { $checkedIn }
eventadmin-asks-line = 报名时填写：{ $fields }
eventadmin-asks-none = 无需填写个人信息
eventadmin-separator = 、
eventadmin-question-line = 问题 { $number }：{ $question }{ $sensitive ->
        [yes] {" "}🔒 敏感，单独征得同意，导出时默认不含
       *[other] {""}
    }
eventadmin-field-name = 姓名
eventadmin-field-phone = 手机号
eventadmin-field-occupation = 职业
eventadmin-field-platform = 平台

## Event admin: creating

eventadmin-button-cancel = 取消
eventadmin-button-skip = 跳过
eventadmin-button-done = 完成
eventadmin-button-no-slots = 不分时段
eventadmin-button-closes-default = 活动开始时截止
eventadmin-button-cutoff-default = 开始前 2 小时
eventadmin-button-save-draft = 💾 存为草稿
eventadmin-button-discard = 🗑 放弃
eventadmin-ask-kind = <b>新建活动</b>（随时可点「取消」或发 /cancel 退出）
    第 1 步：选择活动类型。
eventadmin-ask-title = 活动名称是什么？（最多 60 字）
eventadmin-ask-description = 简单介绍一下活动（最多 1000 字），或点「跳过」。
eventadmin-ask-place = 活动在哪里？输入驿站名称搜索，或发送位置（📎 → 位置）。
eventadmin-place-pick = 请选择驿站，或换个名称再搜：
eventadmin-place-not-found = 没找到「{ $query }」相关的驿站（或不在你负责的范围内）。换个说法，或发送位置。
eventadmin-bad-place = 请输入驿站名称（60 字以内），或发送位置。
eventadmin-place-out-of-scope = 这个地点不在你负责的范围内，请换一个。
eventadmin-ask-address = 请输入详细地址（最多 100 字），方便大家找到。
eventadmin-ask-city = 附近没有已知驿站，这是哪个城市？（如：杭州）
eventadmin-ask-start = 什么时候开始？可以直接说「明天上午9点」「下周六下午两点」，也可以写「12月5日 14:00」「2026-12-05 09:00」（北京时间）。
eventadmin-bad-datetime = 没看懂这个时间。可以写「明天上午9点」「下周六下午两点」，或「12月5日 14:00」「12-05 09:00」。
eventadmin-start-past = 「{ $when }」已经过去了，请输入将来的时间。
eventadmin-datetime-no-time = 还差几点：请加上时间，例如「明天上午9点」「12月5日 14:00」。
eventadmin-datetime-no-date = 还差哪一天：请加上日期，例如「明天上午9点」「12月5日 14:00」。
eventadmin-date-confirm = 开始时间是 { $when }，对吗？
eventadmin-button-date-yes = ✅ 对
eventadmin-button-date-no = ✏️ 不对，重新输入
eventadmin-ask-start-again = 好的，请重新输入开始时间，例如「明天上午9点」或「12月5日 14:00」。
eventadmin-ask-end = 几点结束？输入同一天的时间（如 11:30），或完整的日期时间。
eventadmin-bad-time = 没看懂这个时间。请输入如「11:30」「下午5点」，或「12-05 11:30」。
eventadmin-end-before-start = 结束时间要晚于开始时间。
eventadmin-too-long = 活动最长 31 天，请检查结束时间。
eventadmin-ask-capacity = 一共多少个名额？（1–10000 的整数）
eventadmin-bad-capacity = 名额请输入 1 到 10000 之间的整数。
eventadmin-ask-slots = 要分时段报名吗？（如体检每 30 分钟一批）
    分时段请输入「每段分钟数 每段人数」，例如：30 20
    总名额会按各时段人数相加。不分时段请点按钮。
eventadmin-bad-slots = 请输入两个数字：每段分钟数（5–720）和每段人数，例如：30 20
eventadmin-capacity-breakdown = { $count } 个时段 × { $perSlot } 人
eventadmin-capacity-slot-sum = { $count } 个时段的名额相加
eventadmin-slots-total-differs = 你填的总名额是 { $capacity } 人，但按时段算是 { $count } 个时段 × 每段 { $perSlot } 人 = { $total } 人。
    分时段时，总名额就是各时段名额之和。要用哪个？
eventadmin-button-slots-sum = 按时段：共 { $total } 人
eventadmin-button-slots-even = 按总名额 { $capacity } 人：每段 { $perSlot } 人
eventadmin-button-slots-again = 重新设置时段
eventadmin-slots-dont-fit = 按这个间隔排不出时段（开始到结束之间至少要放下一段，最多 48 段）。请换个数字。
eventadmin-ask-closes = 报名什么时候截止？默认活动开始时截止，也可以输入时间（如 12-04 18:00）。
eventadmin-closes-out-of-range = 截止时间要在现在之后、活动结束之前。
eventadmin-ask-cancel-cutoff = 报名者最晚什么时候可以自己取消？默认开始前 2 小时，也可以输入时间。
eventadmin-cutoff-after-start = 取消截止时间不能晚于活动开始。
eventadmin-ask-fields = 报名时需要填写哪些信息？点一下选中/取消，选好后点「完成」。只收集确实需要的信息。
eventadmin-ask-question = 还想问报名者什么问题吗？请输入第 { $number } 个问题（最多 3 个，每个 200 字以内），或点按钮结束。
eventadmin-ask-sensitive = 这个问题涉及敏感个人信息吗（如健康状况、病史、身份证号）？敏感问题会单独征得报名者同意，导出名单时默认不包含回答。
eventadmin-button-question-plain = 普通问题
eventadmin-button-question-sensitive = 🔒 敏感信息（健康、证件号等）
eventadmin-need-text = 请发送文字。
eventadmin-bad-length = 长度要在 1–{ $max } 字之间（现在 { $length } 字），请重新输入。
eventadmin-pick-button = 请点上面的按钮选择。
eventadmin-preview-header = <b>预览</b>：报名者看到的活动卡片如下，确认无误后发布。
eventadmin-created-published = 🎉 「{ $title }」已发布，劳动者现在可以报名了。
eventadmin-created-draft = 💾 「{ $title }」已存为草稿，可以在 /manage 里发布。

## Event admin: editing

eventadmin-edit-menu = 要修改「{ $title }」的哪一项？
eventadmin-edit-field-title = 名称
eventadmin-edit-field-description = 介绍
eventadmin-edit-field-capacity = 名额
eventadmin-edit-field-start = 开始时间
eventadmin-edit-field-end = 结束时间
eventadmin-edit-field-closes = 报名截止
eventadmin-edit-ask = 现在的{ $field }：{ $current }
    请输入新的{ $field }：
eventadmin-edit-saved = ✅ 已保存。{ $promoted ->
        [0] {""}
       *[other] 已通知 { $promoted } 位候补者补位。
    }
eventadmin-edit-not-allowed = 抱歉，你不能修改这个活动，什么都没有改动。
eventadmin-edit-not-editable = 这个活动已结束或已取消，不能再修改。
eventadmin-edit-has-slots = 这个活动按时段设名额，总名额不能直接修改。
eventadmin-capacity-below-taken = 不能改成 { $capacity } 个名额：已经有 { $taken } 人占了名额（已确认 + 待接受）。名额不能少于 { $taken }。

## Event admin: export

eventadmin-export-filename = { $title }-名单.csv
eventadmin-export-caption = 报名名单，共 { $count } 人（用 Excel 或 WPS 打开）。{ $sensitive ->
        [left-out] {"\u000A"}🔒 不含敏感问题的回答。确有需要时点下面的按钮，请妥善保管、用完删除。
        [included] {"\u000A"}🔒 含敏感问题的回答，请妥善保管、用完删除。
       *[other] {""}
    }
eventadmin-button-export-sensitive = 🔒 导出含敏感信息的名单
eventadmin-csv-number = 序号
eventadmin-csv-status = 状态
eventadmin-csv-name = 姓名
eventadmin-csv-phone = 手机号
eventadmin-csv-occupation = 职业
eventadmin-csv-platform = 平台
eventadmin-csv-slot = 时段
eventadmin-csv-registered = 报名时间
eventadmin-csv-checked-in = 签到时间
eventadmin-csv-code = 签到码
eventadmin-registration-confirmed = 已确认
eventadmin-registration-offered = 待接受
eventadmin-registration-waitlisted = 候补
eventadmin-registration-cancelled = 已取消
eventadmin-registration-declined = 已放弃
eventadmin-registration-expired = 已过期

## Event admin: check-in

eventadmin-checkin-none = 现在没有可以签到的活动。
eventadmin-checkin-pick = 给哪个活动签到？
eventadmin-checkin-not-published = 只有已发布的活动才能签到。
eventadmin-checkin-start = <b>签到：{ $title }</b>
    请输入报名者的 6 位签到码，一个接一个输入即可（不分大小写）。签完点「结束签到」。
eventadmin-button-checkin-done = 结束签到
eventadmin-checkin-finished = 签到结束：签到 { $checkedIn } / 已确认 { $confirmed }。
eventadmin-checkin-bad-code = 签到码是 6 位字母或数字，请重新输入。
eventadmin-checkin-no-name = （未填姓名）
eventadmin-checkin-ok = ✅ 签到成功：{ $name }{ $slot ->
        [none] {""}
       *[other] ，时段 { $slot }
    }（{ $code }）
eventadmin-checkin-already = ☑️ { $name } 已在 { $at } 签到过了（{ $code }）。
eventadmin-checkin-unknown = ❓ 没有找到签到码 { $code }，请核对后再输入。
eventadmin-checkin-forbidden = 🚫 签到码 { $code } 属于不由你负责的活动。
eventadmin-checkin-other-event = ⚠️ 签到码 { $code } 是另一个活动「{ $title }」的，不是这个活动的。
eventadmin-checkin-event-cancelled = ✖️ 签到码 { $code } 对应的活动「{ $title }」已取消。
eventadmin-checkin-not-confirmed = ⚠️ 签到码 { $code } 的报名状态是「{ $status }」，没有确认的名额，不能签到。
eventadmin-checkin-too-early = ⏰ 还没到签到时间：「{ $title }」在活动开始前 { $hours } 小时（{ $when }）开始签到，签到码 { $code } 没有签到。
    确实要现在就给这位报名者签到吗？
eventadmin-checkin-too-late = ⏰ 「{ $title }」已在 { $when } 结束，签到已关闭，签到码 { $code } 没有签到。
    确实要补签吗？
eventadmin-button-checkin-anyway = 仍然签到
eventadmin-checkin-link-worker = 这个签到链接是给活动工作人员扫码用的。到场后请把签到码出示给工作人员就好。
