## Coverage: where the next station should go (/coverage)

command-coverage = 哪里还缺驿站
coverage-not-organizer = 这是给组织者和管理员用的功能：看骑手在哪里找驿站、哪里离营业的驿站太远。如果你是工会、社区或驿站的工作人员，请向管理员要一个组织者邀请链接。
coverage-stale = 这个按钮已经失效了，请重新发送 /coverage。
coverage-forbidden = 这个地区不在你负责的范围内，什么都没有显示。
coverage-scope-all = 所有地区
coverage-scope-yours = 你负责的范围
coverage-city-none = 附近没有驿站的地方
coverage-none =
    最近 90 天，{ $scope }还没有骑手用位置找过驿站，暂时看不出哪里缺驿站。
    骑手每次发送位置找驿站，都会匿名记下所在的约 500 米方格和当时最近的营业驿站有多远；有了搜索就能在这里看到。
coverage-pick-city = 选一个地区，看看哪里还缺驿站（按最近 90 天的搜索次数排序）：
coverage-button-city = { $city } · { $searches } 次
coverage-button-period = { $current ->
        [yes] ✅ {""}
       *[no] {""}
    }最近 { $days } 天
coverage-button-cities = 🏙 换个地区
coverage-empty-period = 最近 { $days } 天，{ $city }没有骑手用位置找过驿站。点下面看看更长的时间。
coverage-title = 🗺 <b>{ $city }：哪里还缺驿站</b>（最近 { $days } 天）
coverage-summary = 骑手用位置找驿站 { $searches } 次，落在 { $cells } 个约 500 米的方格里；其中 <b>{ $gaps } 个方格</b>（{ $gapSearches } 次搜索）离最近的营业驿站通常超过电动车 { $minutes } 分钟（直线约 { $reach }）。
coverage-no-gaps = ✅ 这段时间骑手找驿站的地方，电动车 { $minutes } 分钟内都有营业的驿站。
coverage-top-title = <b>搜索最多的缺口</b>（点坐标在高德地图上看）：
coverage-gap-line = { $rank }. <a href="{ $link }">{ $lat }, { $lng }</a> · { $hint } · 搜索 { $searches } 次 · { $typical }
coverage-hint-station = { $district }离「{ $name }」{ $distance }
coverage-hint-none = 附近没有收录的驿站
coverage-typical = 最近的营业驿站一般在 { $distance }外
coverage-typical-none = { $radius } 公里内一般没有营业的驿站
coverage-more-gaps = 还有 { $count } 个缺口方格，见地图和 CSV。
coverage-footer = 每次搜索只记约 500 米的方格，不记是谁；保存 90 天。电动车按每小时 15 公里、实际路程是直线的 1.3 倍估算。
coverage-marker-name = 缺口 { $rank }
coverage-photo-caption = 🗺 { $city } · 最近 { $days } 天：红色方块是缺口（颜色越深搜索越多），数字是上面的排名，绿点是驿站。
coverage-map-failed = 地图这次没画出来，先看文字和 CSV。
coverage-csv-caption = 📄 { $city }最近 { $days } 天每个方格的搜索次数和最近营业驿站的距离（中位数）。
coverage-csv-filename = 驿站覆盖-{ $city }-{ $days }天.csv
coverage-csv-row = 行
coverage-csv-col = 列
coverage-csv-lat = 中心纬度（WGS-84）
coverage-csv-lng = 中心经度（WGS-84）
coverage-csv-searches = 搜索次数
coverage-csv-median = 最近营业驿站距离中位数（米）
coverage-csv-over = 电动车超过{ $minutes }分钟
coverage-csv-yes = 是
coverage-csv-no = 否

## Coverage map legend (bot/features/coverage/map.ts)

coverage-map-title = { $city } · 哪里还缺驿站
coverage-map-subtitle = 最近 { $days } 天 · 每格约 500 米 · { $date } 生成
coverage-map-stations = 驿站
coverage-map-covered = 电动车 { $minutes } 分钟内有营业驿站
coverage-map-gaps = 缺口：搜索次数
