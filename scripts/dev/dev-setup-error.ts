/** A problem the developer fixes outside the code (a service down, a port taken): printed without a stack. */
export class DevSetupError extends Error {
  override name = 'DevSetupError';
}
