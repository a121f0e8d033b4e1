import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SPEECH_INPUT_MAX, speechText } from './speech-text.ts';

test('Markdown is read as plain words', () => {
  const { text, truncated } = speechText(
    '# Plan\n**Bold** and *italic* with `code` and [a link](https://x.y).\n- first\n```js\nrun();\n```',
  );
  assert.equal(text, 'Plan\nBold and italic with code and a link.\nfirst\n\nrun();');
  assert.equal(truncated, false);
});

test('a reply past the speech limit is cut at a sentence end', () => {
  const sentence = 'This sentence is about forty characters. ';
  const { text, truncated } = speechText(sentence.repeat(200));
  assert.equal(truncated, true);
  assert.ok(text.length <= SPEECH_INPUT_MAX);
  assert.ok(text.endsWith('characters.'), text.slice(-30));
});
