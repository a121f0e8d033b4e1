import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorResponse, notFound, unauthorized } from '#sandbox/telegram/bot-api/api-error.ts';
import { executeBotApiCall } from '#sandbox/telegram/bot-api/execute-method.ts';
import type { TelegramState } from '#sandbox/telegram/state/telegram-state.ts';
import { BodyError } from './body-error.ts';
import { readRequestParams } from './read-body.ts';
import { sendBytes, sendJson } from './respond.ts';

/** `/bot<token>/<method>`: the Bot API itself. */
export async function handleBotApiRequest(
  state: TelegramState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  signal: AbortSignal,
): Promise<void> {
  const match = /^\/bot([^/]+)\/([^/]*)$/.exec(url.pathname);
  if (!match?.[1] || !match[2]) {
    sendJson(res, 404, errorResponse(notFound()));
    return;
  }
  let request: Awaited<ReturnType<typeof readRequestParams>>;
  try {
    request = await readRequestParams(req, url);
  } catch (error) {
    if (!(error instanceof BodyError)) throw error;
    sendJson(res, error.status, { ok: false, error_code: error.status, description: error.message });
    return;
  }
  const outcome = await executeBotApiCall(state, {
    token: decodeURIComponent(match[1]),
    method: match[2],
    params: request.params,
    files: request.files,
    signal,
  });
  sendJson(res, outcome.status, outcome.body);
}

/** `/file/bot<token>/<file_path>`: downloads of files announced by getFile. */
export function handleFileDownload(state: TelegramState, res: ServerResponse, url: URL): void {
  const match = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
  const bot = match?.[1] ? state.bots.resolve(decodeURIComponent(match[1])) : undefined;
  if (!bot) {
    sendJson(res, 401, errorResponse(unauthorized()));
    return;
  }
  const file = state.files.getByPath(decodeURIComponent(match?.[2] ?? ''));
  if (!file) {
    sendJson(res, 404, errorResponse(notFound()));
    return;
  }
  sendBytes(res, file.bytes, file.mimeType ?? 'application/octet-stream');
}
