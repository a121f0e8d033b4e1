import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ChatMessage, ReplyMarkup } from '../../../telegram/types.ts';
import { activeReplyKeyboard, forcedReplyTarget } from './reply-keyboard.ts';

let nextId = 1;
function message(sender: 'user' | 'bot', reply_markup?: ReplyMarkup): ChatMessage {
  const id = nextId++;
  const from = { id: sender === 'bot' ? 7 : 1, is_bot: sender === 'bot', first_name: sender };
  return {
    message_id: id,
    chat_id: 1,
    date: 0,
    sender,
    from,
    text: 't',
    edited: 0,
    deleted: false,
    revision: id,
    ...(reply_markup ? { reply_markup } : {}),
    message: { message_id: id, date: 0, chat: { id: 1, type: 'private', first_name: 'u' }, from, text: 't' },
  };
}

const keyboard = { keyboard: [[{ text: 'Yes' }]] };

describe('reply keyboards and forced replies', () => {
  test("the newest bot message that sets or removes a keyboard decides; inline keyboards don't", () => {
    assert.equal(activeReplyKeyboard([message('user')]), undefined);
    const set = [message('bot', keyboard), message('bot', { inline_keyboard: [] }), message('user')];
    assert.deepEqual(activeReplyKeyboard(set), { markup: keyboard, collapsed: false });
    assert.equal(activeReplyKeyboard([...set, message('bot', { remove_keyboard: true })]), undefined);
  });

  test('a one-time keyboard collapses once the user answered', () => {
    const oneTime = { ...keyboard, one_time_keyboard: true };
    assert.deepEqual(activeReplyKeyboard([message('bot', oneTime)]), { markup: oneTime, collapsed: false });
    assert.deepEqual(activeReplyKeyboard([message('bot', oneTime), message('user')]), {
      markup: oneTime,
      collapsed: true,
    });
  });

  test('a ForceReply targets the newest message only while it is the newest', () => {
    const ask = message('bot', { force_reply: true, input_field_placeholder: 'Your email' });
    assert.equal(forcedReplyTarget([ask])?.message, ask);
    assert.equal(forcedReplyTarget([ask])?.markup.input_field_placeholder, 'Your email');
    assert.equal(forcedReplyTarget([ask, message('user')]), undefined);
  });
});
