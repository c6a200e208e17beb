## Roles: organizer hub

roles-hub-text =
    <b>Organizer hub</b>
    
    Here you can publish and manage events, check registered workers in on site, send notices to registrants or to workers near a station, and read and answer feedback.
    
    Commands:
    /manage my events · /newevent publish an event · /addstation add a station
    /checkin on-site check-in · /broadcast send a notice · /broadcasts sent notices
    /inbox feedback inbox · /feedbackstats feedback statistics · /stationstats station statistics
    /stations manage stations · /suggestions review suggested stations · /coverage where stations are missing
    Admins only: /team organizers · /invite invite an organizer · /appoint appoint · /demote remove
roles-hub-button-events = 📅 Events
roles-hub-button-checkin = ✅ Check-in
roles-hub-button-broadcast = 📣 Notices
roles-hub-button-inbox = 📬 Inbox
roles-hub-button-team = 👥 Organizers
roles-not-organizer = This is for event organizers. If you work for a union, community or station and want to organize events here, ask your union or community admin for an organizer invite link.
roles-admin-only = Sorry, only admins can do this.
roles-refused = Sorry, only admins can use this button. Nothing was changed.
roles-button-stale = This button has expired. Please send /team or /invite again.

## Roles: scopes and names

roles-scope-any = everywhere
roles-scope-station = station “{ $name }”
roles-role-worker = user
roles-role-organizer = organizer
roles-role-admin = admin

## Roles: invites

roles-invite-choose = Invite a new organizer. Where will they be responsible?
roles-invite-any = 🌐 Everywhere
roles-invite-by-city = 🏙 A city
roles-invite-by-station = 🏠 A station
roles-invite-choose-city = Pick a city:
roles-invite-no-cities = There are no stations yet, so there is no city to pick. You can choose “Everywhere”.
roles-invite-station-prompt = Type the station’s name (or part of it). Send /cancel to stop.
roles-invite-station-not-text = Please type the station’s name as text. Send /cancel to stop.
roles-invite-station-too-long = That is too long (at most { $max } characters). A few words of the station’s name are enough.
roles-invite-station-no-match = No station matches “{ $query }”. Try other words, or send /cancel to stop.
roles-invite-station-choose = Pick a station:
roles-invite-created =
    ✅ Organizer invite link created, responsible for: <b>{ $scope }</b>
    
    { $link }
    
    Code: <code>{ $code }</code>
    Valid for { $hours } hours, until { $expires } (Beijing time), and it <b>can be used once</b>. Send the link to the person you invite; they open it and press Start to become an organizer.
roles-invite-welcome =
    🎉 Welcome, you are now an organizer of 暖新助手!
    Responsible for: <b>{ $scope }</b>
    
    Tap 🧰 Organizer hub below (or send /organize) to open the organizer hub: events, check-in, notices, feedback.
roles-invite-admin-kept = You are an admin already. This invite link was not used up; you can still send it to the person you invite.
roles-invite-used-by-you = You already used this invite link and are an organizer. Send /organize to open the organizer hub.
roles-invite-used = This invite link has already been used; each link works once. Please ask your admin for a new one.
roles-invite-expired = This invite link has expired. Please ask your admin for a new one.
roles-invite-unknown = This invite link is not valid. Check that the link is complete, or ask your admin for a new one.
roles-notice-invite-used = 👤 { $name } used your invite link and is now an organizer (responsible for: { $scope }).

## Roles: appoint and demote

roles-appoint-usage =
    Usage: <code>/appoint user-id [city]</code>
    For example <code>/appoint 123456789 成都市</code>; without a city they are responsible everywhere.
    The user must have messaged the bot before (e.g. /start). User ids are shown in /team.
roles-demote-usage =
    Usage: <code>/demote user-id</code>
    For example <code>/demote 123456789</code>. User ids are shown in /team.
roles-user-unknown = No user { $id }: they need to send the bot a message first (e.g. /start).
roles-city-unknown = The station data has no city “{ $city }”; the name must match the station data, e.g. { $cities }
roles-appoint-appointed = ✅ { $name } is now an organizer, responsible for: { $scope }. They have been told.
roles-appoint-scope-added = { $name } is an organizer already; added the scope: { $scope }.
roles-appoint-already = { $name } is an organizer already; nothing changed.
roles-appoint-is-admin = { $name } is an admin and needs no appointment.
roles-demoted = { $name } is no longer an organizer, and their scopes were removed. They have been told.
roles-demoted-short = { $name } is no longer an organizer.
roles-demote-not-organizer = { $name } is not an organizer; nothing changed.
roles-demote-config-admin = { $name } is an admin from the configuration (ADMIN_IDS) and cannot be removed here; change the configuration instead.
roles-notice-appointed =
    🎉 You have been appointed organizer of 暖新助手, responsible for: <b>{ $scope }</b>.
    Tap 🧰 Organizer hub below (or send /organize) to open the organizer hub.
roles-notice-scope-added = You are now also responsible for: <b>{ $scope }</b>.
roles-notice-demoted = An admin has ended your organizer role. Thank you for all your work! Ask your admin if you have questions.

## Roles: team

roles-team-title = <b>👥 Organizers</b> ({ $count } in all)
roles-team-member = { $index }. <b>{ $name }</b> · { $role }
roles-team-scopes = Responsible for: { $scopes }
roles-team-last-change = Last change: { $when }, made { $role } by { $who } { $via ->
        [invite] with an invite link
        [command] with a command
       *[config] through the configuration
    }
roles-team-last-change-config = Last change: { $when }, made { $role } by the configuration (ADMIN_IDS)
roles-team-more = …and { $count } more not shown.
roles-team-hint = Use the buttons below to remove a scope or end someone’s organizer role (you will be asked to confirm). Invite someone: /invite; appoint directly: /appoint.
roles-team-button-scope = ✖ { $name }: { $scope }
roles-team-button-demote = ⬇ Remove { $name }
roles-button-confirm = ✅ Confirm
roles-button-back = ↩ Back
roles-confirm-demote = End { $name }’s organizer role? Their scopes are removed too, and they will be told.
roles-confirm-remove-scope = Remove the scope “{ $scope }” from { $name }?
roles-confirm-remove-last-scope = Remove the scope “{ $scope }” from { $name }? ⚠️ It is their last scope: without it they are responsible <b>everywhere</b>. To stop them organizing, use “Remove” instead.
roles-scope-removed = Scope removed.
roles-scope-gone = That scope no longer exists.
