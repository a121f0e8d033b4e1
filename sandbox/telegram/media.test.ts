import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { Bot, GrammyError, InputFile } from 'grammy';
import { startTestServer, type TestServer, TINY_PNG, tokenFor } from './test-support.ts';

const TOKEN = tokenFor(700501);
const USER_ID = 6001;

describe('files', () => {
  let t: TestServer;
  let bot: Bot;

  beforeEach(async () => {
    t = await startTestServer();
    await t.client.upsertUser({ id: USER_ID, first_name: 'Uploader' });
    bot = new Bot(TOKEN, { client: { apiRoot: t.server.url } });
  });
  afterEach(() => t.server.close());

  test('multipart sendPhoto is stored, described and downloadable via getFile', async () => {
    const message = await bot.api.sendPhoto(USER_ID, new InputFile(TINY_PNG, 'a.png'), {
      caption: '<i>tiny</i>',
      parse_mode: 'HTML',
    });
    const [size] = message.photo ?? [];
    assert.ok(size);
    assert.equal(size.width, 1);
    assert.equal(size.height, 1);
    assert.equal(size.file_size, TINY_PNG.length);
    assert.ok(size.file_unique_id);
    assert.equal(message.caption, 'tiny');
    assert.deepEqual(message.caption_entities, [{ type: 'italic', offset: 0, length: 4 }]);

    const file = await bot.api.getFile(size.file_id);
    assert.match(file.file_path ?? '', /^photos\/file_\d+\.jpg$/);
    const response = await fetch(`${t.server.url}/file/bot${TOKEN}/${file.file_path}`);
    assert.equal(response.status, 200);
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), TINY_PNG);
    assert.deepEqual(await t.client.downloadFile(TOKEN, size.file_id), TINY_PNG);

    // Resending by file_id reuses the stored file.
    const again = await bot.api.sendPhoto(USER_ID, size.file_id);
    assert.equal(again.photo?.[0]?.file_unique_id, size.file_unique_id);

    const [stored] = await t.client.messages({ token: TOKEN, chatId: USER_ID });
    assert.equal(stored?.media?.kind, 'photo');
    assert.equal(stored?.media?.mime_type, 'image/png');
  });

  test('a photo that is not an image fails like on Telegram; documents take any bytes', async () => {
    const error = await bot.api
      .sendPhoto(USER_ID, new InputFile(Buffer.from('not an image'), 'x.png'))
      .catch((e: unknown) => e);
    assert.ok(error instanceof GrammyError);
    assert.equal(error.description, 'Bad Request: IMAGE_PROCESS_FAILED');

    // grammY sends file names unquoted in multipart headers; spaces and non-ASCII must survive.
    const name = 'квартальный report.csv';
    const document = await bot.api.sendDocument(USER_ID, new InputFile(Buffer.from('a,b\n1,2\n'), name));
    assert.equal(document.document?.file_name, name);
    assert.equal(document.document?.mime_type, 'text/csv');
    const unknown = await bot.api.sendDocument(USER_ID, 'no-such-file-id').catch((e: unknown) => e);
    assert.ok(unknown instanceof GrammyError);
    assert.equal(unknown.description, 'Bad Request: wrong file identifier/HTTP URL specified');
  });

  test('files can be sent by URL; audio, video and voice carry their attributes', async () => {
    const original = await bot.api.sendDocument(USER_ID, new InputFile(Buffer.from('hello'), 'hello.txt'));
    const { file_path } = await bot.api.getFile(original.document?.file_id ?? '');
    // The server downloads URLs itself; its own file endpoint is a handy source.
    const byUrl = await bot.api.sendDocument(USER_ID, `${t.server.url}/file/bot${TOKEN}/${file_path}`);
    assert.notEqual(byUrl.document?.file_id, original.document?.file_id);
    assert.deepEqual(await t.client.downloadFile(TOKEN, byUrl.document?.file_id ?? ''), Buffer.from('hello'));

    const voice = await bot.api.sendVoice(USER_ID, new InputFile(Buffer.from('OggS'), 'note.ogg'), {
      duration: 3,
    });
    assert.equal(voice.voice?.duration, 3);
    assert.equal(voice.voice?.mime_type, 'audio/ogg');
    const audio = await bot.api.sendAudio(USER_ID, new InputFile(Buffer.from('ID3'), 'song.mp3'), {
      performer: 'Band',
      title: 'Song',
    });
    assert.equal(audio.audio?.performer, 'Band');
    assert.equal(audio.audio?.mime_type, 'audio/mpeg');
    const video = await bot.api.sendVideo(USER_ID, new InputFile(Buffer.from('mp4'), 'clip.mp4'), {
      width: 640,
      height: 360,
    });
    assert.deepEqual([video.video?.width, video.video?.height], [640, 360]);
    await assert.rejects(bot.api.sendDocument(USER_ID, 'http://127.0.0.1:9/missing.pdf'), {
      description: 'Bad Request: failed to get HTTP URL content',
    });
  });

  test("a user's uploaded document reaches the bot, which can download it", async () => {
    const bytes = Buffer.from('%PDF-1.4 fake');
    const sent = await t.client.sendDocument({
      token: TOKEN,
      userId: USER_ID,
      bytes,
      fileName: 'contract.pdf',
      caption: 'signed',
    });
    assert.equal(sent.media?.mime_type, 'application/pdf');
    const [update] = await bot.api.getUpdates();
    const document = update?.message?.document;
    assert.equal(document?.file_name, 'contract.pdf');
    assert.equal(update?.message?.caption, 'signed');
    const file = await bot.api.getFile(document?.file_id ?? '');
    const response = await fetch(`${t.server.url}/file/bot${TOKEN}/${file.file_path}`);
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), bytes);
  });
});
