## 我有话说: the worker's form

feedback-ask-subject = 💬 <b>我有话说</b>：这条留言是关于哪里的？选一个附近的驿站，或者搜索驿站、选活动、选整个城市。也可以直接打字搜索驿站名。
feedback-subject-station = 🏠 { $name }
feedback-subject-search = 🔎 搜索驿站
feedback-subject-event = 📅 某个活动
feedback-subject-city = 🏙 整个城市
feedback-search-prompt = 请输入驿站名、路名或区县，比如「春熙路」。
feedback-search-none = 没找到相关的驿站。换个说法试试，或者点上面的「🏙 整个城市」。
feedback-search-results = 找到这些驿站，选一个：
feedback-no-events = 最近没有活动。可以选驿站或整个城市。
feedback-pick-event = 选一个活动：
feedback-pick-city = 选一个城市：
feedback-ask-category = 这是哪一类？
feedback-category-need = 🙋 需求
feedback-category-suggestion = 💡 建议
feedback-category-complaint = 😠 投诉
feedback-category-praise = 👍 表扬
feedback-category-other = 📝 其他
feedback-category-station_report = 📣 驿站反馈
feedback-ask-anonymous = 要不要留名字？选「匿名」的话，工作人员看不到你是谁，但回复照样会发给你。
feedback-named = 🙂 实名
feedback-anonymous-choice = 🕶 匿名
feedback-ask-content = 请说说情况：可以打字（最多 { $max } 字），发一张照片（可以带说明），或者直接发语音 🎤。
feedback-content-hint = 请发送文字、照片或语音消息。不想继续了可以发 /cancel。
feedback-use-buttons = 请点上面的按钮选择。不想继续了可以发 /cancel。
feedback-too-long = 太长了：你写了 { $length } 字，最多 { $max } 字。请精简一下，或者分几次发（提交后可以在 /mytickets 里补充）。
feedback-stale = 这个按钮已经失效了。
feedback-rate-limited = 你这一小时里已经留言 { $max } 次了，先歇一歇 🙏 过一会儿再发；我们会认真看每一条。
feedback-subject-gone = 你选的驿站或活动已经不在了，请重新发 /feedback。
feedback-receipt =
    ✅ 收到了！留言编号 <b>#{ $number }</b>{ $anonymous ->
        [yes] （匿名）
       *[other] {""}
    }
    负责的工作人员会在 { $hours } 小时内回复你。回复会直接发到这里，也可以随时发 /mytickets 查看进度。

## 我有话说: replies to what the bot sent

feedback-reply-ok = ✅ 已经加到你的这条留言里了，负责的工作人员会看到。
feedback-reply-gone = 找不到这条留言。
feedback-reply-closed = 这条留言已经关闭了，回复没有加进去。有新情况请点下面的按钮重新留言。
feedback-reply-limited = 你这一小时里已经留言 { $max } 次了，先歇一歇 🙏 过一会儿再发。
feedback-reply-not-answered = 找不到这条留言。
feedback-button-new = 💬 我有话说
feedback-button-new-event = 💬 给这个活动的组织者留言
feedback-broadcast-reply = 📢 这是一条群发通知，在这里回复，组织者是看不到的。有话想对组织者说，请点下面的「💬 我有话说」留言，每条留言都有人负责、有回复。
feedback-broadcast-reply-event = 📢 这是活动的群发通知，在这里回复，组织者是看不到的。有话想对活动的组织者说，请点下面的按钮留言，每条留言都有人负责、有回复。

## 我有话说: the worker's tickets

feedback-mine-empty = 你还没有留言。点「💬 我有话说」或发 /feedback 说说你的需求和建议。
feedback-mine-title = 你的留言（最近 { $count } 条），点开查看回复：
feedback-mine-button = { $words } · { $status } · #{ $number }
feedback-my-card =
    📨 <b>#{ $number }</b> · { $category } · { $status }
    关于：{ $place }
    提交：{ $created }{ $anonymous ->
        [yes] {" "}· 匿名
       *[other] {""}
    }
