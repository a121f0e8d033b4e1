import { createHash, timingSafeEqual } from 'node:crypto';
import type { TEnv } from '#core/config/env.ts';

/** `hidden`: answer 404, as if there were no such page (nothing tells a scanner that metrics exist here). */
export type TMetricsAccess = 'allowed' | 'unauthorized' | 'hidden';

export interface TMetricsRequest {
  /** The `Authorization` header as received. */
  authorization: string | undefined;
  /** The client's address (after trusted proxies, where the server knows them). */
  address: string | undefined;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

const isLoopback = (address: string | undefined) =>
  address !== undefined && (address === '::1' || /^(::ffff:)?127\./.test(address));

/**
 * Who may read /metrics, the same rule for the app and the worker: with METRICS_TOKEN set, only
 * `Authorization: Bearer <METRICS_TOKEN>`; without it, nobody in production, and in development and test
 * only requests from this machine. Metrics name queues, providers and error rates: not for the public.
 */
export function metricsAccessRule(
  config: Pick<TEnv, 'METRICS_TOKEN' | 'NODE_ENV'>,
): (request: TMetricsRequest) => TMetricsAccess {
  const token = config.METRICS_TOKEN;
  if (token === undefined) {
    const open = config.NODE_ENV !== 'production';
    return (request) => (open && isLoopback(request.address) ? 'allowed' : 'hidden');
  }
  // Hashed first: the comparison takes the same time whatever the length or first wrong byte of a guess.
  const expected = digest(`Bearer ${token}`);
  return (request) =>
    timingSafeEqual(digest(request.authorization ?? ''), expected) ? 'allowed' : 'unauthorized';
}
