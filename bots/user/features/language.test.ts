import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type OfflineBot, onlyCall, startOfflineBot } from '#tests/support/offline-bot.ts';
import type { TApiCall } from '#tests/support/offline-bot-info.ts';

const MINIAPP_URL = 'https://app.example/';

let t: OfflineBot;
before(async () => {
  t = await startOfflineBot({ miniAppUrl: MINIAPP_URL });
});
after(() => t.close());

const menuButtonOf = (calls: TApiCall[]) => onlyCall(calls, 'setChatMenuButton');

test('signup in Russian sets the chat’s menu button in Russian', async () => {
  const user = await t.user({ lang: 'en', signedUp: false });
  await user.send('/start');
  await user.press('Русский');
  const accepted = await user.press('✅ Принимаю условия');
  assert.deepEqual(menuButtonOf(accepted), {
    chat_id: Number(user.id),
    menu_button: { type: 'web_app', text: '📱 Открыть приложение', web_app: { url: MINIAPP_URL } },
  });
  // The email step may be skipped or abandoned: the button is already set.
  await user.press('Пропустить');
  assert.equal((await t.database.db.user.findUniqueOrThrow({ where: { id: user.id } })).language, 'ru');
});

test('/language: the chosen language also renames the menu button, both ways', async () => {
  const user = await t.user({ lang: 'en' });
  await user.send('/language');
  const toRussian = await user.press('Русский');
  assert.equal((menuButtonOf(toRussian).menu_button as { text: string }).text, '📱 Открыть приложение');
  assert.equal(menuButtonOf(toRussian).chat_id, Number(user.id));
  await user.send('/language');
  const toEnglish = await user.press('English');
  assert.equal(
    (menuButtonOf(toEnglish).menu_button as { text: string }).text,
    t.translator.t('en', 'menu-open-app'),
  );
});

test('/start of an account that signed up before gets the menu button in its language', async () => {
  const user = await t.user({ lang: 'ru' });
  const started = await user.send('/start');
  assert.equal((menuButtonOf(started).menu_button as { text: string }).text, '📱 Открыть приложение');
  assert.equal(menuButtonOf(started).chat_id, Number(user.id));
});

test('without a Mini App there is no menu button to set', async () => {
  const noApp = await startOfflineBot();
  try {
    const user = await noApp.user({ lang: 'en' });
    await user.send('/language');
    const calls = await user.press('Русский');
    assert.equal(calls.filter((c) => c.method === 'setChatMenuButton').length, 0);
  } finally {
    await noApp.close();
  }
});
