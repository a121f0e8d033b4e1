import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectivityNotice, serverStatus, uptimeOver } from './server-status.ts';

const T0 = Date.parse('2026-12-07T12:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1_000);

test('a fresh beat is online, or busy while rented; no beat ever is offline', () => {
  assert.equal(serverStatus({ lastBeatAt: at(0), rented: false, now: at(5) }), 'online');
  assert.equal(serverStatus({ lastBeatAt: at(0), rented: true, now: at(5) }), 'busy');
  assert.equal(serverStatus({ lastBeatAt: null, rented: false, now: at(0) }), 'offline');
  // Clock skew: a beat stamped ahead of our clock is fresh.
  assert.equal(serverStatus({ lastBeatAt: at(10), rented: false, now: at(0) }), 'online');
});

test('offline only after three missed beats (more than 90 s of silence), even while rented', () => {
  assert.equal(serverStatus({ lastBeatAt: at(0), rented: false, now: at(61) }), 'online'); // two missed
  assert.equal(serverStatus({ lastBeatAt: at(0), rented: false, now: at(90) }), 'online');
  assert.equal(serverStatus({ lastBeatAt: at(0), rented: false, now: at(91) }), 'offline');
  assert.equal(serverStatus({ lastBeatAt: at(0), rented: true, now: at(91) }), 'offline');
});

test('the owner is told once on going offline and once on coming back; busy ↔ online is no news', () => {
  assert.equal(connectivityNotice('online', 'offline'), 'went_offline');
  assert.equal(connectivityNotice('busy', 'offline'), 'went_offline');
  assert.equal(connectivityNotice('offline', 'offline'), null);
  assert.equal(connectivityNotice('offline', 'busy'), 'back_online');
  assert.equal(connectivityNotice('online', 'busy'), null);
  assert.equal(connectivityNotice(null, 'online'), null);
  assert.equal(connectivityNotice(null, 'offline'), null);
});

test('uptime: beats every 30 s all hour is 100 %; no beats is 0 %', () => {
  const beats = Array.from({ length: 121 }, (_, i) => at(i * 30));
  assert.deepEqual(uptimeOver(beats, at(0), at(3_600)), {
    upMs: 3_600_000,
    windowMs: 3_600_000,
    percent: 100,
  });
  assert.equal(uptimeOver([], at(0), at(3_600)).percent, 0);
});

test('uptime: a 10-minute gap counts 90 s of grace after the last beat, the rest as down', () => {
  // Beats 0…1800 s, silence until 2400 s, then beats to the end of the hour.
  const beats = [
    ...Array.from({ length: 61 }, (_, i) => at(i * 30)),
    ...Array.from({ length: 41 }, (_, i) => at(2_400 + i * 30)),
  ];
  const r = uptimeOver(beats, at(0), at(3_600));
  assert.equal(r.upMs, (1_800 + 90 + 1_200) * 1_000);
  assert.equal(r.percent, 85.83); // 3090 / 3600 = 85.833…, rounded down
});

test('uptime: a beat before the window covers its start; beats after it and duplicates are ignored', () => {
  const r = uptimeOver([at(-60), at(-60), at(200)], at(0), at(100));
  assert.equal(r.upMs, 30_000); // at(-60) covers until at(30)
  assert.throws(() => uptimeOver([], at(10), at(10)), RangeError);
});
