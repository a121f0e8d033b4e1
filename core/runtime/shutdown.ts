import type { Logger } from '#core/logging/logger.ts';

export interface Shutdown {
  /** Closers run in reverse order of registration: what started last stops first. */
  add(name: string, close: () => Promise<unknown> | unknown): void;
  run(reason: string): Promise<void>;
  onSignals(): void;
}

/** Idempotent: a second SIGTERM, or SIGTERM during a failed start, waits for the same run. */
export function createShutdown(logger: Logger, opts: { timeoutMs?: number } = {}): Shutdown {
  const closers: { name: string; close: () => Promise<unknown> | unknown }[] = [];
  let running: Promise<void> | null = null;
  const shutdown: Shutdown = {
    add: (name, close) => closers.push({ name, close }),
    run(reason) {
      running ??= (async () => {
        logger.info({ reason }, 'shutting down');
        const timer = setTimeout(() => {
          logger.error('shutdown timed out, exiting');
          process.exit(1);
        }, opts.timeoutMs ?? 15_000);
        timer.unref();
        for (const { name, close } of [...closers].reverse()) {
          try {
            await close();
          } catch (error) {
            logger.error({ err: String(error), component: name }, 'error while closing');
          }
        }
        clearTimeout(timer);
        logger.info('stopped');
      })();
      return running;
    },
    onSignals() {
      for (const signal of ['SIGTERM', 'SIGINT'] as const) {
        process.once(signal, () => void shutdown.run(signal).then(() => process.exit(0)));
      }
    },
  };
  return shutdown;
}
