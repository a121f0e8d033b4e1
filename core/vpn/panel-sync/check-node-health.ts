import type { Logger } from '#core/logging/logger.ts';
import type { Redis } from '#core/redis/create-redis.ts';
import type { TPanelClient } from '../panel/panel-client.ts';

export type TNodeHealth = { name: string; countryCode: string; online: boolean; disabled: boolean };

/** Outlives a few missed checks, then goes: a status nobody refreshes is no status. */
const STATUS_TTL_SECONDS = 15 * 60;

/**
 * Reads the panel's nodes and warns about every enabled node that is offline, each check, so an outage
 * stays visible in the logs until it ends; a node that comes back is said once. The latest status is kept
 * in Redis (one small hash) only to tell "came back" from "was fine": the Mini App reads servers live
 * (core/vpn/account/vpn-servers.ts) and no table of nodes is kept.
 */
export async function checkNodeHealth(deps: {
  panel: TPanelClient;
  redis: Redis;
  /** The hash's key, under the deployment's Redis prefix. */
  statusKey: string;
  logger: Logger;
}): Promise<{ nodes: number; offline: string[] }> {
  const nodes: TNodeHealth[] = (await deps.panel.listNodes()).map((n) => ({
    name: n.name,
    countryCode: n.countryCode,
    online: n.isConnected,
    disabled: n.isDisabled,
  }));
  const before = await deps.redis.hgetall(deps.statusKey);
  const offline: string[] = [];
  for (const node of nodes) {
    if (node.disabled) continue;
    const was = before[node.name];
    if (!node.online) {
      offline.push(node.name);
      deps.logger.warn(
        { node: node.name, countryCode: node.countryCode, since: was === 'offline' ? 'earlier' : 'now' },
        'VPN node offline',
      );
    } else if (was === 'offline') {
      deps.logger.info({ node: node.name, countryCode: node.countryCode }, 'VPN node back online');
    }
  }
  const status = Object.fromEntries(
    nodes.map((n) => [n.name, n.disabled ? 'disabled' : n.online ? 'online' : 'offline']),
  );
  const write = deps.redis.multi().del(deps.statusKey);
  if (nodes.length > 0) write.hset(deps.statusKey, status).expire(deps.statusKey, STATUS_TTL_SECONDS);
  await write.exec();
  return { nodes: nodes.length, offline };
}
