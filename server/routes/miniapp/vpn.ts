import type { FastifyInstance } from 'fastify';
import { PRODUCTS } from '#core/catalog/products.ts';
import { AppError } from '#core/errors/app-error.ts';
import { loadUsableClaim } from '#core/referrals/usable-claim.ts';
import {
  listVpnDevices,
  removeVpnDevice,
  revokeVpnLink,
  setVpnAutoRenew,
} from '#core/vpn/account/panel-account.ts';
import { countryFlag, listVpnServers } from '#core/vpn/account/vpn-servers.ts';
import { getVpnStatus } from '#core/vpn/account/vpn-status.ts';
import { subscriptionQrDataUrl } from '#core/vpn/connect/qr-code.ts';
import { VPN_CLIENTS } from '#core/vpn/connect/vpn-clients.ts';
import { vpnImportUrl } from '#core/vpn/miniapp/import-url.ts';
import type { TPanelClient } from '#core/vpn/panel/panel-client.ts';
import { isPanelError } from '#core/vpn/panel/panel-error.ts';
import { panelFromEnv } from '#core/vpn/panel-sync/panel-from-env.ts';
import { isPaidTier } from '#core/vpn/plans.ts';
import { activateTrial } from '#core/vpn/subscription/activate-trial.ts';
import { planRenewal } from '#core/vpn/subscription/renewal.ts';
import {
  type TVpn,
  type TVpnConnect,
  type TVpnDevices,
  type TVpnServers,
  ZHwidSchema,
  ZVpnAutoRenewRequestSchema,
} from '#server/contracts/vpn.ts';
import type { ServerDeps } from '#server/deps.ts';
import { pricesOf } from './catalog.ts';

const PLAN_SHELF = 'vpn-plans';
const ADDON_SHELF = 'vpn-addons';

/** The panel, or the localized "VPN not available" when none is configured. */
function panelOf(deps: ServerDeps): TPanelClient {
  const panel = panelFromEnv(deps.config);
  if (!panel) throw new AppError('VPN_UNAVAILABLE');
  return panel;
}

/** A panel that is down or answers nonsense is "not available right now" to the user, never a bare 500. */
async function viaPanel<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isPanelError(error)) throw new AppError('VPN_UNAVAILABLE', { panel: error.kind });
    throw error;
  }
}

/** Everything the VPN page shows, read from our row (usage as last synced); no panel call. */
async function vpnView(deps: ServerDeps, userId: bigint): Promise<TVpn> {
  const now = new Date();
  const status = await getVpnStatus(deps.db, userId, now);
  const claim = await loadUsableClaim(deps.db, userId);
  const current = status.state === 'none' ? null : { tier: status.tier, expiresAt: status.expiresAt };
  const withPrices = (shelf: string) =>
    PRODUCTS.filter((p) => p.shelf === shelf)
      .map((product) => ({
        product,
        view: {
          id: product.id,
          category: product.shelf,
          titleKey: product.titleKey,
          prices: pricesOf(product, deps, claim),
        },
      }))
      .filter((p) => p.view.prices.length > 0);

  const plans = withPrices(PLAN_SHELF).flatMap(({ product, view }) => {
    const { tier, days } = product.fulfilment;
    if (typeof tier !== 'string' || !isPaidTier(tier) || typeof days !== 'number') return [];
    const renewal = planRenewal(current, { tier, days }, now);
    return [
      {
        ...view,
        tier,
        days,
        renewal: {
          kind: renewal.kind,
          expiresAt: renewal.expiresAt.toISOString(),
          conversion: renewal.conversion ?? null,
        },
      },
    ];
  });
  const available = panelFromEnv(deps.config) !== null;

  if (status.state === 'none')
    return {
      available,
      trialAvailable: status.trialAvailable,
      subscription: null,
      connect: null,
      plans,
      addons: [],
    };

  let connect: TVpnConnect | null = null;
  if (status.state === 'active' && status.ready && status.subscriptionUrl) {
    const sub = await deps.db.vpnSubscription.findUnique({
      where: { userId },
      select: { shortUuid: true },
    });
    const shortUuid = sub?.shortUuid ?? '';
    connect = {
      subscriptionUrl: status.subscriptionUrl,
      qrDataUrl: await subscriptionQrDataUrl(status.subscriptionUrl),
      clients: VPN_CLIENTS.map((client) => ({
        id: client.id,
        name: client.name,
        platforms: [...client.platforms],
        downloadUrl: client.downloadUrl,
        importUrl: vpnImportUrl(deps.config.PUBLIC_URL, client.id, shortUuid),
      })),
    };
  }
  return {
    available,
    trialAvailable: status.trialAvailable,
    subscription: {
      state: status.state,
      tier: status.tier,
      isTrial: status.isTrial,
      expiresAt: status.expiresAt.toISOString(),
      daysLeft: status.daysLeft,
      trafficUsedBytes: status.trafficUsedBytes.toString(),
      trafficLimitBytes: status.trafficLimitBytes.toString(),
      deviceLimit: status.deviceLimit,
      autoRenew: status.autoRenew,
      autoRenewProduct: status.autoRenewProduct,
      ready: status.ready,
    },
    connect,
    plans,
    // Traffic and devices top up a running plan; with none active they would buy nothing usable.
    addons: status.state === 'active' && !status.isTrial ? withPrices(ADDON_SHELF).map((p) => p.view) : [],
  };
}

