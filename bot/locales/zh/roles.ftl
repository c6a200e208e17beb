## Roles: organizer hub

roles-hub-text =
    <b>组织者工作台</b>
    
    在这里你可以：发布和管理活动、现场给报名的师傅签到、给报名者或附近的师傅群发通知、查看并回复「我有话说」留言。
    
    常用命令：
    /manage 管理我的活动 · /newevent 发布新活动 · /addstation 新增驿站
    /checkin 现场签到 · /broadcast 群发通知 · /broadcasts 群发记录
    /inbox 留言箱 · /feedbackstats 留言统计 · /stationstats 驿站统计
    /stations 驿站管理 · /suggestions 审核推荐的驿站 · /coverage 哪里还缺驿站
    管理员专用：/team 组织者管理 · /invite 邀请组织者 · /appoint 任命组织者 · /demote 撤销组织者
roles-hub-button-events = 📅 活动管理
roles-hub-button-checkin = ✅ 现场签到
roles-hub-button-broadcast = 📣 群发通知
roles-hub-button-inbox = 📬 留言箱
roles-hub-button-team = 👥 组织者管理
roles-not-organizer = 这是给活动组织者用的功能。如果你是工会、社区或驿站的工作人员，想在这里组织活动，请向你们的工会或社区管理员要一个组织者邀请链接。
roles-admin-only = 抱歉，只有管理员可以做这件事。
roles-refused = 抱歉，这个按钮只有管理员可以用，什么都没有改动。
roles-button-stale = 这个按钮已经失效了，请重新发送 /team 或 /invite。

## Roles: scopes and names

roles-scope-any = 不限地区
roles-scope-station = 驿站「{ $name }」
roles-role-worker = 普通用户
roles-role-organizer = 组织者
roles-role-admin = 管理员

## Roles: invites

roles-invite-choose = 邀请一位新的组织者。TA 负责哪里？
roles-invite-any = 🌐 不限地区
roles-invite-by-city = 🏙 按城市
roles-invite-by-station = 🏠 按驿站
roles-invite-choose-city = 选一个城市：
roles-invite-no-cities = 还没有驿站数据，没有城市可以选。可以先选「不限地区」。
roles-invite-station-prompt = 请输入驿站名称（或其中几个字），比如「春熙路」。发送 /cancel 退出。
roles-invite-station-not-text = 请用文字输入驿站名称，比如「春熙路」。发送 /cancel 退出。
roles-invite-station-too-long = 名称太长了（最多 { $max } 个字），只写驿站名里的几个字就行。
roles-invite-station-no-match = 没找到和「{ $query }」相关的驿站，换个说法再试一次，或发送 /cancel 退出。
roles-invite-station-choose = 选一个驿站：
roles-invite-created =
    ✅ 组织者邀请链接已生成，负责范围：<b>{ $scope }</b>
    
    { $link }
    
    邀请码：<code>{ $code }</code>
    有效期 { $hours } 小时，到 { $expires }（北京时间）为止，<b>只能使用一次</b>。把链接发给要邀请的人，TA 点开后按「开始」就成为组织者。
roles-invite-welcome =
    🎉 欢迎你成为暖新助手的组织者！
    负责范围：<b>{ $scope }</b>
    
    点下面的 🧰 工作台（或发送 /organize）打开组织者工作台：发布活动、现场签到、群发通知、回复留言。
roles-invite-admin-kept = 你已经是管理员了。这个邀请链接没有被用掉，仍然可以发给要邀请的人。
roles-invite-used-by-you = 你已经用过这个邀请链接了，现在就是组织者。发送 /organize 打开组织者工作台。
roles-invite-used = 这个邀请链接已经被使用过了，每个链接只能用一次。请向管理员要一个新的。
roles-invite-expired = 这个邀请链接已经过期了。请向管理员要一个新的。
roles-invite-unknown = 这个邀请链接无效。请检查链接是否完整，或向管理员要一个新的。
roles-notice-invite-used = 👤 { $name } 用你的邀请链接成为了组织者（负责范围：{ $scope }）。

## Roles: appoint and demote

roles-appoint-usage =
    用法：<code>/appoint 用户ID [城市]</code>
    例如 <code>/appoint 123456789 成都市</code>；不写城市就是不限地区。
    对方需要先给暖新助手发过消息（比如 /start）。用户 ID 可以在 /team 的名单里看到。
roles-demote-usage =
    用法：<code>/demote 用户ID</code>
    例如 <code>/demote 123456789</code>。用户 ID 可以在 /team 的名单里看到。
roles-user-unknown = 找不到用户 { $id }：对方需要先给暖新助手发过一条消息（比如 /start）。
roles-city-unknown = 驿站数据里没有「{ $city }」这个城市，城市名要和驿站数据一致，比如：{ $cities }
roles-appoint-appointed = ✅ 已任命 { $name } 为组织者，负责范围：{ $scope }。已通知对方。
roles-appoint-scope-added = { $name } 已经是组织者了，已加上负责范围：{ $scope }。
roles-appoint-already = { $name } 已经是组织者了，没有改动。
roles-appoint-is-admin = { $name } 是管理员，不需要任命。
roles-demoted = 已撤销 { $name } 的组织者身份，TA 的负责范围也已删除。已通知对方。
roles-demoted-short = 已撤销 { $name } 的组织者身份。
roles-demote-not-organizer = { $name } 现在不是组织者，没有改动。
roles-demote-config-admin = { $name } 是配置（ADMIN_IDS）里的管理员，不能在这里撤销；需要修改配置。
roles-notice-appointed =
    🎉 你被任命为暖新助手的组织者，负责范围：<b>{ $scope }</b>。
    点下面的 🧰 工作台（或发送 /organize）打开组织者工作台。
roles-notice-scope-added = 你的组织者负责范围新增了：<b>{ $scope }</b>。
roles-notice-demoted = 你的组织者身份已被管理员撤销。谢谢你一直以来的付出！有疑问请联系你们的管理员。

## Roles: team

roles-team-title = <b>👥 组织者管理</b>（共 { $count } 人）
roles-team-member = { $index }. <b>{ $name }</b> · { $role }
roles-team-scopes = 负责范围：{ $scopes }
roles-team-last-change = 最近变更：{ $when } 由 { $who } { $via ->
        [invite] 通过邀请链接
        [command] 用命令
       *[config] 通过配置
    }设为{ $role }
roles-team-last-change-config = 最近变更：{ $when } 按配置（ADMIN_IDS）设为{ $role }
roles-team-more = ……还有 { $count } 人没有显示。
roles-team-hint = 点下面的按钮可以移除某个负责范围或撤销组织者身份（会再确认一次）。邀请新组织者：/invite；直接任命：/appoint。
roles-team-button-scope = ✖ { $name }：{ $scope }
roles-team-button-demote = ⬇ 撤销 { $name }
roles-button-confirm = ✅ 确定
roles-button-back = ↩ 返回
roles-confirm-demote = 确定撤销 { $name } 的组织者身份吗？TA 的负责范围也会一起删除，并会收到通知。
roles-confirm-remove-scope = 确定移除 { $name } 的这个负责范围吗：{ $scope }？
roles-confirm-remove-last-scope = 确定移除 { $name } 的这个负责范围吗：{ $scope }？⚠️ 这是 TA 最后一个负责范围，移除后 TA 将负责<b>所有地区</b>。如果想让 TA 不再负责，请用「撤销」。
roles-scope-removed = 已移除这个负责范围。
roles-scope-gone = 这个负责范围已经不在了。
