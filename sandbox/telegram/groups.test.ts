import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { startTestServer, tokenFor } from './test-support.ts';

const SHOP = tokenFor(700401);
const HELPER = tokenFor(700402);
const ALICE = { id: 5001, first_name: 'Alice' };
const BOB = { id: 5002, first_name: 'Bob' };
const GROUP_ID = -1_001_234_567_890;

async function drain(bot: Bot): Promise<Update[]> {
  const updates = await bot.api.getUpdates({ timeout: 0 });
  const last = updates.at(-1);
  if (last) await bot.api.getUpdates({ offset: last.update_id + 1 });
  return updates;
}

test('group messages reach every member bot; replies and forwards look like Telegram', async () => {
  const { server, client } = await startTestServer();
  try {
    await client.registerBot({ token: SHOP, username: 'shop_bot', firstName: 'Shop' });
    await client.registerBot({ token: HELPER, username: 'helper_bot', firstName: 'Helper' });
    await client.upsertUser(ALICE);
    await client.upsertUser(BOB);
    const chat = await client.createGroup({
      id: GROUP_ID,
      title: 'Buyers',
      memberIds: [ALICE.id, BOB.id],
      botTokens: [SHOP, HELPER],
    });
    assert.deepEqual(chat, { id: GROUP_ID, type: 'supergroup', title: 'Buyers' });
    const shop = new Bot(SHOP, { client: { apiRoot: server.url } });
    const helper = new Bot(HELPER, { client: { apiRoot: server.url } });

    // Being added to the group is announced with my_chat_member.
    const joined = await drain(shop);
    assert.equal(joined[0]?.my_chat_member?.new_chat_member.status, 'member');
    await drain(helper);

    const question = await client.sendText({
      token: SHOP,
      userId: ALICE.id,
      chatId: GROUP_ID,
      text: '/price@shop_bot',
    });
    assert.deepEqual(question.entities, [{ type: 'bot_command', offset: 0, length: 15 }]);
    const [shopUpdate] = await drain(shop);
    const [helperUpdate] = await drain(helper);
    assert.equal(shopUpdate?.message?.chat.type, 'supergroup');
    assert.equal(shopUpdate?.message?.text, '/price@shop_bot');
    assert.equal(helperUpdate?.message?.message_id, question.message_id);

    const answer = await shop.api.sendMessage(GROUP_ID, '10 EUR', {
      reply_parameters: { message_id: question.message_id },
    });
    assert.equal(answer.message_id, question.message_id + 1);
    assert.equal(answer.reply_to_message?.text, '/price@shop_bot');

    // Bob replies to the bot's message; every member bot gets it with reply_to_message.
    await client.sendText({
      token: SHOP,
      userId: BOB.id,
      chatId: GROUP_ID,
      text: 'Too expensive',
      replyToMessageId: answer.message_id,
    });
    const [reply] = await drain(shop);
    assert.equal(reply?.message?.reply_to_message?.from?.username, 'shop_bot');
    assert.equal(reply?.message?.from?.id, BOB.id);

    // Forward Alice's question into the private chat with Bob.
    const forwarded = await shop.api.forwardMessage(BOB.id, GROUP_ID, question.message_id);
    assert.equal(forwarded.chat.id, BOB.id);
    assert.equal(forwarded.text, '/price@shop_bot');
    assert.deepEqual(forwarded.forward_origin, {
      type: 'user',
      sender_user: question.from,
      date: question.date,
    });

    const messages = await client.messages({ token: HELPER, chatId: GROUP_ID });
    assert.deepEqual(
      messages.map((m) => [m.message_id, m.sender, m.text]),
      [
        [1, 'user', '/price@shop_bot'],
        [2, 'bot', '10 EUR'],
        [3, 'user', 'Too expensive'],
      ],
    );

    const copy = await shop.api.copyMessage(ALICE.id, GROUP_ID, answer.message_id);
    const [copied] = await client.messages({ token: SHOP, chatId: ALICE.id });
    assert.equal(copied?.message_id, copy.message_id);
    assert.equal(copied?.text, '10 EUR');
    assert.equal(copied?.forward_origin, undefined);
  } finally {
    await server.close();
  }
});

test('a bot outside the group cannot post there', async () => {
  const { server, client } = await startTestServer();
  try {
    await client.upsertUser(ALICE);
    await client.createGroup({ id: -777, title: 'Private club', memberIds: [ALICE.id], botTokens: [] });
    const bot = new Bot(SHOP, { client: { apiRoot: server.url } });
    await assert.rejects(bot.api.sendMessage(-777, 'hi'), {
      error_code: 403,
      description: 'Forbidden: bot is not a member of the group chat',
    });
    await assert.rejects(bot.api.sendMessage(-778, 'hi'), {
      error_code: 400,
      description: 'Bad Request: chat not found',
    });
  } finally {
    await server.close();
  }
});
