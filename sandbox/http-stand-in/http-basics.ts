// Small node:http helpers shared by the provider stand-ins.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Logger = (msg: string) => void;

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Public APIs keep an idle connection far longer than Node's clients do (nginx: 75 s; Node's agent drops an
 * idle socket after 5 s). With Node's server default of 5 s both ends close at the same moment, and a request
 * sent on a socket the server is just closing fails with ECONNRESET: for a send we then cannot tell whether
 * it went out. Under load that race is common, and no real API shows it.
 */
export function keepConnectionsLikeAPublicApi(server: Server): void {
  server.keepAliveTimeout = 75_000;
  server.headersTimeout = 76_000;
}

export async function listen(server: Server, port: number, host: string): Promise<number> {
  keepConnectionsLikeAPublicApi(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    // Keep-alive sockets (fetch keeps them) would hold close() up until they time out.
    server.closeAllConnections();
    server.close((err) => (err ? reject(err) : resolve()));
  });
}

/** A URL must name an address clients can reach: a wildcard bind is reached over loopback. */
export function connectableHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

export class BodyTooLargeError extends Error {}

/** `maxBytes` (default 1 MiB) is for stand-ins that take uploads, such as audio files. */
export async function readBody(req: IncomingMessage, opts: { maxBytes?: number } = {}): Promise<Buffer> {
  const maxBytes = opts.maxBytes ?? MAX_BODY_BYTES;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > maxBytes) throw new BodyTooLargeError(`body over ${maxBytes} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // The pages are plain forms: nothing on them needs to run.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    'x-content-type-options': 'nosniff',
  });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string): void {
  // 303 turns the form POST into a GET of the target, like a payment page sending the user back.
  res.writeHead(303, { location, 'cache-control': 'no-store' });
  res.end();
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON with object keys sorted, so two bodies that differ only in key order compare equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
