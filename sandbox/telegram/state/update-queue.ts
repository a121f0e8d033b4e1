import type { Update } from 'grammy/types';
import { conflict } from '#sandbox/telegram/bot-api/api-error.ts';
import type { UpdatePayload, UpdateType } from '#sandbox/telegram/types.ts';

/**
 * "Specify an empty list to receive all update types except chat_member,
 * message_reaction, and message_reaction_count (default)." — Bot API, getUpdates.
 */
const EXCLUDED_BY_DEFAULT: ReadonlySet<string> = new Set([
  'chat_member',
  'message_reaction',
  'message_reaction_count',
]);

interface PendingPoll {
  wake(): void;
  terminate(reason: string): void;
}

const TERMINATED_BY_POLL =
  'terminated by other getUpdates request; make sure that only one bot instance is running';

function updateType(payload: UpdatePayload): UpdateType | undefined {
  return Object.keys(payload).find((key) => key !== 'update_id') as UpdateType | undefined;
}

/**
 * One bot's pending updates. Like Telegram, updates stay queued until a later
 * getUpdates confirms them with `offset` (or a webhook delivery succeeds), so
 * a poll whose response never reached the bot loses nothing.
 */
export class UpdateQueue {
  #pending: Update[] = [];
  #nextUpdateId = 1;
  #allowed: ReadonlySet<string> | undefined;
  #poll: PendingPoll | undefined;
  readonly #listeners = new Set<() => void>();

  get size(): number {
    return this.#pending.length;
  }

  /** The allowed_updates list in force, or undefined for Telegram's default. */
  get allowedUpdates(): UpdateType[] | undefined {
    return this.#allowed ? ([...this.#allowed] as UpdateType[]) : undefined;
  }

  /** Telegram keeps the last allowed_updates setting; an empty list restores the default. */
  setAllowedUpdates(types: readonly string[]): void {
    this.#allowed = types.length > 0 ? new Set(types) : undefined;
  }

  accepts(type: string): boolean {
    return this.#allowed ? this.#allowed.has(type) : !EXCLUDED_BY_DEFAULT.has(type);
  }

  /** Numbers and queues an update; returns undefined when allowed_updates filters it out. */
  push(payload: UpdatePayload): Update | undefined {
    const type = updateType(payload);
    if (!type || !this.accepts(type)) return undefined;
    const update: Update = { update_id: this.#nextUpdateId++, ...payload };
    this.#pending.push(update);
    this.#poll?.wake();
    for (const listener of this.#listeners) listener();
    return update;
  }

  /**
   * getUpdates `offset`: positive confirms every update below it; negative
   * keeps only the last `-offset` updates and forgets the rest.
   */
  confirm(offset: number): void {
    if (offset > 0) this.#pending = this.#pending.filter((update) => update.update_id >= offset);
    else if (offset < 0) this.#pending = this.#pending.slice(offset);
  }

  peek(limit: number): Update[] {
    return this.#pending.slice(0, limit);
  }

  clear(): void {
    this.#pending = [];
  }

  onPush(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Waits until an update is queued, the timeout passes, or the request is
   * aborted. Telegram allows one long poll per bot: a newer getUpdates
   * terminates the pending one, which then fails with 409 Conflict.
   */
  waitForUpdates(timeoutMs: number, signal: AbortSignal): Promise<void> {
    this.terminatePoll(TERMINATED_BY_POLL);
    if (this.#pending.length > 0 || timeoutMs <= 0 || signal.aborted) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const poll: PendingPoll = {
        wake: () => finish(resolve),
        terminate: (reason) => finish(() => reject(conflict(reason))),
      };
      const timer = setTimeout(poll.wake, timeoutMs);
      const onAbort = () => poll.wake();
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        if (this.#poll === poll) this.#poll = undefined;
        settle();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.#poll = poll;
    });
  }

  /** Fails a pending long poll with 409 Conflict and the given reason. */
  terminatePoll(reason: string): void {
    this.#poll?.terminate(reason);
  }

  /** Ends a pending long poll now (server shutdown): it answers with what is queued. */
  release(): void {
    this.#poll?.wake();
  }
}
