// The public subscription endpoints a VPN client opens (no bearer token): the base64 list of links
// with the `subscription-userinfo` header clients show as traffic and expiry, and its `/info` JSON.
import {
  ERRORS,
  GetSubscriptionByShortUuidCommand,
  GetSubscriptionInfoByShortUuidCommand,
  REST_API,
} from '@remnawave/backend-contract';
import { ok, panelError, parseWith, type TReply, type TWire } from './remnawave-replies.ts';
import { pattern, type TPanel, type TRoute } from './remnawave-routes.ts';
import type { TStoredUser } from './remnawave-store.ts';

const DAY_MS = 86_400_000;
// Bots mark "no expiry" with year 2099; the panel then reports expire=0.
const UNLIMITED_YEAR = 2099;

/** One VLESS Reality link per reachable node and inbound of the user's squads; none when not ACTIVE. */
export function subscriptionLinks(panel: TPanel, user: TStoredUser): string[] {
  if (user.status !== 'ACTIVE') return [];
  const inbounds = panel.store.squads
    .filter((s) => user.squadUuids.includes(s.uuid))
    .flatMap((s) => s.inbounds);
  return panel.store.nodes
    .filter((n) => n.isConnected && !n.isDisabled)
    .flatMap((node) =>
      inbounds.map(
        (inbound) =>
          `vless://${user.vlessUuid}@${node.address}:${inbound.port}?type=${inbound.network}` +
          `&security=${inbound.security}&flow=xtls-rprx-vision#${encodeURIComponent(`${node.countryCode} ${node.name}`)}`,
      ),
    );
}

/** `getUserProfileHeadersInfo` of the panel's subscription service. */
function profileHeaders(panel: TPanel, user: TStoredUser): Record<string, string> {
  const expire =
    user.expireAt.getUTCFullYear() >= UNLIMITED_YEAR ? 0 : Math.floor(user.expireAt.getTime() / 1000);
  return {
    'content-type': 'text/plain; charset=utf-8',
    'content-disposition': `attachment; filename=${user.username}`,
    'support-url': 'https://t.me/support',
    'profile-title': `base64:${Buffer.from('Polygram VPN').toString('base64')}`,
    'profile-update-interval': '12',
    'profile-web-page-url': `${panel.subscriptionBase}/${user.shortUuid}`,
    'subscription-userinfo': `upload=0; download=${user.usedTrafficBytes}; total=${user.trafficLimitBytes}; expire=${expire}`,
  };
}

export const subscriptionRoutes: TRoute[] = [
  {
    method: 'GET',
    path: pattern(REST_API.SUBSCRIPTION.GET_INFO, 'shortUuid'),
    public: true,
    handle(panel, req) {
      const params = parseWith(GetSubscriptionInfoByShortUuidCommand.RequestParamSchema, req.params);
      if (!params.ok) return params.reply;
      const user = panel.store.byShortUuid(params.data.shortUuid);
      if (!user) return panelError(ERRORS.USER_NOT_FOUND, req.path);
      const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
      const info: TWire<typeof GetSubscriptionInfoByShortUuidCommand.ResponseSchema>['response'] = {
        isFound: true,
        user: {
          shortUuid: user.shortUuid,
          daysLeft: Math.max(0, Math.ceil((user.expireAt.getTime() - Date.now()) / DAY_MS)),
          trafficUsed: gib(user.usedTrafficBytes),
          trafficLimit: user.trafficLimitBytes === 0 ? '∞' : gib(user.trafficLimitBytes),
          lifetimeTrafficUsed: gib(user.lifetimeUsedTrafficBytes),
          trafficUsedBytes: String(user.usedTrafficBytes),
          trafficLimitBytes: String(user.trafficLimitBytes),
          lifetimeTrafficUsedBytes: String(user.lifetimeUsedTrafficBytes),
          username: user.username,
          expiresAt: user.expireAt.toISOString(),
          isActive: user.status === 'ACTIVE',
          userStatus: user.status,
          trafficLimitStrategy: user.trafficLimitStrategy,
        },
        links: subscriptionLinks(panel, user),
        ssConfLinks: {},
        subscriptionUrl: `${panel.subscriptionBase}/${user.shortUuid}`,
      };
      return ok(info);
    },
  },
  {
    method: 'GET',
    path: pattern(REST_API.SUBSCRIPTION.GET, 'shortUuid'),
    public: true,
    handle(panel, req): TReply {
      const params = parseWith(GetSubscriptionByShortUuidCommand.RequestParamSchema, req.params);
      if (!params.ok) return params.reply;
      const user = panel.store.byShortUuid(params.data.shortUuid);
      if (!user) return panelError(ERRORS.USER_NOT_FOUND, req.path);
      const links = subscriptionLinks(panel, user).join('\n');
      return {
        status: 200,
        body: Buffer.from(links).toString('base64'),
        headers: profileHeaders(panel, user),
      };
    },
  },
];
