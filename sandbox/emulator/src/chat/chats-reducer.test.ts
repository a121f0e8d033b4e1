import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ChatMessage } from '../../../telegram/types.ts';
import type { TEmulatorEvent } from '../../contract/host-api.ts';
import { CHAT_ACTION_MS, chatsReducer, type TChats } from './chats-reducer.ts';

const USER = { id: 1001, is_bot: false, first_name: 'Ann' };
const BOT = { id: 77, is_bot: true, first_name: 'Shop', username: 'shop_bot' };

function message(id: number, sender: 'user' | 'bot', text: string, revision = id): ChatMessage {
  const from = sender === 'bot' ? BOT : USER;
  return {
    message_id: id,
    chat_id: USER.id,
    date: 1_800_000_000,
    sender,
    from,
    text,
    edited: 0,
    deleted: false,
    revision,
    message: {
      message_id: id,
      date: 1_800_000_000,
      chat: { id: USER.id, type: 'private', first_name: 'Ann' },
      from,
      text,
    },
  };
}

const KEY = 'p:shop_bot:1001';
const event = (state: TChats, e: TEmulatorEvent, openKey = KEY, now = 0) =>
  chatsReducer(state, { type: 'event', event: e, openKey, now });
const loaded = chatsReducer(
  {},
  { type: 'loaded', key: KEY, messages: [message(2, 'bot', 'b'), message(1, 'user', 'a')] },
);

describe('chats kept live by the Bot API events', () => {
  test('loading sorts by id; added and edited messages replace by id; deletions remove', () => {
    assert.deepEqual(
      loaded[KEY]?.messages.map((m) => m.text),
      ['a', 'b'],
    );
    let state = event(loaded, {
      type: 'message_added',
      bot: 'shop_bot',
      chat_id: USER.id,
      message: message(3, 'bot', 'c'),
    });
    state = event(state, {
      type: 'message_edited',
      bot: 'shop_bot',
      chat_id: USER.id,
      message: { ...message(2, 'bot', 'b2', 4), edited: 1 },
    });
    state = event(state, {
      type: 'message_deleted',
      bot: 'shop_bot',
      chat_id: USER.id,
      message_id: 1,
      revision: 5,
    });
    assert.deepEqual(
      state[KEY]?.messages.map((m) => [m.message_id, m.text]),
      [
        [2, 'b2'],
        [3, 'c'],
      ],
    );
  });

  test("other bots' and unloaded chats' events change nothing; a chat off screen counts unread bot messages", () => {
    const elsewhere = event(loaded, {
      type: 'message_added',
      bot: 'other_bot',
      chat_id: USER.id,
      message: message(9, 'bot', 'x'),
    });
    assert.equal(elsewhere, loaded);
    const mine = event(
      loaded,
      { type: 'message_added', bot: 'shop_bot', chat_id: USER.id, message: message(3, 'user', 'u') },
      'g:-1',
    );
    assert.equal(mine[KEY]?.unread, 0, 'own messages are never unread');
    const fromBot = event(
      mine,
      { type: 'message_added', bot: 'shop_bot', chat_id: USER.id, message: message(4, 'bot', 'n') },
      'g:-1',
    );
    assert.equal(fromBot[KEY]?.unread, 1);
    assert.equal(chatsReducer(fromBot, { type: 'opened', key: KEY })[KEY]?.unread, 0);
  });

  test('a chat action shows for 5 s, or until the bot sends a message', () => {
    const typing = event(
      loaded,
      { type: 'chat_action', bot: 'shop_bot', chat_id: USER.id, action: 'typing' },
      KEY,
      1_000,
    );
    assert.deepEqual(typing[KEY]?.action, { name: 'typing', until: 1_000 + CHAT_ACTION_MS });
    assert.equal(chatsReducer(typing, { type: 'tick', now: 2_000 }), typing);
    assert.equal(chatsReducer(typing, { type: 'tick', now: 1_000 + CHAT_ACTION_MS })[KEY]?.action, undefined);
    const answered = event(typing, {
      type: 'message_added',
      bot: 'shop_bot',
      chat_id: USER.id,
      message: message(3, 'bot', 'hi'),
    });
    assert.equal(answered[KEY]?.action, undefined);
  });

  test('a paid invoice message is remembered; group events are keyed by the group', () => {
    const paid = event(loaded, {
      type: 'invoice_payment',
      bot: 'shop_bot',
      chat_id: USER.id,
      user_id: USER.id,
      currency: 'XTR',
      total_amount: 5,
      invoice_payload: 'p',
      status: 'paid',
      invoice_message_id: 2,
    });
    assert.deepEqual(paid[KEY]?.paidInvoiceIds, [2]);
    const group = chatsReducer(paid, { type: 'loaded', key: 'g:-100', messages: [] });
    const inGroup = event(group, {
      type: 'message_added',
      bot: null,
      chat_id: -100,
      message: { ...message(1, 'user', 'g'), chat_id: -100 },
    });
    assert.deepEqual(
      inGroup['g:-100']?.messages.map((m) => m.text),
      ['g'],
    );
  });
});
