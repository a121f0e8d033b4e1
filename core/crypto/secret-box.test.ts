import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { createSecretBox, deriveKey } from './secret-box.ts';

test('a sealed secret opens to the same text and hides it', () => {
  const box = createSecretBox(randomBytes(32));
  const sealed = box.seal('bybit-api-secret-ÄÖ');
  assert.ok(!sealed.includes('bybit'));
  assert.equal(box.open(sealed), 'bybit-api-secret-ÄÖ');
  assert.notEqual(box.seal('same'), box.seal('same'), 'a fresh IV every time');
});

test('a tampered ciphertext is refused', () => {
  const box = createSecretBox(randomBytes(32));
  const parts = box.seal('secret').split('.');
  const body = Buffer.from(parts[4] ?? '', 'base64url');
  body[0] = (body[0] ?? 0) ^ 1;
  parts[4] = body.toString('base64url');
  assert.throws(() => box.open(parts.join('.')));
});

test('after rotation old secrets still open and new ones use the new key', () => {
  const oldKey = randomBytes(32);
  const sealedBefore = createSecretBox(oldKey).seal('old');
  const rotated = createSecretBox(randomBytes(32), [oldKey]);
  assert.equal(rotated.open(sealedBefore), 'old');
  assert.ok(rotated.seal('new').startsWith(`v1.${rotated.keyId}.`));
  assert.throws(() => createSecretBox(randomBytes(32)).open(sealedBefore), /no key with id/);
});

test('derived keys differ per purpose', () => {
  const master = randomBytes(32);
  assert.notDeepEqual(deriveKey(master, 'email-code'), deriveKey(master, 'secrets'));
  assert.deepEqual(deriveKey(master, 'email-code'), deriveKey(master, 'email-code'));
});
