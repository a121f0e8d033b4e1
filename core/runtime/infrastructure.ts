import type { TEnv } from '#core/config/env.ts';
import { createPrisma, type PrismaClient } from '#core/db/create-prisma.ts';
import { createLogger, type Logger } from '#core/logging/logger.ts';
import { createRedis, type Redis } from '#core/redis/create-redis.ts';
import { createShutdown, type Shutdown } from './shutdown.ts';

export interface Infrastructure {
  logger: Logger;
  db: PrismaClient;
  redis: Redis;
  shutdown: Shutdown;
  /** BullMQ's own key namespace inside REDIS_PREFIX. */
  queuePrefix: string;
}

/** What both entry points need first; everything registered here closes last. */
export function createInfrastructure(config: TEnv, name: string): Infrastructure {
  const logger = createLogger({ level: config.LOG_LEVEL, name });
  const shutdown = createShutdown(logger);
  const db = createPrisma(config.DATABASE_URL);
  const redis = createRedis(config.REDIS_URL, name);
  shutdown.add('postgres', () => db.$disconnect());
  shutdown.add('redis', () => redis.quit());
  return { logger, db, redis, shutdown, queuePrefix: `${config.REDIS_PREFIX}:bull` };
}
