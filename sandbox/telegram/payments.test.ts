import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { Bot, GrammyError } from 'grammy';
import type { PreCheckoutQuery, SuccessfulPayment } from 'grammy/types';
import { callApi, readEvents, startTestServer, type TestServer, tokenFor } from './test-support.ts';

const TOKEN = tokenFor(700901);
const USER = { id: 9101, first_name: 'Pat', username: 'pat' };
const TITLE = 'Pro plan';
const DESCRIPTION = '30 days of Pro';
const PAYLOAD = 'order-42';
const PRICES = [{ label: 'Pro', amount: 50 }];

/** Telegram's charge ids: "stx" and a long base64url tail (well past 128 characters). */
const CHARGE_ID = /^stx[\w-]{128,}$/;

/** A grammY bot that answers pre-checkout queries with `answer` and reports what it saw. */
function paymentBot(t: TestServer, answer: (query: PreCheckoutQuery) => { ok: boolean; error?: string }) {
  const bot = new Bot(TOKEN, { client: { apiRoot: t.server.url } });
  const queries: PreCheckoutQuery[] = [];
  const payments: SuccessfulPayment[] = [];
  let paid: (payment: SuccessfulPayment) => void = () => {};
  const nextPayment = () => new Promise<SuccessfulPayment>((resolve) => (paid = resolve));
  bot.on('pre_checkout_query', (ctx) => {
    queries.push(ctx.preCheckoutQuery);
    const { ok, error } = answer(ctx.preCheckoutQuery);
    return ok ? ctx.answerPreCheckoutQuery(true) : ctx.answerPreCheckoutQuery(false, error);
  });
  bot.on('message:successful_payment', (ctx) => {
    payments.push(ctx.message.successful_payment);
    paid(ctx.message.successful_payment);
  });
  const start = () => new Promise<void>((resolve) => void bot.start({ onStart: () => resolve() }));
  return { bot, queries, payments, nextPayment, start };
}

async function apiError(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof GrammyError, 'expected the call to fail');
  return error.description;
}

