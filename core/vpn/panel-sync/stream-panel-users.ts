import { GetUsersStreamCommand } from '@remnawave/backend-contract';
import type { TVpnEnv } from '../env.ts';
import type { TPanelUser } from '../panel/panel-client.ts';
import { panelConfigFromEnv, type TPanelConfig } from '../panel/panel-config.ts';
import { createPanelTransport, type TPanelTransport } from '../panel/panel-transport.ts';

/** The panel's stream answers at most 1000 users a page; 500 keeps a page's JSON near a megabyte. */
const PAGE_SIZE = 500;

export type TPanelUserPages = (opts?: { pageSize?: number }) => AsyncGenerator<TPanelUser[]>;

/**
 * Every panel user, a page at a time, through `/api/users/stream` (cursor = the last id): one request per
 * few hundred users where getUserById would be one per user. The panel client has no such walk, so it
 * lives here, over the same transport (retries, timeouts, the proxy headers).
 */
export function createPanelUserPages(config: TPanelConfig): TPanelUserPages {
  const send: TPanelTransport = createPanelTransport(config);
  return async function* pages(opts = {}) {
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ size: String(opts.pageSize ?? PAGE_SIZE) });
      if (cursor !== null) query.set('cursor', cursor);
      const page = await send({
        method: 'GET',
        route: GetUsersStreamCommand.TSQ_url,
        path: `${GetUsersStreamCommand.url}?${query}`,
        schema: GetUsersStreamCommand.ResponseSchema,
        idempotent: true,
      });
      if (page.response.users.length > 0) yield page.response.users;
      cursor = page.response.hasMore ? page.response.nextCursor : null;
    } while (cursor !== null);
  };
}

let cached: { key: string; pages: TPanelUserPages } | null = null;

/**
 * The walk for the parsed env the worker holds (one per configuration, like panelFromEnv), or null when
 * the VPN is off. The env is already parsed: its VPN fragment is not parsed again.
 */
export function panelUserPagesFromEnv(env: TVpnEnv): TPanelUserPages | null {
  const config = panelConfigFromEnv(env);
  if (!config) return null;
  const key = JSON.stringify(config);
  if (cached?.key !== key) cached = { key, pages: createPanelUserPages(config) };
  return cached.pages;
}
