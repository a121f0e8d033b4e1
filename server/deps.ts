import type { Queue } from 'bullmq';
import type { Registry } from 'prom-client';
import type { TAiJob } from '#core/ai/generation/generation-job.ts';
import type { TAiGateway } from '#core/ai/providers/ai-gateway.ts';
import type { TEnv } from '#core/config/env.ts';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import type { User } from '#core/db/generated/client.ts';
import type { TFileStore } from '#core/files/file-store.ts';
import type { Translator } from '#core/i18n/translator.ts';
import type { Logger } from '#core/logging/logger.ts';
import type { TNotifyJob } from '#core/notify/notify-job.ts';
import type { TCryptoPayClient } from '#core/payments/cryptobot/cryptopay-client.ts';
import type { PaymentGateways } from '#core/payments/payment-gateway.ts';
import type { TYooKassaClient } from '#core/payments/yookassa/yookassa-client.ts';
import type { Redis } from '#core/redis/create-redis.ts';

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
  /** Payment providers' webhooks (/webhooks/yookassa, /webhooks/cryptopay): a route per configured client. */
  payments?: { notifyQueue: Queue<TNotifyJob>; yookassa?: TYooKassaClient; cryptopay?: TCryptoPayClient };
  /**
   * Checkout for the Mini App: the providers that are configured, built in bots/main.ts (the Stars gateway
   * needs the user bot's Telegram API, which server/ must not import).
   */
  gateways: PaymentGateways;
  /** The user bot's @username (from getMe), for referral links `https://t.me/<username>?start=<code>`. */
  userBotUsername: string;
  /** Folder of the built Mini App (index.html and assets); not served when missing. */
  miniAppDir?: string;
  /** The AI providers behind one door (core/ai/providers/create-ai-gateway.ts); serves nothing unconfigured. */
  ai: TAiGateway;
  /**
   * File bytes (core/files/) and the key that signs file URLs (`fileUrlKeyOf(DATA_ENCRYPTION_KEY)`). Both or
   * neither: without them /api/files and /files/:id are not mounted (tests of other routes pass neither).
   */
  fileStore?: TFileStore;
  fileUrlKey?: Buffer;
  /**
   * After the user changed their language in the Mini App: bots/main.ts sets their chat's menu button to it
   * (the server has no bot API). Tests of other routes pass none.
   */
  onLanguageChanged?: (user: User) => Promise<void>;
  /** Generation jobs for the Mini App's studio (core/ai/generation/accept-generation.ts); optional until it has routes. */
  aiQueue?: Queue<TAiJob>;
}
