/** A request the host refuses or cannot serve: answered `{ error }` with this HTTP status. */
export class HostError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}

const CONTROL_PREFIX = 'Telegram control API: ';

/**
 * What the local Bot API refused (an unknown message, an invoice already paid…) is the page's mistake and
 * worth showing as is; anything else means the Bot API could not be reached.
 */
export function fromControlError(error: unknown): HostError {
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith(CONTROL_PREFIX)) return new HostError(400, message.slice(CONTROL_PREFIX.length));
  return new HostError(502, `local Bot API unreachable: ${message}`);
}
