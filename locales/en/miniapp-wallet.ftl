# Mini App money screens (miniapp/src/pages/wallet, buy, referral): every key starts with miniapp-.

## Home tiles
miniapp-home-wallet-tile = Wallet
miniapp-home-wallet-tile-hint = Balance, token expiry and history
miniapp-home-buy-tile = Buy tokens
miniapp-home-buy-tile-hint = Token packs, AI plans and video bundles
miniapp-home-referral-tile = Invite friends
miniapp-home-referral-tile-hint = Your link, QR code and rewards

## Wallet
miniapp-wallet-title = Wallet
miniapp-wallet-tokens = Tokens
miniapp-wallet-tokens-available = available
miniapp-wallet-tokens-held = Reserved for running tasks: { $held }
miniapp-wallet-tokens-total = Balance: { $balance }
miniapp-wallet-buy = Buy tokens
miniapp-wallet-grants = Your tokens by expiry
miniapp-wallet-grant-remaining = { $remaining } of { $amount }
miniapp-wallet-grant-until = until { $date }
miniapp-wallet-grant-forever = forever
miniapp-wallet-grant-source = { $source ->
    [purchase] Purchase
    [subscription] AI plan
    [bonus] Bonus
    [referral] Referral reward
    [promo] Promo code
    [manual] Correction
   *[other] { $source }
}
miniapp-wallet-money = Money
miniapp-wallet-money-held = { $available } available
miniapp-wallet-plans = Active plans
miniapp-wallet-plan-until = until { $date }
miniapp-wallet-empty = No tokens yet. Buy a pack or a plan to get started.

## History
miniapp-wallet-history = History
miniapp-wallet-history-filter-asset = Filter by currency
miniapp-wallet-history-filter-type = Filter by kind
miniapp-wallet-history-all = All
miniapp-wallet-history-empty = Nothing here yet.
miniapp-wallet-history-more = Load more
miniapp-wallet-history-loading = Loading…
miniapp-wallet-history-balance = { $before } → { $after }
miniapp-wallet-history-balance-label = Balance went from { $before } to { $after }
miniapp-wallet-asset-token = Tokens
miniapp-wallet-asset-rub = Roubles
miniapp-wallet-asset-usd = Dollars
miniapp-wallet-asset-xtr = Stars
miniapp-wallet-asset-usdt = USDT
miniapp-wallet-type-topup = Purchase
miniapp-wallet-type-spend = Spent
miniapp-wallet-type-refund = Refund
miniapp-wallet-type-manual = Correction
miniapp-wallet-type-bonus = Bonus
miniapp-wallet-type-referral = Referral
miniapp-wallet-type-earning = Earning
miniapp-wallet-type-commission = Commission
miniapp-wallet-type-payout = Payout
miniapp-wallet-type-reversal = Reversal
miniapp-wallet-type-expiry = Expired

## Buy
miniapp-buy-title = Buy tokens
miniapp-buy-choose-category = What would you like to buy?
miniapp-buy-category-ai-plans = AI plans
miniapp-buy-category-ai-plans-hint = Tokens for a set number of days
miniapp-buy-category-ai-packs = Token packs
miniapp-buy-category-ai-packs-hint = Tokens that never expire
miniapp-buy-category-video-bundles = Video bundles
miniapp-buy-category-video-bundles-hint = Tokens for video tasks
miniapp-buy-choose-product = Choose a product
miniapp-buy-choose-method = How would you like to pay?
miniapp-buy-promo-active = 🎟 Promo code { $code } is active: the prices include your discount.
miniapp-buy-method-stars = Telegram Stars
miniapp-buy-method-yookassa = Bank card
miniapp-buy-method-cryptobot = Crypto
miniapp-buy-opening = Preparing your payment…
miniapp-buy-paying = Complete the payment in the window that opened.
miniapp-buy-confirming = Payment received. Crediting your tokens…
miniapp-buy-pending-title = Waiting for the payment
miniapp-buy-pending-hint = Finish paying on the page that opened. The bot will send you a message as soon as the payment is confirmed, and your tokens will appear in the wallet.
miniapp-buy-pending-open = Open the payment page
miniapp-buy-success-title = Payment received
miniapp-buy-success-body = You bought: { $product }.
miniapp-buy-success-tokens = Token balance: { $tokens }
miniapp-buy-cancelled = The payment was cancelled. Nothing was charged.
miniapp-buy-failed = The payment did not go through. Nothing was charged.
miniapp-buy-invoice-unsupported = Your Telegram app cannot open Stars payments here. Update Telegram or buy with /buy in the bot.
miniapp-buy-open-wallet = Open wallet
miniapp-buy-again = Buy something else
miniapp-buy-choose-another = Choose another method

## Referral
miniapp-referral-title = Invite friends
miniapp-referral-explain = When someone you invite buys tokens, you get half as many tokens, valid as long as theirs.
miniapp-referral-link = Your invitation link
miniapp-referral-copy = Copy
miniapp-referral-copied = Copied
miniapp-referral-copy-failed = Could not copy. Press and hold the link to copy it.
miniapp-referral-share = Share
miniapp-referral-share-text = Join me on Polygram: AI, video and more in one Telegram app.
miniapp-referral-qr = QR code of your invitation link
miniapp-referral-qr-hint = Let a friend scan it with their phone camera.
miniapp-referral-stats = Your results
miniapp-referral-invited = Invited
miniapp-referral-paying = Paying
miniapp-referral-earned = Tokens earned
miniapp-referral-recent = Recently joined
miniapp-referral-recent-paid = paid
miniapp-referral-recent-empty = Nobody has joined with your link yet.
miniapp-promo-label = Promo code
miniapp-promo-placeholder = e.g. WELCOME
miniapp-promo-apply = Apply
miniapp-promo-failed = Could not apply the code. Please try again.
