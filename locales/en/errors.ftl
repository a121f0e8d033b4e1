# Messages of the platform's error codes (core/errors/platform-errors.ts) that no other file already says.
# The bot and the Mini App API share them where the wording fits both.
error-not-found = Not found: it may have been deleted.
error-unauthorized = You are not signed in. Send /start and try again.
error-provider-failed = An outside service did not answer. Please try again in a minute.
error-user-banned = ⛔ Your account is blocked. Reason: { $reason }
error-email-invalid = That does not look like an email address.
error-email-taken = This email is already used by another account.
error-email-code-wrong =
    { $attemptsLeft ->
        [one] Wrong code. { $attemptsLeft } try left.
       *[other] Wrong code. { $attemptsLeft } tries left.
    }
error-email-code-expired = This code has expired. Request a new one.
error-email-locked = Too many wrong codes: email verification is locked for a while. Try again later.
error-email-no-pending = There is no code waiting for confirmation. Start again from your profile.
error-role-self-change = You can't change your own role.
error-insufficient-funds = There is not enough on your balance for this. Top up and try again.
error-hold-not-active = This reservation is no longer active: it was already settled or released.
error-product-not-found = This product is no longer sold. Open the shop again and choose another.
error-payment-not-found = Payment not found.
error-payment-mismatch = The payment confirmation does not match the order. Nothing was credited; please contact support.
error-payment-not-pending = This payment is already completed or cancelled.
error-refund-not-allowed = This payment can't be refunded: it was not completed or is already refunded in full.
error-promo-refused = This promo code can't be used.
error-promo-code-taken = The promo code { $code } already exists. Choose another code.
error-partner-exists = This user is already a partner (code { $code }).
error-file-url-invalid = This link has expired or is not valid. Ask for the file again.
