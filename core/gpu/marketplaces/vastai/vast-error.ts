/**
 * Why a Vast.ai call failed, in the terms the GPU sync acts on:
 * - `auth`: the key was refused or lacks the scope (401/403);
 * - `not_found`: no such machine on our account (404, or an empty answer for one machine);
 * - `rate_limited`: 429 "API requests too frequent" (plain text, no Retry-After): wait and repeat;
 * - `unavailable`: 5xx, a reset or refused connection: try again later;
 * - `timeout`: no answer within the configured time;
 * - `invalid`: Vast.ai refused the request as sent (other 4xx, or HTTP 200 with `success: false`);
 * - `bad_response`: an answer that does not parse as the shape the facts sheet gives; never passed on.
 */
export type TVastErrorKind =
  | 'auth'
  | 'not_found'
  | 'rate_limited'
  | 'unavailable'
  | 'timeout'
  | 'invalid'
  | 'bad_response';

/** A failed Vast.ai call: the route and Vast.ai's own message, never the API key. */
export class VastError extends Error {
  readonly kind: TVastErrorKind;
  /** `PUT /api/v0/machines/create_asks/`: the route, with `{id}` for the machine. */
  readonly route: string;
  /** HTTP status; undefined when no answer came back. */
  readonly status: number | undefined;
  /** Vast.ai's `msg` / `message` / plain-text body, cut short. */
  readonly vastMessage: string | undefined;

  constructor(opts: {
    kind: TVastErrorKind;
    route: string;
    message: string;
    status?: number;
    vastMessage?: string;
    cause?: unknown;
  }) {
    super(`${opts.route}: ${opts.message}`, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'VastError';
    this.kind = opts.kind;
    this.route = opts.route;
    this.status = opts.status;
    this.vastMessage = opts.vastMessage;
  }

  /** Worth sending the same call again, if the call is safe to repeat. */
  get transient(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'unavailable' || this.kind === 'timeout';
  }
}

export const isVastError = (error: unknown, kind?: TVastErrorKind): error is VastError =>
  error instanceof VastError && (kind === undefined || error.kind === kind);
