import type { FastifyRequest } from 'fastify';
import type { z } from 'zod/mini';
import type { User } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';

const ID = /^\d{1,19}$/;

/** The signed-in account (miniAppAuth ran before every studio route). */
export function accountOf(request: FastifyRequest): User {
  if (!request.account) throw new AppError('UNAUTHORIZED');
  return request.account;
}

/** A path id; a malformed one is "not found", like anyone else's: ids must not be probed. */
export function idOf(raw: string): bigint {
  if (!ID.test(raw)) throw new AppError('NOT_FOUND');
  return BigInt(raw);
}

/** A body or query checked against its contract; anything else is INVALID_INPUT. */
export function parsed<TSchema extends z.ZodMiniType>(schema: TSchema, value: unknown): z.infer<TSchema> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new AppError('INVALID_INPUT');
  return result.data;
}

/** `limit` of a paged list: the default when absent, INVALID_INPUT outside 1–max. */
export function pageLimit(raw: string | undefined, fallback: number, max: number): number {
  const limit = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) throw new AppError('INVALID_INPUT');
  return limit;
}
