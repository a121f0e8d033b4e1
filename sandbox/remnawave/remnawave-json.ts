// The panel's objects as its API shows them, typed by the contract's own schemas so that the
// stand-in cannot drift from the contract: a field the contract adds or renames fails `tsc`.
import type {
  ExtendedUsersSchema,
  HwidUserDeviceSchema,
  InternalSquadSchema,
  NodesSchema,
} from '@remnawave/backend-contract';
import type { TWire } from './remnawave-replies.ts';
import { PROFILE_UUID, type TInbound, type TNode, type TSquad } from './remnawave-sample-infra.ts';
import type { TDevice, TStoredUser } from './remnawave-store.ts';

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

export function userJson(
  user: TStoredUser,
  squads: readonly TSquad[],
  subscriptionBase: string,
): TWire<typeof ExtendedUsersSchema> {
  return {
    id: user.id,
    shortUuid: user.shortUuid,
    username: user.username,
    status: user.status,
    trafficLimitBytes: user.trafficLimitBytes,
    trafficLimitStrategy: user.trafficLimitStrategy,
    expireAt: user.expireAt.toISOString(),
    telegramId: user.telegramId,
    email: user.email,
    description: user.description,
    tag: user.tag,
    hwidDeviceLimit: user.hwidDeviceLimit,
    externalSquadUuid: user.externalSquadUuid,
    trojanPassword: user.trojanPassword,
    vlessUuid: user.vlessUuid,
    ssPassword: user.ssPassword,
    lastTriggeredThreshold: user.lastTriggeredThreshold,
    subRevokedAt: iso(user.subRevokedAt),
    lastTrafficResetAt: iso(user.lastTrafficResetAt),
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    // The panel builds it as https://SUB_PUBLIC_DOMAIN/<shortUuid>; here the stand-in's own endpoint.
    subscriptionUrl: `${subscriptionBase}/${user.shortUuid}`,
    activeInternalSquads: squads
      .filter((s) => user.squadUuids.includes(s.uuid))
      .map((s) => ({ uuid: s.uuid, name: s.name })),
    userTraffic: {
      usedTrafficBytes: user.usedTrafficBytes,
      lifetimeUsedTrafficBytes: user.lifetimeUsedTrafficBytes,
      onlineAt: iso(user.onlineAt),
      firstConnectedAt: iso(user.firstConnectedAt),
      lastConnectedNodeUuid: user.lastConnectedNodeUuid,
    },
  };
}

export function deviceJson(device: TDevice, userId: number): TWire<typeof HwidUserDeviceSchema> {
  return {
    hwid: device.hwid,
    userId,
    platform: device.platform,
    osVersion: device.osVersion,
    deviceModel: device.deviceModel,
    userAgent: device.userAgent,
    requestIp: device.requestIp,
    createdAt: device.createdAt.toISOString(),
    updatedAt: device.updatedAt.toISOString(),
  };
}

function inboundJson(inbound: TInbound) {
  return { ...inbound, profileUuid: PROFILE_UUID, rawInbound: null };
}

export function squadJson(squad: TSquad, membersCount: number): TWire<typeof InternalSquadSchema> {
  return {
    uuid: squad.uuid,
    viewPosition: squad.viewPosition,
    name: squad.name,
    tags: [],
    info: { membersCount, inboundsCount: squad.inbounds.length },
    inbounds: squad.inbounds.map(inboundJson),
    createdAt: squad.createdAt.toISOString(),
    updatedAt: squad.createdAt.toISOString(),
  };
}

/** Every node serves every squad's inbounds in the stand-in. */
export function nodeJson(node: TNode, squads: readonly TSquad[]): TWire<typeof NodesSchema> {
  return {
    uuid: node.uuid,
    id: node.id,
    name: node.name,
    address: node.address,
    port: 2222,
    proxyUrl: null,
    isConnected: node.isConnected,
    isDisabled: node.isDisabled,
    isConnecting: false,
    lastStatusChange: iso(node.lastStatusChange),
    lastStatusMessage: node.lastStatusMessage,
    isTrafficTrackingActive: false,
    trafficResetDay: null,
    trafficLimitBytes: null,
    trafficUsedBytes: node.trafficUsedBytes,
    notifyPercent: null,
    viewPosition: node.id,
    countryCode: node.countryCode,
    consumptionMultiplier: 1,
    nodeConsumptionMultiplier: 1,
    tags: [],
    integrationUuids: [],
    ips: [],
    createdAt: node.createdAt.toISOString(),
    updatedAt: node.updatedAt.toISOString(),
    configProfile: {
      activeConfigProfileUuid: PROFILE_UUID,
      activeInbounds: squads.flatMap((s) => s.inbounds).map(inboundJson),
    },
    providerUuid: null,
    provider: null,
    activePluginUuid: null,
    system: null,
    versions: node.isConnected ? { xray: '25.10.15', node: '2.3.0' } : null,
    xrayUptime: node.isConnected ? 3600 : 0,
    usersOnline: node.usersOnline,
    note: null,
  };
}
