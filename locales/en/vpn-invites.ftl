# VPN invites and loyalty (core/vpn/invites/, core/vpn/loyalty/).
vpn-loyalty-level-bronze = 🥉 Bronze
vpn-loyalty-level-silver = 🥈 Silver
vpn-loyalty-level-gold = 🥇 Gold
vpn-loyalty-level-platinum = 💎 Platinum
vpn-loyalty-reached = { $level }: your VPN loyalty level. Stay subscribed without long breaks to move up: /invites
vpn-loyalty-reached-bonus = 🎉 New VPN loyalty level: { $level }!
    Thank you for staying with us: { $days ->
        [one] { $days } day was
       *[other] { $days } days were
    } added to your subscription.
vpn-loyalty-grace-ending = ⚠️ Your VPN subscription has lapsed, and your loyalty level { $level } will be lost on { $date }.
    Renew before then to keep it: /vpn

invites-title = 🎟 <b>Your VPN invites</b>
invites-intro = Every paid month brings invite codes. A friend who has never used our VPN gets free days, and you get { $days } days when they first pay.
invites-none = No invite codes yet: they come with a paid plan (/vpn).
invites-code-available = <code>{ $code }</code> · { $days } days for a friend · until { $until }
    { $link }
invites-code-used = <s>{ $code }</s> · used by { $name } { $rewarded ->
        [yes] · you got your days ✅
       *[no] · your days come when they pay
    }
invites-code-expired = <s>{ $code }</s> · expired
invites-loyalty = Loyalty level: { $level } ({ $months } paid months in a row).
invites-loyalty-none = Loyalty level: none yet. It starts with your first paid month.
invites-redeem-hint = Got a code from a friend? Send /invite CODE

invite-redeemed = 🎁 Your friend's invite worked: { $days } days of VPN free, until { $until }.
    Set it up: /config
invite-error-not_found = That invite code does not exist. Check it and try again.
invite-error-used = That invite code has already been used.
invite-error-expired = That invite code has expired.
invite-error-own = That is your own invite code: send it to a friend.
invite-error-has_history = Invite codes are for people new to our VPN, and you have already used it.
invite-error-already_invited = You have already used an invite code: one per person.
invite-ask-code = Send the code with the command: /invite CODE

admin-vpn-invites-title = 🎟 <b>VPN invite rules</b> (codes per 30 days paid · the friend's free days)
admin-vpn-invites-rule = <b>{ $tier }</b>: { $invites } { $invites ->
        [one] code
       *[other] codes
    } per { $perDays } days · friend { $friendDays } days
admin-vpn-invites-promo-on = 🔥 Promotion ×{ $multiplier } until { $until }
admin-vpn-invites-promo-off = No promotion running.
admin-vpn-invites-help = Buttons: codes −/+, friend's days −/+. Free days for one person by hand: the VPN card of the user (/find → VPN → extend).
admin-vpn-invites-promo-start = 🔥 Start ×2 for { $days } days
admin-vpn-invites-promo-stop = ⏹ Stop the promotion
admin-vpn-invites-codes = { $tier } codes
admin-vpn-invites-days = { $tier } days
admin-vpn-invites-saved = Saved
admin-vpn-invites-usage = Usage: /vpn_invites, or /vpn_invites <tier> <codes per 30 days> <friend's days>, e.g. /vpn_invites pro 2 14
command-invites = VPN invites for friends and your loyalty level
admin-command-vpn_invites = VPN invite rules and promotions
vpn-loyalty-lost = Your VPN loyalty level { $level } has been reset after a break of more than 14 days. Subscribe again to start a new run: /vpn
invites-share-button = 📤 Send { $code } to a friend
invite-reward-notice = 🎉 { $name } joined with your invite and paid for VPN: { $days } days were added to your subscription. Thank you! More codes: /invites
invite-friend-joined = 🎟 { $name } used your VPN invite. When they first pay, you get { $days } days.
