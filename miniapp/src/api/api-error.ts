/** Codes the client itself produces; every other code comes from the server's error body. */
export type TClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE';

/**
 * A failed API call. `message` is the server's localized text when the server sent one;
 * client-side failures carry none, and the UI shows its own localized fallback.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The ban's reason as staff wrote it, sent with USER_BANNED. */
    readonly reason?: string,
  ) {
    super(message);
  }

  /** Telegram did not vouch for this session: missing, forged or expired initData. */
  get isUnauthorized(): boolean {
    return this.status === 401;
  }

  /** The account is banned: every call is refused with this until staff lift the ban. */
  get isBanned(): boolean {
    return this.code === 'USER_BANNED';
  }
}
