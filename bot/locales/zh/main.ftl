## Start and help

start-welcome =
    你好{ $name ->
        [none] {""}
       *[other] ，{ $name }
    }！我是 <b>暖新助手</b> 🧡
    
    跑单累了、手机没电了、想喝口热水？点下面的 <b>📍 发送位置找驿站</b>，我马上告诉你最近的、现在开着门的暖新驿站，一键导航过去。
    
    没法发送位置（电脑版 Telegram、没有 GPS）？直接打字告诉我路名、区县、地标或驿站名就行。
start-welcome-organizer =
    你好{ $name ->
        [none] {""}
       *[other] ，{ $name }
    }！我是 <b>暖新助手</b> 🧡 你是组织者，你的工具都在下面的 <b>🧰 工作台</b> 里（也可以发 /organize）：
    
    📅 发布和管理活动（/newevent、/manage），现场签到（/checkin）
    📣 给报名者或附近的骑手群发通知（/broadcast）
    📬 查看并回复「我有话说」留言（/inbox）
    🏠 新增和修改驿站（/addstation）
    
    骑手用的找驿站、活动报名、我有话说，你也照样可以用。
start-link-broken = ⚠️ 你打开的链接无效：可能不完整，或者已经过期。请向发链接给你的人要一个新的。下面是主菜单。
help-text =
    <b>暖新助手能帮你做什么</b>
    
    📍 <b>找驿站</b>：点「发送位置找驿站」，看最近的 5 个驿站：距离、步行和电动车大约几分钟、现在开没开、有没有热水 / 充电 / 厕所 / 微波炉。
    🔎 <b>按地名找</b>：直接打字，比如「春熙路」「雁塔区」「肥城 老城」，选一个地点，就能看它附近的驿站。
    🧭 <b>导航</b>：在列表下点「🧭 1」…「🧭 5」，收到驿站位置和高德、百度、腾讯地图的导航链接。
    📣 <b>驿站情况</b>：驿站卡片上点「📣 报告情况」告诉后面的骑手现在没开门、没有热水……；点「👍 刚来过，一切正常」确认信息没错。
    ✅ <b>筛选</b>：列表下的按钮可以只看营业中的、有热水 / 充电 / 厕所 / 微波炉等的驿站，再点一次取消。
    📅 <b>活动报名</b>：技能比武、免费体检、爱心餐、培训讲座，点几下就报上名；满了可以候补，有人退出会马上通知你。到场出示签到码或二维码。
    💬 <b>我有话说</b>：有需求、建议、不满或者想表扬谁，打字、发照片或语音都行，可以匿名；每条都有人负责、有回复。
    📍 <b>推荐一个驿站</b>：知道一个地图上还没有的驿站或者友好商家？发 /suggest，发位置、名字、有什么、一张照片，组织者审核通过后就加到地图上。
    🔕 <b>免打扰</b>：/settings 设置夜里几点到几点不收提醒和群发（活动取消、候补名额这类急事照常通知）。
    
    命令：/start 主菜单 · /nearby 找驿站 · /events 活动 · /myevents 我的报名 · /feedback 我有话说 · /mytickets 我的留言 · /suggest 推荐驿站 · /settings 免打扰 · /mydata 我的个人信息 · /language 切换语言 · /cancel 退出当前操作 · /mystation 友好商家管理自己的驿站
help-organizer =
    <b>组织者</b>：点下面的 🧰 工作台（或发 /organize）打开工作台（活动管理、现场签到、群发通知、留言箱）。常用命令：/stations 驿站管理 /addstation /manage /newevent /checkin /broadcast /broadcasts /inbox /feedbackstats /stationstats /suggestions /coverage；管理员另有 /team /invite /appoint /demote。
