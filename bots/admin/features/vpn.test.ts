import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Queue } from 'bullmq';
import { BotError } from 'grammy';
import type { InlineKeyboardButton, Message, Update } from 'grammy/types';
import { Registry } from 'prom-client';
import { type AdminBot, createAdminBot } from '#bots/admin/bot.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { createBotMetrics } from '#bots/shared/metrics.ts';
import { completeSignup } from '#core/accounts/complete-signup.ts';
import { touchUser } from '#core/accounts/touch-user.ts';
import { AI_QUEUE, type TAiJob } from '#core/ai/generation/generation-job.ts';
import { createAiGateway } from '#core/ai/providers/create-ai-gateway.ts';
import { aiConfigOf } from '#core/ai/providers/provider-config.ts';
import { loadEnv } from '#core/config/env.ts';
import { deriveKey } from '#core/crypto/secret-box.ts';
import type { Role } from '#core/db/generated/client.ts';
import { createFileStore } from '#core/files/create-file-store.ts';
import { fileUrlKeyOf } from '#core/files/signed-url.ts';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { createLogger } from '#core/logging/logger.ts';
import { NOTIFY_QUEUE, type TNotifyJob } from '#core/notify/notify-job.ts';
import { tierTerms } from '#core/vpn/subscription/subscription-store.ts';
import { startRemnawaveStandIn, type TRemnawaveStandIn } from '#sandbox/remnawave/remnawave-stand-in.ts';
import { OFFLINE_BOT_INFO } from '#tests/support/offline-bot-info.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { createTestRedis, TEST_REDIS_URL, type TestRedis } from '#tests/support/test-redis.ts';

// The real admin bot (createAdminBot: staff gate, conversations, every feature) fed updates offline, its Bot
// API calls answered here; the database, Redis and the panel stand-in are real.

const DAY = 86_400_000;
type TShown = { id: number; chatId: number; text: string; buttons: InlineKeyboardButton[][] };

let t: TestDatabase;
let redis: TestRedis;
let panel: TRemnawaveStandIn;
let bot: AdminBot;
let deps: BotDeps;
let filesDir: string;
const shown = new Map<number, TShown>();
const answers: string[] = [];
let nextId = 1;

function answer(method: string, p: Record<string, unknown>): unknown {
  const buttons = (markup: unknown) =>
    ((markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined)?.inline_keyboard ?? []).filter(
      (row) => row.length > 0,
    );
  if (method === 'sendMessage') {
    const id = nextId++;
    shown.set(id, { id, chatId: Number(p.chat_id), text: String(p.text), buttons: buttons(p.reply_markup) });
    return { message_id: id, date: 0, chat: { id: Number(p.chat_id), type: 'private', first_name: 'A' } };
  }
  if (method === 'editMessageText' || method === 'editMessageReplyMarkup') {
    const message = shown.get(Number(p.message_id));
    if (!message) throw new Error(`${method}: no message ${String(p.message_id)}`);
    if (method === 'editMessageText') message.text = String(p.text);
    message.buttons = buttons(p.reply_markup);
    return true;
  }
  if (method === 'answerCallbackQuery' && typeof p.text === 'string') answers.push(p.text);
  return true;
}

