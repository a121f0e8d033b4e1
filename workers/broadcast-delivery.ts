import type { Api } from 'grammy';
// The progress message is the admin bot's; the worker edits it with the same rendering and buttons.
import { progressDeps } from '#bots/admin/broadcast-progress-message.ts';
import { checkBroadcastDelivery, type TDeliveryGate } from '#core/broadcasts/delivery-gate.ts';
import { finishBroadcastIfComplete } from '#core/broadcasts/finish-broadcast.ts';
import { recordDelivery, type TDeliveryOutcomeStatus } from '#core/broadcasts/record-delivery.ts';
import { refreshBroadcastProgress } from '#core/broadcasts/refresh-progress.ts';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import type { Translator } from '#core/i18n/translator.ts';
import type { Logger } from '#core/logging/logger.ts';
import type { Redis } from '#core/redis/create-redis.ts';

export interface TBroadcastTarget {
  broadcastId: bigint;
  userId: bigint;
}

export interface BroadcastDeliveryDeps {
  db: PrismaClient;
  redis: Redis;
  /** The notify queue's prefix: the admin bot uses the same one for the progress message's throttle. */
  keyPrefix: string;
  adminApi: Api;
  translator: Translator;
  logger: Logger;
}

/** While a broadcast is paused, a job already taken by the worker looks again this often. */
export const PAUSED_RECHECK_MS = 5000;

/** What the notify worker does around a broadcast recipient's message: ask before, record after. */
export function createBroadcastDelivery(deps: BroadcastDeliveryDeps) {
  const progress = progressDeps({ ...deps, api: deps.adminApi });
  return {
    gate: (target: TBroadcastTarget): Promise<TDeliveryGate> => checkBroadcastDelivery(deps.db, target),

    /** Counts the outcome once, finishes the broadcast after its last recipient, and refreshes the progress. */
    async record(target: TBroadcastTarget, status: TDeliveryOutcomeStatus): Promise<void> {
      const counters = await recordDelivery(deps.db, { ...target, status });
      if (!counters) return;
      const finished =
        counters.sent + counters.failed + counters.blocked >= counters.total &&
        (await finishBroadcastIfComplete(deps.db, { broadcastId: target.broadcastId }));
      try {
        await refreshBroadcastProgress(progress, { broadcastId: target.broadcastId, force: finished });
      } catch (error) {
        // The progress message is only a view: failing to edit it must not fail, and so resend, a delivery.
        deps.logger.warn(
          { broadcastId: target.broadcastId.toString(), err: String(error) },
          'broadcast progress not updated',
        );
      }
    },
  };
}
