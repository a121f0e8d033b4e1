import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BackgroundWork } from './background-work.ts';

const later = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

test('drain waits for tracked work, including work started while draining', async () => {
  const work = new BackgroundWork();
  const done: string[] = [];
  work.track(later(30).then(() => done.push('a')));
  work.track(
    later(10).then(() => {
      done.push('b');
      work.track(later(30).then(() => done.push('c')));
    }),
  );
  assert.equal(await work.drain(1_000), 0);
  assert.deepEqual(done.sort(), ['a', 'b', 'c']);
});

test('drain gives up after its timeout and says how much is still running; failures count as settled', async () => {
  const work = new BackgroundWork();
  work.track(later(5_000));
  work.track(Promise.reject(new Error('failed reply'))).catch(() => {});
  const started = Date.now();
  assert.equal(await work.drain(50), 1);
  assert.ok(Date.now() - started < 1_000);
});
