import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { readRawBody } from '#sandbox/telegram/http/read-body.ts';
import { sendBytes, sendJson } from '#sandbox/telegram/http/respond.ts';
import { commandsForChat, menuButtonForChat } from '#sandbox/telegram/methods/bot-profile.ts';
import { toChatMessage } from '#sandbox/telegram/state/chat-message-view.ts';
import type { TelegramState } from '#sandbox/telegram/state/telegram-state.ts';
import type { BotChatProfile } from '#sandbox/telegram/types.ts';
import { botChat, requireBot } from './chat-lookup.ts';
import { ControlError } from './control-error.ts';
import {
  botProfileQuery,
  botQuery,
  callbackAnswerQuery,
  callsQuery,
  chatQuery,
  createGroupBody,
  fileQuery,
  invoiceLinkQuery,
  payInvoiceBody,
  pressButtonBody,
  registerBotBody,
  sendContactBody,
  sendFileBody,
  sendTextBody,
  setBlockedBody,
  upsertUserBody,
  waitQuery,
} from './control-schemas.ts';
import { openEventStream } from './event-stream.ts';
import { describeInvoiceLink, payInvoice } from './payment-actions.ts';
import {
  createGroup,
  pressButton,
  sendUserContact,
  sendUserFile,
  sendUserText,
  setBlocked,
} from './user-actions.ts';

interface ControlRequest {
  state: TelegramState;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  shutdown: AbortSignal;
}

/** Handlers return the JSON result, or RESPONDED when they wrote the response themselves. */
const RESPONDED = Symbol('responded');
type ControlHandler = (request: ControlRequest) => Promise<unknown>;

function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ControlError(
      `invalid request: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}

async function body<S extends z.ZodType>(request: ControlRequest, schema: S): Promise<z.output<S>> {
  const raw = (await readRawBody(request.req)).toString('utf8');
  let json: unknown;
  try {
    json = raw === '' ? {} : JSON.parse(raw);
  } catch {
    throw new ControlError('invalid request: body is not JSON');
  }
  return validate(schema, json);
}

function query<S extends z.ZodType>(request: ControlRequest, schema: S): z.output<S> {
  return validate(schema, Object.fromEntries(request.url.searchParams));
}

/** Every control endpoint, keyed by "METHOD /path". */
const ROUTES: Record<string, ControlHandler> = {
  'POST /control/bots': async (r) => {
    const input = await body(r, registerBotBody);
    const bot = requireBot(r.state, input.token);
    if (input.username !== undefined) bot.username = input.username;
    if (input.firstName !== undefined) bot.firstName = input.firstName;
    return bot.info;
  },
  'POST /control/users': async (r) => {
    const { id, ...names } = await body(r, upsertUserBody);
    return r.state.upsertUser({ id, is_bot: false, ...names });
  },
  'POST /control/groups': async (r) => createGroup(r.state, await body(r, createGroupBody)).chat,
  'POST /control/messages/text': async (r) => sendUserText(r.state, await body(r, sendTextBody)),
  'POST /control/messages/contact': async (r) => sendUserContact(r.state, await body(r, sendContactBody)),
  'POST /control/messages/photo': async (r) => sendUserFile(r.state, 'photo', await body(r, sendFileBody)),
  'POST /control/messages/document': async (r) =>
    sendUserFile(r.state, 'document', await body(r, sendFileBody)),
  'POST /control/messages/audio': async (r) => sendUserFile(r.state, 'audio', await body(r, sendFileBody)),
  'POST /control/messages/video': async (r) => sendUserFile(r.state, 'video', await body(r, sendFileBody)),
  'POST /control/messages/voice': async (r) => sendUserFile(r.state, 'voice', await body(r, sendFileBody)),
  'POST /control/callbacks': async (r) => pressButton(r.state, await body(r, pressButtonBody)),
  'GET /control/callbacks/answer': async (r) => {
    const { id } = query(r, callbackAnswerQuery);
    const callback = r.state.callbacks.get(id);
    if (!callback) throw new ControlError(`unknown callback query ${id}`, 404);
    return callback.answer ?? null;
  },
  /** Answers once the payment ended: paid, rejected, timed out (pre-checkout timeout) or failed. */
  'POST /control/payments': async (r) => payInvoice(r.state, await body(r, payInvoiceBody)),
  'POST /control/blocks': async (r) => {
    setBlocked(r.state, await body(r, setBlockedBody));
    return true;
  },
  'GET /control/messages': async (r) => {
    const { token, chatId } = query(r, chatQuery);
    const conversation = botChat(r.state, requireBot(r.state, token), chatId);
    return {
      revision: conversation.revision,
      messages: [...conversation.messages.values()].map(toChatMessage),
    };
  },
  /** Long poll: answers once the chat's revision exceeds `since`, or after `timeoutMs`. */
  'GET /control/messages/wait': async (r) => {
    const { token, chatId, since, timeoutMs } = query(r, waitQuery);
    const conversation = botChat(r.state, requireBot(r.state, token), chatId);
    return { revision: await conversation.waitForChange(since, timeoutMs) };
  },
  'GET /control/calls': async (r) => {
    const { token, method } = query(r, callsQuery);
    const calls = requireBot(r.state, token).calls;
    return method === undefined
      ? calls
      : calls.filter((call) => call.method.toLowerCase() === method.toLowerCase());
  },
  /** The bot's webhook POSTs (each attempt, with the webhook's answer), oldest first. */
  'GET /control/webhook-deliveries': async (r) =>
    requireBot(r.state, query(r, botQuery).token).webhookDeliveries,
  'GET /control/files': async (r) => {
    const { token, fileId } = query(r, fileQuery);
    requireBot(r.state, token);
    const file = r.state.files.get(fileId);
    if (!file) throw new ControlError(`unknown file ${fileId}`, 404);
    sendBytes(r.res, file.bytes, file.mimeType ?? 'application/octet-stream');
    return RESPONDED;
  },
  'GET /control/invoice-links': async (r) => describeInvoiceLink(r.state, query(r, invoiceLinkQuery).link),
  'GET /control/bot-profile': async (r) => {
    const { token, chatId, languageCode, userId } = query(r, botProfileQuery);
    const bot = requireBot(r.state, token);
    const conversation = botChat(r.state, bot, chatId);
    return {
      // Menu buttons exist only in private chats; groups show the commands list.
      menu_button: conversation.isGroup ? { type: 'commands' } : menuButtonForChat(bot, chatId),
      commands: commandsForChat(
        bot,
        { id: chatId, isGroup: conversation.isGroup },
        { id: userId ?? (conversation.isGroup ? undefined : chatId), languageCode },
      ),
    } satisfies BotChatProfile;
  },
  'GET /control/state': async (r) => r.state.snapshot(),
  'GET /control/events': async (r) => {
    openEventStream(r.state, r.req, r.res, r.shutdown);
    return RESPONDED;
  },
};

/** `/control/…`: JSON `{ ok: true, result }` or `{ ok: false, error }` with status 400/404. */
export async function handleControlRequest(request: ControlRequest): Promise<void> {
  const handler = ROUTES[`${request.req.method ?? 'GET'} ${request.url.pathname}`];
  if (!handler) {
    sendJson(request.res, 404, {
      ok: false,
      error: `no control endpoint ${request.req.method} ${request.url.pathname}`,
    });
    return;
  }
  try {
    const result = await handler(request);
    if (result !== RESPONDED) sendJson(request.res, 200, { ok: true, result });
  } catch (error) {
    if (!(error instanceof ControlError)) throw error;
    sendJson(request.res, error.status, { ok: false, error: error.message });
  }
}
