/**
 * Every failure the domain expects carries a code. Bots turn the code into a localized message
 * (`error-<code>` in locales/), the HTTP layer into a status (server/errors.ts).
 */
export type TAppErrorCode =
  | 'NOT_FOUND'
  | 'USER_NOT_FOUND'
  | 'USER_BANNED'
  | 'FORBIDDEN'
  | 'INVALID_INPUT'
  | 'EMAIL_INVALID'
  | 'EMAIL_TAKEN'
  | 'EMAIL_CODE_WRONG'
  | 'EMAIL_CODE_EXPIRED'
  | 'EMAIL_LOCKED'
  | 'EMAIL_NO_PENDING'
  | 'ROLE_SELF_CHANGE'
  | 'RATE_LIMITED'
  | 'UNAUTHORIZED'
  | 'INSUFFICIENT_FUNDS'
  | 'HOLD_NOT_ACTIVE'
  | 'LEDGER_UNBALANCED'
  | 'PRODUCT_NOT_FOUND'
  | 'PAYMENT_NOT_FOUND'
  | 'PAYMENT_MISMATCH'
  | 'PAYMENT_NOT_PENDING'
  | 'CURRENCY_NOT_SUPPORTED'
  | 'REFUND_NOT_ALLOWED'
  | 'PROVIDER_ERROR'
  // Promo codes and partners (core/referrals/); PROMO_REFUSED carries `reason` (TPromoRefusal).
  | 'PROMO_REFUSED'
  | 'PROMO_CODE_TAKEN'
  | 'PARTNER_EXISTS'
  // --- Payouts (core/payouts/) ---
  // EMAIL_REQUIRED: money leaving the platform needs a verified email. PAYOUT_TOO_SMALL carries `min`, `asset`
  // (the least that may leave the balance, decimal), `sent`, `currency` (the method's own minimum).
  // PAYOUT_METHOD_UNAVAILABLE (no rate from the balance's asset to the method's currency) carries `asset`,
  // `method`; PAYOUT_DESTINATION_INVALID `method`, `field` (destination or bankName); PAYOUT_RATE_CHANGED
  // `rate` (the rate now, decimal).
  | 'EMAIL_REQUIRED'
  | 'PAYOUT_TOO_SMALL'
  | 'PAYOUT_NOT_PENDING'
  | 'PAYOUT_METHOD_UNAVAILABLE'
  | 'PAYOUT_DESTINATION_INVALID'
  | 'PAYOUT_RATE_CHANGED'
  // --- end of payouts ---
  // Files (core/files/): FILE_TOO_LARGE carries `limitMb`, IMAGE_TOO_LARGE `limitMegapixels`, both type
  // errors `mimeType`.
  | 'FILE_TOO_LARGE'
  | 'FILE_TYPE_NOT_ALLOWED'
  | 'FILE_TYPE_MISMATCH'
  | 'IMAGE_TOO_LARGE'
  // A file URL whose signature does not check out or whose time is up.
  | 'FILE_URL_INVALID'
  // AI model administration (core/ai/models/): an id the catalog does not know.
  | 'MODEL_NOT_FOUND'
  // AI generation (core/ai/generation/): the model is switched off, or no provider serves it.
  | 'MODEL_UNAVAILABLE'
  // AI chat (core/ai/chat/): Whisper heard nothing in a voice message (nothing is charged).
  | 'TRANSCRIPT_EMPTY'
  // Video tasks (core/video-tasks/): TASK_MATERIAL_LIMIT carries `kind` and `max`, TASK_PRICE_CHANGED `price`.
  | 'TASK_MATERIAL_LIMIT'
  | 'TASK_MATERIAL_MISSING'
  | 'TASK_PROMPT_REQUIRED'
  | 'TASK_RUN_ACTIVE'
  | 'TASK_PRICE_CHANGED'
  // AI studio in the Mini App (server/routes/miniapp/studio/): CHAT_BUSY while another reply of the user's is
  // streaming (bot or Mini App); PRICE_CHANGED carries `price`; GENERATION_LIMITED `limit`, `minutes`, `time`.
  | 'CHAT_BUSY'
  | 'PRICE_CHANGED'
  | 'GENERATION_LIMITED';

export class AppError extends Error {
  constructor(
    readonly code: TAppErrorCode,
    readonly details: Record<string, string | number | Date> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const isAppError = (error: unknown, code?: TAppErrorCode): error is AppError =>
  error instanceof AppError && (code === undefined || error.code === code);
