import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { Bot } from 'grammy';
import { startTestServer, type TestServer, tokenFor } from './test-support.ts';

// Control calls a chat client (the sandbox's emulator) needs beyond sending text: the users' other media
// kinds, the invoice behind a link, and the menu button and command list of a chat.
const TOKEN = tokenFor(700951);
const OTHER_TOKEN = tokenFor(700952);
const USER = { id: 9501, first_name: 'Mia', language_code: 'ru' };

describe('control API for chat clients', () => {
  let t: TestServer;
  let bot: Bot;

  beforeEach(async () => {
    t = await startTestServer();
    await t.client.upsertUser(USER);
    bot = new Bot(TOKEN, { client: { apiRoot: t.server.url } });
  });
  afterEach(() => t.server.close());

  test('users send video, audio and voice with their type and duration; the bot downloads them', async () => {
    const bytes = Buffer.from('webm-bytes');
    const voice = await t.client.sendVoice({
      token: TOKEN,
      userId: USER.id,
      bytes,
      fileName: 'voice.webm',
      mimeType: 'audio/webm',
      duration: 4,
    });
    assert.equal(voice.media?.kind, 'voice');
    assert.equal(voice.media?.duration, 4);
    const video = await t.client.sendVideo({ token: TOKEN, userId: USER.id, bytes, fileName: 'clip.mp4' });
    const audio = await t.client.sendAudio({
      token: TOKEN,
      userId: USER.id,
      bytes,
      fileName: 'song.mp3',
      caption: 'listen',
    });
    assert.equal(audio.caption, 'listen');

    const updates = await bot.api.getUpdates();
    const [first, second, third] = updates.map((update) => update.message);
    assert.deepEqual(
      [first?.voice?.mime_type, first?.voice?.duration, second?.video?.mime_type, third?.audio?.mime_type],
      ['audio/webm', 4, 'video/mp4', 'audio/mpeg'],
    );
    const file = await bot.api.getFile(first?.voice?.file_id ?? '');
    const response = await fetch(`${t.server.url}/file/bot${TOKEN}/${file.file_path}`);
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), bytes);
    assert.equal(video.media?.file_name, 'clip.mp4');
  });

  test('an invoice link is described with the bot that created it; unknown links are 404', async () => {
    await t.client.registerBot({ token: TOKEN, username: 'shop_bot' });
    const link = await bot.api.createInvoiceLink('Tokens', '1000 tokens', 'pack-1', '', 'XTR', [
      { label: '1000 tokens', amount: 75 },
    ]);
    const info = await t.client.invoiceLink(link);
    assert.deepEqual(info, {
      bot_username: 'shop_bot',
      title: 'Tokens',
      description: '1000 tokens',
      currency: 'XTR',
      total_amount: 75,
      prices: [{ label: '1000 tokens', amount: 75 }],
    });
    await assert.rejects(t.client.invoiceLink('https://t.me/$nope'), /unknown invoice link/);
  });

  test("a chat shows its own menu button, else the bot's default; commands follow scope and language", async () => {
    const profile = () => t.client.botProfile({ token: TOKEN, chatId: USER.id, languageCode: 'ru' });
    assert.deepEqual(await profile(), { menu_button: { type: 'commands' }, commands: [] });

    await bot.api.setMyCommands([{ command: 'start', description: 'Start' }]);
    await bot.api.setMyCommands([{ command: 'start', description: 'Начать' }], { language_code: 'ru' });
    const app = { type: 'web_app' as const, text: 'App', web_app: { url: 'https://example.com/app' } };
    await bot.api.setChatMenuButton({ menu_button: app });
    assert.deepEqual(await profile(), {
      menu_button: app,
      commands: [{ command: 'start', description: 'Начать' }],
    });

    // A chat scope beats the language of a wider one; a chat's own button beats the default.
    await bot.api.setMyCommands([{ command: 'help', description: 'Help' }], {
      scope: { type: 'chat', chat_id: USER.id },
    });
    const own = { ...app, text: 'Mine' };
    await bot.api.setChatMenuButton({ chat_id: USER.id, menu_button: own });
    assert.deepEqual(await profile(), {
      menu_button: own,
      commands: [{ command: 'help', description: 'Help' }],
    });
    const english = await t.client.botProfile({ token: OTHER_TOKEN, chatId: USER.id });
    assert.deepEqual(english, { menu_button: { type: 'commands' }, commands: [] });
  });
});
