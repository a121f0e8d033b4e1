import type { ChatMessage, TelegramServerEvent } from '#sandbox/telegram/types.ts';

export type TReplyListener = (reply: { token: string; message: ChatMessage; at: number }) => void;

export interface TReplyStream {
  close(): void;
}

/**
 * Bot messages as the local Bot API stores them, pushed over its SSE stream (`GET /control/events`) and
 * timestamped on arrival. Polling `/control/messages` per chat instead would add its own requests to the
 * load and quantize latency to the polling interval.
 */
export async function openReplyStream(serverUrl: string, onReply: TReplyListener): Promise<TReplyStream> {
  const abort = new AbortController();
  const response = await fetch(`${serverUrl}/control/events`, { signal: abort.signal });
  if (!response.ok || !response.body) throw new Error(`event stream: HTTP ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();

  // The server writes ": connected" once it has subscribed: from then on no bot message can be missed.
  let buffer = '';
  while (!buffer.includes('\n\n')) {
    const { value, done } = await reader.read();
    if (done) throw new Error('event stream ended before it connected');
    buffer += value;
  }

  const dispatch = (block: string, at: number) => {
    const data = block
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => line.slice('data: '.length))
      .join('\n');
    if (!data) return; // a comment (heartbeat)
    const event = JSON.parse(data) as TelegramServerEvent;
    if (event.type === 'message_added' && event.message.sender === 'bot' && event.token)
      onReply({ token: event.token, message: event.message, at });
  };

  const pump = async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      const at = performance.now();
      buffer += value;
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        dispatch(buffer.slice(0, end), at);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
      }
    }
  };
  const pumping = pump().catch((error: unknown) => {
    if (!abort.signal.aborted) console.error('event stream failed:', error);
  });

  return {
    close() {
      abort.abort();
      void pumping;
    },
  };
}
