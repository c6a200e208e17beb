## Opening hours read back in words

hours-words-always = Open 24 hours
hours-words-every-day = Every day
hours-words-holidays = Public holidays
hours-words-day-range = { $from }–{ $to }
hours-words-list-separator = { ", " }
hours-words-rule-separator = { "; " }
hours-words-all-day = 24 hours
hours-words-range = { $from }–{ $to }
hours-words-overnight = { $from }–{ $to } (next day)
hours-words-rule = { $days } { $times }
hours-words-closed = { $days }: closed
hours-words-unknown = not given
