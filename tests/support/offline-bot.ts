import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { BotError } from 'grammy';
import type { InlineKeyboardButton, InlineKeyboardMarkup, Message, Update } from 'grammy/types';
import { Registry } from 'prom-client';
import type { BotDeps } from '#bots/shared/deps.ts';
import { createBotMetrics } from '#bots/shared/metrics.ts';
import { createUserBot, type UserBot } from '#bots/user/bot.ts';
import { completeSignup } from '#core/accounts/complete-signup.ts';
import { touchUser } from '#core/accounts/touch-user.ts';
import { AI_QUEUE, type TAiJob } from '#core/ai/generation/generation-job.ts';
import { createAiGateway } from '#core/ai/providers/create-ai-gateway.ts';
import { aiConfigOf } from '#core/ai/providers/provider-config.ts';
import { loadEnv } from '#core/config/env.ts';
import { deriveKey } from '#core/crypto/secret-box.ts';
import { createFileStore } from '#core/files/create-file-store.ts';
import { fileUrlKeyOf } from '#core/files/signed-url.ts';
import { LOCALES_DIR, loadTranslator, type TLang, type Translator } from '#core/i18n/translator.ts';
import { createLogger } from '#core/logging/logger.ts';
import type { Mailer } from '#core/mail/mailer.ts';
import { NOTIFY_QUEUE, type TNotifyJob } from '#core/notify/notify-job.ts';
import type { PaymentGateways } from '#core/payments/payment-gateway.ts';
import { OFFLINE_BOT_INFO, type TApiCall } from './offline-bot-info.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';
import { uniqueTelegramId } from './test-keys.ts';
import { createTestRedis, TEST_REDIS_URL, type TestRedis } from './test-redis.ts';

/**
 * The real user bot (createUserBot: every middleware, conversation and feature) run offline in the grammY
 * style: a stub botInfo instead of getMe, every outgoing Bot API call recorded and answered by an API
 * transformer, updates fed through `bot.handleUpdate`. The database and Redis are real (a fresh database,
 * a Redis prefix of its own), so what a handler reads and writes is what production would.
 */

/** A message of the chat as the user sees it now (edits applied). */
export interface TChatMessage {
  messageId: number;
  text: string;
  buttons: InlineKeyboardButton[][];
  /** Set for an invoice (sendInvoice). */
  invoice?: { currency: string; payload: string; total: number };
}

export interface OfflineUser {
  id: bigint;
  /** Sends a text (a command when it starts with "/"); returns the API calls the bot made handling it. */
  send(text: string): Promise<TApiCall[]>;
  /** Sends a message of another kind: its own fields (`{ document: … }`, `{ sticker: … }`) over chat and sender. */
  sendMessage(fields: Partial<Message>): Promise<TApiCall[]>;
  /** Presses the inline button with this text on the latest message that shows one (throws if none does). */
  press(button: string | RegExp): Promise<TApiCall[]>;
  /** The chat as the user sees it, oldest first. */
  chat(): TChatMessage[];
  /** The text of the latest message (sent or edited). */
  lastText(): string;
}

