import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChatMessage } from '#sandbox/telegram/types.ts';
import { previewOf, renderMessage, withLinkTargets } from './render-message.ts';

const bot = { id: 1000001, is_bot: true, first_name: 'Polygram' };

function message(fields: Partial<ChatMessage>): ChatMessage {
  return {
    message_id: 3,
    chat_id: 1001,
    date: 0,
    sender: 'bot',
    from: bot,
    edited: 0,
    deleted: false,
    revision: 1,
    message: {} as ChatMessage['message'],
    ...fields,
  };
}

test('buttons are numbered across rows; url and Mini App buttons say where they go', () => {
  const text = renderMessage(
    message({
      text: 'Menu\n\nPick one',
      edited: 1,
      reply_markup: {
        inline_keyboard: [
          [
            { text: 'Profile', callback_data: 'p' },
            { text: 'Help', callback_data: 'h' },
          ],
          [{ text: 'Terms', url: 'https://example.com/tos' }],
          [{ text: 'Open app', web_app: { url: 'http://127.0.0.1:3000/' } }],
        ],
      },
    }),
    { color: false },
  );
  const lines = text.split('\n');
  assert.match(lines[0] ?? '', /^Polygram #3 \d\d:\d\d:\d\d \(edited\)$/);
  assert.deepEqual(lines.slice(1), [
    '  Menu',
    '',
    '  Pick one',
    '  [1] Profile   [2] Help',
    '  [3] Terms → https://example.com/tos',
    '  [4] Open app (Mini App)',
  ]);
});

test('text links show their target; previews take the first line', () => {
  assert.equal(
    withLinkTargets('Read the terms first', [
      { type: 'text_link', offset: 9, length: 5, url: 'https://t.me/tos' },
    ]),
    'Read the terms <https://t.me/tos> first',
  );
  assert.equal(previewOf(message({ text: '\nBanned. Reason: spam\nmore' })), 'Banned. Reason: spam');
});
