import type { Registry } from 'prom-client';
import type { TEnv } from '../core/config/env.ts';
import type { PrismaClient } from '../core/db/create-prisma.ts';
import type { Translator } from '../core/i18n/translator.ts';
import type { Logger } from '../core/logging/logger.ts';
import type { Redis } from '../core/redis/create-redis.ts';

/** Receives a Telegram update that arrived by webhook; the bot decides what to do with it. */
export type TWebhookHandler = (update: unknown) => Promise<void>;

export interface ServerDeps {
  config: TEnv;
  db: PrismaClient;
  redis: Redis;
  logger: Logger;
  translator: Translator;
  metrics: Registry;
  /** Present in webhook mode: one handler per bot, mounted at /telegram/<bot>/<WEBHOOK_SECRET>. */
  webhooks?: { user: TWebhookHandler; admin: TWebhookHandler };
  /** Folder of the built Mini App (index.html and assets); not served when missing. */
  miniAppDir?: string;
}
