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
