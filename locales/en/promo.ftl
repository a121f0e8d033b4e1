command-promo = Enter a promo code
promo-usage = Send the code after the command, for example: /promo WELCOME
promo-bonus-credited = 🎁 Promo code { $code } applied: { $tokens } tokens credited. Your balance: { $balance } tokens.
promo-discount-saved = 🎟 Promo code { $code } saved: { $terms } on { $scope }. It applies to your next purchase.
promo-discount-replaced = It replaces the promo code you entered before.
promo-scope-any = any purchase
promo-terms-bonus = { $tokens } tokens
promo-terms-percent = { $percent }% off
promo-terms-fixed = { $amount } off
promo-refused-not-found = There is no such promo code. Check the spelling and try again.
promo-refused-disabled = This promo code is no longer active.
promo-refused-expired = This promo code has expired.
promo-refused-exhausted = This promo code has been used up.
promo-refused-already-used = You have already used this promo code.
promo-refused-first-purchase-only = This promo code is only for a first purchase.
promo-price = { $amount } instead of { $full }
promo-buy-applies = 🎟 Promo code { $code } applies: the prices below include the discount.
admin-command-promos = Promo codes
admin-promo-new-usage =
    Usage:
    /promo_new CODE bonus &lt;tokens&gt;
    /promo_new CODE percent &lt;1-100&gt;
    /promo_new CODE fixed &lt;amount&gt; &lt;RUB|USD|XTR|USDT&gt;
    Options: max=N (total uses), per_user=N (default 1), days=N (expiry), first (first purchase only), product=&lt;id&gt;
admin-promo-created = ✅ Promo code <code>{ $code }</code> created: { $terms }, on { $scope }.
admin-promo-taken = A promo code { $code } already exists.
admin-promo-unknown-product = There is no product with that id.
admin-promo-off-usage = Usage: /promo_off CODE
admin-promo-off-done = ⛔ Promo code <code>{ $code }</code> is disabled.
admin-promo-not-found = There is no promo code { $code }.
admin-promos-title = 🎟 <b>Promo codes</b> (newest first)
admin-promos-empty = No promo codes yet. Create one with /promo_new.
admin-promo-line = <code>{ $code }</code> · { $terms } · { $scope } · used { $used } of { $max } · { $state }
admin-promo-unlimited = ∞
admin-promo-state-active = active
admin-promo-state-disabled = disabled
admin-promo-state-expired = expired
