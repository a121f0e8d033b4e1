import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { newStudioUser } from '#tests/support/studio-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { MessageNotSent, type TSent } from './generation-delivery.ts';
import { sendOnce } from './send-once.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(() => database?.drop());

async function newRequest() {
  const userId = await newStudioUser(database.db);
  const row = await database.db.aiRequest.create({
    data: { userId, kind: 'image', modelId: 'dall-e-3', source: 'bot', price: 8_000n, chatId: userId },
  });
  return row.id;
}

/** A send that counts its calls; by default Telegram answers with message id 100 + the call's number. */
function counter(answer?: () => Promise<TSent>) {
  const calls = { n: 0 };
  const send = (): Promise<TSent> => {
    calls.n += 1;
    return answer ? answer() : Promise.resolve({ messageId: 100 + calls.n });
  };
  return { calls, send };
}

test('a message is sent and recorded once; asking again returns the recorded id without sending', async () => {
  const requestId = await newRequest();
  const { calls, send } = counter();
  assert.deepEqual(await sendOnce(database.db, { requestId, slot: 'result:0', send }), {
    kind: 'sent',
    messageId: 101,
  });
  assert.deepEqual(await sendOnce(database.db, { requestId, slot: 'result:0', send }), {
    kind: 'sent',
    messageId: 101,
  });
  assert.equal(calls.n, 1);
  // Another slot of the same request is its own message.
  await sendOnce(database.db, { requestId, slot: 'failure', send });
  assert.equal(calls.n, 2);
  const rows = await database.db.aiRequestMessage.findMany({
    where: { requestId },
    orderBy: { slot: 'asc' },
  });
  assert.deepEqual(
    rows.map((r) => [r.slot, r.messageId, r.sentAt !== null]),
    [
      ['failure', 102, true],
      ['result:0', 101, true],
    ],
  );
});

test('two runs at the same moment: one claims the slot and sends, the other sees the send under way', async () => {
  const requestId = await newRequest();
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const { calls, send } = counter(async () => {
    await gate;
    return { messageId: 7 };
  });
  const first = sendOnce(database.db, { requestId, slot: 'result:0', send });
  // Wait until the first has claimed and is "talking to Telegram".
  while (calls.n === 0) await new Promise((r) => setTimeout(r, 5));
  const second = await sendOnce(database.db, { requestId, slot: 'result:0', send });
  assert.deepEqual(second, { kind: 'unknown' });
  release();
  assert.deepEqual(await first, { kind: 'sent', messageId: 7 });
  assert.equal(calls.n, 1);
});

test('a refused send frees the slot; a send that failed without an answer keeps it as unknown', async () => {
  const requestId = await newRequest();
  const refused = counter(async () => {
    throw new MessageNotSent('Bad Request: wrong file');
  });
  await assert.rejects(
    sendOnce(database.db, { requestId, slot: 'result:0', send: refused.send }),
    MessageNotSent,
  );
  const retried = counter();
  assert.equal(
    (await sendOnce(database.db, { requestId, slot: 'result:0', send: retried.send })).kind,
    'sent',
  );
  assert.equal(retried.calls.n, 1, 'sent after the refusal');

  const lost = counter(async () => {
    throw new Error('socket hang up');
  });
  await assert.rejects(
    sendOnce(database.db, { requestId, slot: 'failure', send: lost.send }),
    /socket hang up/,
  );
  const after = counter();
  assert.deepEqual(await sendOnce(database.db, { requestId, slot: 'failure', send: after.send }), {
    kind: 'unknown',
  });
  assert.equal(after.calls.n, 0, 'never sent again');
});

test('an undeliverable chat leaves nothing claimed', async () => {
  const requestId = await newRequest();
  const { send } = counter(async () => 'undeliverable');
  assert.deepEqual(await sendOnce(database.db, { requestId, slot: 'result:0', send }), {
    kind: 'undeliverable',
  });
  assert.equal(await database.db.aiRequestMessage.count({ where: { requestId } }), 0);
});
