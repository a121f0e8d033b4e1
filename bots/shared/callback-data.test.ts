import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { callbackCodec } from './callback-data.ts';

const codec = callbackCodec(
  'ban',
  ['userId', 'step'],
  z.object({ userId: z.string().regex(/^\d+$/).transform(BigInt), step: z.enum(['ask', 'done']) }),
);

test('callback data round-trips with types restored', () => {
  const data = codec.encode({ userId: '123456789012', step: 'ask' });
  assert.equal(data, 'v1:ban:123456789012:ask');
  assert.deepEqual(codec.decode(data), { userId: 123456789012n, step: 'ask' });
});

test('foreign, truncated or forged data is refused instead of misread', () => {
  assert.equal(codec.decode('v1:unban:1:ask'), null);
  assert.equal(codec.decode('v1:ban:1'), null);
  assert.equal(codec.decode('v1:ban:abc:ask'), null);
  assert.equal(codec.decode('v1:ban:1:drop'), null);
  assert.equal(codec.decode('v0:ban:1:ask'), null);
});

test('data over 64 bytes cannot be encoded', () => {
  const long = callbackCodec('x', ['s'], z.object({ s: z.string() }));
  assert.throws(() => long.encode({ s: 'a'.repeat(70) }), /64 bytes/);
});
