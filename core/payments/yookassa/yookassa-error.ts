/**
 * A failed YooKassa call. `code` is YooKassa's own error code (`invalid_request`, `invalid_credentials`,
 * `forbidden`, `not_found`, `too_many_requests`, `internal_server_error`) or one of ours:
 * `network_error` (no answer at all), `processing` (HTTP 202: accepted, result not ready yet),
 * `unexpected_response` (an answer we could not read) and `invalid_input` (refused before sending).
 *
 * `retryable` means "send the same request again with the same Idempotence-Key": YooKassa documents a
 * 500 as "result unknown, repeat with the same key", and a 429 or a network failure may have been
 * processed too. The client already retried a few times; a job that sees `retryable` should retry later
 * with the same key, never with a new one.
 */
export class YooKassaError extends Error {
  readonly code: string;
  /** HTTP status, undefined when no answer came back. */
  readonly status: number | undefined;
  readonly retryable: boolean;
  /** YooKassa's id of the error, for their support. */
  readonly errorId: string | undefined;
  /** The request field YooKassa blames (`amount.value`, `Idempotence-Key`, …). */
  readonly parameter: string | undefined;

  constructor(opts: {
    code: string;
    status?: number;
    message?: string;
    retryable?: boolean;
    errorId?: string;
    parameter?: string;
    cause?: unknown;
  }) {
    super(opts.message ?? opts.code, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'YooKassaError';
    this.code = opts.code;
    this.status = opts.status;
    this.retryable = opts.retryable ?? (opts.status !== undefined && isRetryableStatus(opts.status));
    this.errorId = opts.errorId;
    this.parameter = opts.parameter;
  }
}

/** 202 (still processing), 429 (rate limit) and every 5xx may succeed when repeated with the same key. */
export function isRetryableStatus(status: number): boolean {
  return status === 202 || status === 429 || status >= 500;
}

export const isYooKassaError = (error: unknown, code?: string): error is YooKassaError =>
  error instanceof YooKassaError && (code === undefined || error.code === code);
