# VPN: the shop's products (core/vpn/plans.ts).
product-vpn-basic-30d = VPN Basic · 30 days · 100 GB/month · 2 devices
product-vpn-basic-90d = VPN Basic · 90 days · 100 GB/month · 2 devices
product-vpn-basic-180d = VPN Basic · 180 days · 100 GB/month · 2 devices
product-vpn-basic-365d = VPN Basic · 1 year · 100 GB/month · 2 devices
product-vpn-pro-30d = VPN Pro · 30 days · 300 GB/month · 3 devices
product-vpn-pro-90d = VPN Pro · 90 days · 300 GB/month · 3 devices
product-vpn-pro-180d = VPN Pro · 180 days · 300 GB/month · 3 devices
product-vpn-pro-365d = VPN Pro · 1 year · 300 GB/month · 3 devices
product-vpn-ultra-30d = VPN Ultra · 30 days · unlimited · 5 devices
product-vpn-ultra-90d = VPN Ultra · 90 days · unlimited · 5 devices
product-vpn-ultra-180d = VPN Ultra · 180 days · unlimited · 5 devices
product-vpn-ultra-365d = VPN Ultra · 1 year · unlimited · 5 devices
product-vpn-cyber-30d = VPN Cyber · 30 days · unlimited · 10 devices
product-vpn-cyber-90d = VPN Cyber · 90 days · unlimited · 10 devices
product-vpn-cyber-180d = VPN Cyber · 180 days · unlimited · 10 devices
product-vpn-cyber-365d = VPN Cyber · 1 year · unlimited · 10 devices
product-vpn-traffic-50gb = VPN traffic +50 GB
product-vpn-traffic-200gb = VPN traffic +200 GB
product-vpn-device-1 = VPN: one more device
buy-category-vpn-plans = 🛡 VPN plans
buy-category-vpn-addons = ➕ VPN traffic and devices
miniapp-buy-category-vpn-plans = VPN plans
miniapp-buy-category-vpn-plans-hint = Fast servers, one link for all your devices
miniapp-buy-category-vpn-addons = VPN add-ons
miniapp-buy-category-vpn-addons-hint = More traffic or one more device

# Errors (core/vpn/errors.ts).
vpn-error-unavailable = The VPN is not available right now. Please try again later.
vpn-error-trial-used = You have already used your free trial ({ $date }). Choose a plan: /vpn
vpn-error-trial-has-plan = The free trial is for new users; you already have a plan. /vpn shows it.
vpn-error-no-subscription = You have no VPN yet. Try it free with /trial or choose a plan: /vpn
vpn-error-not-ready = Your VPN is still being set up. You will get a message as soon as it is ready.
vpn-error-disabled = Your VPN has been switched off by support. Write to /support.
api-error-vpn-unavailable = The VPN is not available right now.
api-error-vpn-trial-used = You have already used your free trial.
api-error-vpn-trial-has-plan = The free trial is for new users; you already have a plan.
api-error-vpn-no-subscription = You have no VPN yet.
api-error-vpn-not-ready = Your VPN is still being set up.
api-error-vpn-disabled = Your VPN has been switched off by support.

# The worker's notice once the panel user is ready (core/vpn/panel-sync/sync-operations.ts).
vpn-ready = ✅ Your VPN is ready, valid until { $until }.
    /config — your link, QR code and how to connect.
