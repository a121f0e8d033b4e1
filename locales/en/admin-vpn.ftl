# Admin bot: the VPN card of a user, /vpn_servers, the VPN block of /stats, VPN broadcast segments.
admin-command-vpn_servers = VPN servers: status and users online
admin-vpn-line = 🛡 VPN: { $tier } · { $state } · until { $expires }
admin-vpn-line-none = 🛡 VPN: none
admin-vpn-button = 🛡 VPN
admin-vpn-title = 🛡 <b>VPN · { $name }</b> (<code>{ $id }</code>)
admin-vpn-none = No VPN subscription. Free days start the Basic plan.
admin-vpn-card =
    Tier: <b>{ $tier }</b> · { $state }
    Expires: { $expires } ({ $daysLeft } days left)
    Traffic: { $traffic } · reset: { $strategy }
    Devices: up to { $devices }
    Panel user: { $panelUser } · { $synced }
    First connected: { $connected } · last online: { $online }
    Auto-renew: { $autoRenew }
    Link: { $link }
admin-vpn-state-none = none
admin-vpn-state-active = active
admin-vpn-state-trial = trial
admin-vpn-state-expired = expired
admin-vpn-state-disabled = ⛔ switched off
admin-vpn-traffic = { $used } of { $limit } GB
admin-vpn-traffic-unlimited = { $used } GB (unlimited)
admin-vpn-synced = panel up to date
admin-vpn-sync-pending = ⏳ panel update pending
admin-vpn-never = never
admin-vpn-on = on
admin-vpn-off = off
admin-vpn-add7 = +7 days
admin-vpn-add30 = +30 days
admin-vpn-add-custom = ➕ Days…
admin-vpn-reset = 🔄 Reset traffic
admin-vpn-new-link = 🔗 New link
admin-vpn-devices = 📱 Devices
admin-vpn-disable = ⛔ Switch off
admin-vpn-enable = ✅ Switch on
admin-vpn-extended = Added { $days } days: VPN valid until { $until }.
admin-vpn-reset-done = Traffic reset to zero.
admin-vpn-link-done = New link made; the old one no longer works.
admin-vpn-disabled = VPN switched off. The panel follows in a moment.
admin-vpn-enabled = VPN switched on. The panel follows in a moment.
admin-vpn-unchanged = Already so: nothing changed.
admin-vpn-confirm-link = Make a new subscription link? Every app using the old link stops working until the user imports the new one.
admin-vpn-confirm-disable = Switch this user's VPN off? Their apps stop connecting and renewals are refused until you switch it on.
admin-vpn-confirm-yes = Yes, do it
admin-vpn-days-ask = How many days to add? A number from 1 to { $max }.
admin-vpn-days-invalid = Send a whole number of days from 1 to { $max }, or press Cancel.
admin-vpn-devices-title = 📱 <b>Devices</b>: { $count } of { $limit }
admin-vpn-devices-none = No devices yet.
admin-vpn-device-line = { $n }. { $model } · <code>{ $hwid }</code> · { $added }
admin-vpn-device-unknown = unknown device
admin-vpn-device-remove = ✖ Remove { $n }
admin-vpn-device-removed = Device removed.
admin-vpn-device-gone = That device is already gone.
admin-vpn-error-VPN_NO_SUBSCRIPTION = This user has no VPN subscription.
admin-vpn-error-VPN_NOT_READY = The panel user is not created yet: wait for the sync, then try again.
admin-vpn-error-VPN_UNAVAILABLE = The VPN panel is not configured (REMNAWAVE_URL).
admin-vpn-panel-failed = The VPN panel did not do it ({ $kind }). Try again in a minute.
admin-vpn-servers-title = 🌍 <b>VPN servers</b>: { $count }, users online: { $users }
admin-vpn-servers-none = The panel has no enabled nodes.
admin-vpn-server-line = { $flag } { $name } · { $status } · { $users } online
admin-vpn-server-online = 🟢 up
admin-vpn-server-offline = 🔴 down
admin-stats-vpn =
    🛡 <b>VPN</b>
    Active: { $paid } paid · { $trial } trial · { $free } free days only
    New paying in { $days } days: { $newPaid } · renewals: { $renewals }
    Trial → paid: { $trialConverted } of { $trialUsers } ({ $conversion } %)
    MRR: { $mrr }
    Churn, { $churnDays } days: { $churned } of { $churnBase } ({ $churn } %)
broadcast-segment-vpn_active = VPN: plan running
broadcast-segment-vpn_trial = VPN: on trial
broadcast-segment-vpn_expiring = VPN: ending soon
broadcast-segment-vpn_expired = VPN: ended
broadcast-segment-vpn_never_connected = VPN: never connected
broadcast-ask-vpn-days = VPN ending when?
broadcast-vpn-days = { $days ->
    [one] within { $days } day
   *[other] within { $days } days
}
