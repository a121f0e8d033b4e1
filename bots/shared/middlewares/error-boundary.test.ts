import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BotError } from 'grammy';
import { Registry } from 'prom-client';
import type { BaseContext } from '#bots/shared/context.ts';
import { createBotMetrics } from '#bots/shared/metrics.ts';
import { AppError } from '#core/errors/app-error.ts';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { errorHandler } from './error-boundary.ts';

const translator = loadTranslator(LOCALES_DIR);

/** What the handler reads of a context: the chat to answer in and the translator. */
function contextReplyingTo(replies: string[]): BaseContext {
  const ctx = {
    chat: { id: 1, type: 'private' },
    callbackQuery: undefined,
    t: (key: string, args?: Record<string, string | number>) => translator.t('en', key, args),
    reply: async (text: string) => {
      replies.push(text);
    },
  };
  return ctx as unknown as BaseContext;
}

test('a coded error is answered with its message, its details filling the placeholders; others are counted', async () => {
  const metrics = createBotMetrics(new Registry());
  const handle = errorHandler('user', metrics);
  const replies: string[] = [];
  const ctx = contextReplyingTo(replies);
  await handle(new BotError(new AppError('FILE_TOO_LARGE', { limitMb: 100 }), ctx));
  await handle(new BotError(new Error('database down'), ctx));
  assert.deepEqual(replies, [
    'The file is too large. The limit is 100 MB.',
    translator.t('en', 'error-generic'),
  ]);
  assert.equal((await metrics.errors.get()).values.find((v) => v.labels.bot === 'user')?.value, 1);
});

test('every catalogued code gets its own message; only our own failures (5xx) are counted', async () => {
  const metrics = createBotMetrics(new Registry());
  const handle = errorHandler('user', metrics);
  const replies: string[] = [];
  const ctx = contextReplyingTo(replies);
  await handle(new BotError(new AppError('TASK_RUN_ACTIVE'), ctx));
  await handle(new BotError(new AppError('PROMO_CODE_TAKEN', { code: 'SPRING' }), ctx));
  await handle(new BotError(new AppError('LEDGER_UNBALANCED', { asset: 'TOKEN', sum: '1' }), ctx));
  assert.deepEqual(replies, [
    translator.t('en', 'api-error-task-run-active'),
    'The promo code SPRING already exists. Choose another code.',
    translator.t('en', 'error-generic'),
  ]);
  assert.ok(!replies.slice(0, 2).includes(translator.t('en', 'error-generic')));
  assert.equal((await metrics.errors.get()).values.find((v) => v.labels.bot === 'user')?.value, 1);
});
