/**
 * Work a handler starts and does not wait for (a chat reply that streams for a minute while the chat's
 * other updates go on). Shutdown waits for it, so a deploy does not cut replies off mid-sentence with
 * their holds left to expire and their requests left `running`.
 */
export class BackgroundWork {
  private readonly running = new Set<Promise<unknown>>();

  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const forget = () => this.running.delete(work);
    work.then(forget, forget);
    return work;
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves when everything tracked has settled, or after `timeoutMs`; returns what is still running. */
  async drain(timeoutMs: number): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    while (this.running.size > 0) {
      const settled = Promise.allSettled([...this.running]).then(() => 'settled' as const);
      if ((await Promise.race([settled, timeout.then(() => 'timeout' as const)])) === 'timeout') break;
    }
    clearTimeout(timer);
    return this.running.size;
  }
}
