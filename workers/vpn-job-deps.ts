import type { TNoticeDeps } from '#core/vpn/notices/send-vpn-notice.ts';
import type { TPanelClient } from '#core/vpn/panel/panel-client.ts';
import { panelFromEnv } from '#core/vpn/panel-sync/panel-from-env.ts';
import type { TWorkerContext } from '#workers/runtime/worker-context.ts';

/** What the VPN jobs' notices need, from the worker's context. */
export const noticeDepsOf = (ctx: TWorkerContext): TNoticeDeps => ({
  db: ctx.db,
  notifyQueue: ctx.notifyQueue,
  translator: ctx.translator,
  miniAppUrl: ctx.links.miniAppUrl,
});

const panels = new WeakMap<TWorkerContext, { client: TPanelClient | null; toldOff: Set<string> }>();

/**
 * The panel client, or null when the VPN service is off (no REMNAWAVE_URL): the VPN jobs then do nothing and say so once per worker process and job,
 * not at every tick of their schedules.
 */
export function panelOrSayOff(ctx: TWorkerContext, job: string): TPanelClient | null {
  let entry = panels.get(ctx);
  if (!entry) {
    entry = { client: panelFromEnv(ctx.config), toldOff: new Set() };
    panels.set(ctx, entry);
  }
  if (entry.client) return entry.client;
  if (!entry.toldOff.has(job))
    ctx.logger.info({ job }, 'VPN service is off (no REMNAWAVE_URL): nothing to do');
  entry.toldOff.add(job);
  return null;
}
