import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TLang } from '#core/i18n/translator.ts';
import { type OfflineBot, onlyCall, startOfflineBot } from '#tests/support/offline-bot.ts';
import type { TApiCall } from '#tests/support/offline-bot-info.ts';

const SUPPORT_CHAT = '-1009000000001';

let t: OfflineBot;
before(async () => {
  t = await startOfflineBot({ env: { SUPPORT_CHAT_ID: SUPPORT_CHAT, SUPPORT_LANGUAGE: 'en' } });
});
after(() => t.close());

async function bannedUser(lang: TLang) {
  const user = await t.user({ lang });
  await t.database.db.user.update({
    where: { id: user.id },
    data: { status: 'banned', banReason: 'spam', bannedAt: new Date() },
  });
  return user;
}

const banNotice = (lang: TLang) => t.translator.t(lang, 'ban-notice', { reason: 'spam' });
const toSupportChat = (calls: TApiCall[]) => calls.filter((c) => String(c.payload.chat_id) === SUPPORT_CHAT);

test('a banned user appeals: /support asks for the message, which reaches the support chat with the ban', async () => {
  const user = await bannedUser('ru');
  const prompt = onlyCall(await user.send('/support'), 'sendMessage');
  assert.equal(prompt.text, t.translator.t('ru', 'support-prompt'));

  const appeal = await user.send('Это ошибка, я не рассылал спам');
  const forward = onlyCall(appeal, 'forwardMessage');
  assert.deepEqual([String(forward.chat_id), forward.from_chat_id], [SUPPORT_CHAT, Number(user.id)]);
  const info = toSupportChat(appeal).find((c) => c.method === 'sendMessage');
  assert.match(String(info?.payload.text), /⛔ Banned: spam/, 'staff see that the writer is banned, and why');
  assert.equal(user.lastText(), t.translator.t('ru', 'support-sent'));
  const links = await t.database.db.supportMessage.findMany({ where: { userId: user.id } });
  assert.equal(links.length, 2, 'a support reply finds its way back to the user');

  assert.equal(onlyCall(await user.send('/help'), 'sendMessage').text, banNotice('ru'), 'the appeal was all');
});

test('a banned user: /support with the text goes at once; every other command or message is refused', async () => {
  const user = await bannedUser('en');
  const appeal = await user.send('/support please lift the ban');
  assert.equal(onlyCall(appeal, 'forwardMessage').chat_id, SUPPORT_CHAT);
  assert.equal(user.lastText(), t.translator.t('en', 'support-sent'));

  for (const text of ['/help', '/balance', '/start', 'hello AI']) {
    const calls = await user.send(text);
    assert.equal(onlyCall(calls, 'sendMessage').text, banNotice('en'), text);
    assert.equal(toSupportChat(calls).length, 0, text);
  }
  const sticker = await user.sendMessage({
    sticker: {
      file_id: 's',
      file_unique_id: 's',
      type: 'regular',
      width: 512,
      height: 512,
      is_animated: false,
      is_video: false,
    },
  });
  assert.equal(onlyCall(sticker, 'sendMessage').text, banNotice('en'));
  assert.match(banNotice('en'), /\/support/, 'the notice says how to appeal');
  assert.match(banNotice('ru'), /\/support/);
});

test('while the support conversation waits, a banned user’s other command is still refused', async () => {
  const user = await bannedUser('en');
  await user.send('/support');
  const buy = await user.send('/buy');
  assert.equal(onlyCall(buy, 'sendMessage').text, banNotice('en'));
  assert.equal(toSupportChat(buy).length, 0);
  // The conversation still waits for the appeal itself.
  const appeal = await user.send('my appeal');
  assert.equal(onlyCall(appeal, 'forwardMessage').chat_id, SUPPORT_CHAT);
});

test('an active user’s support message carries no ban line', async () => {
  const user = await t.user({ lang: 'en' });
  const calls = await user.send('/support where is my video?');
  const info = toSupportChat(calls).find((c) => c.method === 'sendMessage');
  assert.doesNotMatch(String(info?.payload.text), /Banned/);
  assert.match(String(info?.payload.text), new RegExp(`ID ${user.id}`));
});
