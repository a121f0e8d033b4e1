import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { type TLang, toLang } from '#core/i18n/translator.ts';
import { findVpnClient, type TVpnClient } from '#core/vpn/connect/vpn-clients.ts';
import { subscriptionUrlByShortUuid } from '#core/vpn/lookup/subscription-by-short-uuid.ts';
import type { ServerDeps } from '#server/deps.ts';

const ZParamsSchema = z.object({ client: z.string().regex(/^[a-z0-9-]{1,30}$/) });
const ZQuerySchema = z.object({ s: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

/** The name the apps show for the imported subscription. */
const PROFILE_NAME = 'Polygram VPN';

const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** A string as a JS literal that cannot close the <script> element or break the line. */
const jsString = (text: string): string =>
  JSON.stringify(text)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#222}
a.button{display:inline-block;padding:.75rem 1.25rem;border-radius:.5rem;background:#2a7de1;color:#fff;text-decoration:none}
code{display:block;padding:.5rem;background:#f2f2f2;border-radius:.25rem;word-break:break-all;user-select:all}`;

function page(
  reply: FastifyReply,
  status: number,
  lang: TLang,
  title: string,
  body: string,
  script?: string,
) {
  // One nonce per answer: only our own inline style and script run, nothing injected into the page could.
  const nonce = randomBytes(16).toString('base64');
  reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header(
      'content-security-policy',
      `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    )
    .header('referrer-policy', 'no-referrer')
    // The page carries the user's own subscription link: no cache along the way keeps it.
    .header('cache-control', 'no-store')
    .header('x-robots-tag', 'noindex');
  const scriptTag = script ? `<script nonce="${nonce}">${script}</script>` : '';
  return reply.send(
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
      '<meta name="viewport" content="width=device-width,initial-scale=1">' +
      `<title>${escapeHtml(title)}</title><style nonce="${nonce}">${STYLE}</style></head>` +
      `<body>${body}${scriptTag}</body></html>`,
  );
}

function importBody(
  t: (key: string, args?: Record<string, string>) => string,
  client: TVpnClient,
  link: string,
  subscriptionUrl: string,
) {
  const app = { app: client.name };
  return [
    `<h1>${escapeHtml(t('vpn-import-title'))}</h1>`,
    `<p>${escapeHtml(t('vpn-import-opening', app))}</p>`,
    `<p><a class="button" href="${escapeHtml(link)}">${escapeHtml(t('vpn-import-open-button', app))}</a></p>`,
    `<p>${escapeHtml(t('vpn-import-copy-hint'))}</p>`,
    `<code>${escapeHtml(subscriptionUrl)}</code>`,
    `<p>${escapeHtml(t('vpn-import-install-hint', app))}</p>`,
    `<p><a href="${escapeHtml(client.downloadUrl)}" rel="noreferrer">${escapeHtml(t('vpn-import-download', app))}</a></p>`,
  ].join('');
}

/**
 * `GET /vpn/import/:client?s=<shortUuid>`: the https step between the bot's "Connect in <App>" button and
 * the app. Telegram refuses inline buttons with an app's own scheme (happ://…), so this page sends the
 * browser on to it at once, and shows the link to copy and where to get the app if nothing opened.
 */
export function vpnImportRoutes(app: FastifyInstance, deps: Pick<ServerDeps, 'db' | 'translator'>) {
  app.get('/vpn/import/:client', async (request, reply) => {
    const lang = toLang(request.headers['accept-language']);
    const t = (key: string, args?: Record<string, string>) => deps.translator.t(lang, key, args);
    const params = ZParamsSchema.safeParse(request.params);
    const query = ZQuerySchema.safeParse(request.query);
    const client = params.success ? findVpnClient(params.data.client) : undefined;
    const subscriptionUrl =
      client && query.success ? await subscriptionUrlByShortUuid(deps.db, query.data.s) : null;
    if (!client || !subscriptionUrl) {
      const title = t('vpn-import-not-found-title');
      return page(
        reply,
        404,
        lang,
        title,
        `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(t('vpn-import-not-found'))}</p>`,
      );
    }
    const link = client.importLink(subscriptionUrl, PROFILE_NAME);
    return page(
      reply,
      200,
      lang,
      t('vpn-import-title'),
      importBody(t, client, link, subscriptionUrl),
      `location.href = ${jsString(link)};`,
    );
  });
}