describe('Telegram Stars payments', () => {
  let t: TestServer;

  beforeEach(async () => {
    // Short enough that a broken test fails fast, long enough for a polling bot to answer.
    t = await startTestServer({ preCheckoutTimeoutMs: 3_000 });
    await t.client.upsertUser(USER);
  });
  afterEach(() => t.server.close());

  test('an XTR invoice is paid: pre_checkout_query, then the successful_payment message', async () => {
    const { bot, queries, nextPayment, start } = paymentBot(t, () => ({ ok: true }));
    await start();
    try {
      const sent = await bot.api.sendInvoice(USER.id, TITLE, DESCRIPTION, PAYLOAD, 'XTR', PRICES);
      assert.deepEqual(sent.invoice, {
        title: TITLE,
        description: DESCRIPTION,
        start_parameter: '',
        currency: 'XTR',
        total_amount: 50,
      });
      const [invoiceMessage] = await t.client.messages({ token: TOKEN, chatId: USER.id });
      assert.equal(invoiceMessage?.sender, 'bot');
      assert.deepEqual(invoiceMessage?.invoice, sent.invoice);

      const payment = nextPayment();
      const result = await t.client.payInvoice({ token: TOKEN, userId: USER.id, messageId: sent.message_id });
      assert.equal(result.status, 'paid');
      assert.ok(result.status === 'paid');
      assert.match(result.chargeId, CHARGE_ID);

      assert.deepEqual(await payment, {
        currency: 'XTR',
        total_amount: 50,
        invoice_payload: PAYLOAD,
        telegram_payment_charge_id: result.chargeId,
        provider_payment_charge_id: '',
      });
      assert.equal(queries.length, 1);
      assert.deepEqual(
        { ...queries[0], id: undefined },
        {
          id: undefined,
          from: { id: USER.id, is_bot: false, first_name: 'Pat', username: 'pat' },
          currency: 'XTR',
          total_amount: 50,
          invoice_payload: PAYLOAD,
        },
      );

      const receipt = (await t.client.messages({ token: TOKEN, chatId: USER.id })).at(-1);
      assert.equal(receipt?.message_id, result.messageId);
      assert.equal(receipt?.sender, 'user');
      assert.equal(receipt?.successful_payment?.telegram_payment_charge_id, result.chargeId);

      // Clients show a receipt instead of the Pay button once the invoice is paid.
      await assert.rejects(
        t.client.payInvoice({ token: TOKEN, userId: USER.id, messageId: sent.message_id }),
        /already paid/,
      );
    } finally {
      await bot.stop();
    }
  });

  test('ok=false rejects with the error message; a failing card fails after approval', async () => {
    let approve = false;
    const { bot, payments, start } = paymentBot(t, () =>
      approve ? { ok: true } : { ok: false, error: 'Sold out, sorry!' },
    );
    await start();
    try {
      const first = await bot.api.sendInvoice(USER.id, TITLE, DESCRIPTION, PAYLOAD, 'XTR', PRICES);
      assert.deepEqual(
        await t.client.payInvoice({ token: TOKEN, userId: USER.id, messageId: first.message_id }),
        {
          status: 'rejected',
          errorMessage: 'Sold out, sorry!',
        },
      );

      approve = true;
      const declined = await t.client.payInvoice({
        token: TOKEN,
        userId: USER.id,
        messageId: first.message_id,
        outcome: 'decline_card',
      });
      assert.deepEqual(declined, { status: 'failed' });

      const messages = await t.client.messages({ token: TOKEN, chatId: USER.id });
      assert.equal(
        messages.some((m) => m.successful_payment),
        false,
      );
      assert.deepEqual(payments, []);
    } finally {
      await bot.stop();
    }
  });

  test('an unanswered pre-checkout query times out, and a late answer fails like on Telegram', async () => {
    const quick = await startTestServer({ preCheckoutTimeoutMs: 150 });
    try {
      await quick.client.upsertUser(USER);
      const bot = new Bot(TOKEN, { client: { apiRoot: quick.server.url } });
      const sent = await bot.api.sendInvoice(USER.id, TITLE, DESCRIPTION, PAYLOAD, 'XTR', PRICES);
      const result = await quick.client.payInvoice({
        token: TOKEN,
        userId: USER.id,
        messageId: sent.message_id,
      });
      assert.deepEqual(result, { status: 'timeout' });

      const [update] = await bot.api.getUpdates();
      const queryId = update?.pre_checkout_query?.id;
      assert.ok(queryId);
      const late = await callApi(quick.server, TOKEN, 'answerPreCheckoutQuery', {
        pre_checkout_query_id: queryId,
        ok: true,
      });
      assert.equal(late.status, 400);
      assert.equal(
        late.body.description,
        'Bad Request: query is too old and response timeout expired or query ID is invalid',
      );
    } finally {
      await quick.server.close();
    }
  });

  test('pay by invoice link, refund with a refunded_payment message, and the Stars ledger', async () => {
    const abort = new AbortController();
    const events = readEvents(t.server.url, 5, abort.signal);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { bot, nextPayment, start } = paymentBot(t, () => ({ ok: true }));
    let refunded: (message: unknown) => void = () => {};
    const refundMessage = new Promise((resolve) => (refunded = resolve));
    bot.on('message:refunded_payment', (ctx) => refunded(ctx.message.refunded_payment));
    await start();
    try {
      const link = await bot.api.createInvoiceLink(TITLE, DESCRIPTION, PAYLOAD, '', 'XTR', PRICES);
      assert.match(link, /^https:\/\/t\.me\/\$[\w-]{27}$/);

      const payment = nextPayment();
      const result = await t.client.payInvoice({ token: TOKEN, userId: USER.id, invoiceLink: link });
      assert.ok(result.status === 'paid');
      assert.equal((await payment).telegram_payment_charge_id, result.chargeId);

      assert.equal(await bot.api.refundStarPayment(USER.id, result.chargeId), true);
      assert.deepEqual(await refundMessage, {
        currency: 'XTR',
        total_amount: 50,
        invoice_payload: PAYLOAD,
        telegram_payment_charge_id: result.chargeId,
      });
      const last = (await t.client.messages({ token: TOKEN, chatId: USER.id })).at(-1);
      assert.equal(last?.refunded_payment?.telegram_payment_charge_id, result.chargeId);

      assert.equal(
        await apiError(bot.api.refundStarPayment(USER.id, result.chargeId)),
        'Bad Request: CHARGE_ALREADY_REFUNDED',
      );
      assert.equal(
        await apiError(bot.api.refundStarPayment(USER.id, 'stxunknown')),
        'Bad Request: CHARGE_NOT_FOUND',
      );
      assert.equal(
        await apiError(bot.api.refundStarPayment(0, result.chargeId)),
        'Bad Request: invalid user_id specified',
      );

      const user = { id: USER.id, is_bot: false, first_name: 'Pat', username: 'pat' };
      const partner = { type: 'user', transaction_type: 'invoice_payment', user, invoice_payload: PAYLOAD };
      const { transactions } = await bot.api.getStarTransactions();
      assert.deepEqual(
        transactions.map(({ date: _date, ...rest }) => rest),
        [
          { id: result.chargeId, amount: 50, source: partner },
          { id: result.chargeId, amount: 50, receiver: partner },
        ],
      );
      assert.equal((await bot.api.getStarTransactions({ offset: 1, limit: 5 })).transactions.length, 1);

      const received = await events;
      abort.abort();
      assert.deepEqual(
        received.map((event) =>
          event.type === 'invoice_payment' ? `${event.type}:${event.status}` : event.type,
        ),
        [
          'invoice_payment:pending',
          'message_added',
          'invoice_payment:paid',
          'message_added',
          'payment_refunded',
        ],
      );
    } finally {
      await bot.stop();
    }
  });

  test('invoices are validated like Telegram', async () => {
    const bot = new Bot(TOKEN, { client: { apiRoot: t.server.url } });
    const send = (currency: string, prices: { label: string; amount: number }[], other = {}) =>
      apiError(bot.api.sendInvoice(USER.id, TITLE, DESCRIPTION, PAYLOAD, currency, prices, other));

    const twoPrices = [...PRICES, { label: 'Tax', amount: 5 }];
    assert.equal(await send('XTR', twoPrices), 'Bad Request: STARS_INVOICE_INVALID');
    assert.equal(
      await send('XTR', PRICES, { provider_token: '123:TEST' }),
      'Bad Request: STARS_INVOICE_INVALID',
    );
    assert.equal(await send('XTR', PRICES, { max_tip_amount: 10 }), 'Bad Request: STARS_INVOICE_INVALID');
    assert.equal(await send('USD', PRICES), 'Bad Request: PAYMENT_PROVIDER_INVALID');
    assert.equal(
      await send('XTR', [{ label: 'Free', amount: 0 }]),
      'Bad Request: total price must be positive',
    );
    assert.equal(await send('XTR', []), 'Bad Request: there must be at least one price');
    assert.equal(
      await send('XTR', [{ label: '', amount: 5 }]),
      "Bad Request: can't parse labeled price: LabeledPrice label must be non-empty",
    );
    assert.equal(
      await send('XTR', PRICES, {
        reply_markup: { inline_keyboard: [[{ text: 'Back', callback_data: 'back' }]] },
      }),
      'Bad Request: REPLY_MARKUP_BUY_EMPTY',
    );
    const withPayButton = await bot.api.sendInvoice(USER.id, TITLE, DESCRIPTION, PAYLOAD, 'XTR', PRICES, {
      start_parameter: 'pro',
      reply_markup: { inline_keyboard: [[{ text: 'Pay 50 ⭐', pay: true }]] },
    });
    assert.equal(withPayButton.invoice.start_parameter, 'pro');
    const [stored] = await t.client.messages({ token: TOKEN, chatId: USER.id });
    assert.equal(stored?.message_id, withPayButton.message_id);
    assert.deepEqual(stored?.message.reply_markup?.inline_keyboard[0]?.[0], { text: 'Pay 50 ⭐', pay: true });

    const emptyPayload = await callApi(t.server, TOKEN, 'createInvoiceLink', {
      title: TITLE,
      description: DESCRIPTION,
      payload: '',
      currency: 'XTR',
      prices: PRICES,
    });
    assert.equal(emptyPayload.body.description, 'Bad Request: parameter "payload" is required');
    const longPayload = await callApi(t.server, TOKEN, 'createInvoiceLink', {
      title: TITLE,
      description: DESCRIPTION,
      payload: 'x'.repeat(129),
      currency: 'XTR',
      prices: JSON.stringify(PRICES),
    });
    assert.equal(longPayload.body.description, 'Bad Request: INVOICE_PAYLOAD_INVALID');

    const noReason = await callApi(t.server, TOKEN, 'answerPreCheckoutQuery', {
      pre_checkout_query_id: '1',
      ok: false,
    });
    assert.equal(noReason.body.description, 'Bad Request: parameter "error_message" is required');
  });
});
