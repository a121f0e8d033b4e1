import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SseParser } from './sse-parser.ts';

test('events split across chunks, comments and multi-line data', () => {
  const parser = new SseParser();
  assert.deepEqual(parser.push(': connected\n\nid: 1\nevent: message_added\nda'), []);
  assert.deepEqual(parser.push('ta: {"a":1}\n'), []);
  assert.deepEqual(parser.push('\n: ping\n\nevent: x\r\ndata: one\r\ndata: two\r\n\r\n'), [
    { event: 'message_added', data: '{"a":1}' },
    { event: 'x', data: 'one\ntwo' },
  ]);
});
