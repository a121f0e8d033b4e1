import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../../http-stand-in/http-basics.ts';
import type { SendFileInput, TelegramTestClient } from '../../telegram/client.ts';
import type { ChatMessage, User } from '../../telegram/types.ts';
import {
  type TEmulatorConfig,
  type TMediaKind,
  ZBotProfileQuerySchema,
  ZChatQuerySchema,
  ZCreateUserBodySchema,
  ZFileQuerySchema,
  ZInvoiceLinkQuerySchema,
  ZLaunchBodySchema,
  ZPayBodySchema,
  ZPressButtonBodySchema,
  ZSendContactBodySchema,
  ZSendMediaQuerySchema,
  ZSendTextBodySchema,
} from '../contract/host-api.ts';
import type { BotDirectory } from './bot-directory.ts';
import type { EventRelay } from './event-relay.ts';
import { sendFile } from './file-response.ts';
import { fromControlError, HostError } from './host-error.ts';
import { parseJsonBody, parseQuery, readUpload } from './host-request.ts';
import { emulatorLaunchUrl } from './launch-url.ts';

export interface ApiContext {
  client: TelegramTestClient;
  bots: BotDirectory;
  relay: EventRelay;
  config: TEmulatorConfig;
}

interface ApiRequest extends ApiContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
}

/** Handlers return the JSON answer, or RESPONDED when they wrote the response themselves. */
const RESPONDED = Symbol('responded');
type ApiHandler = (request: ApiRequest) => Promise<unknown>;

/** Ids the emulator gives new users start here, clear of Telegram's service accounts. */
const FIRST_USER_ID = 1001;

async function requireUser(client: TelegramTestClient, userId: number): Promise<User> {
  const user = (await client.state()).users.find((candidate) => candidate.id === userId);
  if (!user) throw new HostError(404, `unknown user ${userId}`);
  return user;
}

/** The person sits in a group by writing in it: they join it first, as an agent joins a support chat. */
async function joinGroupIfNeeded(client: TelegramTestClient, chatId: number, userId: number): Promise<void> {
  if (chatId > 0) return;
  const group = (await client.state()).chats.find((chat) => chat.chat.id === chatId);
  if (!group) throw new HostError(404, `unknown group ${chatId}`);
  if (group.member_user_ids.includes(userId)) return;
  const title = group.chat.type === 'private' ? String(chatId) : group.chat.title;
  await client.createGroup({ id: chatId, title, memberIds: [userId] });
}

const SEND_MEDIA: Record<
  TMediaKind,
  (client: TelegramTestClient, input: SendFileInput) => Promise<ChatMessage>
> = {
  photo: (client, input) => client.sendPhoto(input),
  video: (client, input) => client.sendVideo(input),
  audio: (client, input) => client.sendAudio(input),
  voice: (client, input) => client.sendVoice(input),
  document: (client, input) => client.sendDocument(input),
};

/** Browsers label files they cannot name as octet-stream; the Bot API then guesses from the name. */
function declaredMimeType(req: IncomingMessage): string | undefined {
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  return type && type !== 'application/octet-stream' ? type : undefined;
}

