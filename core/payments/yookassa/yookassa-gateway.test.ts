import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Payment } from '#core/db/generated/client.ts';
import { startYooKassaStandIn, type TYooKassaStandIn } from '#sandbox/yookassa/yookassa-stand-in.ts';
import { createYooKassaClient } from './yookassa-client.ts';
import { createYooKassaGateway } from './yookassa-gateway.ts';

const AUTH = { shopId: '4242', secretKey: 'test_gateway_secret' };
let standIn: TYooKassaStandIn;
/** The JSON bodies the client sent, in order: what YooKassa would have received. */
const sent: Array<Record<string, unknown>> = [];

before(async () => {
  standIn = await startYooKassaStandIn(AUTH);
});
after(() => standIn.close());

const recordingFetch: typeof fetch = async (input, init) => {
  if (typeof init?.body === 'string') sent.push(JSON.parse(init.body) as Record<string, unknown>);
  return fetch(input, init);
};

const gateway = (receipts: boolean) =>
  createYooKassaGateway({
    client: createYooKassaClient({ ...AUTH, apiBase: standIn.url, fetch: recordingFetch }),
    receipts,
  });

const payment = (id: bigint, overrides: Partial<Payment> = {}) =>
  ({ id, amount: 14_900n, currency: 'RUB', providerPaymentId: null, ...overrides }) as Payment;

const open = {
  description: '150,000 tokens · forever',
  lang: 'en' as const,
  returnUrl: 'https://t.me/polygram_bot',
};

describe('YooKassa gateway', () => {
  test('a receipt with the email goes along only when receipts are on and the user has an email', async () => {
    await gateway(true).open(payment(1n), { ...open, email: 'buyer@example.com' });
    assert.deepEqual(sent.at(-1)?.receipt, {
      customer: { email: 'buyer@example.com' },
      items: [
        {
          description: open.description,
          quantity: 1,
          amount: { value: '149.00', currency: 'RUB' },
          vat_code: 1,
          payment_subject: 'service',
          payment_mode: 'full_payment',
        },
      ],
    });
    await gateway(true).open(payment(2n), { ...open, email: null });
    assert.equal(sent.at(-1)?.receipt, undefined);
    await gateway(false).open(payment(3n), { ...open, email: 'buyer@example.com' });
    assert.equal(sent.at(-1)?.receipt, undefined);
  });

  test('opening the same payment twice gives the same YooKassa payment', async () => {
    const first = await gateway(false).open(payment(10n), open);
    const again = await gateway(false).open(payment(10n), open);
    assert.equal(again.providerPaymentId, first.providerPaymentId);
    assert.equal(again.confirmationUrl, first.confirmationUrl);
    assert.equal(standIn.control.payments().filter((p) => p.id === first.providerPaymentId).length, 1);
    assert.deepEqual(standIn.control.payments().find((p) => p.id === first.providerPaymentId)?.metadata, {
      paymentRef: 'pay:10',
    });
    await assert.rejects(gateway(false).open(payment(11n, { currency: 'USD' }), open), /charges RUB/);
  });

  test('a refund is idempotent under its key and cannot exceed what was paid', async () => {
    const opened = await gateway(false).open(payment(20n), open);
    standIn.control.pay(opened.providerPaymentId ?? '');
    const paid = payment(20n, { providerPaymentId: opened.providerPaymentId ?? null });
    const refund = await gateway(false).refund(paid, 4_900n, {
      idempotenceKey: 'refund:1',
      reason: 'partial',
    });
    const repeat = await gateway(false).refund(paid, 4_900n, {
      idempotenceKey: 'refund:1',
      reason: 'partial',
    });
    assert.equal(repeat.providerRefundId, refund.providerRefundId);
    await assert.rejects(
      gateway(false).refund(paid, 10_001n, { idempotenceKey: 'refund:2', reason: 'too much' }),
      /exceeds/,
    );
    const atYooKassa = standIn.control.payments().find((p) => p.id === opened.providerPaymentId);
    assert.deepEqual(atYooKassa?.refunded_amount, { value: '49.00', currency: 'RUB' });
  });
});
