import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Message } from 'grammy/types';
import type { TLang } from '#core/i18n/translator.ts';
import { type OfflineBot, onlyCall, startOfflineBot } from '#tests/support/offline-bot.ts';

const MINIAPP_URL = 'https://app.example/';

let t: OfflineBot;
let noApp: OfflineBot;
before(async () => {
  t = await startOfflineBot({ miniAppUrl: MINIAPP_URL });
  noApp = await startOfflineBot();
});
after(async () => {
  await t.close();
  await noApp.close();
});

const file = { file_id: 'f1', file_unique_id: 'u1', file_size: 1000 };
const KINDS: Record<string, Partial<Message>> = {
  video: { video: { ...file, width: 640, height: 360, duration: 5, mime_type: 'video/mp4' } },
  audio: { audio: { ...file, duration: 30, mime_type: 'audio/mpeg', title: 'Song' } },
  videoNote: { video_note: { ...file, length: 240, duration: 5 } },
  videoAsFile: { document: { ...file, file_name: 'clip.mov', mime_type: 'video/quicktime' } },
  pdf: { document: { ...file, file_name: 'report.pdf', mime_type: 'application/pdf' } },
  heic: { document: { ...file, file_name: 'photo.heic', mime_type: 'image/heic' } },
  sticker: {
    sticker: { ...file, type: 'regular', width: 512, height: 512, is_animated: false, is_video: false },
  },
  // Telegram sends a GIF as an animation that also carries a document.
  gif: {
    animation: { ...file, width: 320, height: 240, duration: 2 },
    document: { ...file, file_name: 'cat.gif.mp4', mime_type: 'video/mp4' },
  },
  location: { location: { latitude: 55.75, longitude: 37.62 } },
  contact: { contact: { phone_number: '+70000000000', first_name: 'Ivan' } },
};

/** The one reply to a message of this kind: its text and its web_app buttons' labels and addresses. */
async function answerTo(bot: OfflineBot, lang: TLang, kind: string) {
  const user = await bot.user({ lang });
  const fields = KINDS[kind];
  assert.ok(fields, kind);
  const calls = await user.sendMessage(fields);
  const reply = onlyCall(calls, 'sendMessage');
  const markup = reply.reply_markup as { inline_keyboard?: { text: string; web_app?: { url: string } }[][] };
  const buttons = (markup?.inline_keyboard ?? []).flat().map((b) => [b.text, b.web_app?.url]);
  return {
    text: reply.text,
    buttons,
    repliesTo: (reply.reply_parameters as { message_id?: number }).message_id,
  };
}

test('a video, an audio file, a video note or a video sent as a file: use it in a video task, with the app', async () => {
  for (const lang of ['ru', 'en'] as const) {
    for (const kind of ['video', 'audio', 'videoNote', 'videoAsFile']) {
      const answer = await answerTo(t, lang, kind);
      assert.equal(answer.text, t.translator.t(lang, 'message-kinds-media'), `${lang} ${kind}`);
      assert.deepEqual(
        answer.buttons,
        [[t.translator.t(lang, 'message-kinds-media-button'), `${MINIAPP_URL}?task=new`]],
        `${lang} ${kind}: the button opens the new-task form`,
      );
      assert.ok(answer.repliesTo, 'the answer replies to the file');
    }
  }
  assert.match(t.translator.t('ru', 'message-kinds-media'), /видеозадани/);
});

test('without the app a video still gets an answer, one that does not promise a button', async () => {
  const answer = await answerTo(noApp, 'ru', 'video');
  assert.equal(answer.text, noApp.translator.t('ru', 'message-kinds-media-no-app'));
  assert.deepEqual(answer.buttons, []);
});

test('a PDF: what the bot takes; a picture of a type the tools do not read: send it as a photo', async () => {
  for (const lang of ['ru', 'en'] as const) {
    const pdf = await answerTo(t, lang, 'pdf');
    assert.equal(pdf.text, t.translator.t(lang, 'message-kinds-document'));
    assert.deepEqual(pdf.buttons, []);
    const heic = await answerTo(t, lang, 'heic');
    assert.equal(heic.text, t.translator.t(lang, 'message-kinds-image-document'));
  }
  assert.match(t.translator.t('ru', 'message-kinds-document'), /Вот что я принимаю/);
});

test('a sticker, a GIF, a location, a contact: a short answer pointing to /help', async () => {
  for (const lang of ['ru', 'en'] as const) {
    for (const kind of ['sticker', 'gif', 'location', 'contact']) {
      const answer = await answerTo(t, lang, kind);
      assert.equal(answer.text, t.translator.t(lang, 'message-kinds-other'), `${lang} ${kind}`);
      assert.match(String(answer.text), /\/help/);
      assert.deepEqual(answer.buttons, []);
    }
  }
});

test('photos, and pictures sent as PNG files, still go to the photo tools', async () => {
  const user = await t.user({ lang: 'en' });
  const kindTexts = ['message-kinds-other', 'message-kinds-document', 'message-kinds-image-document'].map(
    (k) => t.translator.t('en', k),
  );
  const photo = await user.sendMessage({
    photo: [{ ...file, width: 800, height: 600 }],
  });
  const photoReply = String(onlyCall(photo, 'sendMessage').text);
  assert.ok(!kindTexts.includes(photoReply), photoReply);
  assert.equal(
    photoReply,
    t.translator.t('en', 'generate-no-models'),
    'photo tools answered (no tools offline)',
  );
  const png = await user.sendMessage({ document: { ...file, file_name: 'a.png', mime_type: 'image/png' } });
  assert.equal(onlyCall(png, 'sendMessage').text, t.translator.t('en', 'generate-no-models'));
});
