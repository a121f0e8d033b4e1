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
import { startRemnawaveStandIn, type TRemnawaveStandIn } from '#sandbox/remnawave/remnawave-stand-in.ts';
import { OFFLINE_BOT_INFO } from '#tests/support/offline-bot-info.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { createTestRedis, TEST_REDIS_URL, type TestRedis } from '#tests/support/test-redis.ts';

// The real admin bot (createAdminBot: staff gate, conversations, every feature) fed updates offline, its Bot

// The real admin bot fed updates offline (harness as in bots/admin/features/vpn.test.ts): /vpn_invites.
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
  filesDir = mkdtempSync(join(tmpdir(), 'admin-vpn-invites-'));
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

test('/vpn_invites: an admin steps a tier’s codes and days, sets them by command, and starts and stops the ×2 promotion', async () => {
  const admin = staff(await person('Olga', 'admin'));
  await admin.send('/vpn_invites');
  assert.match(admin.last().text, /<b>basic<\/b>: 1 code per 30 days · friend 7 days/);
  assert.match(admin.last().text, /<b>cyber<\/b>: 5 codes per 30 days · friend 30 days/);
  assert.match(admin.last().text, /No promotion running/);
  assert.match(admin.last().text, /VPN card of the user/, 'grant by hand is pointed to');

  await admin.press('pro codes +');
  await admin.press('pro days −');
  assert.match(admin.last().text, /<b>pro<\/b>: 3 codes per 30 days · friend 13 days/);
  const pro = await t.db.vpnInviteRule.findUniqueOrThrow({ where: { tier: 'pro' } });
  assert.deepEqual([pro.invites, pro.friendDays], [3, 13]);

  await admin.send('/vpn_invites pro 2 14');
  assert.match(admin.last().text, /<b>pro<\/b>: 2 codes per 30 days · friend 14 days/);
  await admin.send('/vpn_invites pro 2');
  assert.match(admin.last().text, /Usage/);
  await admin.send('/vpn_invites');

  await admin.press('🔥 Start ×2 for 7 days');
  assert.match(admin.last().text, /Promotion ×2 until/);
  assert.equal(await t.db.vpnInvitePromotion.count({ where: { endsAt: { gt: new Date() } } }), 1);
  await admin.press('⏹ Stop the promotion');
  assert.match(admin.last().text, /No promotion running/);
  assert.equal(await t.db.vpnInvitePromotion.count({ where: { endsAt: { gt: new Date() } } }), 0);
});

test('a support agent sees the rules but a forged step changes nothing', async () => {
  const agent = staff(await person('Sam', 'support'));
  await agent.send('/vpn_invites');
  const before = await t.db.vpnInviteRule.findUniqueOrThrow({ where: { tier: 'basic' } });
  await agent.press('basic codes +');
  const afterPress = await t.db.vpnInviteRule.findUniqueOrThrow({ where: { tier: 'basic' } });
  assert.equal(afterPress.invites, before.invites);
});
