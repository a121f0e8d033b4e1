import { initDataRaw } from '@telegram-apps/sdk-react';
import { ZApiErrorSchema } from '../../../server/contracts/me.ts';
import {
  type TChatDone,
  type TChatFailure,
  ZChatDeltaSchema,
  ZChatDoneSchema,
  ZChatFailureSchema,
} from '../../../server/contracts/studio.ts';
import { ApiError } from './api-error.ts';

export type TChatStreamHandlers = {
  /** The next piece of the reply. */
  onDelta: (text: string) => void;
};

export type TChatOutcome = { kind: 'done'; done: TChatDone } | { kind: 'failure'; failure: TChatFailure };

/** One `event:`/`data:` block of a text/event-stream; comments (keep-alives) and unknown events are skipped. */
function parseEvent(block: string): { event: string; data: string } | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  return data.length > 0 ? { event, data: data.join('\n') } : null;
}

/**
 * Sends a chat message and reads the streamed reply (contracts/studio.ts). fetch and a stream reader rather
 * than EventSource: EventSource can neither POST nor send the Authorization header the API requires. A
 * refusal before the stream opens (404, CHAT_BUSY …) rejects with an ApiError like every other call.
 */
export async function sendChatMessage(
  dialogId: string,
  text: string,
  handlers: TChatStreamHandlers,
): Promise<TChatOutcome> {
  let response: Response;
  try {
    response = await fetch(`/api/studio/dialogs/${encodeURIComponent(dialogId)}/messages`, {
      method: 'POST',
      headers: {
        Authorization: `tma ${initDataRaw() ?? ''}`,
        'Content-Type': 'application/json',
        Accept: 'text/event-stream',
      },
      body: JSON.stringify({ text }),
    });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK_ERROR', cause instanceof Error ? cause.message : '');
  }
  if (!response.ok || !response.body) {
    const parsed = ZApiErrorSchema.safeParse(await response.json().catch(() => undefined));
    if (parsed.success)
      throw new ApiError(response.status, parsed.data.error.code, parsed.data.error.message);
    throw new ApiError(response.status, 'BAD_RESPONSE', '');
  }

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value.replace(/\r\n?/g, '\n');
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const event = parseEvent(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
        if (!event) continue;
        const json: unknown = JSON.parse(event.data);
        if (event.event === 'delta') handlers.onDelta(ZChatDeltaSchema.parse(json).text);
        else if (event.event === 'done') return { kind: 'done', done: ZChatDoneSchema.parse(json) };
        else if (event.event === 'failure')
          return { kind: 'failure', failure: ZChatFailureSchema.parse(json) };
      }
    }
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    // A cut connection or a malformed event: the server may still finish and store the reply.
    throw new ApiError(0, 'NETWORK_ERROR', '');
  } finally {
    reader.releaseLock();
  }
  throw new ApiError(0, 'NETWORK_ERROR', '');
}
