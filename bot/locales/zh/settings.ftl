## Settings: quiet hours

settings-title = ⚙️ <b>免打扰时段</b>
settings-quiet-current = 现在：每天 <b>{ $start }–{ $end }</b>（北京时间）免打扰。
settings-quiet-none = 现在：没有设置免打扰，通知随时发给你。
settings-quiet-explain = 免打扰期间，活动取消、候补名额到你了这类急事照常通知；其他提醒和群发消息等免打扰结束后再发。
settings-choose = 选一个时段，或者点「自定义」自己填：
settings-button-preset = { $current ->
        [yes] ✅ {""}
       *[no] {""}
    }{ $start }–{ $end }
settings-button-custom = ✏️ 自定义
settings-button-off = { $current ->
        [yes] ✅ {""}
       *[no] {""}
    }🔔 关闭免打扰
settings-button-language = 🌐 切换语言 / Language
settings-stale = 这个按钮已失效，请重新发送 /settings。
settings-custom-prompt =
    请发送免打扰时段（北京时间，可以跨过半夜），比如：
    <code>22:00-07:00</code> 或 <code>22-7</code>
    不想改了就发送「取消」。
settings-custom-invalid = 没看懂这个时段 😅 请按 <code>22:00-07:00</code> 或 <code>22-7</code> 这样发送；不想改了就发送「取消」。
settings-custom-same = 开始和结束不能是同一个时间，请重新发送，比如 <code>22:00-07:00</code>；不想改了就发送「取消」。
settings-custom-cancelled = 好的，免打扰时段没有改动。
settings-saved = ✅ 好的，以后每天 <b>{ $start }–{ $end }</b>（北京时间）免打扰。急事照常通知，其他消息等这段时间过后再发。
settings-saved-short = ✅ 已设为 { $start }–{ $end } 免打扰
settings-turned-off = ✅ 已关闭免打扰