feedback-button-view = 查看留言
feedback-button-add = ➕ 补充
feedback-button-close = ✔️ 关闭留言
feedback-button-mine = 📋 我的留言
feedback-button-satisfied = 😊 满意
feedback-button-unsatisfied = 😞 不满意
feedback-add-prompt = 请发送要补充的文字（最多 { $max } 字）、照片或语音。
feedback-add-ok = ✅ 已补充，工作人员会看到。
feedback-add-gone = 找不到这条留言。
feedback-add-closed = 这条留言已经关闭了，有新情况请重新发 /feedback。
feedback-add-limited = 你这一小时里已经留言 { $max } 次了，先歇一歇 🙏 过一会儿再发。
feedback-add-not-answered = 这条留言还没有回复。
feedback-close-ok = 已关闭这条留言，谢谢你！
feedback-close-gone = 找不到这条留言。
feedback-close-closed = 这条留言已经关闭了。
feedback-close-limited = 请稍后再试。
feedback-close-not-answered = 这条留言还没有回复。
feedback-rated-satisfied = 谢谢你的评价！这条留言已关闭。
feedback-rated-unsatisfied = 收到，已重新交给工作人员处理。
feedback-rating-gone = 找不到这条留言。
feedback-rating-closed = 这条留言已经关闭了。
feedback-rating-limited = 请稍后再试。
feedback-rating-not-answered = 已经评价过了，或者还没有新的回复。
feedback-answer-quote = 🗣 你说的：「{ $said }」
feedback-answer-header = 💬 关于你的留言 #{ $number }，工作人员回复：
feedback-notice-status =
    你的留言 #{ $number } 状态更新：{ $status ->
        [in_progress] 处理中
        [answered] 已答复
       *[closed] 已关闭
    }

feedback-consent-ask = 关于你的留言 #{ $number }「{ $said }」：工作人员想把它和他们的答复放到「你说我做」里，让大家看到驿站做了什么。不会显示你是谁。同意吗？（不点就是不同意）
feedback-consent-yes = 👍 同意公开
feedback-consent-no = 🙅 不同意
feedback-consent-granted = 谢谢！这条留言会出现在「你说我做」里，不显示你是谁。
feedback-consent-refused = 好的，不公开。
feedback-consent-gone = 找不到这条留言。

## 我有话说: history lines

feedback-staff = 工作人员
feedback-anonymous = 匿名骑手
feedback-media-photo = [照片]
feedback-media-voice = [语音]
feedback-line-worker = <i>{ $when }</i> 🧑 骑手：{ $body }
feedback-line-reply = <i>{ $when }</i> 💬 回复（{ $name }）：{ $body }
feedback-line-note = <i>{ $when }</i> 📝 内部备注（{ $name }）：{ $body }
feedback-line-system = <i>{ $when }</i> ⚙️ { $event ->
        [closed-by-worker] 骑手关闭了留言
        [rated-satisfied] 骑手评价：满意
        [rated-unsatisfied] 骑手评价：不满意，重新处理
        [status-in_progress] 状态改为：处理中
        [status-answered] 状态改为：已答复
        [status-closed] 状态改为：已关闭
        [assigned] 转交给：{ $name }
        [consent-granted] 骑手同意公开到「你说我做」
        [consent-refused] 骑手不同意公开
        [report-confirmed] 驿站反馈已确认
        [report-dismissed] 驿站反馈已驳回（核实后情况正常）
       *[other] { $event }
    }
feedback-history-omitted = …（更早的 { $count } 条省略）
feedback-place-station = 🏠 { $name }
feedback-place-event = 📅 { $title }
feedback-place-city = 🏙 { $city }
feedback-status-new = 🆕 新留言
feedback-status-in_progress = 🔧 处理中
feedback-status-answered = 💬 已答复
feedback-status-closed = ✔️ 已关闭

## 我有话说: organizers

feedback-not-organizer = 这个功能只有组织者可以用。
feedback-forbidden = 这条留言不归你负责，你不能查看。
feedback-gone = 找不到这条留言。
feedback-inbox-title = 📥 <b>留言收件箱</b>（未关闭 { $count } 条，超时和新留言在前）
feedback-inbox-unowned = <b>未分配</b>（{ $count } 条，还没有负责人，可以打开后「转交」）：
feedback-inbox-owned = <b>已分配</b>：
feedback-inbox-line = { $overdue ->
        [yes] ⏰
       *[other] •
    } <b>#{ $number }</b> { $category } · { $status } · { $place }{ $public ->
        [public] {" "}· 🌐 已公开
        [asking] {" "}· ⏳ 等同意公开
       *[other] {""}
    }
feedback-card =
    📨 <b>#{ $number }</b> · { $category } · { $status }{ $overdue ->
        [yes] {" "}· ⏰ <b>已超时</b>
       *[other] {""}
    }
    关于：{ $place }
    来自：{ $from }
    负责人：{ $assignee }
    提交：{ $created } · 期限：{ $due }{ $public ->
        [public] {" "}· 🌐 已公开到「你说我做」
        [asking] {" "}· ⏳ 等骑手同意公开
        [refused] {" "}· 🚫 骑手不同意公开
       *[other] {""}
    }
    {""}
    <b>记录：</b>
feedback-media-caption = #{ $number } 骑手发来的{ $kind ->
        [voice] 语音
       *[other] 照片
    }
