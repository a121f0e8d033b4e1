import type { TPanelClient } from '../panel/panel-client.ts';

export interface TVpnServer {
  name: string;
  /** ISO 3166-1 alpha-2 as the panel stores it ("DE"); "XX" when not set. */
  countryCode: string;
  online: boolean;
  usersOnline: number;
}

const CACHE_MS = 60_000;
let cache: { at: number; panel: TPanelClient; servers: TVpnServer[] } | null = null;

/**
 * The panel's nodes as users see them: name, country and whether they are up (a disabled node is not shown).
 * Read at most once a minute: every user opening the page must not become a panel call.
 */
export async function listVpnServers(panel: TPanelClient, now = Date.now()): Promise<TVpnServer[]> {
  if (cache && cache.panel === panel && now - cache.at < CACHE_MS) return cache.servers;
  const nodes = await panel.listNodes();
  const servers = nodes
    .filter((n) => !n.isDisabled)
    .sort((a, b) => a.viewPosition - b.viewPosition)
    .map((n) => ({
      name: n.name,
      countryCode: n.countryCode || 'XX',
      online: n.isConnected,
      usersOnline: n.usersOnline,
    }));
  cache = { at: now, panel, servers };
  return servers;
}

/** 🇩🇪 from "DE"; a globe for an unknown code. */
export function countryFlag(code: string): string {
  if (!/^[A-Z]{2}$/.test(code) || code === 'XX') return '🌐';
  return String.fromCodePoint(...[...code].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}
