import type { TNoticeDeps } from '#core/vpn/notices/send-vpn-notice.ts';
import { panelFromEnv } from '#core/vpn/panel-sync/panel-from-env.ts';
import type { TWorkerContext } from '#workers/runtime/worker-context.ts';

/** What the VPN jobs' notices need, from the worker's context. */
export const noticeDepsOf = (ctx: TWorkerContext): TNoticeDeps => ({
  db: ctx.db,
  notifyQueue: ctx.notifyQueue,
  translator: ctx.translator,
  miniAppUrl: ctx.links.miniAppUrl,
});

const toldOff = new WeakMap<TWorkerContext, Set<string>>();

/**
 * The panel client, or null when the VPN service is off (no REMNAWAVE_URL): the VPN jobs then do nothing
 * and say so once per worker process and job, not at every tick of their schedules.
 */
export function panelOrSayOff(ctx: TWorkerContext, job: string) {
  const panel = panelFromEnv(ctx.config);
  if (panel) return panel;
  const told = toldOff.get(ctx) ?? new Set<string>();
  if (!told.has(job)) ctx.logger.info({ job }, 'VPN service is off (no REMNAWAVE_URL): nothing to do');
  told.add(job);
  toldOff.set(ctx, told);
  return null;
}
