import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { AdminBotContext } from '#bots/shared/context.ts';
import { LOCALES_DIR, loadTranslator, type TLang } from '#core/i18n/translator.ts';
import { createLogger } from '#core/logging/logger.ts';
import { OFFLINE_BOT_INFO, type TApiCall } from '#tests/support/offline-bot-info.ts';
import { adminAppButton, adminMiniAppUrl } from './admin-app-button.ts';

const translator = loadTranslator(LOCALES_DIR);

/** The middleware behind a stand-in of what precedes it in the admin bot (i18n sets lang, observe sets log). */
function harness(miniAppUrl: string | null, lang: TLang) {
  const calls: TApiCall[] = [];
  const reached: string[] = [];
  const bot = new Bot<AdminBotContext>('7000000002:test', {
    botInfo: { ...OFFLINE_BOT_INFO, id: 7_000_000_002 },
  });
  bot.api.config.use(async (_prev, method, payload) => {
    calls.push({ method, payload: payload as Record<string, unknown> });
    return { ok: true, result: true } as never;
  });
  bot.use((ctx, next) => {
    ctx.lang = lang;
    ctx.log = createLogger({ level: 'silent', name: 'test' });
    return next();
  });
  bot.use(adminAppButton({ translator, miniAppUrl }));
  bot.on('message:text', (ctx) => {
    reached.push(ctx.message.text);
  });
  const send = (text: string) =>
    bot.handleUpdate({
      update_id: 1,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 555, type: 'private', first_name: 'A' },
        from: { id: 555, is_bot: false, first_name: 'A' },
        text,
        entities: text.startsWith('/') ? [{ type: 'bot_command', offset: 0, length: text.length }] : [],
      },
    } as Update);
  return { calls, reached, send };
}

test('the admin app URL keeps the app address and its query, and adds mode=admin', () => {
  assert.equal(adminMiniAppUrl('https://app.example/'), 'https://app.example/?mode=admin');
  assert.equal(adminMiniAppUrl('https://app.example/app?x=1'), 'https://app.example/app?x=1&mode=admin');
});

test('/start in a staff chat points its menu button at the admin Mini App, in the staff language', async () => {
  const h = harness('https://app.example/', 'ru');
  await h.send('/start');
  assert.deepEqual(
    h.calls.filter((c) => c.method === 'setChatMenuButton').map((c) => c.payload),
    [
      {
        chat_id: 555,
        menu_button: {
          type: 'web_app',
          text: translator.t('ru', 'admin-menu-open-app'),
          web_app: { url: 'https://app.example/?mode=admin' },
        },
      },
    ],
  );
  assert.deepEqual(h.reached, ['/start'], 'the help reply still follows');
  await h.send('hello');
  assert.equal(h.calls.length, 1, 'other messages set nothing');
});

test('without a Mini App URL no menu button is set', async () => {
  const h = harness(null, 'en');
  await h.send('/help');
  assert.equal(h.calls.length, 0);
  assert.deepEqual(h.reached, ['/help']);
});
