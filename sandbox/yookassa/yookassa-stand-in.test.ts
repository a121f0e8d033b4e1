import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createYooKassaClient, type TYooKassaClient } from '#core/payments/yookassa/yookassa-client.ts';
import { isYooKassaError, type YooKassaError } from '#core/payments/yookassa/yookassa-error.ts';
import {
  isYooKassaIp,
  parseYooKassaNotification,
  YOOKASSA_NOTIFICATION_IP_RANGES,
} from '#core/payments/yookassa/yookassa-notification.ts';
import {
  startTestReceiver,
  type TReceiverHandler,
  type TTestReceiver,
} from '#sandbox/http-stand-in/test-receiver.ts';
import { startYooKassaStandIn, type TYooKassaStandIn } from './yookassa-stand-in.ts';

const SHOP = { shopId: '100500', secretKey: 'test_secret_key' };
const LOOPBACK = ['127.0.0.1/32', '::1/128'];
const RETURN_URL = 'https://polygram.test/pay/return';

type THarness = { standIn: TYooKassaStandIn; client: TYooKassaClient; receiver: TTestReceiver };

/**
 * What Polygram's notification route does: accept only allowed source addresses, parse, then re-read
 * the object from the API and act on that, never on the notification body.
 */
function notificationRoute(getClient: () => TYooKassaClient, ranges: readonly string[]): TReceiverHandler {
  return async ({ rawBody, remoteAddress }) => {
    if (!isYooKassaIp(remoteAddress, ranges)) return { status: 403, note: `refused ${remoteAddress}` };
    const parsed = parseYooKassaNotification(rawBody);
    if (!parsed.ok) return { status: parsed.reason === 'unsupported_event' ? 200 : 400, note: parsed.reason };
    const { event, object } = parsed.notification;
    if (event === 'refund.succeeded') {
      const refund = await getClient().getRefund(object.id);
      return { status: 200, note: `${event} ${refund.id} confirmed:${refund.status}` };
    }
    const payment = await getClient().getPayment(object.id);
    return { status: 200, note: `${event} ${payment.id} confirmed:${payment.status}` };
  };
}

async function withYooKassa(
  run: (h: THarness) => Promise<void>,
  opts: { ranges?: readonly string[]; wrap?: (route: TReceiverHandler) => TReceiverHandler } = {},
): Promise<void> {
  let client: TYooKassaClient | undefined;
  const readyClient = () => {
    if (!client) throw new Error('notification before the client was created');
    return client;
  };
  const route = notificationRoute(readyClient, opts.ranges ?? LOOPBACK);
  const receiver = await startTestReceiver(opts.wrap ? opts.wrap(route) : route);
  const standIn = await startYooKassaStandIn({
    ...SHOP,
    notificationUrl: receiver.url,
    notificationRetry: { attempts: 4, delayMs: 10 },
  });
  client = createYooKassaClient({ ...SHOP, apiBase: standIn.url, retry: { baseDelayMs: 1, maxDelayMs: 5 } });
  try {
    await run({ standIn, client, receiver });
  } finally {
    await standIn.close();
    await receiver.close();
  }
}

const order = (key: string, valueMinor = 14900n) => ({
  idempotenceKey: key,
  amount: { valueMinor, currency: 'RUB' as const },
  description: 'Polygram Pro, 1 month',
  returnUrl: RETURN_URL,
  metadata: { orderId: key, userId: '42' },
});

/** Opens the confirmation page like a browser and presses one of its buttons. */
async function pressCheckoutButton(confirmationUrl: string, action: 'pay' | 'cancel'): Promise<Response> {
  const page = await fetch(confirmationUrl);
  assert.equal(page.status, 200);
  const html = await page.text();
  const formAction = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  assert.ok(formAction, 'the page has a form');
  assert.ok(html.includes(`value="${action}"`), `the page has a ${action} button`);
  return fetch(new URL(formAction, confirmationUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `action=${action}`,
    redirect: 'manual',
  });
}

