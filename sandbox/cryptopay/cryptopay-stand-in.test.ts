import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createCryptoPayClient, type TCryptoPayClient } from '#core/payments/cryptobot/cryptopay-client.ts';
import { type CryptoPayError, isCryptoPayError } from '#core/payments/cryptobot/cryptopay-error.ts';
import {
  parseCryptoPayUpdate,
  signCryptoPayBody,
  verifyCryptoPaySignature,
} from '#core/payments/cryptobot/cryptopay-webhook.ts';
import {
  startTestReceiver,
  type TReceiverHandler,
  type TTestReceiver,
} from '#sandbox/http-stand-in/test-receiver.ts';
import { startCryptoPayStandIn, type TCryptoPayStandIn } from './cryptopay-stand-in.ts';

const TOKEN = '12345:AAzQcZWQqQAbsfgPnOLr4FHC8Doa4L7KryC';

type THarness = { standIn: TCryptoPayStandIn; client: TCryptoPayClient; receiver: TTestReceiver };

/** What Polygram's webhook route does: verify the signature on the raw bytes, parse, confirm. */
function webhookRoute(getClient: () => TCryptoPayClient): TReceiverHandler {
  return async ({ rawBody, headers }) => {
    const signature = headers['crypto-pay-api-signature'];
    if (!verifyCryptoPaySignature(rawBody, typeof signature === 'string' ? signature : undefined, TOKEN)) {
      return { status: 401, note: 'bad signature' };
    }
    const parsed = parseCryptoPayUpdate(rawBody);
    if (!parsed.ok)
      return { status: parsed.reason === 'unsupported_update_type' ? 200 : 400, note: parsed.reason };
    const id = parsed.update.payload.invoice_id;
    const [invoice] = await getClient().getInvoices({ invoiceIds: [id] });
    return { status: 200, note: `invoice_paid ${id} confirmed:${invoice?.status}` };
  };
}

async function withCryptoPay(
  run: (h: THarness) => Promise<void>,
  wrap: (route: TReceiverHandler) => TReceiverHandler = (route) => route,
): Promise<void> {
  let client: TCryptoPayClient | undefined;
  const readyClient = () => {
    if (!client) throw new Error('webhook before the client was created');
    return client;
  };
  const receiver = await startTestReceiver(wrap(webhookRoute(readyClient)));
  const standIn = await startCryptoPayStandIn({
    token: TOKEN,
    webhookUrl: receiver.url,
    webhookRetry: { attempts: 4, delayMs: 10 },
  });
  client = createCryptoPayClient({ token: TOKEN, apiBase: standIn.url, sleep: async () => {} });
  try {
    await run({ standIn, client, receiver });
  } finally {
    await standIn.close();
    await receiver.close();
  }
}

async function rejection(promise: Promise<unknown>): Promise<CryptoPayError> {
  try {
    await promise;
  } catch (err) {
    if (isCryptoPayError(err)) return err;
    throw err;
  }
  assert.fail('expected a CryptoPayError');
}

