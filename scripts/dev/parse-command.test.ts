import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCommand } from './parse-command.ts';

test('text and /commands go to the chat; a doubled colon escapes', () => {
  assert.equal(parseCommand('   '), null);
  assert.deepEqual(parseCommand('/find 1001'), { kind: 'send', text: '/find 1001' });
  assert.deepEqual(parseCommand('::)'), { kind: 'send', text: ':)' });
});

test(':user takes an id, an optional name of several words and an optional language', () => {
  assert.deepEqual(parseCommand(':user 1002'), {
    kind: 'user',
    id: 1002,
    firstName: undefined,
    language: undefined,
  });
  assert.deepEqual(parseCommand(':user 1002 Eve Ann ru'), {
    kind: 'user',
    id: 1002,
    firstName: 'Eve Ann',
    language: 'ru',
  });
  assert.equal(parseCommand(':user x')?.kind, 'invalid');
});

test(':press by number or label, :reply keeps the text as typed, unknown commands are refused', () => {
  assert.deepEqual(parseCommand(':press 2'), { kind: 'press', index: 2 });
  assert.deepEqual(parseCommand(':press I accept'), { kind: 'press', label: 'I accept' });
  assert.deepEqual(parseCommand(':reply 7  Hello,  world'), {
    kind: 'reply',
    messageId: 7,
    text: 'Hello,  world',
  });
  assert.deepEqual(parseCommand(':bot support'), { kind: 'bot', target: 'support' });
  assert.equal(parseCommand(':bot nope')?.kind, 'invalid');
  assert.equal(parseCommand(':frobnicate')?.kind, 'invalid');
});