const ROUTES: Record<string, ApiHandler> = {
  'GET /api/config': async (r) => r.config,
  'GET /api/users': async (r) =>
    (await r.client.state()).users.filter((user) => !user.is_bot).sort((a, b) => a.id - b.id),
  'POST /api/users': async (r) => {
    const body = await parseJsonBody(r.req, ZCreateUserBodySchema);
    const { users } = await r.client.state();
    const id = body.id ?? Math.max(FIRST_USER_ID - 1, ...users.map((user) => user.id)) + 1;
    return r.client.upsertUser({
      id,
      first_name: body.firstName,
      ...(body.lastName ? { last_name: body.lastName } : {}),
      ...(body.username ? { username: body.username } : {}),
      language_code: body.language,
    });
  },
  'GET /api/messages': async (r) => {
    const { bot, chatId } = parseQuery(r.url, ZChatQuerySchema);
    const messages = await r.client.messages({ token: r.bots.require(bot).token, chatId });
    return messages.filter((message) => !message.deleted);
  },
  'GET /api/bot-profile': async (r) => {
    const { bot, chatId, userId } = parseQuery(r.url, ZBotProfileQuerySchema);
    const user = await requireUser(r.client, userId ?? chatId);
    return r.client.botProfile({
      token: r.bots.require(bot).token,
      chatId,
      languageCode: user.language_code,
      ...(chatId < 0 ? { userId: user.id } : {}),
    });
  },
  'POST /api/messages/text': async (r) => {
    const { bot, ...input } = await parseJsonBody(r.req, ZSendTextBodySchema);
    await joinGroupIfNeeded(r.client, input.chatId, input.userId);
    return r.client.sendText({ token: r.bots.require(bot).token, ...input });
  },
  'POST /api/messages/contact': async (r) => {
    const { bot, ...input } = await parseJsonBody(r.req, ZSendContactBodySchema);
    await joinGroupIfNeeded(r.client, input.chatId, input.userId);
    return r.client.sendContact({ token: r.bots.require(bot).token, ...input });
  },
  'POST /api/messages/media': async (r) => {
    const { bot, kind, ...input } = parseQuery(r.url, ZSendMediaQuerySchema);
    const token = r.bots.require(bot).token;
    const bytes = await readUpload(r.req);
    await joinGroupIfNeeded(r.client, input.chatId, input.userId);
    const mimeType = declaredMimeType(r.req);
    return SEND_MEDIA[kind](r.client, { token, bytes, ...input, ...(mimeType ? { mimeType } : {}) });
  },
  'POST /api/callbacks': async (r) => {
    const { bot, ...input } = await parseJsonBody(r.req, ZPressButtonBodySchema);
    return r.client.pressButton({ token: r.bots.require(bot).token, ...input });
  },
  /** Answers once the payment ended (the bot has up to 10 s for the pre-checkout query). */
  'POST /api/payments': async (r) => {
    const { bot, ...input } = await parseJsonBody(r.req, ZPayBodySchema);
    return r.client.payInvoice({ token: r.bots.require(bot).token, ...input });
  },
  'GET /api/invoice-links': async (r) =>
    r.client.invoiceLink(parseQuery(r.url, ZInvoiceLinkQuerySchema).link),
  /** Signs initData as Telegram would for this user and bot; the page never sees the token. */
  'POST /api/launch': async (r) => {
    const body = await parseJsonBody(r.req, ZLaunchBodySchema);
    const user = await requireUser(r.client, body.userId);
    const url = emulatorLaunchUrl({
      url: body.url ?? r.config.miniAppUrl,
      user: {
        id: user.id,
        first_name: user.first_name,
        ...(user.last_name !== undefined ? { last_name: user.last_name } : {}),
        ...(user.username !== undefined ? { username: user.username } : {}),
        ...(user.language_code !== undefined ? { language_code: user.language_code } : {}),
      },
      botToken: r.bots.require(body.bot).token,
      theme: body.theme,
    });
    return { url };
  },
  'GET /api/files': async (r) => {
    const query = parseQuery(r.url, ZFileQuerySchema);
    const bytes = await r.client.downloadFile(r.bots.require(query.bot).token, query.fileId);
    sendFile(r.res, bytes, query);
    return RESPONDED;
  },
  'GET /api/events': async (r) => {
    r.relay.open(r.req, r.res);
    return RESPONDED;
  },
};

/** `/api/…`: the JSON answer with 200, or `{ error }` with the status of what went wrong. */
export async function handleApiRequest(request: ApiRequest, logger: (msg: string) => void): Promise<void> {
  const handler = ROUTES[`${request.req.method ?? 'GET'} ${request.url.pathname}`];
  if (!handler) {
    sendJson(request.res, 404, { error: `no endpoint ${request.req.method} ${request.url.pathname}` });
    return;
  }
  try {
    const result = await handler(request).catch((error: unknown) => {
      throw error instanceof HostError ? error : fromControlError(error);
    });
    if (result !== RESPONDED) sendJson(request.res, 200, result);
  } catch (error) {
    const failure = error instanceof HostError ? error : new HostError(500, String(error));
    if (failure.status >= 500)
      logger(`emulator: ${request.req.method} ${request.url.pathname}: ${failure.message}`);
    if (!request.res.headersSent) sendJson(request.res, failure.status, { error: failure.message });
    else request.res.end();
  }
}
