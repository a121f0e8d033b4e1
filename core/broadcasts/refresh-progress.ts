import { randomUUID } from 'node:crypto';
import type { Broadcast, PrismaClient } from '#core/db/generated/client.ts';
import type { Redis } from '#core/redis/create-redis.ts';

export interface TProgressDeps {
  db: PrismaClient;
  redis: Redis;
  /** Namespace of the throttle and lock keys; the worker and the admin bot must use the same one. */
  keyPrefix: string;
  /** Shows the broadcast on its progress message (the adapter renders and calls editMessageText). */
  edit: (broadcast: Broadcast) => Promise<void>;
}

// Telegram tolerates about one edit a second per chat; every 2 s is smooth enough for a human watching.
export const PROGRESS_INTERVAL_MS = 2000;
const LOCK_TTL_MS = 10_000;
const FORCED_WAIT_MS = 5000;

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

/**
 * Edits the progress message at most every PROGRESS_INTERVAL_MS per broadcast, however many worker jobs ask.
 * `force` skips the throttle (final state, an admin's button). Edits hold a per-broadcast lock and read the
 * row inside it, so the edit that lands last always shows the latest state: a slow periodic edit cannot
 * overwrite "done" with an older count. Returns whether it edited.
 */
export async function refreshBroadcastProgress(
  deps: TProgressDeps,
  opts: { broadcastId: bigint; force?: boolean },
): Promise<boolean> {
  const key = `${deps.keyPrefix}:broadcast-progress:${opts.broadcastId}`;
  if (!opts.force) {
    const due = await deps.redis.set(`${key}:throttle`, '1', 'PX', PROGRESS_INTERVAL_MS, 'NX');
    if (due !== 'OK') return false;
  }
  const token = randomUUID();
  const deadline = Date.now() + (opts.force ? FORCED_WAIT_MS : 0);
  while ((await deps.redis.set(`${key}:lock`, token, 'PX', LOCK_TTL_MS, 'NX')) !== 'OK') {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  try {
    const broadcast = await deps.db.broadcast.findUnique({ where: { id: opts.broadcastId } });
    if (!broadcast?.progressChatId || !broadcast.progressMessageId) return false;
    await deps.edit(broadcast);
    return true;
  } finally {
    await deps.redis.eval(RELEASE, 1, `${key}:lock`, token);
  }
}
