import assert from 'node:assert/strict';
import type { TelegramTestClient as Client } from './client.ts';
import { TelegramTestClient } from './client.ts';
import { startTelegramServer, type TelegramServer, type TelegramServerOptions } from './server.ts';
import type { TelegramServerEvent } from './types.ts';

/** A 1×1 PNG: the smallest upload Telegram accepts as a photo. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export function tokenFor(botId: number): string {
  return `${botId}:TEST-secret_${botId}`;
}

export interface TestServer {
  server: TelegramServer;
  client: Client;
}

/** A server on a random port plus a control client; close it with `server.close()`. */
export async function startTestServer(opts: TelegramServerOptions = {}): Promise<TestServer> {
  const server = await startTelegramServer({ port: 0, ...opts });
  return { server, client: new TelegramTestClient(server.url) };
}

/** A raw Bot API call, for asserting wire-level answers without grammY in between. */
export async function callApi(
  server: TelegramServer,
  token: string,
  method: string,
  params: Record<string, unknown> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Reads `count` events from the SSE stream. */
export async function readEvents(
  url: string,
  count: number,
  signal: AbortSignal,
): Promise<TelegramServerEvent[]> {
  const response = await fetch(`${url}/control/events`, { signal });
  assert.equal(response.headers.get('content-type'), 'text/event-stream');
  const reader = response.body?.getReader();
  assert.ok(reader);
  const events: TelegramServerEvent[] = [];
  let buffer = '';
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += Buffer.from(value).toString('utf8');
    const frames = buffer.split('\n\n');
    buffer = frames.pop() ?? '';
    for (const frame of frames) {
      const data = frame.split('\n').find((line) => line.startsWith('data: '));
      if (data) events.push(JSON.parse(data.slice('data: '.length)) as TelegramServerEvent);
    }
  }
  await reader.cancel();
  return events;
}
