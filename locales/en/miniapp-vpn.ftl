# Mini App VPN page (miniapp/src/pages/vpn): every key starts with miniapp-.

## Home tile
miniapp-home-vpn-tile = VPN
miniapp-home-vpn-tile-hint = Your link, apps, devices and plans

## Status
miniapp-vpn-title = VPN
miniapp-vpn-none = You have no VPN yet. Try it free or choose a plan.
miniapp-vpn-unavailable = The VPN is not available right now. Please check back later.
miniapp-vpn-status-title = Your VPN
miniapp-vpn-tier = { $tier ->
    [trial] Trial
    [basic] Basic
    [pro] Pro
    [ultra] Ultra
    [cyber] Cyber
   *[other] { $tier }
}
miniapp-vpn-tier-terms = { $tier ->
    [basic] 100 GB a month · 2 devices
    [pro] 300 GB a month · 3 devices
    [ultra] Unlimited · 5 devices · premium servers
    [cyber] Unlimited · 10 devices · premium servers
   *[other] { "" }
}
miniapp-vpn-state = { $state ->
    [active] Active
    [setting-up] Being set up
    [expired] Expired
    [disabled] Switched off
   *[other] { $state }
}
miniapp-vpn-setting-up = Your VPN is being set up. This takes a few seconds; the link appears here.
miniapp-vpn-disabled-hint = Support has switched your VPN off. Write to support in the bot.
miniapp-vpn-days-left-label = Days left
miniapp-vpn-days-left = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
miniapp-vpn-expires-on = Valid until
miniapp-vpn-expired-on = Ended on
miniapp-vpn-traffic-title = Traffic
miniapp-vpn-traffic-label = { $used } of { $limit }
miniapp-vpn-traffic-unlimited-label = { $used } used · unlimited
miniapp-vpn-traffic-unlimited = Unlimited
miniapp-vpn-devices-allowed = Devices allowed

## Trial
miniapp-vpn-trial-title = Try the VPN free
miniapp-vpn-trial-body = 2 days and 2 GB on one device, no payment needed. Once per account.
miniapp-vpn-trial-start = Start free trial

## Link and QR code
miniapp-vpn-link-title = Your subscription link
miniapp-vpn-qr-alt = QR code of your VPN link
miniapp-vpn-qr-hint = Scan it with the VPN app on another device.
miniapp-vpn-copy = Copy link
miniapp-vpn-copied = Copied
miniapp-vpn-copy-failed = Could not copy. Select the link and copy it by hand.

## How to connect
miniapp-vpn-connect-title = How to connect
miniapp-vpn-platform-legend = Your device
miniapp-vpn-platform = { $platform ->
    [ios] iPhone / iPad
    [android] Android
    [windows] Windows
    [macos] macOS
    [linux] Linux
    [tv] TV
   *[other] { $platform }
}
miniapp-vpn-connect-steps = 1. Install an app. 2. Tap Import: the app opens with your link added. 3. Turn it on.
miniapp-vpn-install = Install
miniapp-vpn-import = Import

## Devices
miniapp-vpn-devices-title = Devices
miniapp-vpn-devices-count = { $count } of { $limit }
miniapp-vpn-devices-empty = No device has connected yet.
miniapp-vpn-devices-hint = Remove a device you no longer use to free its place for a new one.
miniapp-vpn-device-unknown = Unknown device
miniapp-vpn-device-added = added { $date }
miniapp-vpn-device-remove = Remove
miniapp-vpn-device-remove-yes = Yes, remove
miniapp-vpn-cancel = Cancel

## Servers
miniapp-vpn-servers-title = Servers
miniapp-vpn-server-online = Online
miniapp-vpn-server-offline = Offline

## Plans and add-ons
miniapp-vpn-plans-title = Choose a plan
miniapp-vpn-plans-title-active = Renew or change your plan
miniapp-vpn-duration-legend = Duration
miniapp-vpn-duration = { $days ->
    [365] 1 year
   *[other] { $days } days
}
miniapp-vpn-plan-action = { $action ->
    [renew] Renew { $tier }
    [change] Switch to { $tier }
   *[other] { $tier }
}
miniapp-vpn-plan-new = From today until { $date }
miniapp-vpn-plan-renew = +{ $days } days: until { $date }
miniapp-vpn-plan-change = Your { $daysLeft } days of { $from } become { $converted } days of { $to }, plus the days you buy: until { $date }
miniapp-vpn-addons-title = More traffic or devices

## Auto-renew and a new link
miniapp-vpn-auto-renew = Auto-renew from wallet
miniapp-vpn-auto-renew-hint = At expiry: { $plan }
miniapp-vpn-new-link = New link
miniapp-vpn-new-link-question = Make a new link? Every app that uses the old one stops working until you import the new one.
miniapp-vpn-new-link-yes = Yes, new link