feedback-button-open = 打开留言
feedback-button-reply = 💬 回复
feedback-button-note = 📝 内部备注
feedback-set-in_progress = 🔧 处理中
feedback-set-answered = 💬 已答复
feedback-set-closed = ✔️ 关闭
feedback-button-reassign = 👥 转交
feedback-button-public-private = 🌐 你说我做：未公开 · 点此公开
feedback-button-public-asking = ⏳ 你说我做：等骑手同意 · 点此撤回
feedback-button-public-public = ✅ 你说我做：已公开 · 点此取消
feedback-button-public-refused = 🚫 你说我做：骑手不同意公开
feedback-button-back-to = ↩️ 回到留言 #{ $number }
feedback-button-inbox = 📥 收件箱
feedback-button-stats = 📊 统计
feedback-button-back = ⬅️ 返回
feedback-reply-prompt = 请发送给骑手的回复：文字或照片（可以带说明）。回复会马上转给骑手，长回复会自动分成几条发。
feedback-reply-hint = 请发送文字或照片。不想回复了可以发 /cancel。
feedback-reply-sent = ✅ 回复已排队发给骑手（留言 #{ $number }），状态改为「已答复」。
feedback-note-prompt = 请输入内部备注（骑手看不到）：
feedback-note-hint = 内部备注只能是文字。不想写了可以发 /cancel。
feedback-note-saved = ✅ 备注已保存（骑手看不到）。
feedback-status-changed = 状态已更新，已通知骑手。
feedback-public-now-private = 已取消公开，「你说我做」里不再显示这条。
feedback-public-now-asking = 已经问骑手同不同意公开（不会显示是谁说的）。骑手点「同意」后，这条才会出现在「你说我做」里。
feedback-public-now-public = 已公开到「你说我做」（不显示是谁说的）。
feedback-public-now-refused = 骑手不同意公开这条留言。
feedback-reassigned = 已转交，已通知新的负责人。
feedback-reassign-pick = 把留言 #{ $number } 转交给谁？
feedback-result-forbidden = 这条留言不归你负责，操作没有执行。
feedback-result-gone = 找不到这条留言。
feedback-result-not-answered = 只有已答复的留言才能公开。
feedback-result-refused = 骑手不同意公开这条留言，不能公开。
feedback-result-unchanged = 没有变化（可能已经是这个状态，或留言已关闭）。
feedback-notice-new = 📨 新留言 #{ $number }（{ $category } · { $place }），由你负责，请在期限内回复。
feedback-notice-added = ➕ 留言 #{ $number }（{ $category } · { $place }）有新的补充。
feedback-notice-reopened = 😞 留言 #{ $number } 的回复骑手不满意，已重新打开，请再处理。
feedback-notice-unowned = 📨 留言 #{ $number }（{ $category } · { $place }）之前没有人能处理，现在交给你负责，请尽快回复。
feedback-notice-consent-granted = 👍 骑手同意把留言 #{ $number }（{ $category } · { $place }）公开到「你说我做」。
feedback-notice-consent-refused = 🙅 骑手不同意公开留言 #{ $number }（{ $category } · { $place }），这条不会出现在「你说我做」里。
feedback-notice-assigned = 👥 留言 #{ $number }（{ $category } · { $place }）转交给你负责了。
feedback-stats =
    📊 <b>留言统计</b>（共 { $total } 条）
    {""}
    <b>按状态</b>
    { $status }
    {""}
    <b>按类别</b>
    { $category }
    {""}
    <b>按驿站 / 城市</b>
    { $station }
    {""}
    首次回复用时中位数：{ $median ->
        [none] 暂无
       *[other] { $median } 小时
    }
feedback-stats-none = 暂无

## 我有话说: digest and escalation

feedback-digest-title = ⏰ <b>今日超时留言</b>（{ $count } 条），请尽快处理：
feedback-digest-line = • <b>#{ $number }</b> { $category } · { $place } · 期限 { $due }
feedback-digest-more = 发 /inbox 打开收件箱。
feedback-escalation = 🚨 留言 #{ $number } 超时 { $hours } 小时仍未处理（{ $category } · { $place }），负责人：{ $assignee }。

## 我有话说: you said → we did

feedback-said-button = 💬 你说我做
feedback-said-none = 还没有公开的「你说我做」。
feedback-said-pick = 选一个驿站，看看大家说了什么、驿站做了什么：
feedback-said-station = { $name }（{ $count }）
feedback-said-title = 💬 <b>「{ $name }」你说我做</b>
feedback-said-empty = 「{ $name }」还没有公开的「你说我做」。
feedback-said-item =
    ▫️ { $category }
    🗣 你说：{ $said }
    ✅ 我们做：{ $did }
