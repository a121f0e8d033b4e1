import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { Registry } from 'prom-client';
import type { BaseContext } from '#bots/shared/context.ts';
import { createBotI18n } from '#bots/shared/i18n.ts';
import { createBotMetrics } from '#bots/shared/metrics.ts';
import { AppError } from '#core/errors/app-error.ts';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { createLogger } from '#core/logging/logger.ts';
import { OFFLINE_BOT_INFO, type TApiCall } from '#tests/support/offline-bot-info.ts';
import { installErrorBoundary } from './install-error-boundary.ts';
import { observe } from './observe.ts';

const translator = loadTranslator(LOCALES_DIR);

/**
 * The user bot's shape in small: observe, i18n and the handlers behind the boundary, exactly as
 * bots/user/bot.ts installs them, with Telegram replaced by a transformer that records every call.
 */
function botWithFailingCommands() {
  const metrics = createBotMetrics(new Registry());
  const bot = new Bot<BaseContext>('42:offline-token', { botInfo: OFFLINE_BOT_INFO });
  const calls: TApiCall[] = [];
  bot.api.config.use(async (_prev, method, payload) => {
    calls.push({ method, payload: payload as Record<string, unknown> });
    const result = { message_id: calls.length, date: 0, chat: { id: 1, type: 'private' }, text: '' };
    return { ok: true, result } as never;
  });
  bot.use(observe('user', createLogger({ level: 'silent', name: 'test' }), metrics));
  const guarded = installErrorBoundary(bot, 'user', metrics);
  guarded.use(createBotI18n<BaseContext>());
  guarded.command('broken', () => {
    throw new Error('connection terminated unexpectedly');
  });
  guarded.command('big', () => {
    throw new AppError('FILE_TOO_LARGE', { limitMb: 100 });
  });
  guarded.callbackQuery('broken', () => {
    throw new Error('connection terminated unexpectedly');
  });
  return { bot, calls, metrics };
}

const command = (updateId: number, text: string, languageCode: string): Update => ({
  update_id: updateId,
  message: {
    message_id: updateId,
    date: 1_700_000_000,
    chat: { id: 1001, type: 'private', first_name: 'Ann' },
    from: { id: 1001, is_bot: false, first_name: 'Ann', language_code: languageCode },
    text,
    entities: [{ type: 'bot_command', offset: 0, length: text.length }],
  },
});

test('a handler that throws: handleUpdate resolves, the user gets the localized apology, the error is counted', async () => {
  const { bot, calls, metrics } = botWithFailingCommands();
  await bot.handleUpdate(command(1, '/broken', 'ru'));
  await bot.handleUpdate(command(2, '/broken', 'en'));
  assert.deepEqual(
    calls.map((c) => [c.method, c.payload.chat_id, c.payload.text]),
    [
      ['sendMessage', 1001, translator.t('ru', 'error-generic')],
      ['sendMessage', 1001, translator.t('en', 'error-generic')],
    ],
  );
  assert.equal((await metrics.errors.get()).values.find((v) => v.labels.bot === 'user')?.value, 2);
});

test('a coded error gets its own message and is not counted as a failure', async () => {
  const { bot, calls, metrics } = botWithFailingCommands();
  await bot.handleUpdate(command(3, '/big', 'en'));
  assert.deepEqual(
    calls.map((c) => c.payload.text),
    [translator.t('en', 'error-file-too-large', { limitMb: 100 })],
  );
  assert.equal((await metrics.errors.get()).values.length, 0);
});

test('a failing button press is answered on the button, as an alert', async () => {
  const { bot, calls } = botWithFailingCommands();
  await bot.handleUpdate({
    update_id: 4,
    callback_query: {
      id: '77',
      chat_instance: '1',
      data: 'broken',
      from: { id: 1001, is_bot: false, first_name: 'Ann', language_code: 'en' },
      message: { message_id: 9, date: 1_700_000_000, chat: { id: 1001, type: 'private', first_name: 'Ann' } },
    },
  });
  assert.deepEqual(calls, [
    {
      method: 'answerCallbackQuery',
      payload: { callback_query_id: '77', text: translator.t('en', 'error-generic'), show_alert: true },
    },
  ]);
});
