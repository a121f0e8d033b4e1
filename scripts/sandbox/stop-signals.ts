import type { EventEmitter } from 'node:events';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
export type TStopSignal = (typeof SIGNALS)[number];

/**
 * The first Ctrl-C (or SIGTERM) stops in order; any later one forces, for when stopping hangs. Returns a
 * function that removes the listeners.
 */
export function onStopSignals(
  handlers: { stop: (signal: TStopSignal) => void; force: (signal: TStopSignal) => void },
  target: Pick<EventEmitter, 'on' | 'off'> = process,
): () => void {
  let received = 0;
  const listeners = SIGNALS.map((signal) => {
    const listener = () => {
      received++;
      if (received === 1) handlers.stop(signal);
      else handlers.force(signal);
    };
    target.on(signal, listener);
    return { signal, listener };
  });
  return () => {
    for (const { signal, listener } of listeners) target.off(signal, listener);
  };
}