keyboard-share-location = 📍 发送位置找驿站
keyboard-search-place = 🔎 输入地名找驿站
keyboard-help = ❓ 帮助
keyboard-events = 📅 活动报名
keyboard-feedback = 💬 我有话说
keyboard-organize = 🧰 工作台
command-start = 主菜单
command-nearby = 找最近的驿站
command-language = 切换语言 / Language
command-help = 使用帮助
command-events = 近期活动，报名
command-myevents = 我的报名和签到码
command-feedback = 我有话说：提需求、提建议
command-mytickets = 我的留言和回复
command-settings = 设置免打扰时段
command-mydata = 查看或删除我的个人信息
command-cancel = 退出当前操作
command-said = 你说我做：驿站的答复
command-organize = 组织者工作台
command-manage = 活动管理
command-newevent = 发布新活动
command-checkin = 现场签到
command-broadcast = 群发通知
command-broadcasts = 群发记录
command-inbox = 留言收件箱
command-feedbackstats = 留言统计
command-stationstats = 驿站统计
command-team = 组织者管理
command-invite = 邀请组织者
command-appoint = 任命组织者：/appoint 用户ID [城市]
command-demote = 撤销组织者：/demote 用户ID
conversation-cancelled = 好的，已退出。需要时再点菜单就行。
conversation-nothing-to-cancel = 现在没有进行中的操作。
conversation-left-form = 已退出「{ $form }」，填写的内容没有保存。
conversation-form-eventadmin-create = 新建活动
conversation-form-eventadmin-edit = 修改活动
conversation-form-events-register = 活动报名
conversation-form-feedback-new = 我有话说
conversation-form-feedback-add = 补充留言
conversation-form-feedback-reply = 回复留言
conversation-form-feedback-note = 内部备注
conversation-form-broadcast-compose = 群发通知
conversation-form-stationmanage-close = 暂停开放
conversation-form-stationmanage-holiday = 节假日营业时间
conversation-form-stationmanage-outage = 设施暂停
conversation-form-stationmanage-merchant-hours = 修改营业时间
conversation-form-stationreports-other = 报告驿站情况
conversation-form-station-report-dismiss = 驳回的原因
language-choose = 请选择语言 / Choose a language:
language-set = 好的，以后用中文和你说话。
group-use-private = 为了不打扰群里的其他人，请私聊我使用：点我的头像，再点「发消息」。

## Stations

nearby-prompt = 请点下面的 <b>📍 发送位置找驿站</b>（手机 Telegram 可用），或者直接打字输入路名、区县、地标或驿站名。
search-prompt = 请输入路名、区县、地标或驿站名，比如「春熙路」「雁塔区」「漯河 源汇区」。
search-too-short = 想按地名找驿站，请输入路名、区县、地标或驿站名，比如「春熙路」「雁塔区」；只有数字或一个字没法搜。也可以点「📍 发送位置找驿站」。
small-talk-greeting = 你好！我是暖新助手 🧡 想找驿站，点下面的「📍 发送位置找驿站」，或者直接打字告诉我路名、地标。
small-talk-thanks = 不客气，跑单注意安全！🧡 需要时点下面的菜单就行。
small-talk-ack = 好的 👍 需要时点下面的菜单就行。
search-too-long = 地名太长了（最多 { $max } 个字）。请只写路名、地标或驿站名，比如「春熙路」。
search-no-match = 没找到和「{ $query }」相关的地方。换个说法试试，比如只写路名或区县；也可以点「📍 发送位置找驿站」。
search-results = 找到这些和「{ $query }」相关的地方，选一个，看它附近的驿站：
search-result-button = { $name } · { $place }
list-title-here = 📍 <b>离你最近的驿站</b>
list-title-from = 📍 <b>「{ $origin }」附近的驿站</b>
list-page = 第 { $page } 页
list-filters = 筛选：{ $filters }
list-empty = 附近 { $radius } 公里内没有符合筛选条件的驿站。点下面的按钮去掉一些条件试试。
list-empty-page = { $radius } 公里内后面没有更多符合条件的驿站了。
list-nothing-near =
    附近 { $radius } 公里内还没有收录的驿站。
    
    如果位置不对（比如手机定位失败），请重新发送位置；也可以直接打字输入路名、区县、地标或驿站名，比如「春熙路」「雁塔区」。
list-open-few = { $count ->
        [0] 附近 { $radius } 公里内现在没有营业的驿站。
       *[other] 附近 { $radius } 公里内现在营业的驿站只有 { $count } 个。
    }
list-not-open-title = 🕘 <b>附近休息中的驿站</b>，看看什么时候开门：
list-item =
    <b>{ $index }. { $name }</b>（{ $kind }）
    📏 { $distance } · { $travel }
    { $status }
    { $amenities }{ $address }
list-item-chosen =
    <b>{ $index }. { $name }</b>（{ $kind }）· 你选的地点
    { $status }
    { $amenities }{ $address }
travel-walk-ebike = 🚶 约 { $walk } 分钟 · 🛵 约 { $ebike } 分钟
travel-ebike = 🛵 约 { $ebike } 分钟
distance-m = { $value } 米
distance-km = { $value } 公里
status-open-24h = 🟢 24 小时营业
status-open-until = 🟢 营业中，{ $when } 打烊
status-closed-until = 🔴 休息中，{ $when } 开门
status-closed = 🔴 暂停开放
status-unknown = ⚪ 营业时间未知，去之前可以先打电话问问
when-today = { $time }
when-tomorrow = 明天 { $time }
when-weekday = { $weekday } { $time }
weekday-0 = 周日
weekday-1 = 周一
weekday-2 = 周二
weekday-3 = 周三
weekday-4 = 周四
weekday-5 = 周五
weekday-6 = 周六
button-navigate = 🧭 { $index }
button-previous = ⬅️ 上一页
button-next = 下一页 ➡️
button-filter-open-now = 营业中
filter-on = ✅ { $label }
filter-open-now = 营业中
navigate-amap = 高德地图导航
navigate-baidu = 百度地图导航
navigate-tencent = 腾讯地图导航
button-stale = 这个按钮已经失效了，请重新发送位置或地名。
station-gone = 这个驿站已不再开放，请重新查找。
location-invalid = 这个位置好像不对，请重新发送一次位置。