before(async () => {
  t = await createTestDatabase();
  redis = await createTestRedis();
  panel = await startRemnawaveStandIn({ port: 0 });
  filesDir = mkdtempSync(join(tmpdir(), 'admin-vpn-'));
  const config = loadEnv({
    NODE_ENV: 'test',
    BOT_TOKEN: `${OFFLINE_BOT_INFO.id}:offline-user-bot-token`,
    ADMIN_BOT_TOKEN: '7000000002:offline-admin-bot-token',
    DATABASE_URL: t.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: redis.prefix,
    DATA_ENCRYPTION_KEY: 'ab'.repeat(32),
    SMTP_URL: 'smtp://127.0.0.1:1',
    FILES_DIR: filesDir,
    LOG_LEVEL: 'silent',
    REMNAWAVE_URL: panel.url,
    REMNAWAVE_TOKEN: panel.token,
  });
  const queueOpts = { connection: redis.redis, prefix: `${redis.prefix}:bull` };
  deps = {
    config,
    db: t.db,
    redis: redis.redis,
    logger: createLogger({ level: 'silent', name: 'admin-vpn-test' }),
    translator: loadTranslator(LOCALES_DIR),
    mailer: { send: async () => {}, close: () => {} },
    notifyQueue: new Queue<TNotifyJob>(NOTIFY_QUEUE, queueOpts),
    metrics: createBotMetrics(new Registry()),
    emailCodeKey: deriveKey(config.DATA_ENCRYPTION_KEY, 'email-code'),
    miniAppUrl: null,
    gateways: {},
    ai: createAiGateway({ config: aiConfigOf(config), redis: redis.redis, redisPrefix: redis.prefix }),
    aiQueue: new Queue<TAiJob>(AI_QUEUE, queueOpts),
    fileStore: createFileStore(config),
    fileUrlKey: fileUrlKeyOf(config.DATA_ENCRYPTION_KEY),
  };
  bot = createAdminBot(config.ADMIN_BOT_TOKEN, deps, {
    botInfo: { ...OFFLINE_BOT_INFO, id: 7_000_000_002 },
  });
  bot.api.config.use(
    async (prev, method, payload) =>
      ({ ok: true, result: answer(method, payload as Record<string, unknown>) }) as Awaited<
        ReturnType<typeof prev>
      >,
  );
  // Conversations build their own Api from the client options: answered the same way, never the network.
  if (bot.api.options)
    bot.api.options.fetch = (async (url: string | URL | Request, init?: RequestInit) => {
      const method = String(url).split('/').at(-1) ?? '';
      const payload = typeof init?.body === 'string' ? JSON.parse(init.body) : {};
      return new Response(JSON.stringify({ ok: true, result: answer(method, payload) }));
    }) as typeof fetch;
});
after(async () => {
  await deps?.notifyQueue.close();
  await deps?.aiQueue.close();
  await redis?.cleanup();
  await t?.drop();
  await panel?.close();
  if (filesDir) rmSync(filesDir, { recursive: true, force: true });
});

async function person(name: string, role?: Role): Promise<bigint> {
  const id = uniqueTelegramId();
  await touchUser(t.db, { id, firstName: name, languageCode: 'en' });
  await completeSignup(t.db, { userId: id, language: 'en' });
  if (role) await t.db.adminRole.create({ data: { userId: id, role } });
  return id;
}

/** A staff member in their private chat with the admin bot. */
function staff(id: bigint) {
  const from = { id: Number(id), is_bot: false as const, first_name: 'Staff', language_code: 'en' };
  const chat = { id: from.id, type: 'private' as const, first_name: 'Staff' };
  let updateId = 1;
  const feed = async (update: Omit<Update, 'update_id'>) => {
    try {
      await bot.handleUpdate({ update_id: updateId++, ...update });
    } catch (error) {
      if (!(error instanceof BotError)) throw error;
      await bot.errorHandler(error);
    }
  };
  const mine = () => [...shown.values()].filter((m) => m.chatId === from.id);
  return {
    send: (text: string) => {
      const command = /^\/\w+/.exec(text)?.[0];
      return feed({
        message: {
          message_id: nextId++,
          date: 0,
          chat,
          from,
          text,
          ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command.length }] } : {}),
        } as Message & Update.NonChannel,
      });
    },
    press: (label: string) => {
      const message = mine()
        .reverse()
        .find((m) => m.buttons.flat().some((b) => b.text === label));
      const button = message?.buttons.flat().find((b) => b.text === label);
      if (!message || !button || !('callback_data' in button)) throw new Error(`no button ${label}`);
      return feed({
        callback_query: {
          id: String(nextId++),
          from,
          chat_instance: 'c',
          data: button.callback_data,
          message: { message_id: message.id, date: 0, chat, from: OFFLINE_BOT_INFO, text: message.text },
        },
      });
    },
    last: () => mine().at(-1) as TShown,
    labels: () => (mine().at(-1)?.buttons ?? []).flat().map((b) => b.text),
  };
}

