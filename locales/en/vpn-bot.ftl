# The user bot's VPN screens (bots/user/features/vpn.ts) and the import page (server/routes/vpn-import.ts).
command-vpn = Your VPN: plan, traffic, devices
command-trial = Try the VPN free for 2 days
command-config = VPN link, QR code and apps
vpn-menu = 🛡 VPN

vpn-tier-trial = Trial
vpn-tier-basic = Basic
vpn-tier-pro = Pro
vpn-tier-ultra = Ultra
vpn-tier-cyber = Cyber

vpn-pitch =
    🛡 <b>Polygram VPN</b>

    Fast servers, one link for all your devices, apps for iPhone, Android, Windows, macOS, Linux and TV.
    Try it free for 2 days (2 GB), or choose a plan.
vpn-status-title = 🛡 <b>Your VPN</b>
vpn-status-plan = Plan: <b>{ $tier }</b>
vpn-status-until = Valid until { $until } UTC ({ $days ->
    [one] 1 day
   *[other] { $days } days
  } left)
vpn-status-expired = ⛔ Expired on { $until } UTC. Renew to connect again.
vpn-status-disabled = ⛔ Switched off by support. Write to /support.
vpn-status-traffic = Traffic: { $used } of { $limit } GB
vpn-status-traffic-unlimited = Traffic: { $used } GB of unlimited
vpn-status-devices = Devices: up to { $devices }
vpn-status-autorenew-on = Auto-renew from the balance: on
vpn-status-autorenew-off = Auto-renew from the balance: off
vpn-status-setting-up = ⏳ Your VPN is being set up. You'll get a message as soon as it's ready.

vpn-button-trial = 🎁 Try free
vpn-button-plans = 🛒 Choose a plan
vpn-button-renew = 🔁 Renew or change plan
vpn-button-addons = ➕ Traffic and devices
vpn-button-config = 🔑 Config
vpn-button-devices = 📱 Devices
vpn-button-autorenew-on = 🔁 Turn auto-renew on
vpn-button-autorenew-off = ⏸ Turn auto-renew off
vpn-button-new-link = 🔄 New link
vpn-button-back = ← Back
vpn-button-cancel = Cancel

vpn-trial-started =
    🎁 Your free trial is on until { $until } UTC (2 GB).
    It is being set up: you'll get a message as soon as it's ready.
vpn-signup-trial = 🛡 And a gift: a free VPN trial until { $until } UTC. You'll get a message when it's ready; /vpn shows it.

vpn-autorenew-trial = Auto-renew works for paid plans. Choose a plan first, then turn it on.
vpn-autorenew-turned-on = Auto-renew is on: the plan renews for 30 days from your balance.
vpn-autorenew-turned-off = Auto-renew is off.

vpn-revoke-confirm =
    🔄 Make a new link?

    The old link stops working at once: every device has to import the new one.
vpn-button-revoke-yes = Yes, make a new link
vpn-revoke-done =
    ✅ Your new link:
    { $link }

    The old one no longer works. Import the new one into your apps: 🔑 Config.

vpn-config-qr-caption = Scan this code in a VPN app on another device.
vpn-config-link =
    🔑 <b>Your VPN link</b> (tap to copy):
    { $link }
vpn-config-choose-platform = Choose your device to see the apps:
vpn-config-apps = Apps for { $platform }: install one, then tap “Connect”.
vpn-platform-ios = iPhone / iPad
vpn-platform-android = Android
vpn-platform-windows = Windows
vpn-platform-macos = macOS
vpn-platform-linux = Linux
vpn-platform-tv = TV
vpn-button-download = ⬇️ { $app }
vpn-button-connect = ⚡ Connect in { $app }
vpn-button-platforms = ← Other devices

vpn-devices-title = 📱 <b>Devices</b>: { $used } of { $limit } used
vpn-devices-empty = No device has connected yet.
vpn-devices-remove-hint = Remove a device to free its slot: the app on it stops working until added again.
vpn-device-unknown = Unknown device
vpn-button-remove-device = ✖ Remove { $n }
vpn-button-buy-device = ➕ One more device
vpn-device-removed = Device removed.
vpn-device-gone = That device is no longer on the list.

vpn-renewal-new = 🗓 The plan starts now and runs until { $until } UTC.
vpn-renewal-extend = 🗓 The days are added to your current plan: new expiry { $until } UTC.
vpn-renewal-change = 🔀 { $daysLeft } days of { $fromTier } left become { $convertedDays } days of { $toTier }, and the bought days come on top: new expiry { $until } UTC.

vpn-import-title = Connecting to Polygram VPN
vpn-import-opening = Opening { $app }…
vpn-import-open-button = Open { $app }
vpn-import-copy-hint = If the app did not open, copy this link and add it in the app:
vpn-import-install-hint = No { $app } yet? Install it, then come back to this page.
vpn-import-download = Download { $app }
vpn-import-not-found-title = Link not found
vpn-import-not-found = This link is unknown or has been replaced. Open the bot and send /config for your current link.
