import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sign } from '@telegram-apps/init-data-node';
import { isAppError } from '#core/errors/app-error.ts';
import { verifyInitData } from './verify-init-data.ts';

const TOKEN = '123456:TEST-token-for-init-data';
const user = { id: 4242, first_name: 'Ann', username: 'ann', language_code: 'ru' };
const signed = (authDate: Date, token = TOKEN) => sign({ user }, token, authDate);

test('valid initData yields the Telegram identity', () => {
  const result = verifyInitData(signed(new Date()), TOKEN, 3600);
  assert.equal(result.identity.id, 4242n);
  assert.equal(result.identity.languageCode, 'ru');
  assert.ok(result.hash.length > 10);
});

test('tampered, foreign-signed and expired initData are refused', () => {
  const good = signed(new Date());
  const tampered = good.replace(encodeURIComponent('"Ann"'), encodeURIComponent('"Eve"'));
  assert.notEqual(tampered, good);
  for (const raw of [
    tampered,
    signed(new Date(), '999:other-bot-token'),
    signed(new Date(Date.now() - 7200_000)),
    '',
  ]) {
    assert.throws(
      () => verifyInitData(raw, TOKEN, 3600),
      (e) => isAppError(e, 'UNAUTHORIZED'),
    );
  }
});
