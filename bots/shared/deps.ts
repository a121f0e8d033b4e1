import type { Queue } from 'bullmq';
import type { TAiJob } from '#core/ai/generation/generation-job.ts';
import type { TAiGateway } from '#core/ai/providers/ai-gateway.ts';
import type { TEnv } from '#core/config/env.ts';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import type { TFileStore } from '#core/files/file-store.ts';
import type { Translator } from '#core/i18n/translator.ts';
import type { Logger } from '#core/logging/logger.ts';
import type { Mailer } from '#core/mail/mailer.ts';
import type { TNotifyJob } from '#core/notify/notify-job.ts';
import type { PaymentGateways } from '#core/payments/payment-gateway.ts';
import type { Redis } from '#core/redis/create-redis.ts';
import type { BackgroundWork } from './background-work.ts';
import type { BotMetrics } from './metrics.ts';

/** Everything a bot needs, built once in bots/main.ts (or a test) and passed in. */
export interface BotDeps {
  config: TEnv;
  db: PrismaClient;
  redis: Redis;
  logger: Logger;
  translator: Translator;
  mailer: Mailer;
  notifyQueue: Queue<TNotifyJob>;
  metrics: BotMetrics;
  /** Derived from DATA_ENCRYPTION_KEY for hashing email codes. */
  emailCodeKey: Buffer;
  /** Where the Mini App is served (MINIAPP_URL, else PUBLIC_URL); null hides "Open app". */
  miniAppUrl: string | null;
  /** The payment providers that are configured (Stars is always there: it goes through the bot). */
  gateways: PaymentGateways;
  /** The AI providers behind one door (core/ai/providers/create-ai-gateway.ts); serves nothing unconfigured. */
  ai: TAiGateway;
  /** File bytes (core/files/): saveFile / readFile take it as `store`. */
  fileStore: TFileStore;
  /** Signs file URLs (`signFileUrl`); derived from DATA_ENCRYPTION_KEY by `fileUrlKeyOf`. */
  fileUrlKey: Buffer;
  /** Generation jobs (images, video, audio, photo tools): acceptGeneration enqueues, workers/ai.ts runs them. */
  aiQueue: Queue<TAiJob>;
  /** Replies that outlive their update (chat streaming); shutdown waits for them. */
  background?: BackgroundWork;
}
