admin-no-access = This bot is for the Polygram team. Your account has no admin role.
admin-help =
    <b>Polygram admin</b>
    /find &lt;id | @username | email&gt;: user card, balance, payments, ban, role
    /stats: users, revenue, conversion, ARPU
    /payments [filters]: payments, refunds
    /broadcast: message a segment of users
    /promo_new, /promos, /promo_off: promo codes
    /partner_new, /partners: partner links
    /payouts, /payout_rates: payout requests and rates
    /models, /price: AI models, switches and prices
    /aistats [days]: AI requests, failures, processing time
    /cancel: cancel the current action
admin-find-usage = Usage: /find &lt;Telegram id | @username | email&gt;
admin-find-none = Nobody found for “{ $query }”.
admin-user-card =
    👤 <b>{ $name }</b>{ $username }
    ID: <code>{ $id }</code>
    Language: { $language }
    Email: { $email }
    Status: { $status }
    Role: { $role }
    Signed up: { $created }
    Last active: { $lastActive }
    Bot blocked: { $blocked }
    Sessions ({ $sessions }):
    { $recent }
admin-status-active = active
admin-status-banned = banned: { $reason }
admin-none = —
admin-not-signed-up = not finished
admin-yes = yes, since { $since }
admin-no = no
admin-button-ban = ⛔ Ban
admin-button-unban = ✅ Unban
admin-button-roles = 🛡 Role
admin-button-refresh = 🔄 Refresh
admin-button-revoke = Remove role
admin-button-back = ← Back
admin-button-cancel = Cancel
admin-ban-ask-reason = Why is { $name } banned? Type the reason (the user will see it).
admin-ban-reason-invalid = The reason must be 1 to 500 characters. Type it again.
admin-ban-done = ⛔ { $name } is banned. Reason: { $reason }
admin-unban-done = ✅ { $name } is unbanned.
admin-roles-title = Choose a role for { $name }:
admin-role-granted = 🛡 { $name } is now { $role }.
admin-role-revoked = { $name } has no role now.
admin-role-self = You cannot change your own role.
admin-stats =
    📊 <b>Users</b>
    Total: { $total }
    New today (UTC): { $newToday }
    Active in 24 h: { $active24h }
role-super_admin = super admin
role-admin = admin
role-moderator = moderator
role-support = support
role-analyst = analyst
role-finance = finance
role-viewer = viewer
unban-notice = ✅ Your account is unblocked. Welcome back!
admin-command-find = Find a user by id, @username or email
admin-command-stats = Users overview
admin-command-cancel = Cancel the current action