async function rejection(promise: Promise<unknown>): Promise<YooKassaError> {
  try {
    await promise;
  } catch (err) {
    if (isYooKassaError(err)) return err;
    throw err;
  }
  assert.fail('expected a YooKassaError');
}

describe('YooKassa client against the stand-in', () => {
  test('pay on the checkout page → verified notification → getPayment shows succeeded', () =>
    withYooKassa(async ({ standIn, client, receiver }) => {
      const created = await client.createPayment({
        ...order('order-1'),
        receipt: {
          email: 'buyer@polygram.test',
          items: [{ description: 'Pro, 1 month', quantity: 1, amountMinor: 14900n, vatCode: 1 }],
        },
      });
      assert.equal(created.status, 'pending');
      assert.equal(created.paid, false);
      assert.equal(created.amount.valueMinor, 14900n);
      assert.deepEqual(created.metadata, { orderId: 'order-1', userId: '42' });
      assert.ok(created.confirmation_url?.startsWith(`${new URL(standIn.url).origin}/checkout/`));

      // Back to the page itself (by GET, so a reload shows the outcome), which links to return_url.
      const back = await pressCheckoutButton(created.confirmation_url ?? '', 'pay');
      assert.equal(back.status, 303);
      assert.equal(back.headers.get('location'), new URL(created.confirmation_url ?? '').pathname);

      const delivered = await receiver.waitFor((r) => r.note.startsWith('payment.succeeded'));
      assert.equal(delivered.note, `payment.succeeded ${created.id} confirmed:succeeded`);
      assert.match(delivered.remoteAddress, /127\.0\.0\.1$/);

      const payment = await client.getPayment(created.id);
      assert.equal(payment.status, 'succeeded');
      assert.equal(payment.paid, true);
      assert.equal(payment.refundable, true);
      assert.equal(payment.confirmation_url, undefined);

      // The page now shows the outcome; a stale tab posting the form again changes nothing.
      const after = await (await fetch(created.confirmation_url ?? '')).text();
      assert.match(after, /Payment succeeded/);
      assert.match(after, /Status: succeeded/);
      assert.ok(after.includes(`href="${RETURN_URL}"`), 'a button back to return_url');
      assert.doesNotMatch(after, /<form/);
      const again = await fetch(created.confirmation_url ?? '', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'action=cancel',
        redirect: 'manual',
      });
      assert.equal(again.status, 303);
      assert.equal((await client.getPayment(created.id)).status, 'succeeded');
      await standIn.control.flushNotifications();
      assert.equal(standIn.control.notifications().length, 1);
    }));

  test('cancel on the checkout page → payment.canceled, and nothing to refund', () =>
    withYooKassa(async ({ client, receiver }) => {
      const created = await client.createPayment(order('order-cancel'));
      assert.equal((await pressCheckoutButton(created.confirmation_url ?? '', 'cancel')).status, 303);
      const delivered = await receiver.waitFor((r) => r.note.startsWith('payment.canceled'));
      assert.equal(delivered.note, `payment.canceled ${created.id} confirmed:canceled`);
      const payment = await client.getPayment(created.id);
      assert.equal(payment.cancellation_details?.party, 'yoo_money');
      const refused = await rejection(
        client.createRefund({
          idempotenceKey: 'r-c',
          paymentId: created.id,
          amountMinor: 100n,
          currency: 'RUB',
        }),
      );
      assert.equal(refused.code, 'invalid_request');
    }));

  test('refunds: partial, then the rest; never more than is left; each one notified', () =>
    withYooKassa(async ({ standIn, client, receiver }) => {
      const created = await client.createPayment(order('order-refund'));
      const early = await rejection(
        client.createRefund({
          idempotenceKey: 'r-0',
          paymentId: created.id,
          amountMinor: 100n,
          currency: 'RUB',
        }),
      );
      assert.equal(early.status, 400);
      assert.equal(early.parameter, 'payment_id');

      standIn.control.pay(created.id);
      const first = await client.createRefund({
        idempotenceKey: 'r-1',
        paymentId: created.id,
        amountMinor: 5000n,
        currency: 'RUB',
        description: 'partial',
      });
      assert.equal(first.status, 'succeeded');
      assert.equal(first.amount.valueMinor, 5000n);
      await receiver.waitFor((r) => r.note === `refund.succeeded ${first.id} confirmed:succeeded`);
      assert.equal((await client.getPayment(created.id)).refunded_amount?.valueMinor, 5000n);

      const tooMuch = await rejection(
        client.createRefund({
          idempotenceKey: 'r-2',
          paymentId: created.id,
          amountMinor: 9901n,
          currency: 'RUB',
        }),
      );
      assert.equal(tooMuch.code, 'invalid_request');
      assert.equal(tooMuch.parameter, 'amount.value');
      assert.equal(tooMuch.retryable, false);

      const rest = await client.createRefund({
        idempotenceKey: 'r-3',
        paymentId: created.id,
        amountMinor: 9900n,
        currency: 'RUB',
      });
      assert.equal((await client.getRefund(rest.id)).payment_id, created.id);
      const payment = await client.getPayment(created.id);
      assert.equal(payment.refunded_amount?.valueMinor, 14900n);
      assert.equal(payment.refundable, false);
    }));

  test('idempotence: same key and body → the same payment; same key, other body → 400', () =>
    withYooKassa(async ({ standIn, client }) => {
      const a = await client.createPayment(order('order-idem'));
      const b = await client.createPayment(order('order-idem'));
      assert.equal(b.id, a.id);
      assert.equal(standIn.control.payments().length, 1);

      const clash = await rejection(
        client.createPayment({ ...order('order-idem'), description: 'something else' }),
      );
      assert.equal(clash.status, 400);
      assert.equal(clash.code, 'invalid_request');
      assert.equal(clash.parameter, 'Idempotence-Key');
      assert.equal(standIn.control.payments().length, 1);

      const noKey = await fetch(`${standIn.url}/payments`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${SHOP.shopId}:${SHOP.secretKey}`).toString('base64')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ amount: { value: '1.00', currency: 'RUB' }, capture: true }),
      });
      assert.equal(noKey.status, 400);
      assert.deepEqual(
        { ...((await noKey.json()) as Record<string, unknown>), id: 'x' },
        {
          type: 'error',
          id: 'x',
          code: 'invalid_request',
          description: 'Idempotence key is missing',
          parameter: 'Idempotence-Key',
        },
      );
    }));

  test('wrong credentials → 401 invalid_credentials, not retried', () =>
    withYooKassa(async ({ standIn }) => {
      const intruder = createYooKassaClient({
        shopId: SHOP.shopId,
        secretKey: 'wrong',
        apiBase: standIn.url,
      });
      const error = await rejection(intruder.createPayment(order('order-auth')));
      assert.equal(error.status, 401);
      assert.equal(error.code, 'invalid_credentials');
      assert.equal(error.retryable, false);
      assert.equal(standIn.control.requests().length, 1);
      assert.equal(standIn.control.payments().length, 0);
    }));

  test('a 500 after the payment was made: the retry with the same key returns that payment', () =>
    withYooKassa(async ({ standIn, client }) => {
      standIn.control.failNext({ stage: 'after' });
      const payment = await client.createPayment(order('order-500'));
      assert.equal(standIn.control.payments().length, 1);
      assert.deepEqual(
        standIn.control.requests().map((r) => [r.method, r.idempotenceKey, r.status]),
        [
          ['POST', 'order-500', 500],
          ['POST', 'order-500', 200],
        ],
      );
      assert.equal(standIn.control.payments()[0]?.id, payment.id);
    }));

  test('500s before anything happened are retried; when they persist the error says retryable', () =>
    withYooKassa(async ({ standIn, client }) => {
      standIn.control.failNext({ count: 2 });
      await client.createPayment(order('order-flaky'));
      assert.equal(standIn.control.payments().length, 1);
      assert.equal(standIn.control.requests().length, 3);

      standIn.control.failNext({ count: 10 });
      const error = await rejection(client.getPayment('anything'));
      assert.equal(error.code, 'internal_server_error');
      assert.equal(error.status, 500);
      assert.equal(error.retryable, true);
      assert.equal(standIn.control.requests().length, 3 + 4); // the default policy: four tries
    }));

  test('a network failure is retried with the same key and body', () =>
    withYooKassa(async ({ standIn }) => {
      const sent: Array<{ key: string | null; body: unknown }> = [];
      let calls = 0;
      const flakyFetch: typeof fetch = async (input, init) => {
        const headers = new Headers(init?.headers);
        sent.push({ key: headers.get('idempotence-key'), body: init?.body });
        calls++;
        if (calls === 1) throw new TypeError('fetch failed');
        return fetch(input, init);
      };
      const client = createYooKassaClient({
        ...SHOP,
        apiBase: standIn.url,
        fetch: flakyFetch,
        retry: { baseDelayMs: 1 },
      });
      await client.createPayment(order('order-net'));
      assert.equal(sent.length, 2);
      assert.equal(sent[0]?.key, 'order-net');
      assert.deepEqual(sent[1], sent[0]);
      assert.equal(standIn.control.payments().length, 1);
    }));

  test('notifications are repeated until the receiver answers 200', () => {
    let first = true;
    return withYooKassa(
      async ({ standIn, client, receiver }) => {
        const created = await client.createPayment(order('order-retry'));
        standIn.control.pay(created.id);
        await receiver.waitFor((r) => r.status === 200);
        assert.deepEqual(
          receiver.received.map((r) => r.status),
          [503, 200],
        );
        assert.deepEqual(receiver.received[0]?.rawBody, receiver.received[1]?.rawBody);
        await standIn.control.flushNotifications();
        assert.equal(standIn.control.notifications()[0]?.attempts, 2);
      },
      {
        wrap: (route) => async (request) => {
          if (!first) return route(request);
          first = false;
          return { status: 503, note: 'down for a moment' };
        },
      },
    );
  });

  test('forged notifications: a fake success is not trusted, a foreign address is refused', async () => {
    await withYooKassa(async ({ standIn, client }) => {
      const created = await client.createPayment(order('order-forged'));
      const forged = { ...standIn.control.payments()[0], status: 'succeeded', paid: true };
      const reply = await standIn.control.sendNotification({
        type: 'notification',
        event: 'payment.succeeded',
        object: forged,
      });
      assert.equal(reply.status, 200);
      assert.equal((await client.getPayment(created.id)).status, 'pending');
      assert.equal((await standIn.control.sendNotification('not json')).status, 400);
      assert.equal(
        (await standIn.control.sendNotification({ type: 'notification', event: 'deal.closed', object: {} }))
          .status,
        200,
      );
    });
    // With YooKassa's real ranges the loopback sender is refused before the body is read.
    await withYooKassa(
      async ({ standIn, client, receiver }) => {
        const created = await client.createPayment(order('order-foreign'));
        standIn.control.pay(created.id);
        const refused = await receiver.waitFor(() => true);
        assert.equal(refused.status, 403);
      },
      { ranges: YOOKASSA_NOTIFICATION_IP_RANGES },
    );
  });

  test('two stand-ins in one process keep their shops apart', () =>
    withYooKassa(async ({ client }) => {
      const other = await startYooKassaStandIn({ shopId: '200600', secretKey: 'other_secret' });
      try {
        const otherClient = createYooKassaClient({
          shopId: '200600',
          secretKey: 'other_secret',
          apiBase: other.url,
        });
        const mine = await client.createPayment(order('same-key'));
        const theirs = await otherClient.createPayment(order('same-key'));
        assert.notEqual(mine.id, theirs.id);
        assert.equal((await rejection(otherClient.getPayment(mine.id))).code, 'not_found');
        const crossed = createYooKassaClient({ ...SHOP, apiBase: other.url });
        assert.equal((await rejection(crossed.getPayment(theirs.id))).code, 'invalid_credentials');
      } finally {
        await other.close();
      }
    }));
});
