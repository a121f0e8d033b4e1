/**
 * The codes a failure may carry. Each catalog (core/errors/platform-errors.ts, core/<service>/errors.ts)
 * merges its codes into this interface, so AppError knows every code without importing the services; the
 * registry (core/services/registry.ts) merges the catalogs themselves into the status and messages of each.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging from the catalogs.
export interface TErrorCodes {}

export type TAppErrorCode = keyof TErrorCodes & string;

/**
 * Every failure the domain expects carries a code. Bots turn the code into a localized message, the HTTP
 * layer into a status and a message (server/errors.ts), both through the merged catalog.
 */
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
