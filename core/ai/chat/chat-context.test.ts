import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildChatMessages, HISTORY_BUDGET, selectHistory, type THistoryMessage } from './chat-context.ts';

const exchange = (n: number, size = 10): THistoryMessage[] =>
  Array.from({ length: n }, (_, i) => [
    { role: 'user' as const, content: `q${i}`.padEnd(size, '.') },
    { role: 'assistant' as const, content: `a${i}`.padEnd(size, '.') },
  ]).flat();

test('history keeps the newest messages within the message budget, oldest dropped first', () => {
  const kept = selectHistory(exchange(15));
  assert.equal(kept.length, HISTORY_BUDGET.maxMessages);
  assert.equal(kept[0]?.content.startsWith('q5'), true);
  assert.equal(kept.at(-1)?.content.startsWith('a14'), true);
});

test('history stops at the character budget and never opens with the assistant', () => {
  // Each message is 1000 characters; 3500 fit three and a half: the window keeps the last three, and since
  // the oldest of those is an answer, it starts at the question after it.
  const kept = selectHistory(exchange(5, 1000), { maxMessages: 20, maxChars: 3_500 });
  assert.deepEqual(
    kept.map((m) => m.content.slice(0, 2)),
    ['q4', 'a4'],
  );
  const oneHuge = selectHistory([{ role: 'user', content: 'x'.repeat(30_000) }]);
  assert.deepEqual(oneHuge, []);
});

test('history on sends system prompt, previous messages and the new one; off sends only the prompt and the new one', () => {
  const history = exchange(2);
  const on = buildChatMessages({ systemPrompt: 'Be brief.', history, historyEnabled: true, text: 'next' });
  assert.deepEqual(
    on.map((m) => m.role),
    ['system', 'user', 'assistant', 'user', 'assistant', 'user'],
  );
  assert.equal(on.at(-1)?.content, 'next');
  const off = buildChatMessages({ systemPrompt: 'Be brief.', history, historyEnabled: false, text: 'next' });
  assert.deepEqual(off, [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'next' },
  ]);
  const noPrompt = buildChatMessages({ systemPrompt: null, history: [], historyEnabled: true, text: 'hi' });
  assert.deepEqual(noPrompt, [{ role: 'user', content: 'hi' }]);
});
