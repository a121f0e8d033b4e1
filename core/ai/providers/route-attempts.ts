import { Counter, type Registry } from 'prom-client';
import { findCatalogModel } from '#core/ai/model-catalog.ts';
import type { Logger } from '#core/logging/logger.ts';
import {
  AUTH_FAILURE_REST_MS,
  DEFAULT_RATE_LIMIT_REST_MS,
  type TKeyPool,
  type TPoolKey,
} from './key-pool.ts';
import type { TAiConfig, TProviderConfig } from './provider-config.ts';
import { isProviderError, ProviderError } from './provider-error.ts';
import { operationOf, supportsOperation, type TOperation, type TRoute } from './provider-routes.ts';

export interface TUsableRoute {
  route: TRoute;
  config: TProviderConfig;
}

export interface TRouteAttemptsDeps {
  config: TAiConfig;
  pool: TKeyPool;
  logger?: Logger;
  metrics?: Registry;
  now?: () => number;
}

const ERRORS_METRIC = 'polygram_ai_provider_errors_total';

function errorCounter(registry: Registry | undefined): Counter<'provider' | 'failure'> | undefined {
  if (!registry) return undefined;
  // One per registry: a second gateway in the same process (tests) counts into the same series.
  const existing = registry.getSingleMetric(ERRORS_METRIC);
  if (existing) return existing as Counter<'provider' | 'failure'>;
  return new Counter({
    name: ERRORS_METRIC,
    help: 'Failed AI provider calls, by provider and failure',
    labelNames: ['provider', 'failure'],
    registers: [registry],
  });
}

/** How one route's attempt ended: an answer, a failure that moves the call on, or no key free. */
type TRouteEnd<T> =
  | { kind: 'done'; value: T; key: TPoolKey }
  | { kind: 'moved'; failure: ProviderError }
  | { kind: 'resting'; freeAt: number | undefined };

const earliest = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.min(a, b);

/**
 * The routing rules shared by every gateway call: which routes can serve a model (configured provider,
 * flavour able to do the operation), and the walk over them: keys in turn, a rate-limited or refused key
 * rested and the next key tried at once; an outage, a timeout or a request the route rejected (a bad
 * parameter, a model it does not know) sending the call to the next route; a content refusal going straight
 * back to the caller (shopping the same prompt around until some provider takes it is not ours to do).
 */
export function createRouteAttempts(deps: TRouteAttemptsDeps) {
  const now = deps.now ?? Date.now;
  const errors = errorCounter(deps.metrics);

  const usableRoutes = (modelId: string): { operation: TOperation; routes: TUsableRoute[] } | null => {
    const model = findCatalogModel(modelId);
    if (!model) return null;
    const operation = operationOf(model);
    const routes = (deps.config.routes[modelId] ?? []).flatMap((route) => {
      const config = deps.config.providers[route.provider];
      return config && supportsOperation(config.type, operation) ? [{ route, config }] : [];
    });
    return { operation, routes };
  };

  /** Counts the failure and rests the key where it is the key's fault; returns the failure as a ProviderError. */
  const recordFailure = async (provider: string, key: TPoolKey, error: unknown): Promise<ProviderError> => {
    if (!isProviderError(error)) throw error;
    errors?.inc({ provider, failure: error.failure });
    if (error.failure === 'rate_limited' || error.failure === 'auth') {
      const ms =
        error.failure === 'auth' ? AUTH_FAILURE_REST_MS : (error.retryAfterMs ?? DEFAULT_RATE_LIMIT_REST_MS);
      const rest = await deps.pool.rest(provider, key, ms);
      deps.logger?.warn(
        { provider, key: key.fingerprint, failure: error.failure, restMs: rest },
        'AI key resting',
      );
    }
    return error;
  };

  /** One route's keys in turn, until one answers, the route fails as a whole, or every key rests. */
  async function tryRoute<T>(
    modelId: string,
    target: TUsableRoute,
    operation: TOperation,
    call: (target: TUsableRoute, key: TPoolKey, operation: TOperation) => Promise<T>,
  ): Promise<TRouteEnd<T>> {
    const { provider } = target.route;
    const order = await deps.pool.order(provider, target.config.keys);
    let freeAt = order.soonestFreeAt;
    for (const key of order.ready) {
      try {
        return { kind: 'done', value: await call(target, key, operation), key };
      } catch (error) {
        const failure = await recordFailure(provider, key, error);
        if (failure.failure === 'rate_limited' || failure.failure === 'auth') {
          const rest = failure.failure === 'auth' ? AUTH_FAILURE_REST_MS : failure.retryAfterMs;
          freeAt = earliest(freeAt, now() + (rest ?? DEFAULT_RATE_LIMIT_REST_MS));
          continue;
        }
        const where = { model: modelId, provider, upstream: target.route.model, failure: failure.failure };
        if (failure.failure === 'content_refused') {
          deps.logger?.info({ ...where, err: failure.message }, 'AI provider refused the content');
          throw failure;
        }
        // Another key of this route would be sent the same request: only the next route may answer it.
        if (failure.failure === 'rejected')
          deps.logger?.error({ ...where, err: failure.message }, 'AI provider rejected the request');
        else deps.logger?.warn({ ...where, err: failure.message }, 'AI provider failed');
        return { kind: 'moved', failure };
      }
    }
    return { kind: 'resting', freeAt };
  }

  async function run<T>(
    modelId: string,
    expected: readonly TOperation[],
    call: (target: TUsableRoute, key: TPoolKey, operation: TOperation) => Promise<T>,
  ): Promise<{ value: T; provider: string; key: TPoolKey }> {
    const usable = usableRoutes(modelId);
    if (!usable) throw new ProviderError('rejected', `"${modelId}" is not a catalog model`);
    if (!expected.includes(usable.operation))
      throw new ProviderError('rejected', `"${modelId}" is not served through ${expected.join(' / ')}`);
    if (usable.routes.length === 0)
      throw new ProviderError('unavailable', `no configured provider serves "${modelId}"`);
    let soonest: number | undefined;
    let outage: ProviderError | undefined;
    let rejected: ProviderError | undefined;
    for (const target of usable.routes) {
      const end = await tryRoute(modelId, target, usable.operation, call);
      if (end.kind === 'done') return { value: end.value, provider: target.route.provider, key: end.key };
      if (end.kind === 'resting') soonest = earliest(soonest, end.freeAt);
      else if (end.failure.failure === 'rejected') rejected ??= end.failure;
      else outage = end.failure;
    }
    // An outage says more than the resting keys behind it: a retry soon may find the provider back. Resting
    // keys say more than a rejection: a route that rejected will reject again, a resting one may answer.
    if (outage) throw outage;
    if (rejected && soonest === undefined) throw rejected;
    const wait = soonest === undefined ? DEFAULT_RATE_LIMIT_REST_MS : Math.max(0, soonest - now());
    throw new ProviderError('rate_limited', `every key for "${modelId}" is resting`, wait);
  }

  return { usableRoutes, recordFailure, run };
}

export type TRouteAttempts = ReturnType<typeof createRouteAttempts>;
