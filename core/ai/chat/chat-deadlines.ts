export interface TStreamDeadlines {
  /** The longest gap between two pieces of a reply. */
  idleMs: number;
  /** The longest a whole reply may take. */
  totalMs: number;
}

/**
 * A model that stops sending for a minute has stalled; five minutes covers a reply of several thousand
 * tokens at the slowest pace providers show under load. Both stay far inside the hold's lifetime.
 */
export const CHAT_DEADLINES: TStreamDeadlines = { idleMs: 60_000, totalMs: 5 * 60_000 };

const timeout = (what: string) => new DOMException(`chat reply ${what}`, 'TimeoutError');

/**
 * Iterates a provider stream under the deadlines (and the caller's signal). The wait for each piece races
 * the abort, so a provider that ignores its signal still cannot hold the reply, or the user's tokens, open.
 */
export async function* streamWithDeadlines<T>(
  start: (signal: AbortSignal) => AsyncIterable<T>,
  outer?: AbortSignal,
  limits: TStreamDeadlines = CHAT_DEADLINES,
): AsyncGenerator<T> {
  const controller = new AbortController();
  const signal = outer ? AbortSignal.any([outer, controller.signal]) : controller.signal;
  const aborted = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  // Rejections of `aborted` are observed through the race below; this keeps a late one from being unhandled.
  aborted.catch(() => undefined);
  const total = setTimeout(() => controller.abort(timeout('took too long')), limits.totalMs);
  let idle = setTimeout(() => controller.abort(timeout('stalled')), limits.idleMs);
  const iterator = start(signal)[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), aborted]);
      if (next.done) return;
      clearTimeout(idle);
      idle = setTimeout(() => controller.abort(timeout('stalled')), limits.idleMs);
      yield next.value;
    }
  } finally {
    clearTimeout(total);
    clearTimeout(idle);
    controller.abort();
    // Not awaited: a provider stuck in next() would keep return() pending too.
    void iterator.return?.()?.catch(() => undefined);
  }
}
