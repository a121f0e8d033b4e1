/**
 * A failed Crypto Pay call. `code` and `errorName` are Crypto Pay's own (`401 UNAUTHORIZED`,
 * `400 INVOICE_NOT_FOUND`, `400 AMOUNT_TOO_SMALL`, …) when it answered with `{ ok: false, error }`;
 * otherwise `code` is the HTTP status (0 when no answer came back) and `errorName` one of ours:
 * `NETWORK_ERROR`, `UNEXPECTED_RESPONSE`, `INVALID_INPUT`. (`Error#name` stays the class name.)
 */
export class CryptoPayError extends Error {
  readonly code: number;
  readonly errorName: string;
  /** Worth repeating: no answer, rate limited or a server-side failure. */
  readonly retryable: boolean;

  constructor(opts: {
    code: number;
    errorName: string;
    message?: string;
    retryable?: boolean;
    cause?: unknown;
  }) {
    super(
      opts.message ?? `Crypto Pay error ${opts.code} ${opts.errorName}`,
      opts.cause === undefined ? undefined : { cause: opts.cause },
    );
    this.name = 'CryptoPayError';
    this.code = opts.code;
    this.errorName = opts.errorName;
    this.retryable = opts.retryable ?? (opts.code === 0 || opts.code === 429 || opts.code >= 500);
  }
}

export const isCryptoPayError = (error: unknown, errorName?: string): error is CryptoPayError =>
  error instanceof CryptoPayError && (errorName === undefined || error.errorName === errorName);