## Station kinds

kind-union = 工会驿站
kind-rider = 骑手驿站
kind-city = 城市驿站
kind-grid = 网格驿站
kind-driver = 司机驿站
kind-merchant = 友好商家
kind-canteen = 骑手食堂
kind-cooling = 清凉物资自取点
kind-gov_service = 政务服务站
kind-community = 党群服务中心
kind-other = 服务点

## Amenities

amenity-hot_water = ♨️ 热水
amenity-drinking_water = 🚰 饮用水
amenity-microwave = 🍱 微波炉
amenity-phone_charging = 🔌 手机充电
amenity-ebike_charging = ⚡ 电动车充电
amenity-rest_seats = 🪑 休息座椅
amenity-toilet = 🚻 厕所
amenity-medicine_kit = 💊 药箱
amenity-umbrella = ☂️ 雨伞
amenity-air_conditioning = ❄️ 空调
amenity-heating = 🔥 暖气
amenity-wifi = 📶 WiFi
amenity-truck_parking = 🚛 货车停车
amenity-repair_tools = 🔧 维修工具
amenity-books = 📚 图书
amenity-meals = 🍚 餐食
amenity-cooling_supplies = 🧊 清凉物资
amenity-lockers = 🗄️ 储物柜

## Bad input

unhandled-sticker = 收到你的贴纸啦 😊 我看不懂贴纸。想找驿站，请点「📍 发送位置找驿站」或者打字输入地名。
unhandled-voice = 我暂时听不了语音。想找驿站，请点「📍 发送位置找驿站」或者打字输入地名。
unhandled-media = 我看不懂图片和文件。想找驿站，请点「📍 发送位置找驿站」或者打字输入地名。
unhandled-other = 这个我还处理不了。想找驿站，请点「📍 发送位置找驿站」或者打字输入地名；发送 /help 查看帮助。
unhandled-command = 没有这个命令。发送 /help 查看我能做什么。
error-generic = 抱歉，刚才出了点问题，请稍后再试一次。
input-unreadable = 消息里只有无法识别的字符，我没看懂。请重新打字发送。
flood-slow-down = 慢一点～你发得太快了。请 { $seconds } 秒后再发，在这之前发来的消息我先不处理。
flood-slow-down-toast = 慢一点～请 { $seconds } 秒后再点。

## Station import and export (command line)

import-done = 导入完成：新增 { $inserted } 个，更新 { $updated } 个，未变 { $unchanged } 个驿站。
import-failed = 有 { $count } 行数据有问题，这次什么都没有导入。请改正后重新导入：
import-row-error = 第 { $line } 行 { $field }：{ $problem }
import-file-error = 读不了文件 { $file }：{ $problem }
import-usage = 用法：npm run stations:import -- 文件.csv|文件.json [--crs wgs84|gcj02|bd09]
export-usage = 用法：npm run stations:export -- [文件.csv|文件.json] [--crs wgs84|gcj02|bd09]
export-done = 已导出 { $count } 个驿站到 { $file }。
problem-required = 不能为空
problem-too-long = 太长了（最多 { $max } 个字符）
problem-not-number = 不是数字
problem-outside-china = 坐标不在中国境内（经纬度是否写反了？）
problem-unknown-kind = 不认识的类型「{ $value }」，可以用：{ $allowed }
problem-unknown-amenity = 不认识的设施「{ $value }」，可以用：{ $allowed }
problem-bad-hours = 营业时间格式不对（应为 OpenStreetMap opening_hours 格式，如 Mo-Su 09:30-21:00 或 24/7）：{ $detail }
problem-bad-boolean = 应为 true 或 false
problem-bad-date = 日期应为 YYYY-MM-DD
problem-duplicate-id = 和第 { $other } 行的 external_id 重复
problem-not-object = 应为一个对象 { "{" }…{ "}" }
problem-bad-json = JSON 格式错误：{ $detail }
problem-bad-csv = CSV 格式错误：{ $detail }
problem-missing-columns = 缺少列：{ $columns }

