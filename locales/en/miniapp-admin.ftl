# The admin Mini App (miniapp/src/pages/admin/), opened from the admin bot's menu button.
admin-menu-open-app = 📊 Admin app

miniapp-admin-home-title = Admin
miniapp-admin-home-greeting = Hello, { $firstName }
miniapp-admin-home-subtitle = Role: { $role }
miniapp-admin-home-sections = Admin sections
miniapp-admin-no-access-title = No access
miniapp-admin-no-access-body = Your account has no staff role, or it was revoked. Ask a super admin if you need access.

miniapp-admin-servers-tile = VPN servers
miniapp-admin-servers-tile-hint = Status, users online, traffic
miniapp-admin-stats-tile = VPN figures
miniapp-admin-stats-tile-hint = Subscribers, MRR, conversion, churn

miniapp-admin-servers-title = VPN servers
miniapp-admin-servers-none = The panel has no nodes yet.
miniapp-admin-servers-name = Server
miniapp-admin-servers-status = Status
miniapp-admin-servers-users = Online
miniapp-admin-servers-traffic = Traffic
miniapp-admin-servers-country = Country
miniapp-admin-server-online = Online
miniapp-admin-server-offline = Offline
miniapp-admin-server-disabled = Disabled

miniapp-admin-stats-title = VPN figures
miniapp-admin-stats-mrr = MRR
miniapp-admin-stats-active-paid = Active paid
miniapp-admin-stats-active-free = and { $free } on free days
miniapp-admin-stats-active-trial = On trial
miniapp-admin-stats-conversion = Trial → paid
miniapp-admin-stats-conversion-hint = { $converted } of { $users }
miniapp-admin-stats-churn = Churn, { $days } days
miniapp-admin-stats-churn-hint = { $churned } of { $base } left
miniapp-admin-stats-new-paid = New paid subscribers, { $days } days
miniapp-admin-stats-renewals = Renewals, { $days } days
miniapp-admin-chart-max = max { $max }
