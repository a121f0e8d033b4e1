/** A rejected control request: answered as `{ ok: false, error }` with this HTTP status. */
export class ControlError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = 'ControlError';
  }
}
