import type { TAiTier } from '#core/ai/user-tier.ts';
import type { PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import type { TTx } from '#core/ledger/ledger-accounts.ts';

const HOUR_MS = 3_600_000;

/** Generation requests (images, video, audio, tools) a user may start per hour, by plan (the AI-bot spec). */
export const GENERATIONS_PER_HOUR: Record<TAiTier, number> = { free: 5, basic: 100, premium: 500 };

/** First key of the two-key advisory lock that serializes one user's acceptances (the second: the user). */
const LIMIT_LOCK_SPACE = 0x6c696d; // "lim"

export interface TGenerationQuota {
  tier: TAiTier;
  limit: number;
  /** Accepted requests of the last hour that did not fail. */
  used: number;
  remaining: number;
  /** When the next request fits again; null while some remain. */
  retryAt: Date | null;
}

/*
 * The window is read from `ai_requests` itself, not kept beside it (say, a log in Redis that every failure
 * path would have to remember to correct, and that could disagree with the rows): a slot is a generation
 * job of the user's, accepted within the last hour, that is queued, running or succeeded. A request that
 * fails in any way (the provider refused it, it timed out, its job was lost, the queue was down) stops
 * counting the moment its row says so, whichever path wrote that (settle-generation.ts,
 * recover-lost-generations.ts, accept-generation.ts), and a settle that runs twice cannot give a slot back
 * twice: there is nothing to give back, the count is of rows. Generation jobs are the rows whose hold is
 * named after them (`ai:<id>`, accept-generation.ts); chat replies, transcriptions and speech run in the
 * app process and are not limited here. The (user_id, created_at) index keeps this to the user's last hour.
 */
async function counted(db: PrismaClient | TTx, userId: bigint, now: Date): Promise<Date[]> {
  const rows = await db.$queryRaw<{ created_at: Date }[]>`
    SELECT created_at FROM ai_requests
    WHERE user_id = ${userId} AND created_at > ${new Date(now.getTime() - HOUR_MS)}
      AND status IN ('queued', 'running', 'succeeded') AND hold_key = 'ai:' || id::text
    ORDER BY created_at`;
  return rows.map((r) => r.created_at);
}

/** What the user has left this hour; the pickers show it before anything is chosen. */
export async function generationQuota(
  db: PrismaClient | TTx,
  input: { userId: bigint; tier: TAiTier; now?: Date },
): Promise<TGenerationQuota> {
  const now = input.now ?? new Date();
  const limit = GENERATIONS_PER_HOUR[input.tier];
  const times = await counted(db, input.userId, now);
  const used = times.length;
  // Past the limit (a plan that ran out mid-hour) more than one request must leave before one fits.
  const freed = used >= limit ? times[used - limit] : undefined;
  return {
    tier: input.tier,
    limit,
    used,
    remaining: Math.max(0, limit - used),
    retryAt: freed ? new Date(freed.getTime() + HOUR_MS) : null,
  };
}

/** `RATE_LIMITED { retryAt, limit, tier }` when nothing is left this hour. */
export function refuseWhenSpent(quota: TGenerationQuota): void {
  if (quota.remaining > 0) return;
  throw new AppError('RATE_LIMITED', {
    retryAt: quota.retryAt ?? new Date(),
    limit: quota.limit,
    tier: quota.tier,
  });
}

/**
 * Takes one slot inside the transaction that writes the request's row: the user's advisory lock makes
 * parallel acceptances of one user (two processes, a double tap) count one after the other, each seeing the
 * rows the previous one committed, so they cannot all slip under the limit. Throws RATE_LIMITED.
 */
export async function takeGenerationSlot(
  tx: TTx,
  input: { userId: bigint; tier: TAiTier; now: Date },
): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LIMIT_LOCK_SPACE}::int, hashtext(${input.userId.toString()}))`;
  refuseWhenSpent(await generationQuota(tx, input));
}
