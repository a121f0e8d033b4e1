import { randomBytes } from 'node:crypto';
import type { Redis } from './create-redis.ts';

// Both scripts touch the key only while it still holds our token: an expired lock may already be the next
// holder's, and a plain DEL or PEXPIRE would free or prolong a lock that is not ours.
// 1: done; 0: the key is gone (expired or deleted); -1: someone else holds it now.
const EXTEND = `local v = redis.call('GET', KEYS[1])
if v == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if v == false then return 0 end
return -1`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * Why a holder must stop: its key expired or was deleted, another process holds it now, or Redis did not
 * answer the renewals for so long that the key may have expired meanwhile.
 */
export type TLockLoss = 'expired' | 'taken' | 'unconfirmed';

export class LockLostError extends Error {
  constructor(
    readonly key: string,
    readonly reason: TLockLoss,
  ) {
    super(`lock ${key} lost (${reason})`);
    this.name = 'LockLostError';
  }
}

export interface TLockOptions {
  /** How long the key lives without a renewal: the longest a dead holder blocks everyone else. */
  ttlMs: number;
  /** Renewal period; ttl/3 by default, so two renewals in a row may fail before the key can expire. */
  renewEveryMs?: number;
  /** `false` leaves renewal to the holder (`extend`); tests use it to play a holder that stalled. */
  autoRenew?: boolean;
}

export interface TLock {
  readonly key: string;
  /** Aborted (with a LockLostError as reason) when the lock is found lost; not when it is released. */
  readonly signal: AbortSignal;
  /** Resolves with the reason once the lock is found lost; stays pending after a normal release. */
  readonly lost: Promise<TLockLoss>;
  /** Sets the key's lifetime to `ttlMs` again if it is still ours; false (and `lost`) if it is not. */
  extend(ttlMs?: number): Promise<boolean>;
  /** Deletes the key if it is still ours and stops renewing; true if it deleted it. Idempotent. */
  release(): Promise<boolean>;
}

/**
 * A lock held by one process at a time across every process sharing this Redis (SET NX PX with a random
 * token), renewed in the background while held. Null when someone else holds it. A holder must watch
 * `signal`: once the lock is lost another process may take it, and two holders at once is what it prevents.
 */
export async function acquireLock(redis: Redis, key: string, opts: TLockOptions): Promise<TLock | null> {
  const token = randomBytes(16).toString('hex');
  // Measured before the command: the key cannot outlive this estimate, whatever the round trip took.
  let validUntil = Date.now() + opts.ttlMs;
  if ((await redis.set(key, token, 'PX', opts.ttlMs, 'NX')) !== 'OK') return null;

  const controller = new AbortController();
  let markLost: (reason: TLockLoss) => void = () => {};
  const lost = new Promise<TLockLoss>((resolve) => {
    markLost = resolve;
  });
  let released = false;
  let timer: NodeJS.Timeout | undefined;
  const renewEveryMs = opts.renewEveryMs ?? Math.max(1, Math.floor(opts.ttlMs / 3));

  const lose = (reason: TLockLoss) => {
    if (controller.signal.aborted || released) return;
    clearTimeout(timer);
    controller.abort(new LockLostError(key, reason));
    markLost(reason);
  };

  const extend = async (ttlMs = opts.ttlMs): Promise<boolean> => {
    if (controller.signal.aborted || released) return false;
    const startedAt = Date.now();
    const answer = await redis.eval(EXTEND, 1, key, token, ttlMs);
    if (answer === 1) {
      validUntil = startedAt + ttlMs;
      return true;
    }
    lose(answer === 0 ? 'expired' : 'taken');
    return false;
  };

  const renew = async () => {
    try {
      await extend();
    } catch {
      // Redis did not answer: the key may still be ours, but once it could have expired the holder must
      // stop, before the next attempt would come too late to keep it.
      if (Date.now() + renewEveryMs >= validUntil) lose('unconfirmed');
    }
    schedule();
  };
  const schedule = () => {
    if (controller.signal.aborted || released || opts.autoRenew === false) return;
    timer = setTimeout(() => void renew(), renewEveryMs);
    // The holder's own work keeps the process alive; a pending renewal must not.
    timer.unref();
  };
  schedule();

  return {
    key,
    signal: controller.signal,
    lost,
    extend,
    async release() {
      if (released) return false;
      released = true;
      clearTimeout(timer);
      return (await redis.eval(RELEASE, 1, key, token)) === 1;
    },
  };
}

export type TWithLockResult<T> = { acquired: true; value: T } | { acquired: false };

/**
 * Runs `fn` while holding the lock and releases it afterwards, also when `fn` throws. `fn` gets the lock's
 * signal and must stop when it aborts. `{ acquired: false }` when another process holds the lock.
 */
export async function withLock<T>(
  redis: Redis,
  key: string,
  opts: TLockOptions,
  fn: (signal: AbortSignal) => Promise<T>,
): Promise<TWithLockResult<T>> {
  const lock = await acquireLock(redis, key, opts);
  if (!lock) return { acquired: false };
  try {
    return { acquired: true, value: await fn(lock.signal) };
  } finally {
    await lock.release();
  }
}
