# Wallet top-ups (core/payments/wallet/wallet-topup-products.ts).
product-wallet-topup-300 = Wallet top-up · 300 ₽
product-wallet-topup-500 = Wallet top-up · 500 ₽
product-wallet-topup-1000 = Wallet top-up · 1,000 ₽
product-wallet-topup-3000 = Wallet top-up · 3,000 ₽
buy-category-wallet-topup = 💼 Top up the wallet
miniapp-buy-category-wallet-topup = Wallet top-up
miniapp-buy-category-wallet-topup-hint = Roubles on your balance to pay for anything in one tap

# Paying from the wallet (core/payments/wallet/pay-from-wallet.ts).
wallet-error-insufficient = There is not enough in your wallet: { $missing } short. Top it up and try again.
api-error-wallet-insufficient = There is not enough in your wallet: { $missing } short.
buy-method-wallet = 💼 From wallet · { $amount } (balance { $balance })
buy-method-wallet-short = 💼 Wallet: { $missing } short · top up
buy-wallet-paid = ✅ Paid { $amount } from your wallet: { $product }. Balance: { $balance }.

# VPN auto-renew from the wallet (core/vpn/auto-renew/).
vpn-autorenew-soon = 🔁 On { $date } your VPN renews by itself: { $plan } for { $price } from your wallet. Balance: { $balance }.
vpn-autorenew-soon-short = 🔁 On { $date } your VPN should renew: { $plan } for { $price }, but your wallet has { $balance }. Top up { $missing } to renew it: /buy
vpn-autorenew-done = ✅ Your VPN has renewed: { $plan } for { $price } from your wallet. Balance: { $balance }.
vpn-autorenew-no-funds = ⚠️ We could not renew your VPN: { $plan } costs { $price } and your wallet has { $balance }. Top up with /buy or pay for the plan here: /vpn

# History lines of wallet payments (core/ledger/describe-entry.ts).
history-provider-wallet = wallet
