import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import { onStopSignals, type TStopSignal } from './stop-signals.ts';

test('the first signal stops, every later one forces, and removing the listeners ends both', () => {
  const target = new EventEmitter();
  const seen: string[] = [];
  const remove = onStopSignals(
    {
      stop: (signal: TStopSignal) => seen.push(`stop ${signal}`),
      force: (signal: TStopSignal) => seen.push(`force ${signal}`),
    },
    target,
  );
  target.emit('SIGINT');
  target.emit('SIGTERM');
  target.emit('SIGINT');
  assert.deepEqual(seen, ['stop SIGINT', 'force SIGTERM', 'force SIGINT']);
  remove();
  assert.equal(target.listenerCount('SIGINT') + target.listenerCount('SIGTERM'), 0);
});
