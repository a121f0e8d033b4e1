import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { describe, test } from 'node:test';
import { parseCryptoPayUpdate, signCryptoPayBody, verifyCryptoPaySignature } from './cryptopay-webhook.ts';

const TOKEN = '12345:AAzQcZWQqQAbsfgPnOLr4FHC8Doa4L7KryC';

const update = {
  update_id: 7,
  update_type: 'invoice_paid',
  request_date: '2026-01-01T12:00:00.000Z',
  payload: {
    invoice_id: 528890,
    hash: 'IVDoTcNBYEfk',
    currency_type: 'crypto',
    asset: 'USDT',
    amount: '10.5',
    status: 'paid',
    bot_invoice_url: 'https://t.me/CryptoBot?start=IVDoTcNBYEfk',
    created_at: '2026-01-01T11:59:00.000Z',
    paid_at: '2026-01-01T12:00:00.000Z',
    payload: 'order:42',
    fee_amount: 0.03,
  },
};
const raw = Buffer.from(JSON.stringify(update));

describe('verifyCryptoPaySignature', () => {
  // Computed independently of the module: HMAC-SHA-256(key = SHA-256(token), message = raw body).
  const reference = createHmac('sha256', createHash('sha256').update(TOKEN).digest())
    .update(raw)
    .digest('hex');

  test('accepts the documented signature, in either hex case', () => {
    assert.equal(signCryptoPayBody(raw, TOKEN), reference);
    assert.ok(verifyCryptoPaySignature(raw, reference, TOKEN));
    assert.ok(verifyCryptoPaySignature(raw, reference.toUpperCase(), TOKEN));
  });

  test('a tampered body fails', () => {
    const tampered = Buffer.from(
      JSON.stringify({ ...update, payload: { ...update.payload, amount: '1000' } }),
    );
    assert.equal(verifyCryptoPaySignature(tampered, reference, TOKEN), false);
    // One extra space is a different body, even though it parses to the same JSON.
    assert.equal(verifyCryptoPaySignature(Buffer.concat([raw, Buffer.from(' ')]), reference, TOKEN), false);
  });

  test('a wrong token fails, and so does keying with the raw token instead of its hash', () => {
    assert.equal(verifyCryptoPaySignature(raw, signCryptoPayBody(raw, `${TOKEN}x`), TOKEN), false);
    const rawKeyed = createHmac('sha256', TOKEN).update(raw).digest('hex');
    assert.equal(verifyCryptoPaySignature(raw, rawKeyed, TOKEN), false);
  });

  test('a missing, empty, truncated or non-hex header fails without throwing', () => {
    for (const header of [
      undefined,
      '',
      reference.slice(0, 63),
      `${reference}00`,
      'z'.repeat(64),
      `sha256=${reference}`,
    ]) {
      assert.equal(verifyCryptoPaySignature(raw, header, TOKEN), false, String(header));
    }
  });
});

describe('parseCryptoPayUpdate', () => {
  test('an invoice_paid update', () => {
    const parsed = parseCryptoPayUpdate(raw);
    assert.ok(parsed.ok);
    assert.equal(parsed.update.payload.invoice_id, 528890);
    assert.equal(parsed.update.payload.status, 'paid');
    assert.equal(parsed.update.payload.fee_amount, '0.03');
  });

  test('other update types and broken bodies are told apart', () => {
    const other = parseCryptoPayUpdate(JSON.stringify({ ...update, update_type: 'check_activated' }));
    assert.equal(other.ok ? null : other.reason, 'unsupported_update_type');
    const broken = parseCryptoPayUpdate('{');
    assert.equal(broken.ok ? null : broken.reason, 'invalid_json');
    const noInvoice = parseCryptoPayUpdate(JSON.stringify({ ...update, payload: { invoice_id: 'x' } }));
    assert.equal(noInvoice.ok ? null : noInvoice.reason, 'invalid_update');
  });
});
