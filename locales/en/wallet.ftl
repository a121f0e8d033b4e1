wallet-title = 💰 <b>Your balance</b>
wallet-tokens = Tokens: <b>{ $available }</b>
wallet-tokens-held = Reserved for running tasks: { $held }
wallet-grants-title = Your tokens:
wallet-grant-perpetual = • { $remaining }: forever
wallet-grant-expiring = • { $remaining }: until { $until }
wallet-money-title = Money:
wallet-money-line = • { $amount }
wallet-subscription = 📅 { $product }: until { $until }
wallet-unlimited = ♾ Unlimited AI chat until { $until }
wallet-empty = You have no tokens yet. Get some with /buy.
menu-balance = 💰 Balance
menu-buy = 🛒 Buy tokens
command-balance = Your tokens and money
command-buy = Buy tokens or a plan
buy-choose-category = What would you like to buy?
buy-category-ai-plans = 📅 AI plans
buy-category-ai-packs = 🪙 Token packs
buy-category-video-bundles = 🎬 Video bundles
buy-choose-product = Choose a product:
buy-choose-method =
    <b>{ $product }</b>
    How would you like to pay?
buy-method-stars = ⭐ Telegram Stars · { $amount }
buy-method-yookassa = 💳 Bank card · { $amount }
buy-method-cryptobot = 💎 Crypto · { $amount }
buy-back = ← Back
buy-invoice-title = Polygram purchase
buy-open-link =
    <b>{ $product }</b>: { $amount }
    Press the button to pay. You will get a message here when the payment is confirmed.
buy-pay-button = Pay { $amount }
buy-method-unavailable = This payment method is not available right now. Please choose another.
payment-succeeded = ✅ Payment received: { $product }. Token balance: { $tokens }.
payment-succeeded-service = ✅ Payment received: { $product }.
payment-service-pending = ⏳ Your service is being set up: you will get a message as soon as it is ready.
payment-canceled = ❌ The payment for { $product } did not go through. No money was taken.
payment-problem = We received your payment but could not credit it automatically. Support has been notified and will fix it shortly.
precheckout-unknown = This invoice is no longer valid. Open /buy again.
precheckout-not-pending = This invoice has already been paid or canceled.
precheckout-mismatch = The price has changed since the invoice was made. Open /buy again.
precheckout-banned = Your account is blocked.
referral-bonus-notice = 🎁 Someone you invited made a purchase: you got { $tokens } tokens.
