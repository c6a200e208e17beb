## Opening hours read back in words

hours-words-always = 24 小时营业
hours-words-every-day = 每天
hours-words-holidays = 法定节假日
hours-words-day-range = { $from }至{ $to }
hours-words-list-separator = 、
hours-words-rule-separator = ；
hours-words-all-day = 24 小时
hours-words-range = { $from }–{ $to }
hours-words-overnight = { $from }–次日 { $to }
hours-words-rule = { $days } { $times }
hours-words-closed = { $days }休息
hours-words-unknown = 未填写

## Adding and editing stations (organizers)

command-addstation = 新增驿站
conversation-form-stationadmin-add = 新增驿站
conversation-form-stationadmin-edit = 修改驿站
stationadmin-not-organizer = 新增和修改驿站是组织者的功能。发现驿站信息有误，可以点驿站卡片告诉我们，谢谢！
stationadmin-stations-only = 你负责的是具体的驿站，不能新增驿站。需要新增时，请联系负责这个城市的组织者或管理员。
stationadmin-not-allowed = 这个驿站不在你负责的范围内，没有改动。
stationadmin-editstation-usage = 用法：/editstation 驿站编号，例如 /editstation 12
stationadmin-button-stale = 这个按钮已失效，请重新打开。
stationadmin-button-cancel = ✖️ 取消
stationadmin-button-skip = 跳过
stationadmin-button-done = 完成
stationadmin-button-confirm = ✅ 确认
stationadmin-button-retype = ✍️ 重新输入
stationadmin-button-save = 💾 保存
stationadmin-button-anyway = 仍然新建
stationadmin-button-edit = ✏️ 修改
stationadmin-need-text = 请发送文字。
stationadmin-need-photo = 请发送一张照片，或点「跳过」。
stationadmin-bad-length = 长度要在 1–{ $max } 字之间（现在 { $length } 字），请重新输入。
stationadmin-pick-button = 请点上面的按钮选择。
stationadmin-ask-location =
    📍 驿站在哪里？
    点下面的「📍 发送位置」发送你现在的位置，或发一个位置图钉；也可以输入附近的路名、地标或驿站名。
stationadmin-bad-location = 没看懂这个位置。请点「📍 发送位置」，或输入路名、地标（40 字以内）。
stationadmin-place-not-found = 没有找到「{ $query }」。换个路名或地标试试，或直接发送位置。
stationadmin-place-pick = 找到这些地点，点一个作为驿站的位置：
stationadmin-ask-city = 这个位置在哪个城市？请输入城市名，例如：成都市
stationadmin-out-of-scope = 这个位置属于「{ $city }」，不在你负责的城市，不能在这里新增驿站。请重新发送位置。
stationadmin-ask-name = 驿站叫什么名字？（60 字以内）
stationadmin-ask-kind = 是哪一类驿站？
stationadmin-ask-address = 详细地址（例如：春熙路 88 号一楼）。没有就点「跳过」。
stationadmin-ask-amenities = 驿站提供什么？点选（✅ 表示有），选好后点「完成」。
stationadmin-ask-hours =
    🕘 营业时间？像平时说话那样输入就行，例如：
    每天9点半到晚上9点
    周一到周五 8:30-18:00 中午12点到2点休息
    24小时
    晚上6点到凌晨2点
stationadmin-ask-hours-again = 请重新输入营业时间：
stationadmin-bad-hours = 没看懂「{ $text }」。请这样写：每天9点半到晚上9点、工作日 8:30-18:00、周末10点到下午4点、24小时。
stationadmin-confirm-hours =
    营业时间是：<b>{ $words }</b>
    （<code>{ $hours }</code>）对吗？
stationadmin-ask-phone = 📞 联系电话？没有就点「跳过」。
stationadmin-bad-phone = 电话号码只能有数字、空格、短横线和括号，请重新输入，或点「跳过」。
stationadmin-current = 现在是：{ $current }
stationadmin-ask-photo = 📷 发一张驿站门口的照片，方便骑手找到；没有就点「跳过」。
stationadmin-none = 无
stationadmin-photo-yes = 有
stationadmin-photo-none = 无
stationadmin-summary =
    <b>{ $name }</b>（{ $kind }）
    📍 { $address }（{ $point }）
    🧰 { $amenities }
    🕘 { $hours }
    📞 { $phone }
    📷 照片：{ $photo }
stationadmin-preview = <b>请核对</b>：确认无误后点「保存」。
stationadmin-duplicates =
    ⚠️ 附近 100 米内已有名字相近的驿站：
    { $list }
    是同一个驿站吗？是的话点「取消」，去修改那个驿站；不是就点「仍然新建」。
stationadmin-saved = ✅ 已保存「{ $name }」，骑手现在就能找到它。
stationadmin-edit-menu = ✏️ 要修改哪一项？
stationadmin-field-name = 名称
stationadmin-field-kind = 类型
stationadmin-field-address = 地址
stationadmin-field-location = 位置
stationadmin-field-amenities = 设施
stationadmin-field-hours = 营业时间
stationadmin-field-phone = 电话
stationadmin-field-photo = 照片
stationadmin-updated = ✅ 已修改「{ $name }」：
stationadmin-unchanged = 和原来一样，没有改动。