/**
 * The Mini App's VPN page: GET /api/vpn (status, link, QR, apps, plans with the renewal preview), the trial,
 * auto-renew, a new link, devices and servers. Buying goes through the shop's checkout (catalog.ts).
 */
export function vpnRoutes(app: FastifyInstance, deps: ServerDeps) {
  app.get('/api/vpn', async (request): Promise<TVpn> => {
    if (!request.account) throw new AppError('UNAUTHORIZED');
    return vpnView(deps, request.account.id);
  });

  app.post('/api/vpn/trial', async (request): Promise<TVpn> => {
    if (!request.account) throw new AppError('UNAUTHORIZED');
    // Without a panel the trial would wait for a server that never comes; the user is told now.
    panelOf(deps);
    await activateTrial(deps.db, { userId: request.account.id });
    return vpnView(deps, request.account.id);
  });

  app.post('/api/vpn/auto-renew', async (request): Promise<TVpn> => {
    if (!request.account) throw new AppError('UNAUTHORIZED');
    const body = ZVpnAutoRenewRequestSchema.safeParse(request.body);
    if (!body.success) throw new AppError('INVALID_INPUT');
    const { on, productId } = body.data;
    // Only a plan can renew a plan: an add-on or another service's product would charge for the wrong thing.
    if (productId !== undefined && !PRODUCTS.some((p) => p.id === productId && p.shelf === PLAN_SHELF))
      throw new AppError('INVALID_INPUT');
    await setVpnAutoRenew(deps.db, request.account.id, { on, productId });
    return vpnView(deps, request.account.id);
  });

  app.post('/api/vpn/revoke', async (request): Promise<TVpn> => {
    if (!request.account) throw new AppError('UNAUTHORIZED');
    const panel = panelOf(deps);
    const userId = request.account.id;
    await viaPanel(() => revokeVpnLink({ db: deps.db, panel }, userId));
    return vpnView(deps, userId);
  });

  app.get('/api/vpn/devices', async (request): Promise<TVpnDevices> => {
    if (!request.account) throw new AppError('UNAUTHORIZED');
    const panel = panelOf(deps);
    const userId = request.account.id;
    const { devices, limit } = await viaPanel(() => listVpnDevices({ db: deps.db, panel }, userId));
    return { devices: devices.map((d) => ({ ...d, addedAt: d.addedAt.toISOString() })), limit };
  });

  app.delete<{ Params: { hwid: string } }>(
    '/api/vpn/devices/:hwid',
    async (request): Promise<TVpnDevices> => {
      if (!request.account) throw new AppError('UNAUTHORIZED');
      const hwid = ZHwidSchema.safeParse(request.params.hwid);
      if (!hwid.success) throw new AppError('INVALID_INPUT');
      const panel = panelOf(deps);
      const userId = request.account.id;
      await viaPanel(() => removeVpnDevice({ db: deps.db, panel }, userId, hwid.data));
      const { devices, limit } = await viaPanel(() => listVpnDevices({ db: deps.db, panel }, userId));
      return { devices: devices.map((d) => ({ ...d, addedAt: d.addedAt.toISOString() })), limit };
    },
  );

  app.get('/api/vpn/servers', async (request): Promise<TVpnServers> => {
    if (!request.account) throw new AppError('UNAUTHORIZED');
    const panel = panelOf(deps);
    const servers = await viaPanel(() => listVpnServers(panel));
    return {
      servers: servers.map((s) => ({
        name: s.name,
        countryCode: s.countryCode,
        flag: countryFlag(s.countryCode),
        online: s.online,
      })),
    };
  });
}
