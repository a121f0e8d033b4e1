# VPN notices (core/vpn/notices/): each is sent once per subscription period.
vpn-notice-expires-72h = ⏳ Your VPN subscription ends in 3 days ({ $date }).
    Renew now so the connection doesn't stop: /vpn
vpn-notice-expires-24h = ⏳ Your VPN subscription ends tomorrow ({ $date }).
    Renew it to stay connected: /vpn
vpn-notice-trial-ending = ⏳ Your free VPN trial ends in 2 hours ({ $date }).
    Choose a plan to keep the connection: /vpn
vpn-notice-expired = 🔒 Your VPN subscription has ended and the connection is paused.
    Renew it and everything works again with the same link: /vpn
vpn-notice-trial-expired = 🔒 Your free VPN trial has ended.
    Choose a plan and keep using the same link: /vpn
vpn-notice-traffic-80 = 📶 You have used { $percent }% of your VPN traffic ({ $used } of { $limit } GB).
    Add traffic so you don't run out: /vpn
vpn-notice-traffic-100 = 📵 Your VPN traffic is used up ({ $used } of { $limit } GB), so the connection is paused.
    Add traffic to continue: /vpn
vpn-notice-first-connected = ✅ Your VPN is connected and working!
    Devices, servers and your link: /vpn
vpn-notice-open-button = Open the app
