import type { TPanelClient } from '../panel/panel-client.ts';

const CACHE_MS = 5 * 60_000;
const cache = new WeakMap<TPanelClient, { at: number; byName: Map<string, string> }>();

/**
 * The panel's internal squads for our server groups: each group's squad name (VPN_SQUADS) matched without
 * regard to case. A squad the panel lacks is a setup mistake the sync reports (and retries) rather than a
 * user left without servers silently.
 */
export async function squadUuidsFor(
  panel: TPanelClient,
  groups: readonly string[],
  squadNames: Readonly<Record<string, string>>,
  now = Date.now(),
) {
  const names = groups.map((g) => squadNames[g] ?? g);
  let entry = cache.get(panel);
  const missing = () => names.filter((n) => !entry?.byName.has(n.toLowerCase()));
  if (!entry || now - entry.at > CACHE_MS || missing().length > 0) {
    const squads = await panel.listInternalSquads();
    entry = { at: now, byName: new Map(squads.map((s) => [s.name.toLowerCase(), s.uuid])) };
    cache.set(panel, entry);
  }
  const absent = missing();
  if (absent.length > 0)
    throw new Error(`the panel has no internal squad named ${absent.join(', ')}; create it or rename one`);
  return names.map((n) => entry.byName.get(n.toLowerCase()) as string);
}
