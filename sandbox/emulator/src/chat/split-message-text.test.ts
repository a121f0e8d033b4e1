import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MESSAGE_TEXT_LIMIT, splitMessageText } from './split-message-text.ts';

const words = (length: number) =>
  'lorem ipsum dolor sit amet '.repeat(Math.ceil(length / 27)).slice(0, length);

test('text within the limit is one message, trimmed', () => {
  assert.deepEqual(splitMessageText('  hello\n'), ['hello']);
  assert.deepEqual(splitMessageText('x'.repeat(MESSAGE_TEXT_LIMIT)), ['x'.repeat(MESSAGE_TEXT_LIMIT)]);
  assert.deepEqual(splitMessageText('   '), []);
});

test('9,000 characters of words are three messages of at most 4,096, cut between words, nothing lost', () => {
  const text = words(9_000);
  const parts = splitMessageText(text);
  assert.equal(parts.length, 3);
  for (const part of parts) assert.ok(part.length <= MESSAGE_TEXT_LIMIT, `${part.length} characters`);
  for (const part of parts.slice(0, -1)) assert.match(part, /\b(lorem|ipsum|dolor|sit|amet)$/);
  for (const part of parts.slice(1)) assert.match(part, /^(lorem|ipsum|dolor|sit|amet)\b/);
  assert.equal(parts.join(' '), text.trim());
});

test('a paragraph break is preferred to a line break, a line break to a sentence end, that to a space', () => {
  const limit = 40;
  assert.deepEqual(splitMessageText(`${'a '.repeat(12)}\n\nnext ${'b '.repeat(15)}`, limit), [
    'a '.repeat(12).trim(),
    `next ${'b '.repeat(15)}`.trim(),
  ]);
  assert.deepEqual(splitMessageText(`one two three four five\nsix. seven eight nine ten eleven`, limit), [
    'one two three four five',
    'six. seven eight nine ten eleven',
  ]);
  assert.deepEqual(splitMessageText('one two three four five six. seven eight nine ten', limit), [
    'one two three four five six.',
    'seven eight nine ten',
  ]);
});

test('text without spaces is cut at the limit, never inside a surrogate pair', () => {
  assert.deepEqual(splitMessageText('x'.repeat(10), 4), ['xxxx', 'xxxx', 'xx']);
  const parts = splitMessageText(`abc${'😀'.repeat(3)}`, 4);
  assert.deepEqual(parts, ['abc', '😀😀', '😀']);
  for (const part of parts) assert.ok(part.length <= 4);
});