describe('Crypto Pay client against the stand-in', () => {
  test('getMe; a wrong token is 401 UNAUTHORIZED', () =>
    withCryptoPay(async ({ standIn, client }) => {
      const me = await client.getMe();
      assert.equal(me.payment_processing_bot_username, 'CryptoBot');
      const intruder = createCryptoPayClient({ token: 'nope', apiBase: standIn.url });
      const error = await rejection(intruder.getMe());
      assert.equal(error.code, 401);
      assert.equal(error.errorName, 'UNAUTHORIZED');
      assert.equal(error.retryable, false);
    }));

  test('crypto invoice paid on its page → signed webhook verified → getInvoices shows paid', () =>
    withCryptoPay(async ({ client, receiver }) => {
      const invoice = await client.createInvoice({
        currencyType: 'crypto',
        asset: 'USDT',
        amount: '4.99',
        description: 'Polygram Pro, 1 month',
        payload: 'order:42',
        paidBtnName: 'openBot',
        paidBtnUrl: 'https://t.me/polygram_bot',
        expiresIn: 3600,
      });
      assert.equal(invoice.status, 'active');
      assert.equal(invoice.asset, 'USDT');
      assert.ok(invoice.expiration_date);

      const page = await fetch(invoice.bot_invoice_url);
      const html = await page.text();
      assert.match(html, /4\.99 USDT/);
      const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
      assert.ok(action);
      const paid = await fetch(new URL(action, invoice.bot_invoice_url), {
        method: 'POST',
        body: '',
        redirect: 'manual',
      });
      // Back to the page by GET: it shows the outcome and the paid button, to paid_btn_url.
      assert.equal(paid.status, 303);
      const shown = await fetch(new URL(paid.headers.get('location') ?? '', invoice.bot_invoice_url));
      const outcome = await shown.text();
      assert.match(outcome, /Payment succeeded/);
      assert.ok(outcome.includes('<a class="button" href="https://t.me/polygram_bot">Open Bot</a>'));

      const delivered = await receiver.waitFor((r) => r.status === 200);
      assert.equal(delivered.note, `invoice_paid ${invoice.invoice_id} confirmed:paid`);
      const [after] = await client.getInvoices({ invoiceIds: [invoice.invoice_id] });
      assert.equal(after?.status, 'paid');
      assert.equal(after?.payload, 'order:42');
      assert.ok(after?.paid_at);
    }));

  test('fiat invoice with accepted assets, paid in one of them', () =>
    withCryptoPay(async ({ standIn, client, receiver }) => {
      const invoice = await client.createInvoice({
        currencyType: 'fiat',
        fiat: 'USD',
        acceptedAssets: ['USDT', 'TON'],
        amount: '10',
      });
      assert.deepEqual(invoice.accepted_assets, ['USDT', 'TON']);
      assert.throws(() => standIn.control.pay(invoice.invoice_id, { asset: 'BTC' }), /not accepted/);
      const paid = standIn.control.pay(invoice.invoice_id, { asset: 'TON' });
      assert.equal(paid.paid_asset, 'TON');
      await receiver.waitFor((r) => r.status === 200);
      const [after] = await client.getInvoices({ invoiceIds: [invoice.invoice_id], status: 'paid' });
      assert.equal(after?.paid_asset, 'TON');
      assert.equal(after?.paid_amount, '10');
    }));

  test('an expired invoice cannot be paid and sends nothing', () =>
    withCryptoPay(async ({ standIn, client }) => {
      const invoice = await client.createInvoice({ currencyType: 'crypto', asset: 'TON', amount: '1.5' });
      standIn.control.expire(invoice.invoice_id);
      const [after] = await client.getInvoices({ invoiceIds: [invoice.invoice_id] });
      assert.equal(after?.status, 'expired');
      const refused = await fetch(invoice.bot_invoice_url, { method: 'POST', body: '' });
      assert.equal(refused.status, 409);
      assert.throws(() => standIn.control.pay(invoice.invoice_id), /expired/);
      await standIn.control.flushWebhooks();
      assert.equal(standIn.control.webhooks().length, 0);
    }));

  test('forged webhooks fail verification: wrong token, no signature, tampered body', () =>
    withCryptoPay(async ({ standIn, client, receiver }) => {
      const invoice = await client.createInvoice({ currencyType: 'crypto', asset: 'USDT', amount: '1' });
      const update = {
        update_id: 99,
        update_type: 'invoice_paid',
        request_date: new Date().toISOString(),
        payload: { ...standIn.control.invoices()[0], status: 'paid' },
      };
      assert.equal(
        (await standIn.control.sendWebhook(update, { signWith: 'stolen-or-guessed' })).status,
        401,
      );
      assert.equal((await standIn.control.sendWebhook(update, { signWith: null })).status, 401);

      const signed = JSON.stringify(update);
      const tampered = signed.replace('"amount":"1"', '"amount":"1000"');
      assert.notEqual(tampered, signed);
      const reply = await fetch(receiver.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'crypto-pay-api-signature': signCryptoPayBody(signed, TOKEN),
        },
        body: tampered,
      });
      assert.equal(reply.status, 401);

      // Correctly signed but the invoice is not paid: the route's confirmation read shows it.
      assert.equal((await standIn.control.sendWebhook(update)).status, 200);
      assert.equal(receiver.received.at(-1)?.note, `invoice_paid ${invoice.invoice_id} confirmed:active`);
    }));

  test('webhooks are repeated until the receiver answers 200', () => {
    let first = true;
    return withCryptoPay(
      async ({ standIn, client, receiver }) => {
        const invoice = await client.createInvoice({ currencyType: 'crypto', asset: 'USDT', amount: '2' });
        standIn.control.pay(invoice.invoice_id);
        await receiver.waitFor((r) => r.status === 200);
        assert.deepEqual(
          receiver.received.map((r) => r.status),
          [502, 200],
        );
        assert.deepEqual(receiver.received[0]?.rawBody, receiver.received[1]?.rawBody);
        await standIn.control.flushWebhooks();
        assert.equal(standIn.control.webhooks()[0]?.attempts, 2);
      },
      (route) => async (request) => {
        if (!first) return route(request);
        first = false;
        return { status: 502, note: 'proxy hiccup' };
      },
    );
  });

  test('parameters by query string or form, as the real API accepts them', () =>
    withCryptoPay(async ({ standIn }) => {
      const headers = { 'crypto-pay-api-token': TOKEN };
      const viaQuery = await fetch(`${standIn.url}/createInvoice?asset=TON&amount=0.5&allow_comments=false`, {
        headers,
      });
      const created = (await viaQuery.json()) as {
        ok: boolean;
        result: { invoice_id: number; allow_comments: boolean };
      };
      assert.equal(created.ok, true);
      assert.equal(created.result.allow_comments, false);

      const viaForm = await fetch(`${standIn.url}/getInvoices`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        body: `invoice_ids=${created.result.invoice_id},999`,
      });
      const listed = (await viaForm.json()) as { result: { items: Array<{ invoice_id: number }> } };
      assert.deepEqual(
        listed.result.items.map((i) => i.invoice_id),
        [created.result.invoice_id],
      );

      const bad = await fetch(`${standIn.url}/createInvoice?asset=USDT&amount=abc`, { headers });
      assert.equal(bad.status, 400);
      assert.deepEqual(await bad.json(), { ok: false, error: { code: 400, name: 'AMOUNT_INVALID' } });
      const unknown = await fetch(`${standIn.url}/transfer`, { headers });
      assert.deepEqual(await unknown.json(), { ok: false, error: { code: 404, name: 'METHOD_NOT_FOUND' } });
    }));

  test('invalid requests: refused locally, or by the API with its error name', () =>
    withCryptoPay(async ({ client }) => {
      const local = await rejection(
        client.createInvoice({ currencyType: 'crypto', asset: 'USDT', amount: '-1' }),
      );
      assert.equal(local.errorName, 'INVALID_INPUT');
      const noUrl = await rejection(
        client.createInvoice({ currencyType: 'crypto', asset: 'USDT', amount: '1', paidBtnName: 'viewItem' }),
      );
      assert.equal(noUrl.errorName, 'INVALID_INPUT');
      const remote = await rejection(
        client.createInvoice({ currencyType: 'crypto', asset: 'NOPE', amount: '1' }),
      );
      assert.equal(remote.code, 400);
      assert.equal(remote.errorName, 'ASSET_INVALID');
    }));

  test('a read is retried after a network failure; createInvoice is not', async () => {
    const standIn = await startCryptoPayStandIn({ token: TOKEN });
    try {
      let failures = 1;
      let calls = 0;
      const flakyFetch: typeof fetch = async (input, init) => {
        calls++;
        if (failures-- > 0) throw new TypeError('fetch failed');
        return fetch(input, init);
      };
      const client = createCryptoPayClient({
        token: TOKEN,
        apiBase: standIn.url,
        fetch: flakyFetch,
        sleep: async () => {},
      });
      assert.equal((await client.getInvoices()).length, 0);
      assert.equal(calls, 2);

      failures = 1;
      calls = 0;
      const error = await rejection(
        client.createInvoice({ currencyType: 'crypto', asset: 'USDT', amount: '1' }),
      );
      assert.equal(error.errorName, 'NETWORK_ERROR');
      assert.equal(calls, 1);
      assert.equal(standIn.control.invoices().length, 0);
    } finally {
      await standIn.close();
    }
  });

  test('two stand-ins in one process keep their apps apart', async () => {
    const [a, b] = await Promise.all([
      startCryptoPayStandIn({ token: 'token-a' }),
      startCryptoPayStandIn({ token: 'token-b' }),
    ]);
    try {
      const clientA = createCryptoPayClient({ token: 'token-a', apiBase: a.url });
      const clientB = createCryptoPayClient({ token: 'token-b', apiBase: b.url });
      await clientA.createInvoice({ currencyType: 'crypto', asset: 'USDT', amount: '1' });
      assert.equal((await clientA.getInvoices()).length, 1);
      assert.equal((await clientB.getInvoices()).length, 0);
      const crossed = createCryptoPayClient({ token: 'token-a', apiBase: b.url });
      assert.equal((await rejection(crossed.getMe())).errorName, 'UNAUTHORIZED');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
