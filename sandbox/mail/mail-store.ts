import type { CaughtMail, WaitForOptions } from './mail-types.ts';

// A long-running sandbox keeps receiving mail; without a cap every message (up to 10 MB each)
// would stay in memory forever. The oldest ones go first; tests never come close to this.
const MAX_STORED_MESSAGES = 1000;
const DEFAULT_WAIT_TIMEOUT_MS = 10_000;

type Waiter = {
  accepts: (mail: CaughtMail) => boolean;
  resolve: (mail: CaughtMail) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
};

/** In-memory inbox plus the waiters of `waitFor`, independent of how mail arrives. */
export class MailStore {
  // Kept oldest first so that appending is cheap; readers get a reversed copy.
  readonly #messages: CaughtMail[] = [];
  readonly #waiters = new Set<Waiter>();
  #closed = false;

  /** Newest first, as a copy so callers cannot mutate the inbox. */
  list(): CaughtMail[] {
    return this.#messages.slice().reverse();
  }

  get(id: string): CaughtMail | undefined {
    return this.#messages.find((m) => m.id === id);
  }

  add(mail: CaughtMail): void {
    this.#messages.push(mail);
    if (this.#messages.length > MAX_STORED_MESSAGES) this.#messages.shift();
    for (const waiter of this.#waiters) {
      let accepted: boolean;
      try {
        accepted = waiter.accepts(mail);
      } catch (err) {
        // A throwing `match` belongs to the waiting caller; it must not break SMTP delivery.
        this.#settle(waiter);
        waiter.reject(err instanceof Error ? err : new Error(String(err)));
        continue;
      }
      if (!accepted) continue;
      this.#settle(waiter);
      waiter.resolve(mail);
    }
  }

  clear(): void {
    this.#messages.length = 0;
  }

  waitFor(opts: WaitForOptions): Promise<CaughtMail> {
    const accepts = acceptor(opts);
    // Mail that is already here counts: a test that sends first and waits second must not hang.
    let existing: CaughtMail | undefined;
    try {
      existing = this.list().find(accepts);
    } catch (err) {
      return Promise.reject(err);
    }
    if (existing) return Promise.resolve(existing);
    if (this.#closed) return Promise.reject(new Error('mail catcher is closed'));

    const timeoutMs = opts.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
    return new Promise<CaughtMail>((resolve, reject) => {
      const waiter: Waiter = {
        accepts,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#settle(waiter);
          reject(new Error(this.#timeoutMessage(opts, timeoutMs)));
        }, timeoutMs),
      };
      this.#waiters.add(waiter);
    });
  }

  /** Fails every pending waiter so that nothing awaits a catcher that will never receive again. */
  close(): void {
    this.#closed = true;
    for (const waiter of this.#waiters) {
      this.#settle(waiter);
      waiter.reject(new Error('mail catcher closed while waiting for mail'));
    }
  }

  #settle(waiter: Waiter): void {
    clearTimeout(waiter.timer);
    this.#waiters.delete(waiter);
  }

  // The message lists what did arrive, which is usually enough to spot a typo'd address.
  #timeoutMessage(opts: WaitForOptions, timeoutMs: number): string {
    const since = opts.since ? ` since ${opts.since.toISOString()}` : '';
    const filter = opts.match ? ' matching the given predicate' : '';
    const seen = this.list()
      .slice(0, 10)
      .map((m) => `${m.to.join(', ')} "${m.subject}"`);
    const caught = seen.length > 0 ? `caught meanwhile: ${seen.join('; ')}` : 'no mail caught at all';
    return `mail catcher: no mail to ${opts.to}${since}${filter} within ${timeoutMs} ms (${caught})`;
  }
}

function acceptor(opts: WaitForOptions): (mail: CaughtMail) => boolean {
  const to = normalizeAddress(opts.to);
  const since = opts.since?.getTime();
  return (mail) =>
    mail.to.some((addr) => normalizeAddress(addr) === to) &&
    (since === undefined || mail.receivedAt.getTime() >= since) &&
    (opts.match === undefined || opts.match(mail));
}

function normalizeAddress(address: string): string {
  return address.trim().toLowerCase();
}
