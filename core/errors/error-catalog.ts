/**
 * How a coded failure reaches a person: the HTTP status, and the Fluent keys of the bot's reply and of the
 * API's message. Both messages get the error's details as arguments, so a placeholder must name a detail
 * that every `new AppError(code, …)` of that code sets (core/errors/error-catalog.test.ts checks it).
 */
export type TErrorSpec = { status: number; bot: string; api: string };

export type TErrorCatalog = Readonly<Record<string, TErrorSpec>>;

/**
 * A catalog with its codes kept as literal keys, so the file that defines it can merge them into
 * `TErrorCodes` (core/errors/app-error.ts) and `new AppError(code)` stays checked.
 */
export const defineErrors = <T extends Record<string, TErrorSpec>>(errors: T): Readonly<T> => errors;

/** What a code maps to when no catalog knows it: a bug (a service left out of the registry), said as one. */
export const UNKNOWN_ERROR: TErrorSpec = { status: 500, bot: 'error-generic', api: 'api-error-internal' };

/** An error's details as Fluent arguments: Fluent takes strings and numbers, so a Date goes as ISO 8601. */
export function errorArgs(
  details: Readonly<Record<string, string | number | Date>>,
): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(details).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
  );
}
