import type { AiRequest, PrismaClient } from '#core/db/generated/client.ts';
import type { TGenerationDelivery } from './generation-delivery.ts';
import { sendOnce } from './send-once.ts';

export interface TAnnounceDeps {
  db: PrismaClient;
  delivery: TGenerationDelivery;
  /**
   * The worker's own ending for a final request (a video task's status, launch log and bot message through
   * `notify`, core/video-tasks/finish-task-run.ts). Must be idempotent: a crash before `notifiedAt` is
   * written runs it again.
   */
  onFinished?: (requestId: bigint) => Promise<unknown>;
}

const FINAL = new Set(['succeeded', 'failed', 'canceled']);
export const FAILURE_SLOT = 'failure';

/**
 * The last outside effects of a final request, then `notifiedAt`, after which a rerun of its job does
 * nothing: the status message is edited to the outcome (an edit, so a rerun may repeat it), a failure is
 * also told in a new message (journaled: sent at most once; if an earlier run died waiting for Telegram's
 * answer it is not sent again, the edited status message already says it failed), and the worker's hook
 * runs. Returns the row as it was announced, or null when there was nothing (left) to announce.
 */
export async function announceOutcome(deps: TAnnounceDeps, requestId: bigint): Promise<AiRequest | null> {
  const request = await deps.db.aiRequest.findUnique({ where: { id: requestId } });
  if (!request || !FINAL.has(request.status) || request.notifiedAt !== null) return null;
  if (request.chatId !== null) {
    await deps.delivery.showOutcome(request);
    if (request.status === 'failed')
      await sendOnce(deps.db, {
        requestId,
        slot: FAILURE_SLOT,
        send: () => deps.delivery.sendFailure(request),
      });
  }
  await deps.onFinished?.(requestId);
  await deps.db.aiRequest.updateMany({
    where: { id: requestId, notifiedAt: null },
    data: { notifiedAt: new Date() },
  });
  return request;
}