test('from /find to the VPN card: +7 days, custom days, switch off with confirmation, and back on', async () => {
  const admin = staff(await person('Boss', 'admin'));
  const target = await person('Vera');
  const expiresAt = new Date(Date.now() + 5 * DAY);
  await t.db.vpnSubscription.create({ data: { userId: target, ...tierTerms('pro'), expiresAt } });

  await admin.send(`/find ${target}`);
  assert.match(admin.last().text, /🛡 VPN: pro · active · until/);
  await admin.press('🛡 VPN');
  assert.match(admin.last().text, /Tier: <b>pro<\/b> · active/);

  await admin.press('+7 days');
  const row = await t.db.vpnSubscription.findUniqueOrThrow({ where: { userId: target } });
  assert.equal(row.expiresAt.getTime(), expiresAt.getTime() + 7 * DAY);
  assert.match(answers.at(-1) ?? '', /Added 7 days/);

  await admin.press('➕ Days…');
  assert.match(admin.last().text, /How many days/);
  await admin.send('nope');
  assert.match(admin.last().text, /whole number of days/);
  await admin.send('10');
  assert.equal(
    (await t.db.vpnSubscription.findUniqueOrThrow({ where: { userId: target } })).expiresAt.getTime(),
    expiresAt.getTime() + 17 * DAY,
  );
  assert.match(admin.last().text, /Tier: <b>pro<\/b>/, 'the card is shown again');

  await admin.press('⛔ Switch off');
  assert.match(admin.last().text, /Switch this user's VPN off\?/);
  assert.equal(
    (await t.db.vpnSubscription.findUniqueOrThrow({ where: { userId: target } })).disabledAt,
    null,
    'nothing happens before the confirmation',
  );
  await admin.press('Yes, do it');
  assert.ok((await t.db.vpnSubscription.findUniqueOrThrow({ where: { userId: target } })).disabledAt);
  assert.match(admin.last().text, /switched off/);
  await admin.press('✅ Switch on');
  assert.equal(
    (await t.db.vpnSubscription.findUniqueOrThrow({ where: { userId: target } })).disabledAt,
    null,
  );

  const audit = await t.db.auditLog.findMany({ where: { targetUserId: target }, orderBy: { id: 'asc' } });
  assert.deepEqual(
    audit.map((a) => a.action),
    ['vpn.extend', 'vpn.extend', 'vpn.disable', 'vpn.enable'],
  );
});

test('support sees the support buttons only, and a forged +7 from a viewer changes nothing', async () => {
  const target = await person('Sam');
  await t.db.vpnSubscription.create({
    data: { userId: target, ...tierTerms('basic'), expiresAt: new Date(Date.now() + DAY), panelUserId: 5 },
  });
  const support = staff(await person('Helper', 'support'));
  await support.send(`/find ${target}`);
  await support.press('🛡 VPN');
  assert.deepEqual(support.labels(), ['🔄 Reset traffic', '🔗 New link', '📱 Devices', '🔄 Refresh']);

  const viewer = staff(await person('Watcher', 'viewer'));
  await viewer.send(`/find ${target}`);
  await viewer.press('🛡 VPN');
  assert.deepEqual(viewer.labels(), ['🔄 Refresh']);
  // The button a viewer never saw, pressed anyway (an old message, a forged update).
  const card = viewer.last();
  card.buttons = [[{ text: '+7 days', callback_data: `v1:vpnc:add7:${target}` }]];
  await viewer.press('+7 days');
  assert.match(answers.at(-1) ?? '', /permission/);
  assert.equal(await t.db.vpnPeriod.count({ where: { userId: target } }), 0);
});

test('/vpn_servers lists the panel nodes with flag, state and users online', async () => {
  const admin = staff(await person('Ops', 'admin'));
  await admin.send('/vpn_servers');
  const text = admin.last().text;
  assert.match(text, /VPN servers<\/b>: \d+/);
  for (const node of panel.control.nodes().filter((n) => !n.isDisabled))
    assert.ok(text.includes(node.name), `${node.name} is listed`);
  assert.match(text, /🇩🇪|🇳🇱|🇫🇮|🇺🇸|🌐/u);
});