export interface OfflineBot {
  bot: UserBot;
  deps: BotDeps;
  database: TestDatabase;
  translator: Translator;
  /** Every call the bot made, in order. */
  calls: TApiCall[];
  /** Mail the bot sent (the email-verification flow). */
  mail: { to: string; subject: string; text: string }[];
  /** A Telegram user; `signedUp` (default true) completes signup in that language first. */
  user(opts?: { lang?: TLang; firstName?: string; signedUp?: boolean }): Promise<OfflineUser>;
  close(): Promise<void>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Button rows of a reply_markup, when it is an inline keyboard. */
function inlineButtons(markup: unknown): InlineKeyboardButton[][] {
  if (!isRecord(markup) || !Array.isArray(markup.inline_keyboard)) return [];
  // Telegram drops empty rows (InlineKeyboard's trailing .row() leaves one).
  return (markup as unknown as InlineKeyboardMarkup).inline_keyboard
    .filter((row) => row.length > 0)
    .map((row) => [...row]);
}

export interface TOfflineBotOptions {
  gateways?: PaymentGateways;
  /** The Mini App's address: web_app buttons and the chat menu button appear only with one. */
  miniAppUrl?: string;
  /** More variables for the bot's config (AI_PROVIDERS, WELCOME_GRANT_TOKENS, SUPPORT_CHAT_ID …). */
  env?: Record<string, string>;
}

export async function startOfflineBot(opts: TOfflineBotOptions = {}): Promise<OfflineBot> {
  const database = await createTestDatabase();
  const redis: TestRedis = await createTestRedis();
  const filesDir = mkdtempSync(join(tmpdir(), 'offline-bot-'));
  const config = loadEnv({
    NODE_ENV: 'test',
    BOT_TOKEN: `${OFFLINE_BOT_INFO.id}:offline-user-bot-token`,
    ADMIN_BOT_TOKEN: '7000000002:offline-admin-bot-token',
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: redis.prefix,
    DATA_ENCRYPTION_KEY: 'ab'.repeat(32),
    SMTP_URL: 'smtp://127.0.0.1:1',
    FILES_DIR: filesDir,
    LOG_LEVEL: 'silent',
    ...opts.env,
  });
  const queueOpts = { connection: redis.redis, prefix: `${redis.prefix}:bull` };
  const notifyQueue = new Queue<TNotifyJob>(NOTIFY_QUEUE, queueOpts);
  const aiQueue = new Queue<TAiJob>(AI_QUEUE, queueOpts);
  const mail: OfflineBot['mail'] = [];
  const mailer: Mailer = { send: async (m) => void mail.push(m), close: () => {} };
  const translator = loadTranslator(LOCALES_DIR);
  const deps: BotDeps = {
    config,
    db: database.db,
    redis: redis.redis,
    logger: createLogger({ level: 'silent', name: 'offline-bot' }),
    translator,
    mailer,
    notifyQueue,
    metrics: createBotMetrics(new Registry()),
    emailCodeKey: deriveKey(config.DATA_ENCRYPTION_KEY, 'email-code'),
    miniAppUrl: opts.miniAppUrl ?? null,
    gateways: opts.gateways ?? {},
    ai: createAiGateway({ config: aiConfigOf(config), redis: redis.redis, redisPrefix: redis.prefix }),
    aiQueue,
    fileStore: createFileStore(config),
    fileUrlKey: fileUrlKeyOf(config.DATA_ENCRYPTION_KEY),
  };
  const bot = createUserBot(config.BOT_TOKEN, deps, { botInfo: OFFLINE_BOT_INFO });

  const calls: TApiCall[] = [];
  // Every chat's messages by id, as the user sees them: sends add, edits change.
  const chats = new Map<number, Map<number, TChatMessage>>();
  let nextMessageId = 1;
  const chatOf = (chatId: unknown) => {
    const id = Number(chatId);
    const chat = chats.get(id) ?? new Map<number, TChatMessage>();
    chats.set(id, chat);
    return chat;
  };
  const sent = (payload: Record<string, unknown>, message: Omit<TChatMessage, 'messageId'>): Message => {
    const messageId = nextMessageId++;
    chatOf(payload.chat_id).set(messageId, { messageId, ...message });
    return {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: Number(payload.chat_id), type: 'private', first_name: 'User' },
      from: OFFLINE_BOT_INFO,
      text: message.text,
    };
  };
  const answer = (method: string, payload: Record<string, unknown>): unknown => {
    switch (method) {
      case 'sendMessage':
        return sent(payload, { text: String(payload.text), buttons: inlineButtons(payload.reply_markup) });
      case 'sendInvoice': {
        const prices = Array.isArray(payload.prices) ? (payload.prices as { amount: number }[]) : [];
        return sent(payload, {
          text: `${payload.title}\n${payload.description}`,
          buttons: [],
          invoice: {
            currency: String(payload.currency),
            payload: String(payload.payload),
            total: prices.reduce((sum, p) => sum + p.amount, 0),
          },
        });
      }
      // Into the support chat: the forward is a new message there, with an id support replies to.
      case 'forwardMessage':
        return sent(payload, {
          text: `forwarded ${String(payload.from_chat_id)}/${String(payload.message_id)}`,
          buttons: [],
        });
      case 'editMessageText':
      case 'editMessageReplyMarkup': {
        const message = chatOf(payload.chat_id).get(Number(payload.message_id));
        if (!message) throw new Error(`${method}: no message ${String(payload.message_id)}`);
        // Telegram drops the inline keyboard of an edit that does not send one.
        if (method === 'editMessageText') message.text = String(payload.text);
        message.buttons = inlineButtons(payload.reply_markup);
        return { ...sent(payload, message), message_id: message.messageId };
      }
      default:
        return true;
    }
  };
  const record = (method: string, payload: unknown): unknown => {
    const recorded = isRecord(payload) ? payload : {};
    calls.push({ method, payload: recorded });
    return answer(method, recorded);
  };
  bot.api.config.use(async (prev, method, payload) => {
    return { ok: true, result: record(method, payload) } as Awaited<ReturnType<typeof prev>>;
  });
  // A conversation builds a fresh Api for each update from the bot's client options, without the bot's
  // transformers: its calls reach `fetch`, which answers them the same way (and never the network).
  const offlineFetch = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const method = String(url).split('/').at(-1) ?? '';
    const payload: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : {};
    return new Response(JSON.stringify({ ok: true, result: record(method, payload) }));
  };
  if (bot.api.options) bot.api.options.fetch = offlineFetch as typeof fetch;

  let nextUpdateId = 1;
  const user = async (o: { lang?: TLang; firstName?: string; signedUp?: boolean } = {}) => {
    const id = uniqueTelegramId();
    const from = {
      id: Number(id),
      is_bot: false as const,
      first_name: o.firstName ?? 'Anna',
      language_code: o.lang ?? 'en',
    };
    const chat = { id: from.id, type: 'private' as const, first_name: from.first_name };
    if (o.signedUp ?? true) {
      await touchUser(database.db, { id, firstName: from.first_name, languageCode: from.language_code });
      await completeSignup(database.db, { userId: id, language: o.lang ?? 'en' });
    }
    const feed = async (update: Omit<Update, 'update_id'>) => {
      const before = calls.length;
      try {
        await bot.handleUpdate({ update_id: nextUpdateId++, ...update });
      } catch (error) {
        // What the runner does in production: a failed update goes to the bot's error boundary.
        if (!(error instanceof BotError)) throw error;
        await bot.errorHandler(error);
      }
      return calls.slice(before);
    };
    const messages = () => [...chatOf(from.id).values()];
    const sendMessage = (fields: Partial<Message>) =>
      feed({
        message: {
          message_id: nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat,
          from,
          ...fields,
        } as Message & Update.NonChannel,
      });
    const offline: OfflineUser = {
      id,
      send: (text) => {
        const command = /^\/\w+/.exec(text)?.[0];
        return sendMessage({
          text,
          ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command.length }] } : {}),
        });
      },
      sendMessage,
      press: (label) => {
        const matches = (text: string) => (typeof label === 'string' ? text === label : label.test(text));
        const message = messages()
          .reverse()
          .find((m) => m.buttons.flat().some((b) => matches(b.text)));
        const button = message?.buttons.flat().find((b) => matches(b.text));
        if (!message || !button || !('callback_data' in button))
          throw new Error(`no button ${String(label)} in the chat`);
        return feed({
          callback_query: {
            id: String(nextUpdateId),
            from,
            chat_instance: String(from.id),
            data: button.callback_data,
            message: {
              message_id: message.messageId,
              date: Math.floor(Date.now() / 1000),
              chat,
              from: OFFLINE_BOT_INFO,
              text: message.text,
            },
          },
        });
      },
      chat: messages,
      lastText: () => messages().at(-1)?.text ?? '',
    };
    return offline;
  };

  return {
    bot,
    deps,
    database,
    translator,
    calls,
    mail,
    user,
    async close() {
      await notifyQueue.close();
      await aiQueue.close();
      await redis.cleanup();
      await database.drop();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/** The payload of the one call of `method` among `calls` (throws unless there is exactly one). */
export function onlyCall(calls: TApiCall[], method: string): Record<string, unknown> {
  const found = calls.filter((c) => c.method === method);
  if (found.length !== 1)
    throw new Error(`expected one ${method}, got ${found.length}: ${JSON.stringify(calls)}`);
  return found[0]?.payload ?? {};
}

/** Button texts of a reply_markup, row by row. */
export const buttonTexts = (payload: Record<string, unknown>): string[][] =>
  inlineButtons(payload.reply_markup).map((row) => row.map((b) => b.text));
