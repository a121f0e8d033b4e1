import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderInboxPage } from './inbox-page.ts';
import type { MailStore } from './mail-store.ts';
import type { CaughtMail, Logger } from './mail-types.ts';

export type HttpInbox = { port: number; close(): Promise<void> };

/** Serves the caught mail as JSON plus a small HTML inbox, for the sandbox UI and for humans. */
export async function startHttpInbox(opts: {
  port: number;
  host: string;
  store: MailStore;
  logger?: Logger;
}): Promise<HttpInbox> {
  const log = opts.logger ?? (() => {});
  const server = createServer((req, res) => {
    try {
      route(req, res, opts.store);
    } catch (err) {
      log(`mail-catcher: http error: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Browsers keep idle keep-alive sockets open, which would hold close() up indefinitely.
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

function route(req: IncomingMessage, res: ServerResponse, store: MailStore): void {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '') || '/';
  const method = req.method ?? 'GET';
  const messageId = /^\/messages\/([^/]+)$/.exec(path)?.[1];

  if (path === '/') {
    if (method === 'GET') sendPage(res);
    else methodNotAllowed(res, 'GET');
  } else if (path === '/favicon.ico') {
    // Browsers ask for it on every visit; an empty answer keeps their console free of 404 noise.
    res.writeHead(204).end();
  } else if (path === '/messages') {
    if (method === 'GET') sendJson(res, 200, store.list().map(toJson));
    else if (method === 'DELETE') {
      store.clear();
      res.writeHead(204).end();
    } else methodNotAllowed(res, 'GET, DELETE');
  } else if (messageId !== undefined) {
    const mail = store.get(safeDecode(messageId));
    if (method !== 'GET') methodNotAllowed(res, 'GET');
    else if (mail) sendJson(res, 200, toJson(mail));
    else sendJson(res, 404, { error: 'no such message' });
  } else {
    sendJson(res, 404, { error: 'not found' });
  }
}

// A malformed escape in the URL is a request for a message that cannot exist, not a server error.
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function toJson(mail: CaughtMail): Omit<CaughtMail, 'receivedAt'> & { receivedAt: string } {
  return { ...mail, receivedAt: mail.receivedAt.toISOString() };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    // The inbox changes with every message; a cached list would hide the newest code.
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function sendPage(res: ServerResponse): void {
  const nonce = randomBytes(16).toString('base64');
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // Only the page's own script may run. The mail preview iframe inherits this policy on top of
    // its sandbox, so scripts inside a caught HTML body stay dead twice over; inline styles and
    // remote images are left alone so that mail renders the way a mail client would show it.
    'content-security-policy': `script-src 'nonce-${nonce}'; object-src 'none'`,
    'x-content-type-options': 'nosniff',
  });
  res.end(renderInboxPage(nonce));
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('allow', allow);
  sendJson(res, 405, { error: 'method not allowed' });
}
