## 推荐一个驿站: the rider's form

command-suggest = 推荐一个驿站
command-suggestions = 审核骑手推荐的驿站
conversation-form-suggestions-new = 推荐一个驿站
conversation-form-suggestions-decline = 不通过的原因
feedback-category-station_suggestion = 📍 推荐驿站
suggest-list-button = ➕ 附近没有？推荐一个驿站
suggest-ask-location =
    📍 <b>推荐一个驿站</b>（1/5）：这个地方在哪里？
    
    · 你就在那里：点下面的「📍 就在我现在的位置」
    · 不在那里：点 📎 → 位置，把地图上的点拖到那个地方再发送
    · 也可以打字输入它旁边的驿站名
    
    不想推荐了，发 /cancel。
suggest-button-here = 📍 就在我现在的位置
suggest-button-near = 就在「{ $name }」附近
suggest-button-cancel = 取消
suggest-button-done = 完成
suggest-button-skip = 跳过
suggest-button-submit = ✅ 提交
suggest-place-pick = 找到这些驿站，点一个表示「就在它附近」；更准的做法是发送那个地方的位置。
suggest-place-none = 没有找到「{ $query }」。请发送那个地方的位置（📎 → 位置），或者换个驿站名试试。
suggest-place-bad = 请发送位置，或者输入 2 到 { $max } 个字的驿站名。
suggest-place-gone = 这个驿站已经不在了，请发送那个地方的位置。
suggest-location-invalid = 这个位置看起来不对，请再发一次。
suggest-need-location = 请发送那个地方的位置（📎 → 位置），或者打字输入它旁边的驿站名。
suggest-got-location = 📍 位置记下了。
suggest-ask-name = ✏️（2/5）这个地方叫什么？比如「喜乐驿站」「XX奶茶店（友好商家）」。最多 { $max } 个字。
suggest-ask-amenities = 🧰（3/5）那里有什么？点一下打 ✅，再点一下取消，选好了点「完成」。
suggest-ask-note = 📝（4/5）还有什么想告诉我们的？比如几点到几点开门、谁在管（社区、工会、店家）。最多 { $max } 个字；没有就点「跳过」。
suggest-ask-photo = 📷（5/5）有照片吗？发一张门口或者里面的照片，方便核实；没有就点「跳过」。
suggest-preview =
    <b>请确认你的推荐</b>
    名称：{ $name }
    有：{ $amenities }
    说明：{ $note }
    照片：{ $photo ->
        [yes] 有
       *[other] 没有
    }
    
    没问题就点「✅ 提交」。
suggest-none = 无
suggest-use-buttons = 请点上面消息里的按钮。
suggest-need-text = 请打字回答。
suggest-need-text-or-skip = 请打字回答，或者点「跳过」。
suggest-need-photo = 请发一张照片，或者点「跳过」。
suggest-too-long = 太长了（{ $length } 个字），最多 { $max } 个字，请短一点再发。
suggest-cancelled = 好的，这次不推荐了。
suggest-thanks = 🙏 <b>谢谢你的推荐！</b>组织者会在 { $hours } 小时内审核，通过后会加到地图上，结果会发消息告诉你。
suggest-too-many = 你已经有 { $max } 条推荐在等审核了。等组织者处理完再推荐新的吧，谢谢！
suggest-rate-limited = 你这一小时发的留言太多了，请过一会儿再推荐。
suggest-stale = 这个按钮已经失效了。想推荐驿站，请发 /suggest。

## 推荐一个驿站: organizers' review

suggest-not-organizer = 只有组织者可以审核推荐的驿站。想推荐一个驿站，请发 /suggest。
suggest-list-empty = 现在没有待审核的驿站推荐。
suggest-list-title = 📍 <b>待审核的驿站推荐</b>：{ $count } 条（最早的在前）
suggest-venue-address = 骑手推荐 #{ $id }
suggest-card =
    📍 <b>推荐 #{ $id }：{ $name }</b>
    有：{ $amenities }
    说明：{ $note }
    城市：{ $city }
    位置：{ $lat }, { $lng }
    推荐人：{ $who } · { $when }
suggest-no-city = 附近 50 公里内没有驿站
suggest-rider = 骑手
suggest-button-approve = ✅ 通过
suggest-button-decline = ❌ 不通过
suggest-button-review = 📍 查看待审核的推荐
suggest-button-link = 就是「{ $name }」
suggest-button-create = 仍然新建
suggest-duplicates = ⚠️ 「{ $name }」附近 100 米内已经有名字相近的驿站。是同一个地方吗？
suggest-duplicate-line = { $index }. { $name }（{ $distance }，{ $address }）
suggest-approved-toast = 已通过
suggest-approved-created = ✅ 已通过：「{ $name }」已加入地图（驿站 #{ $id }），已通知推荐人。营业时间等信息可以在驿站管理里补充。
suggest-approved-linked = ✅ 已通过：这就是已有的「{ $name }」（驿站 #{ $id }），没有新建，已通知推荐人。
suggest-already-decided = 这条推荐已经处理过了（{ $status ->
        [approved] 已通过
        [declined] 不通过
       *[other] { $status }
    }），没有改动。
suggest-forbidden = 这条推荐不在你负责的范围内。
suggest-gone = 这条推荐（或那个驿站）已经不在了。
suggest-ask-reason = 推荐 #{ $id } 不通过的原因是？点一个，或者直接打字（最多 { $max } 个字）。原因会告诉推荐人。
suggest-reason-exists = 地图上已经有这个驿站了
suggest-reason-not_station = 这里不提供驿站服务
suggest-reason-wrong_place = 位置不准确，找不到这个地方
suggest-reason-closed = 这个地方已经关了
suggest-need-reason = 请点一个原因，或者打字说明。
suggest-decline-cancelled = 好的，先不处理，推荐还在待审核里。
suggest-declined-done = ❌ 已标记不通过：「{ $name }」。原因：{ $reason }。已通知推荐人。
suggest-notice-new = 📍 有骑手推荐了一个新驿站（留言 #{ $number }），请审核：发 /suggestions 或点下面的按钮。
suggest-notice-approved = 🎉 你推荐的「{ $name }」已加入地图，谢谢！其他骑手现在也能找到它了。
suggest-notice-declined = 你推荐的「{ $name }」这次没有加入地图。原因：{ $reason }。谢谢你的推荐，欢迎继续告诉我们！

## 推荐一个驿站: /mydata

suggest-mydata-section = <b>你推荐的驿站</b>：{ $list }
suggest-mydata-item = 「{ $name }」（{ $status ->
        [approved] 已通过
        [declined] 不通过
       *[other] 待审核
    }，{ $when }，位置 { $lat }, { $lng }）
suggest-mydata-deleted = 已删除你推荐的 { $count } 个驿站（已经加入地图的驿站本身保留）。
