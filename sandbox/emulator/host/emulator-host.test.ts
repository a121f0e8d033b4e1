import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { validate } from '@telegram-apps/init-data-node';
import { Bot } from 'grammy';
import { SseParser } from '../../../scripts/dev/sse-parser.ts';
import { TelegramTestClient } from '../../telegram/client.ts';
import { startTelegramServer, type TelegramServer } from '../../telegram/server.ts';
import { TINY_PNG, tokenFor } from '../../telegram/test-support.ts';
import type { ChatMessage, PayInvoiceResult } from '../../telegram/types.ts';
import type { TEmulatorConfig, TEmulatorEvent } from '../contract/host-api.ts';
import { type EmulatorHost, startEmulatorHost } from './start-emulator-host.ts';

const USER_BOT = { token: tokenFor(710001), username: 'shop_test_bot', title: 'Shop', kind: 'user' as const };
const ADMIN_BOT = {
  token: tokenFor(710002),
  username: 'staff_test_bot',
  title: 'Staff',
  kind: 'admin' as const,
};
const SUPPORT_CHAT_ID = -1_000_000_000_777;

describe('emulator host API', () => {
  let telegram: TelegramServer;
  let host: EmulatorHost;
  let bot: Bot;
  let base: string;
  // A stand-in for the built page: these tests are about the host, and a build folder of their own
  // cannot race a test file that rebuilds the real one.
  let distDir: string;

  const api = async (path: string, init?: RequestInit) => {
    const response = await fetch(new URL(path, base), init);
    return { status: response.status, headers: response.headers, body: (await response.json()) as unknown };
  };
  const post = (path: string, body: unknown) =>
    api(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  before(async () => {
    distDir = await mkdtemp(join(tmpdir(), 'emulator-dist-'));
    await mkdir(join(distDir, 'assets'));
    await writeFile(
      join(distDir, 'index.html'),
      '<script type="module" src="./assets/index-1a2b.js"></script>',
    );
    await writeFile(join(distDir, 'assets', 'index-1a2b.js'), 'export {};');
    telegram = await startTelegramServer({ preCheckoutTimeoutMs: 3_000 });
    const client = new TelegramTestClient(telegram.url);
    bot = new Bot(USER_BOT.token, { client: { apiRoot: telegram.url } });
    bot.command('start', (ctx) => ctx.reply('<b>Hi</b> there', { parse_mode: 'HTML' }));
    bot.on('message:photo', (ctx) =>
      ctx.reply(`photo ${ctx.message.photo[0]?.width}x${ctx.message.photo[0]?.height}`),
    );
    bot.on('pre_checkout_query', (ctx) =>
      ctx.preCheckoutQuery.invoice_payload === 'sold-out'
        ? ctx.answerPreCheckoutQuery(false, 'Sold out, sorry')
        : ctx.answerPreCheckoutQuery(true),
    );
    await new Promise<void>((resolve) => void bot.start({ onStart: () => resolve() }));
    host = await startEmulatorHost({
      port: 0,
      telegram: { url: telegram.url, client },
      bots: [USER_BOT, ADMIN_BOT],
      supportChatId: SUPPORT_CHAT_ID,
      miniAppUrl: 'http://127.0.0.1:9/app/',
      mailInboxUrl: 'http://127.0.0.1:8025',
      links: { yookassa: 'http://127.0.0.1:9/yookassa' },
      distDir,
    });
    base = host.url;
  });

  after(async () => {
    await bot?.stop();
    await host?.close();
    await telegram?.close();
    if (distDir) await rm(distDir, { recursive: true, force: true });
  });

  test('the config names bots, support chat and links, never a token', async () => {
    const { status, body } = await api('/api/config');
    assert.equal(status, 200);
    const config = body as TEmulatorConfig;
    assert.deepEqual(
      config.bots.map((b) => [b.username, b.title, b.kind]),
      [
        ['shop_test_bot', 'Shop', 'user'],
        ['staff_test_bot', 'Staff', 'admin'],
      ],
    );
    assert.deepEqual(config.supportChat, { id: SUPPORT_CHAT_ID, title: 'Support', bot: 'shop_test_bot' });
    assert.deepEqual(config.links, {
      mailInbox: 'http://127.0.0.1:8025',
      yookassa: 'http://127.0.0.1:9/yookassa',
    });
    assert.doesNotMatch(JSON.stringify(body), /TEST-secret/);
  });

  test('users are created with the next free id and validated', async () => {
    const first = await post('/api/users', { firstName: 'Ann', username: 'ann_smith', language: 'en' });
    assert.equal(first.status, 200);
    const second = await post('/api/users', { firstName: 'Борис', language: 'ru' });
    assert.deepEqual(second.body, { id: 1002, is_bot: false, first_name: 'Борис', language_code: 'ru' });
    const bad = await post('/api/users', { firstName: 'X', username: 'a b', language: 'de' });
    assert.equal(bad.status, 400);
    assert.match(String((bad.body as { error: string }).error), /^invalid request: username: /);
    const list = (await api('/api/users')).body as { id: number }[];
    assert.deepEqual(
      list.map((user) => user.id),
      [1001, 1002],
    );
  });

  test("a user's text reaches the bot; its reply streams to the page with the bot's name, not its token", async () => {
    const abort = new AbortController();
    const events = readHostEvents(base, 2, abort.signal);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const sent = await post('/api/messages/text', {
      bot: 'shop_test_bot',
      userId: 1001,
      chatId: 1001,
      text: '/start',
    });
    assert.equal(sent.status, 200);
    const received = await events;
    abort.abort();
    const [mine, reply] = received;
    assert.equal(mine?.type, 'message_added');
    assert.ok(reply?.type === 'message_added');
    assert.equal(reply.bot, 'shop_test_bot');
    assert.equal(reply.message.text, 'Hi there');
    assert.deepEqual(reply.message.entities, [{ type: 'bold', offset: 0, length: 2 }]);
    assert.doesNotMatch(JSON.stringify(received), /TEST-secret/);
    const messages = (await api('/api/messages?bot=shop_test_bot&chatId=1001')).body as ChatMessage[];
    assert.deepEqual(
      messages.map((m) => m.text),
      ['/start', 'Hi there'],
    );
  });

  test('uploads reach the bot; files come back inline only when they cannot run as a page', async () => {
    const upload = await fetch(
      new URL(
        '/api/messages/media?bot=shop_test_bot&userId=1001&chatId=1001&kind=photo&fileName=dot.png',
        base,
      ),
      { method: 'POST', headers: { 'content-type': 'image/png' }, body: TINY_PNG },
    );
    assert.equal(upload.status, 200);
    const photo = (await upload.json()) as ChatMessage;
    assert.equal(photo.media?.kind, 'photo');
    const client = new TelegramTestClient(telegram.url);
    await client.waitForMessage({
      token: USER_BOT.token,
      chatId: 1001,
      since: photo.revision,
      predicate: (m) => m.text === 'photo 1x1',
    });

    const image = await fetch(
      new URL(`/api/files?bot=shop_test_bot&fileId=${photo.media?.file_id}&type=image/png`, base),
    );
    assert.equal(image.headers.get('content-type'), 'image/png');
    assert.equal(image.headers.get('content-disposition'), null);
    assert.deepEqual(Buffer.from(await image.arrayBuffer()), TINY_PNG);

    const page = await fetch(
      new URL(
        `/api/files?bot=shop_test_bot&fileId=${photo.media?.file_id}&type=text/html&download=отчёт.html`,
        base,
      ),
    );
    assert.equal(page.headers.get('content-type'), 'application/octet-stream');
    assert.equal(page.headers.get('content-security-policy'), 'sandbox');
    assert.equal(
      page.headers.get('content-disposition'),
      `attachment; filename="_____.html"; filename*=UTF-8''${encodeURIComponent('отчёт.html')}`,
    );
    const voice = await fetch(
      new URL(
        '/api/messages/media?bot=shop_test_bot&userId=1001&chatId=1001&kind=voice&fileName=v.webm&duration=3',
        base,
      ),
      { method: 'POST', headers: { 'content-type': 'audio/webm' }, body: Buffer.from('webm') },
    );
    const voiceMessage = (await voice.json()) as ChatMessage;
    assert.deepEqual(
      [voiceMessage.media?.kind, voiceMessage.media?.mime_type, voiceMessage.media?.duration],
      ['voice', 'audio/webm', 3],
    );
    const empty = await fetch(
      new URL('/api/messages/media?bot=shop_test_bot&userId=1001&chatId=1001&kind=document&fileName=x', base),
      {
        method: 'POST',
      },
    );
    assert.equal(empty.status, 400);
  });

  test('invoices are paid through pre_checkout_query; a refusal carries the bot error; links pay too', async () => {
    const invoice = await bot.api.sendInvoice(1001, 'Pack', '100 tokens', 'pack-1', 'XTR', [
      { label: 'Pack', amount: 5 },
    ]);
    const paid = await post('/api/payments', {
      bot: 'shop_test_bot',
      userId: 1001,
      messageId: invoice.message_id,
    });
    assert.equal((paid.body as PayInvoiceResult).status, 'paid');
    const again = await post('/api/payments', {
      bot: 'shop_test_bot',
      userId: 1001,
      messageId: invoice.message_id,
    });
    assert.deepEqual(
      [again.status, again.body],
      [400, { error: `invoice message ${invoice.message_id} was already paid` }],
    );

    const soldOut = await bot.api.sendInvoice(1001, 'Pack', '100 tokens', 'sold-out', 'XTR', [
      { label: 'Pack', amount: 5 },
    ]);
    const rejected = await post('/api/payments', {
      bot: 'shop_test_bot',
      userId: 1001,
      messageId: soldOut.message_id,
    });
    assert.deepEqual(rejected.body, { status: 'rejected', errorMessage: 'Sold out, sorry' });

    const link = await bot.api.createInvoiceLink('Sub', 'A month', 'sub-1', '', 'XTR', [
      { label: 'Sub', amount: 9 },
    ]);
    const info = await api(`/api/invoice-links?link=${encodeURIComponent(link)}`);
    assert.equal((info.body as { bot_username: string; title: string }).bot_username, 'shop_test_bot');
    const declined = await post('/api/payments', {
      bot: 'shop_test_bot',
      userId: 1001,
      invoiceLink: link,
      outcome: 'decline_card',
    });
    assert.deepEqual(declined.body, { status: 'failed' });
    const both = await post('/api/payments', {
      bot: 'shop_test_bot',
      userId: 1001,
      messageId: 1,
      invoiceLink: link,
    });
    assert.equal(both.status, 400);
  });

  test('a Mini App launch is signed with the token of the bot that opens it, and carries the theme', async () => {
    const { body } = await post('/api/launch', {
      bot: 'staff_test_bot',
      userId: 1001,
      url: 'http://127.0.0.1:9/app/buy?x=1',
      theme: 'dark',
    });
    const url = new URL((body as { url: string }).url);
    assert.equal(`${url.origin}${url.pathname}${url.search}`, 'http://127.0.0.1:9/app/buy?x=1');
    const hash = new URLSearchParams(url.hash.slice(1));
    const initData = hash.get('tgWebAppData') ?? '';
    validate(initData, ADMIN_BOT.token);
    assert.throws(() => validate(initData, USER_BOT.token));
    const user = JSON.parse(new URLSearchParams(initData).get('user') ?? '{}') as Record<string, unknown>;
    assert.deepEqual(user, { id: 1001, first_name: 'Ann', username: 'ann_smith', language_code: 'en' });
    assert.equal(hash.get('tgWebAppPlatform'), 'weba');
    assert.equal(JSON.parse(hash.get('tgWebAppThemeParams') ?? '{}').bg_color, '#212121');
    const fallback = await post('/api/launch', { bot: 'shop_test_bot', userId: 1001, theme: 'light' });
    assert.match((fallback.body as { url: string }).url, /^http:\/\/127\.0\.0\.1:9\/app\/#tgWebAppData=/);
    const script = await post('/api/launch', {
      bot: 'shop_test_bot',
      userId: 1001,
      url: 'javascript:alert(1)',
      theme: 'light',
    });
    assert.equal(script.status, 400);
  });

  test('writing in the support group joins it; buttons, profiles and unknown names answer clearly', async () => {
    const sent = await post('/api/messages/text', {
      bot: 'shop_test_bot',
      userId: 1002,
      chatId: SUPPORT_CHAT_ID,
      text: 'hello team',
    });
    assert.equal(sent.status, 200);
    const state = await new TelegramTestClient(telegram.url).state();
    assert.deepEqual(state.chats.find((chat) => chat.chat.id === SUPPORT_CHAT_ID)?.member_user_ids, [1002]);

    const withButton = await bot.api.sendMessage(1001, 'pick', {
      reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] },
    });
    const press = await post('/api/callbacks', {
      bot: 'shop_test_bot',
      userId: 1001,
      chatId: 1001,
      messageId: withButton.message_id,
      data: 'a',
    });
    assert.match((press.body as { callbackQueryId: string }).callbackQueryId, /^\d+$/);
    const forged = await post('/api/callbacks', {
      bot: 'shop_test_bot',
      userId: 1001,
      chatId: 1001,
      messageId: withButton.message_id,
      data: 'x',
    });
    assert.equal(forged.status, 400);

    await bot.api.setChatMenuButton({
      menu_button: { type: 'web_app', text: 'Open', web_app: { url: 'https://example.com/' } },
    });
    const profile = await api('/api/bot-profile?bot=shop_test_bot&chatId=1001');
    assert.deepEqual((profile.body as { menu_button: unknown }).menu_button, {
      type: 'web_app',
      text: 'Open',
      web_app: { url: 'https://example.com/' },
    });
    assert.deepEqual((await api('/api/messages?bot=nobody&chatId=1001')).body, {
      error: 'unknown bot @nobody',
    });
    assert.equal((await api('/api/nothing')).status, 404);
  });

  test('the page is served with its CSP; paths outside the build fall back to it', async () => {
    const page = await fetch(new URL('/', base));
    assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.match(page.headers.get('content-security-policy') ?? '', /frame-src http: https:/);
    const html = await page.text();
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    assert.ok(script, 'index.html names its script');
    const asset = await fetch(new URL(`/${script}`, base));
    assert.equal(asset.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const outside = await fetch(new URL('/..%2f..%2fpackage.json', base));
    assert.equal(await outside.text(), html);
  });
});

/** The first `count` events the host streams to a page. */
async function readHostEvents(base: string, count: number, signal: AbortSignal): Promise<TEmulatorEvent[]> {
  const response = await fetch(new URL('/api/events', base), { signal });
  assert.equal(response.headers.get('content-type'), 'text/event-stream');
  const parser = new SseParser();
  const decoder = new TextDecoder();
  const events: TEmulatorEvent[] = [];
  for await (const chunk of response.body ?? []) {
    for (const message of parser.push(decoder.decode(chunk, { stream: true })))
      events.push(JSON.parse(message.data) as TEmulatorEvent);
    if (events.length >= count) break;
  }
  return events;
}
