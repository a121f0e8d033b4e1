# Пополнение кошелька (core/payments/wallet/wallet-topup-products.ts).
product-wallet-topup-300 = Пополнение кошелька · 300 ₽
product-wallet-topup-500 = Пополнение кошелька · 500 ₽
product-wallet-topup-1000 = Пополнение кошелька · 1 000 ₽
product-wallet-topup-3000 = Пополнение кошелька · 3 000 ₽
buy-category-wallet-topup = 💼 Пополнить кошелёк
miniapp-buy-category-wallet-topup = Пополнение кошелька
miniapp-buy-category-wallet-topup-hint = Рубли на балансе — оплата чего угодно в одно касание

# Оплата из кошелька (core/payments/wallet/pay-from-wallet.ts).
wallet-error-insufficient = В кошельке не хватает { $missing }. Пополните его и попробуйте снова.
api-error-wallet-insufficient = В кошельке не хватает { $missing }.
buy-method-wallet = 💼 Из кошелька · { $amount } (на балансе { $balance })
buy-method-wallet-short = 💼 Кошелёк: не хватает { $missing } · пополнить
buy-wallet-paid = ✅ Оплачено из кошелька { $amount }: { $product }. Остаток: { $balance }.

# Автопродление VPN из кошелька (core/vpn/auto-renew/).
vpn-autorenew-soon = 🔁 { $date } VPN продлится автоматически: { $plan } за { $price } из кошелька. На балансе: { $balance }.
vpn-autorenew-soon-short = 🔁 { $date } VPN должен продлиться: { $plan } за { $price }, но в кошельке только { $balance }. Пополните его на { $missing }, чтобы продление прошло: /buy
vpn-autorenew-done = ✅ VPN продлён: { $plan } за { $price } из кошелька. Остаток: { $balance }.
vpn-autorenew-no-funds = ⚠️ Не получилось продлить VPN: { $plan } стоит { $price }, а в кошельке { $balance }. Пополните кошелёк через /buy или оплатите тариф здесь: /vpn

# Строки истории для оплат из кошелька (core/ledger/describe-entry.ts).
history-provider-wallet = из кошелька
