import { defineErrors } from './error-catalog.ts';

/**
 * Failures of the platform itself, whoever meets them: accounts, the ledger, payments, promo codes and
 * partners, files, and the generic ones. A service's own failures live in core/<service>/errors.ts.
 */
export const platformErrors = defineErrors({
  // Generic.
  NOT_FOUND: { status: 404, bot: 'error-not-found', api: 'api-error-not-found' },
  FORBIDDEN: { status: 403, bot: 'error-forbidden', api: 'api-error-forbidden' },
  INVALID_INPUT: { status: 400, bot: 'error-invalid-input', api: 'api-error-invalid-input' },
  RATE_LIMITED: { status: 429, bot: 'error-rate-limited', api: 'api-error-rate-limited' },
  UNAUTHORIZED: { status: 401, bot: 'error-unauthorized', api: 'api-error-unauthorized' },
  // An outside service (payment provider, AI provider, BigQuery) failed or refused.
  PROVIDER_ERROR: { status: 502, bot: 'error-provider-failed', api: 'api-error-provider-failed' },

  // Accounts (core/accounts/). USER_BANNED carries `reason`.
  USER_NOT_FOUND: { status: 404, bot: 'error-user-not-found', api: 'api-error-not-found' },
  USER_BANNED: { status: 403, bot: 'error-user-banned', api: 'api-error-user-banned' },
  EMAIL_INVALID: { status: 400, bot: 'error-email-invalid', api: 'error-email-invalid' },
  EMAIL_TAKEN: { status: 409, bot: 'error-email-taken', api: 'error-email-taken' },
  // Carries `attemptsLeft`.
  EMAIL_CODE_WRONG: { status: 400, bot: 'error-email-code-wrong', api: 'error-email-code-wrong' },
  EMAIL_CODE_EXPIRED: { status: 410, bot: 'error-email-code-expired', api: 'error-email-code-expired' },
  EMAIL_LOCKED: { status: 429, bot: 'error-email-locked', api: 'error-email-locked' },
  EMAIL_NO_PENDING: { status: 409, bot: 'error-email-no-pending', api: 'error-email-no-pending' },
  EMAIL_REQUIRED: { status: 403, bot: 'payout-error-email-required', api: 'payout-error-email-required' },
  ROLE_SELF_CHANGE: { status: 403, bot: 'error-role-self-change', api: 'error-role-self-change' },

  // Ledger (core/ledger/). LEDGER_UNBALANCED is a bug in the caller, never the user's doing.
  INSUFFICIENT_FUNDS: { status: 402, bot: 'error-insufficient-funds', api: 'api-error-insufficient-funds' },
  HOLD_NOT_ACTIVE: { status: 409, bot: 'error-hold-not-active', api: 'error-hold-not-active' },
  LEDGER_UNBALANCED: { status: 500, bot: 'error-generic', api: 'api-error-internal' },

  // Payments (core/payments/).
  PRODUCT_NOT_FOUND: { status: 404, bot: 'error-product-not-found', api: 'api-error-product-not-found' },
  PAYMENT_NOT_FOUND: { status: 404, bot: 'error-payment-not-found', api: 'api-error-not-found' },
  // A provider's confirmation that does not match the payment: the provider's fault or an attack.
  PAYMENT_MISMATCH: { status: 409, bot: 'error-payment-mismatch', api: 'error-payment-mismatch' },
  PAYMENT_NOT_PENDING: { status: 409, bot: 'error-payment-not-pending', api: 'error-payment-not-pending' },
  // The method cannot take this product, or is not configured here.
  CURRENCY_NOT_SUPPORTED: {
    status: 400,
    bot: 'buy-method-unavailable',
    api: 'api-error-provider-unavailable',
  },
  REFUND_NOT_ALLOWED: { status: 409, bot: 'error-refund-not-allowed', api: 'error-refund-not-allowed' },

  // Promo codes and partners (core/referrals/). PROMO_REFUSED carries `reason` (TPromoRefusal); adapters
  // that claim codes say the reason themselves. PROMO_CODE_TAKEN and PARTNER_EXISTS carry `code`.
  PROMO_REFUSED: { status: 409, bot: 'error-promo-refused', api: 'error-promo-refused' },
  PROMO_CODE_TAKEN: { status: 409, bot: 'error-promo-code-taken', api: 'error-promo-code-taken' },
  PARTNER_EXISTS: { status: 409, bot: 'error-partner-exists', api: 'error-partner-exists' },

  // Payouts (core/payouts/; messages in locales/*/payouts.ftl). PAYOUT_TOO_SMALL carries `min`, `asset`,
  // `sent`, `currency`; PAYOUT_DESTINATION_INVALID `field`; PAYOUT_METHOD_UNAVAILABLE `asset`;
  // PAYOUT_RATE_CHANGED `rate`.
  PAYOUT_TOO_SMALL: { status: 422, bot: 'payout-error-too-small', api: 'payout-error-too-small' },
  PAYOUT_DESTINATION_INVALID: {
    status: 422,
    bot: 'payout-error-destination-invalid',
    api: 'payout-error-destination-invalid',
  },
  PAYOUT_METHOD_UNAVAILABLE: {
    status: 409,
    bot: 'payout-error-method-unavailable',
    api: 'payout-error-method-unavailable',
  },
  PAYOUT_RATE_CHANGED: { status: 409, bot: 'payout-error-rate-changed', api: 'payout-error-rate-changed' },
  // Money topped up into the wallet buys products and is never paid out; carries `available` and `asset`.
  PAYOUT_TOPUP_NOT_WITHDRAWABLE: {
    status: 422,
    bot: 'payout-error-topup-not-withdrawable',
    api: 'payout-error-topup-not-withdrawable',
  },
  PAYOUT_NOT_PENDING: { status: 409, bot: 'payout-error-not-pending', api: 'payout-error-not-pending' },

  // Files (core/files/): FILE_TOO_LARGE carries `limitMb`, IMAGE_TOO_LARGE `limitMegapixels`, both type
  // errors `mimeType`. FILE_URL_INVALID: a signature that does not check out or whose time is up.
  FILE_TOO_LARGE: { status: 413, bot: 'error-file-too-large', api: 'api-error-file-too-large' },
  IMAGE_TOO_LARGE: { status: 413, bot: 'error-image-too-large', api: 'api-error-image-too-large' },
  FILE_TYPE_NOT_ALLOWED: {
    status: 415,
    bot: 'error-file-type-not-allowed',
    api: 'api-error-file-type-not-allowed',
  },
  FILE_TYPE_MISMATCH: { status: 415, bot: 'error-file-type-mismatch', api: 'api-error-file-type-mismatch' },
  FILE_URL_INVALID: { status: 403, bot: 'error-file-url-invalid', api: 'api-error-file-url-invalid' },
});

declare module './app-error.ts' {
  interface TErrorCodes extends Record<keyof typeof platformErrors, true> {}
}
