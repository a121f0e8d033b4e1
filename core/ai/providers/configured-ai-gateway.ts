import type { Registry } from 'prom-client';
import type { TEnv } from '#core/config/env.ts';
import type { Logger } from '#core/logging/logger.ts';
import type { Redis } from '#core/redis/create-redis.ts';
import type { TAiGateway } from './ai-gateway.ts';
import { createAiGateway, describeAiConfig } from './create-ai-gateway.ts';
import { aiConfigOf } from './provider-config.ts';

/**
 * The gateway as both entry points build it from AI_PROVIDERS / AI_ROUTES, with one log line naming the
 * providers and their key fingerprints (never the keys), so a deployment shows what it will call.
 */
export function createConfiguredAiGateway(deps: {
  env: Pick<TEnv, 'AI_PROVIDERS' | 'AI_ROUTES' | 'REDIS_PREFIX'>;
  redis: Redis;
  logger: Logger;
  metrics?: Registry;
}): TAiGateway {
  const config = aiConfigOf(deps.env);
  deps.logger.info({ providers: describeAiConfig(config) }, 'AI providers');
  return createAiGateway({
    config,
    redis: deps.redis,
    redisPrefix: deps.env.REDIS_PREFIX,
    logger: deps.logger,
    metrics: deps.metrics,
  });
}
