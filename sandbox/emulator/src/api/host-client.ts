import type {
  BotChatProfile,
  ChatMessage,
  InvoiceLinkInfo,
  MediaInfo,
  PayInvoiceResult,
  User,
} from '../../../telegram/types.ts';
import type {
  TCreateUserBody,
  TEmulatorConfig,
  TLaunch,
  TLaunchBody,
  TPayBody,
  TPressButtonBody,
  TSendContactBody,
  TSendMediaQuery,
  TSendTextBody,
} from '../../contract/host-api.ts';

/** What the host refused, with its reason (an unknown message, an invoice already paid…). */
export class HostRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HostRequestError';
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init);
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const reason =
      typeof body === 'object' && body !== null && 'error' in body ? String(body.error) : response.statusText;
    throw new HostRequestError(response.status, reason);
  }
  return body as T;
}

const post = <T>(path: string, body: unknown) =>
  request<T>(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  return search.toString();
}

/** The query of a media upload as the page builds it (the schema coerces these from strings). */
type TSendMediaRequest = { [K in keyof TSendMediaQuery]: string | number | undefined } & Pick<
  TSendMediaQuery,
  'bot' | 'kind' | 'fileName'
>;

/** The emulator host's API (host/api-routes.ts); the contract's types keep both sides in step. */
export const hostApi = {
  config: () => request<TEmulatorConfig>('/api/config'),
  users: () => request<User[]>('/api/users'),
  createUser: (body: TCreateUserBody) => post<User>('/api/users', body),
  messages: (bot: string, chatId: number) =>
    request<ChatMessage[]>(`/api/messages?${query({ bot, chatId })}`),
  botProfile: (bot: string, chatId: number, userId: number) =>
    request<BotChatProfile>(`/api/bot-profile?${query({ bot, chatId, userId })}`),
  sendText: (body: TSendTextBody) => post<ChatMessage>('/api/messages/text', body),
  sendContact: (body: TSendContactBody) => post<ChatMessage>('/api/messages/contact', body),
  sendMedia: (params: TSendMediaRequest, file: Blob) =>
    request<ChatMessage>(`/api/messages/media?${query(params)}`, {
      method: 'POST',
      headers: { 'content-type': file.type || 'application/octet-stream' },
      body: file,
    }),
  pressButton: (body: TPressButtonBody) => post<{ callbackQueryId: string }>('/api/callbacks', body),
  pay: (body: TPayBody) => post<PayInvoiceResult>('/api/payments', body),
  invoiceLink: (link: string) => request<InvoiceLinkInfo>(`/api/invoice-links?${query({ link })}`),
  launch: (body: TLaunchBody) => post<TLaunch>('/api/launch', body),
};

/** Where the page shows (or, with `download`, saves) a file of a message; the host fetches the bytes. */
export function fileUrl(bot: string, media: MediaInfo, download?: string): string {
  return `/api/files?${query({ bot, fileId: media.file_id, type: media.mime_type, download })}`;
}
