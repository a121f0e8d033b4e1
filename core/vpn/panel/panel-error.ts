/**
 * Why a panel call failed, in the terms the VPN service acts on:
 * - `not_found`: the user (or node, squad) is not on the panel (HTTP 404, codes A025/A063/…);
 * - `conflict`: the username is taken (A019) — for a create, read the user back instead;
 * - `invalid`: the panel refused the request as sent (other 4xx: validation, past expireAt, already enabled);
 * - `auth`: the token or the auth layer in front of the panel refused us (401/403);
 * - `unavailable`: 5xx, a reset connection or no answer at all: try again later;
 * - `timeout`: no answer within the configured time;
 * - `bad_response`: an answer that does not match the panel's contract (a different panel version or
 *   something else at that URL); never passed on;
 * - `unsupported`: the panel's version is not one this client speaks.
 */
export type TPanelErrorKind =
  | 'not_found'
  | 'conflict'
  | 'invalid'
  | 'auth'
  | 'unavailable'
  | 'timeout'
  | 'bad_response'
  | 'unsupported';

/** A failed panel call. Carries the route and the panel's own code and message; never the token. */
export class PanelError extends Error {
  readonly kind: TPanelErrorKind;
  /** `GET /api/users/by-username/{…}`: the route, as the contract names it. */
  readonly route: string;
  /** HTTP status, undefined when no answer came back. */
  readonly status: number | undefined;
  /** The panel's errorCode (`A019`, `A025`, …) when it sent one. */
  readonly panelCode: string | undefined;
  readonly panelMessage: string | undefined;

  constructor(opts: {
    kind: TPanelErrorKind;
    route: string;
    message: string;
    status?: number;
    panelCode?: string;
    panelMessage?: string;
    cause?: unknown;
  }) {
    super(`${opts.route}: ${opts.message}`, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'PanelError';
    this.kind = opts.kind;
    this.route = opts.route;
    this.status = opts.status;
    this.panelCode = opts.panelCode;
    this.panelMessage = opts.panelMessage;
  }

  /** Worth sending the same idempotent request again. */
  get transient(): boolean {
    return this.kind === 'unavailable' || this.kind === 'timeout';
  }
}

export const isPanelError = (error: unknown, kind?: TPanelErrorKind): error is PanelError =>
  error instanceof PanelError && (kind === undefined || error.kind === kind);
